"""The leak guard: no gated or internal value may appear in any file of the built site.

It collects every restricted value from the validated data (everything under ``gated:``
and ``internal:``, every field of a gated or internal control, of an internal
attestation and of an access grant) and searches every output file for each of them:
HTML as written and as text (tags stripped, entities decoded), JSON after decoding its
strings, and the raw bytes of every other file.

The rule for what is searched: free text of at least :data:`MINIMUM_LENGTH` characters
(after collapsing white space). Shorter values, enumerations (an opinion such as
``qualified``), dates and numbers are skipped: they are too common in ordinary prose
to be evidence of a leak. A restricted value that is also written in a public field is
skipped too, since it is public.

Files from the restricted folder are guarded too (:func:`file_leaks`): no output file
may be one of them, or hold one's bytes (as written, or in base64).
"""

from __future__ import annotations

import base64
import contextlib
import enum
import functools
import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
from pydantic import BaseModel

from trustcenter.markup import render_markdown
from trustcenter.model import (
    Attestation,
    Control,
    ControlVisibility,
    GatedFile,
    Grant,
    Model,
    TrustCenter,
    Visibility,
)
from trustcenter.restricted_files import RestrictedFile

MINIMUM_LENGTH = 12
_TEXT_SUFFIXES = {
    ".html",
    ".htm",
    ".xml",
    ".json",
    ".txt",
    ".js",
    ".css",
    ".svg",
    ".map",
    ".webmanifest",
    ".md",
    ".csv",
    ".atom",
    ".rss",
    "",
}
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Restricted:
    """A value that must not be published, and the field it was written in."""

    text: str
    field: str


@dataclass(frozen=True)
class Leak:
    """A restricted value, or a restricted file's bytes, found in an output file."""

    file: str
    field: str
    #: ``value`` for a value from the data, ``file`` for a file from the restricted folder,
    #: ``unwritten`` for a gated page listing sealed files the build did not write.
    kind: str = "value"

    def format(self) -> str:
        """``site/x.html: contains the restricted value of data/y.yml: a[0].b``."""
        if self.kind == "unwritten":
            return (
                f"{self.file}: lists other sealed files for code holders than the build "
                "wrote (a file in the restricted folder changed during the build, or the "
                "files were not sealed); build again"
            )
        if self.kind == "file":
            return f"{self.file}: contains the bytes of the restricted file {self.field}"
        return f"{self.file}: contains the restricted value of {self.field}"


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _as_text(markup: str) -> list[str]:
    """The text a reader sees in ``markup``, entities decoded.

    Tags are dropped (as inline tags are) or taken as spaces (as block tags are).
    """
    return [_squash(html.unescape(_TAG.sub(gap, markup))) for gap in ("", " ")]


def _readings(markup: str) -> list[str]:
    """Ways a reader or a parser may meet a value in ``markup``.

    As written, with entities decoded (attribute values), and as text.
    """
    if "<" not in markup and "&" not in markup:  # every reading is the text itself
        return [_squash(markup)]
    return [_squash(markup), _squash(html.unescape(markup)), *_as_text(markup)]


def _is_restricted_entry(entry: BaseModel) -> bool:
    if isinstance(entry, Control):
        return entry.visibility is not ControlVisibility.PUBLIC
    if isinstance(entry, Attestation):
        return entry.visibility is Visibility.INTERNAL
    return isinstance(entry, Grant)


def _walk(value: Any, where: str, restricted: bool) -> Iterator[tuple[str, str, bool]]:
    """(text, field, restricted) for every free-text string below ``value``."""
    if isinstance(value, BaseModel):
        source = value._source if isinstance(value, Model) else None
        if source is not None:
            where = f"{source[0]}: " + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in source[1]
            ).lstrip(".")
        restricted = restricted or _is_restricted_entry(value)
        for name in type(value).model_fields:
            # A file's path is gated too; its title is a label ("SOC 2 Type 2 report")
            # that public pages may well say in their own words, so it is not searched.
            below = (
                restricted
                or name in ("gated", "internal")
                or (isinstance(value, GatedFile) and name == "path")
            )
            yield from _walk(getattr(value, name), f"{where}.{name}", below)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}[{index}]", restricted)
    elif isinstance(value, str) and not isinstance(value, enum.Enum):
        yield value, where, restricted


_MARKDOWN = re.compile(r"[*_`\\[\]<>&]|^\s*(?:[-+*]|\d+[.)])\s|\n\s*\n", re.M)


@functools.cache
def _forms(text: str) -> frozenset[str]:
    """The ways ``text`` may read once rendered; plain text has only one."""
    if not _MARKDOWN.search(text):
        return frozenset({_squash(text)})
    return frozenset({_squash(text), *_as_text(render_markdown(text))})


def restricted_values(trust_center: TrustCenter) -> list[Restricted]:
    """Every restricted value worth searching for, by the rule in this module's docstring."""
    public: set[str] = set()
    found: dict[str, str] = {}
    for text, field, restricted in _walk(trust_center, "", False):
        forms = _forms(text)
        if not restricted:
            public.update(forms)
            continue
        for form in forms:
            if len(form) >= MINIMUM_LENGTH:
                found.setdefault(form, field)
    return [Restricted(text, field) for text, field in found.items() if text not in public]


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _haystacks(path: Path) -> list[str]:
    """The texts to search in a file: as written, and as a reader or a parser gets them.

    Bytes that are not UTF-8 are replaced, so a value written as UTF-8 inside a binary
    file is still found.
    """
    text = path.read_bytes().decode("utf-8", "replace")
    if path.suffix.lower() not in _TEXT_SUFFIXES:
        return [text]
    texts = _readings(text)
    if path.suffix.lower() == ".json":
        with contextlib.suppress(ValueError):  # not JSON after all: searched as text
            readings = [_readings(string) for string in _json_strings(json.loads(text))]
            # Each string is read on its own, then joined: one string's '<' and a later
            # one's '>' must not be taken for a tag.
            width = max(map(len, readings), default=0)
            readings = [r * width if len(r) == 1 else r for r in readings]
            texts += ["\0".join(column) for column in zip(*readings, strict=True)]
    return texts


def _copied_from(path: Path, site_dir: Path, sources: Sequence[Path]) -> bool:
    """True when ``path`` is a byte-for-byte copy of a file at the same place in a source.

    The theme's own files (scripts, styles, fonts) are copied into the output unchanged;
    no value from the data can be in them, and they are most of the output's bytes.
    """
    relative = path.relative_to(site_dir)
    for source in sources:
        original = source / relative
        with contextlib.suppress(OSError):
            if (
                original.stat().st_size == path.stat().st_size
                and original.read_bytes() == path.read_bytes()
            ):
                return True
    return False


def scan(
    site_dir: Path, values: list[Restricted], *, unchanged_from: Sequence[Path] = ()
) -> list[Leak]:
    """Search every file under ``site_dir`` for every value; one leak per file and field.

    Files that are byte-for-byte copies of a file in one of ``unchanged_from`` (the
    theme's folders) are skipped: the build copied them, nothing wrote data into them.

    All values are searched at once with an Aho-Corasick automaton (pyahocorasick), so
    the time grows with the size of the output, not with its size times the number of
    values.
    """
    if not values:
        return []
    automaton = ahocorasick.Automaton()
    for index, value in enumerate(values):
        automaton.add_word(value.text, index)
    automaton.make_automaton()
    leaks: list[Leak] = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        if _copied_from(path, site_dir, unchanged_from):
            continue
        found = {
            values[index].field
            for text in dict.fromkeys(_haystacks(path))
            for _, index in automaton.iter(text)
        }
        leaks += [Leak(str(path), field) for field in sorted(found)]
    return leaks


def file_leaks(site_dir: Path, files: Sequence[RestrictedFile]) -> list[Leak]:
    """Output files that are, or contain, a restricted file's bytes, as written or in base64.

    Every output file is searched for every restricted file (``bytes.find``: the
    number of restricted files is small, and a file shorter than one is skipped). The
    sealed assets cannot match: they are ciphertext.
    """
    needles = []
    for restricted in files:
        data = restricted.read()
        label = f"{restricted.source.name} ({restricted.identity})"
        needles += [(data, label), (base64.b64encode(data), label)]
    if not needles:
        return []
    shortest = min(len(needle) for needle, _ in needles)
    leaks: list[Leak] = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        if path.stat().st_size < shortest:
            continue
        content = path.read_bytes()
        found = {label for needle, label in needles if needle in content}
        leaks += [Leak(str(path), label, "file") for label in sorted(found)]
    return leaks
