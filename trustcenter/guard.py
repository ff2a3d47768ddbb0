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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick_rs
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


def _utf8(text: str) -> bytes:
    # A lone surrogate (JSON may hold one, escaped) is kept, so no text is refused.
    return text.encode("utf-8", "surrogatepass")


def _squash(text: str) -> str:
    # str.split() splits at exactly the characters ``\s`` matches in a str pattern
    # (str.isspace), in C: several times faster than a regular expression over a page.
    return " ".join(text.split())


def _as_text(markup: str, tag: re.Pattern[str] = _TAG) -> list[str]:
    """The text a reader sees in ``markup``, entities decoded.

    Tags are dropped (as inline tags are) or taken as spaces (as block tags are). The
    pieces between tags are found once: joined with ``""`` and ``" "`` they are exactly
    ``tag.sub("", markup)`` and ``tag.sub(" ", markup)`` (the pattern never matches an
    empty string).
    """
    pieces = tag.split(markup)
    return [_squash(html.unescape(gap.join(pieces))) for gap in ("", " ")]


def _readings(markup: str, tag: re.Pattern[str] = _TAG, longest: int | None = None) -> list[str]:
    """Ways a reader or a parser may meet a value in ``markup``.

    As written, with entities decoded (attribute values), and as text. With ``longest``
    (the length of the longest value searched for), the decoded reading is given as the
    parts of it that may differ from the reading as written (:func:`_decoded_parts`).
    """
    if "<" not in markup and "&" not in markup:  # every reading is the text itself
        return [_squash(markup)]
    written = _squash(markup)
    if "&" not in markup:
        decoded = []
    elif longest is None:
        decoded = [_squash(html.unescape(markup))]
    else:
        decoded = _decoded_parts(written, longest)
    if "<" not in markup:  # no tag: the text is the decoded reading, searched already
        return [written, *decoded]
    return [written, *decoded, *_as_text(markup, tag)]


def _decoded_parts(written: str, longest: int) -> list[str]:
    """The parts of the decoded reading a value of up to ``longest`` characters may need.

    ``written`` is a text's reading as written (white space squashed); its decoded reading
    is ``_squash(html.unescape(text))``. Every value of at most ``longest`` characters in
    the decoded reading is in ``written`` or in one of the parts returned, and every part
    is a piece of the decoded reading, so searching ``written`` and these parts finds
    exactly what searching both whole readings finds. Why:

    1. ``_squash(html.unescape(text)) == _squash(html.unescape(written))``: a character
       reference holds no space, and a white-space character that
       :func:`html.unescape` reads into a reference's name ends every name it knows.
    2. A reference never holds a space, so the decoded reading is ``written`` decoded
       word by word (words split at its single spaces), squashed; a word without ``&``
       decodes to itself.
    3. So an occurrence of a value in the decoded reading that touches no word with
       ``&`` is an occurrence in ``written``; one that does lies within ``longest``
       characters of such a word, all of whose neighbours without ``&`` are the same in
       both readings. Each part is the words within ``longest`` characters of words with
       ``&`` (whole words, so no reference is cut), decoded and squashed.

    Pages hold few references, so the parts are a small share of the page.
    """
    spans: list[list[int]] = []
    end = 0
    while (at := written.find("&", end)) != -1:
        start = written.rfind(" ", 0, at) + 1
        end = written.find(" ", at)
        end = len(written) if end == -1 else end
        low = start - longest
        low = 0 if low <= 0 else written.rfind(" ", 0, low) + 1
        high = written.find(" ", end + longest)
        high = len(written) if high == -1 else high
        if spans and low <= spans[-1][1]:
            spans[-1][1] = high
        else:
            spans.append([low, high])
    return [_squash(html.unescape(written[low:high])) for low, high in spans]


def _is_restricted_entry(entry: BaseModel) -> bool:
    if isinstance(entry, Control):
        return entry.visibility is not ControlVisibility.PUBLIC
    if isinstance(entry, Attestation):
        return entry.visibility is Visibility.INTERNAL
    return isinstance(entry, Grant)


#: Per model class: each field's name, and whether everything below it is restricted
#: by the field itself (``gated``, ``internal``, a gated file's ``path``).
_PLANS: dict[type[BaseModel], tuple[tuple[str, bool], ...]] = {}


def _plan(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``model`` in their order, each with whether it restricts what it holds."""
    plan = _PLANS.get(model)
    if plan is None:
        # A file's path is gated too; its title is a label ("SOC 2 Type 2 report")
        # that public pages may well say in their own words, so it is not searched.
        plan = _PLANS[model] = tuple(
            (
                name,
                name in ("gated", "internal") or (issubclass(model, GatedFile) and name == "path"),
            )
            for name in model.__pydantic_fields__
        )
    return plan


def _walk(
    value: Any, where: str, restricted: bool, public: list[str], hidden: list[tuple[str, str]]
) -> None:
    """List every free-text string below ``value``, a restricted one with its field.

    ``value`` is a model or a list, walked in the order of its fields and items; a public
    string is appended to ``public``, a restricted one to ``hidden`` as (text, field).
    Strings are taken where they are met, so only models and lists are walked into (a
    call per string or date would be most of the time: tens of thousands of them), and a
    field's name is spelled out only for restricted strings. A model's fields and what
    each restricts are worked out once per class (:func:`_plan`), and its place
    (``_source``) read from pydantic's private attributes directly.
    """
    if isinstance(value, BaseModel):
        private = value.__pydantic_private__ if isinstance(value, Model) else None
        source = private.get("_source") if private else None
        if source is not None:
            where = f"{source[0]}: " + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in source[1]
            ).lstrip(".")
        restricted = restricted or _is_restricted_entry(value)
        for name, restricts in _plan(type(value)):
            item = getattr(value, name)
            if isinstance(item, str):
                if isinstance(item, enum.Enum):
                    continue
                if restricted or restricts:
                    hidden.append((item, f"{where}.{name}"))
                else:
                    public.append(item)
            elif isinstance(item, BaseModel | list):
                _walk(item, f"{where}.{name}", restricted or restricts, public, hidden)
    else:
        for index, item in enumerate(value):
            if isinstance(item, str):
                if isinstance(item, enum.Enum):
                    continue
                if restricted:
                    hidden.append((item, f"{where}[{index}]"))
                else:
                    public.append(item)
            elif isinstance(item, BaseModel | list):
                _walk(item, f"{where}[{index}]", restricted, public, hidden)


_MARKDOWN = re.compile(r"[*_`\\[\]<>&]|^\s*(?:[-+*]|\d+[.)])\s|\n\s*\n", re.M)
#: :data:`_MARKDOWN` can match only where one of these characters is, or at the start
#: (its other two ways start a line, or need a line break): see :func:`_may_be_markdown`.
_MARKDOWN_CHARACTER = re.compile(r"[*_`\\[\]<>&\n]")
_LIST_ITEM_START = re.compile(r"\s*(?:[-+*]|\d+[.)])\s")


def _may_be_markdown(text: str) -> bool:
    r"""True exactly when :data:`_MARKDOWN` finds something in ``text``.

    Its three ways, one by one: a character of the first is found by
    :data:`_MARKDOWN_CHARACTER` too; the third needs a line break (``\n``, also in it);
    the second starts at a line's start, which without a line break is only the text's
    start (``^`` under ``re.M`` matches at the start and after ``\n`` only), where
    :data:`_LIST_ITEM_START` tries it. Several times faster over tens of thousands of
    strings, most of them plain (``tests/unit/test_guard.py`` holds the two equal).
    """
    if _MARKDOWN_CHARACTER.search(text):
        return _MARKDOWN.search(text) is not None
    return _LIST_ITEM_START.match(text) is not None


@functools.cache
def _forms(text: str) -> tuple[str, ...]:
    """The ways ``text`` may read once rendered; plain text has only one (no duplicates)."""
    if not _may_be_markdown(text):
        return (_squash(text),)
    return tuple(dict.fromkeys((_squash(text), *_as_text(render_markdown(text)))))


def restricted_values(trust_center: TrustCenter) -> list[Restricted]:
    """Every restricted value worth searching for, by the rule in this module's docstring."""
    strings: list[str] = []
    hidden: list[tuple[str, str]] = []
    _walk(trust_center, "", False, strings, hidden)
    public: set[str] = set()
    for text in set(strings):
        if _may_be_markdown(text):
            public.update(_forms(text))
        else:  # its one form (see _forms), without keeping it
            public.add(" ".join(text.split()))
    found: dict[str, str] = {}
    for text, field in hidden:
        for form in _forms(text):
            if len(form) >= MINIMUM_LENGTH:
                found.setdefault(form, field)
    return [Restricted(text, field) for text, field in found.items() if text not in public]


def _json_strings(value: Any, into: list[str]) -> list[str]:
    """Append every string of the JSON ``value`` (keys too) to ``into``, in order; return it."""
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            into.append(key)
            _json_strings(item, into)
    elif isinstance(value, list):
        for item in value:
            _json_strings(item, into)
    return into


#: A tag within one of the JSON strings joined by NUL: never across two of them.
_TAG_IN_STRING = re.compile(r"<[^>\0]*>")

#: One string of a JSON text as written, quotes included: between them, characters that
#: are neither a quote nor a backslash, and escapes (RFC 8259, section 7). Matched from
#: the start of a valid JSON text, it finds its strings (keys too) and nothing else, since
#: outside strings a JSON text holds no quote.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)


def _strings_beyond_text(text: str, trimmed_nul_free: bool) -> list[str] | None:
    r"""The strings of the JSON ``text`` whose readings may find what its own readings miss.

    ``[]`` when there are none, ``None`` when that cannot be told (every string is read
    then). A string is left out when it is written without an escape (no ``\`` between
    its quotes), on condition that the values searched for hold no NUL and begin and end
    with no white space (``trimmed_nul_free``; the guard's values are squashed) and that
    no tag of ``text`` runs from one string into the next (every ``<`` of a
    string has a ``>`` after it in that string). Why, with the strings joined by NUL as
    :func:`haystacks` reads them:

    1. A string written without an escape is exactly the characters between its quotes
       in ``text``; outside its strings a JSON text holds only ``{}[],:``, white space,
       numbers and literals: no ``&``, ``<`` or NUL.
    2. A value without NUL found in the strings' reading as written lies within one
       string's stretch between two NULs. Squashing white space treats that stretch as
       it treats the same characters between quotes in ``text`` (NUL and ``"`` are both
       not white space), so the value is in ``text``'s reading as written.
    3. The decoded readings the same way: a character reference begins with ``&``,
       inside a string; where its name runs on into the NUL (in ``text``, the quote)
       after the string, :func:`html.unescape` takes the longest known name it starts
       with, and no known name holds NUL or ``"``, so each string decodes alike in both,
       and nothing decodes to NUL. So a value in the strings' decoded reading is in
       ``text``'s decoded reading, which is searched too (whole, or as written plus the
       parts of :func:`_decoded_parts`, which cover every value up to the longest).
    4. In the readings as text, a tag (``<`` to the next ``>``) never crosses a NUL in
       the strings' reading, and, by the condition, never crosses a quote in ``text``:
       the same tags are dropped from the string's stretch in both, so a value found
       there is in ``text``'s reading as text.
    5. The strings left are read joined by NUL on their own: each one's stretch reads
       as it did among all of them (2 to 4: nothing crosses a NUL), except that white
       space at either end of the whole reading is dropped, which a value that begins
       and ends with none never needs.

    So searching ``text``'s readings and those of the strings returned finds exactly
    what searching the readings of every string finds. For Material's search index (1.5
    MB at 5,000 controls; a few hundred of its strings hold an escape) that is most of
    the work of reading it saved; for trust.json (no ``\``, no ``<``), all of it.
    ``tests/unit/test_guard.py`` holds the values found equal both ways on thousands of
    random JSON texts.
    """
    if not trimmed_nul_free:
        return None
    if "\\" not in text and "<" not in text:  # no escape, no tag: the common case, quickly
        return []
    escaped: list[str] = []
    for written in _JSON_STRING.findall(text):
        if "<" in written and written.rfind("<") > written.rfind(">"):
            return None  # a tag of the text runs on past this string's closing quote
        if "\\" in written:
            escaped.append(json.loads(written))
    return escaped


def haystacks(
    data: bytes,
    suffix: str,
    text: str | None = None,
    longest: int | None = None,
    *,
    trimmed_nul_free: bool = False,
) -> list[str]:
    """The texts to search in a file's ``data``: as written, and as a reader or a parser gets them.

    ``suffix`` is the file's (``.html``); ``text`` its content already decoded, when the
    caller has it. Bytes that are not UTF-8 are replaced, so a value written as UTF-8
    inside a binary file is still found. A JSON file's strings are read together, joined
    by NUL, each as a reader or a parser would meet it. With ``longest``, the length of
    the longest value searched for, the decoded readings are given as the parts that may
    differ from the readings as written (the same values are found in them: see
    :func:`_decoded_parts`); with ``trimmed_nul_free`` too (no value searched for holds
    NUL or begins or ends with white space), a JSON file's strings are read only where
    their readings may find what the file's own readings miss
    (:func:`_strings_beyond_text`).
    """
    if text is None:
        text = data.decode("utf-8", "replace")
    if suffix.lower() not in _TEXT_SUFFIXES:
        return [text]
    texts = _readings(text, longest=longest)
    beyond = _strings_beyond_text(text, trimmed_nul_free) if suffix.lower() == ".json" else []
    if beyond != []:
        with contextlib.suppress(ValueError):  # not JSON after all: searched as text
            parsed = json.loads(text)
            strings = _json_strings(parsed, []) if beyond is None else beyond
            # One string's '<' and a later one's '>' must not be taken for a tag.
            texts += _readings("\0".join(strings), _TAG_IN_STRING, longest)
    # Each reading once; compared, not hashed (readings of a page differ in length, so
    # most comparisons stop there, where hashing would read every character).
    unique: list[str] = []
    for reading in texts:
        if reading not in unique:
            unique.append(reading)
    return unique


def _haystacks(path: Path) -> list[str]:
    """:func:`haystacks` of the file at ``path``."""
    return haystacks(path.read_bytes(), path.suffix)


def _copied_from(relative: Path, data: bytes, sources: Sequence[Path]) -> bool:
    """True when ``data`` is byte for byte the file at ``relative`` below one of ``sources``.

    The theme's own files (scripts, styles, fonts) are copied into the output unchanged;
    no value from the data can be in them, and they are most of the output's bytes.
    """
    for source in sources:
        original = source / relative
        with contextlib.suppress(OSError):
            if original.stat().st_size == len(data) and original.read_bytes() == data:
                return True
    return False


class Guard:
    """The leak guard for one build: every restricted value and file, searched at once.

    ``values`` are searched with an Aho-Corasick automaton (ahocorasick-rs, over each
    reading's UTF-8 bytes: a value's bytes are in a text's bytes exactly when the value is
    in the text), built once, so the time grows with the size of the output, not with its
    size times the number of values; each restricted file's bytes (``files``), as written
    and in base64, with ``bytes.find`` (there are few of them). Files that are
    byte-for-byte copies of a file in one of ``unchanged_from`` (the theme's folders) are
    not searched for values: the build copied them, nothing wrote data into them.
    """

    def __init__(
        self,
        values: Sequence[Restricted],
        files: Sequence[RestrictedFile] = (),
        *,
        unchanged_from: Sequence[Path] = (),
    ) -> None:
        self.values = list(values)
        self.unchanged_from = tuple(unchanged_from)
        self._automaton: Any = None
        self._longest = max((len(value.text) for value in self.values), default=0)
        self._trimmed_nul_free = all(
            "\0" not in value.text and value.text == value.text.strip() for value in self.values
        )
        if self.values:
            self._automaton = ahocorasick_rs.BytesAhoCorasick(
                [_utf8(value.text) for value in self.values]
            )
        self._needles: list[tuple[bytes, str]] = []
        for restricted in files:
            data = restricted.read()
            label = f"{restricted.source.name} ({restricted.identity})"
            self._needles += [(data, label), (base64.b64encode(data), label)]
        self._shortest = min((len(n) for n, _ in self._needles), default=0)

    def value_leaks(
        self, path: Path, relative: Path, data: bytes, text: str | None = None
    ) -> list[Leak]:
        """One leak per restricted field whose value is in ``data`` (the file at ``path``).

        ``relative`` is the file's path below the site's root; ``text``, when given, is
        ``data`` already decoded.
        """
        if self._automaton is None or _copied_from(relative, data, self.unchanged_from):
            return []
        found = {
            self.values[index].field
            for haystack in haystacks(
                data, path.suffix, text, self._longest, trimmed_nul_free=self._trimmed_nul_free
            )
            for index, _, _ in self._automaton.find_matches_as_indexes(
                _utf8(haystack), overlapping=True
            )
        }
        return [Leak(str(path), field) for field in sorted(found)]

    def file_leaks(self, path: Path, data: bytes) -> list[Leak]:
        """One leak per restricted file whose bytes ``data`` holds, as written or in base64."""
        if not self._needles or len(data) < self._shortest:
            return []
        found = {label for needle, label in self._needles if needle in data}
        return [Leak(str(path), label, "file") for label in sorted(found)]


def _files(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.is_file())


def scan(
    site_dir: Path, values: list[Restricted], *, unchanged_from: Sequence[Path] = ()
) -> list[Leak]:
    """Search every file under ``site_dir`` for every value; one leak per file and field.

    See :class:`Guard`; ``trustcenter guard`` runs this over a built site, the build runs
    the same :class:`Guard` in its one pass over the output (:mod:`trustcenter.sitepass`).
    """
    guard = Guard(values, unchanged_from=unchanged_from)
    leaks: list[Leak] = []
    for path in _files(site_dir):
        leaks += guard.value_leaks(path, path.relative_to(site_dir), path.read_bytes())
    return leaks


def file_leaks(site_dir: Path, files: Sequence[RestrictedFile]) -> list[Leak]:
    """Output files that are, or contain, a restricted file's bytes, as written or in base64.

    Every output file is searched for every restricted file (``bytes.find``: the
    number of restricted files is small, and a file shorter than one is skipped). The
    sealed assets cannot match: they are ciphertext.
    """
    guard = Guard([], files)
    leaks: list[Leak] = []
    for path in _files(site_dir):
        if path.stat().st_size >= guard._shortest and guard._needles:
            leaks += guard.file_leaks(path, path.read_bytes())
    return leaks
