"""Read a YAML file into plain Python values while remembering where each value came from.

PyYAML's ``safe_load`` forgets positions and lets a repeated key silently replace the
first one. Here the file is composed into PyYAML's node graph (which keeps marks), then
walked by hand: every mapping key and every value gets its line and column, repeated
keys become errors, and a scalar PyYAML cannot construct (``2026-02-30``) becomes an
error at its position instead of an exception.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from trustcenter.problems import Problem
from trustcenter.yamlerrors import conflict_markers, syntax_problem
from trustcenter.yamlresolver import LOADER

#: A location inside a document: mapping keys and list indexes from the root.
Loc = tuple[str | int, ...]

_YAML_TAG = "tag:yaml.org,2002:"
_STR = _YAML_TAG + "str"
_TIMESTAMP = _YAML_TAG + "timestamp"
#: The tags of a list and a mapping written without one: any other (``!!set``,
#: ``!!omap``, ``!!str [x]``, ``!foo {}``) says the entries mean something they do not here.
_COLLECTION_TAGS = (_YAML_TAG + "seq", _YAML_TAG + "map")
#: YAML 1.1's base64 type (``!!binary``): bytes a reviewer reading the diff cannot read.
_BINARY = _YAML_TAG + "binary"
#: A date alone, as YAML 1.1's timestamp type writes it (``2026-11-26``).
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: YAML 1.1 types a plain scalar may resolve to that have no value: "=" and "<<".
_NO_VALUE = (_YAML_TAG + "value", _YAML_TAG + "merge")


@dataclass(frozen=True)
class Position:
    """A place in a text file; line and column count from 1."""

    line: int
    column: int


@dataclass
class SourceFile:
    """A parsed YAML file: its values, and where each key and value is written in it.

    Positions are looked up in the composed YAML node graph when a problem needs one,
    not recorded for every value while reading: a large file has a hundred thousand
    values and a handful of problems.
    """

    name: str
    value: Any = None
    #: Locations whose scalar could not be constructed (already reported).
    broken: set[Loc] = field(default_factory=set)
    #: The text as typed of every unquoted scalar that YAML did not read as text
    #: (numbers, booleans, nulls, dates), to compare with what YAML made of it.
    plain_at: dict[Loc, str] = field(default_factory=dict)
    #: The whole text of the file, to point at a word inside a long value.
    text: str = ""
    #: The YAML node graph ``value`` was read from; ``None`` when nothing was read.
    root: yaml.Node | None = field(default=None, repr=False)

    def _lookup(self, loc: Sequence[str | int]) -> tuple[Loc, yaml.Node | None, yaml.Node | None]:
        """The part of ``loc`` that is in the document, with the key and value nodes there.

        The key node is ``None`` at the root and at a list item. A mapping key counts as
        read the way :class:`_Walker` reads it: the first of repeated keys, never a merge
        key ``<<`` nor a key that is a list or mapping.
        """
        path: Loc = ()
        key: yaml.Node | None = None
        node = self.root
        if node is None:
            return path, None, None
        for part in loc:
            found = _child(node, part)
            if found is not None:
                path = (*path, part)
                key, node = found
        return path, key, node

    def resolve(self, loc: Sequence[str | int]) -> Loc:
        """Map a validator's location onto the document, skipping parts that are not in it.

        Pydantic inserts names of union members or function validators into error
        locations; anything that is not a real key or index of the data is skipped.
        """
        return self._lookup(loc)[0]

    def position(self, loc: Sequence[str | int], *, at_key: bool = False) -> Position:
        """Where ``loc`` is written: the value itself, or its key when ``at_key`` is set."""
        _, key, node = self._lookup(loc)
        if at_key and key is not None:
            return _position(key.start_mark)
        return _position(node.start_mark) if node is not None else Position(1, 1)

    def locate(self, loc: Sequence[str | int], found: str) -> Position:
        """Where ``found`` is first written inside the scalar at ``loc``.

        A folded or literal block (``description: >-``) spans many lines; this is the
        line and column of the offending word in it. Falls back to the value's start
        when ``found`` is not written as such (an escape in a quoted value).
        """
        _, _, node = self._lookup(loc)
        index = -1
        if isinstance(node, yaml.ScalarNode) and found:
            index = self.text.find(found, node.start_mark.index, node.end_mark.index)
        if index < 0:
            return self.position(loc)
        return position_of(self.text, index)

    def problem(
        self,
        loc: Sequence[str | int],
        message: str,
        *,
        hint: str = "",
        at_key: bool = False,
        found: str = "",
        **kwargs: Any,
    ) -> Problem:
        """Build a problem pinned to ``loc`` in this file (at ``found`` inside it, if given)."""
        where = self.locate(loc, found) if found else self.position(loc, at_key=at_key)
        return Problem(self.name, where.line, where.column, message, hint=hint, **kwargs)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The key and value nodes of ``part`` in ``node``, or ``None`` when it has no such part."""
    if isinstance(node, yaml.MappingNode) and isinstance(part, str) and part != "<<":
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and str(key_node.value) == part:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        return (None, node.value[part]) if 0 <= part < len(node.value) else None
    return None


def position_of(text: str, index: int) -> Position:
    """The line and column (from 1) of the character at ``index`` in ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return Position(text.count("\n", 0, index) + 1, index - line_start + 1)


def _position(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class _Walker:
    """Converts a composed node graph into Python values.

    Text scalars (most of a file) are taken as they are; every other scalar goes through
    PyYAML's safe constructor. Only problems and plain non-text scalars are recorded.
    """

    def __init__(self, source: SourceFile, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        self.constructor = yaml.SafeLoader("")

    def value(self, node: yaml.Node, loc: Loc) -> Any:
        if isinstance(node, yaml.CollectionNode) and node.tag not in _COLLECTION_TAGS:
            self.collection_tag_problem(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                if item.tag == _STR and isinstance(item, yaml.ScalarNode):
                    items.append(item.value)
                else:
                    items.append(self.value(item, (*loc, index)))
            return items
        return self.scalar(node, loc)

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.key_problem(
                    key_node,
                    "expected a key (a word followed by ':'), found a list or mapping as key",
                    hint="write 'key: value'",
                    rule="key-not-text",
                )
                continue
            key = str(key_node.value)
            if key == "<<":
                self.key_problem(
                    key_node,
                    "YAML merge keys ('<<') are not supported",
                    hint="write the keys out in full, so a reviewer sees every value",
                    rule="merge-key",
                )
                continue
            if key in result:
                found = _child(node, key)  # the first of them: the one that was read
                assert found is not None and found[0] is not None
                first = _position(found[0].start_mark)
                self.key_problem(
                    key_node,
                    f"duplicate key '{key}': it is already given at line {first.line}, "
                    f"column {first.column}",
                    hint="remove one of them; YAML would silently keep only the last",
                    rule="duplicate-key",
                )
                continue
            if value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode):
                result[key] = value_node.value
            else:
                result[key] = self.value(value_node, (*loc, key))
        return result

    def key_problem(self, key_node: yaml.Node, message: str, *, hint: str, rule: str) -> None:
        where = _position(key_node.start_mark)
        self.problems.append(
            Problem(self.source.name, where.line, where.column, message, hint=hint, rule=rule)
        )

    def scalar(self, node: yaml.Node, loc: Loc) -> Any:
        if node.tag == _STR:
            return node.value
        if node.tag == _BINARY:
            return self.binary_problem(node, loc)
        if isinstance(node, yaml.ScalarNode) and not node.style:  # plain: None, or "" (libyaml)
            self.source.plain_at[loc] = node.value
        try:
            if (
                node.tag == _TIMESTAMP
                and isinstance(node, yaml.ScalarNode)
                and _DATE.fullmatch(node.value)
            ):
                # What PyYAML's construct_yaml_timestamp makes of a date alone, without
                # its regular expression and bookkeeping (a date is in every control).
                text = node.value
                return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError) as error:
            if node.tag != _TIMESTAMP:
                return self.tag_problem(node, loc)
            # The timestamp resolver matched (or the tag said so), but the date does not exist.
            where = _position(node.start_mark)
            self.problems.append(
                Problem(
                    self.source.name,
                    where.line,
                    where.column,
                    f"expected a real date (YYYY-MM-DD), found '{node.value}' ({error})",
                    hint="check the day and month",
                    rule="impossible-date",
                )
            )
            self.source.broken.add(loc)
            return node.value
        except (yaml.YAMLError, LookupError, AttributeError, TypeError):
            # PyYAML's constructors raise these for an unknown tag (!foo) or a value its
            # tag does not fit (!!bool maybe, !!timestamp soon).
            return self.tag_problem(node, loc)

    def collection_tag_problem(self, node: yaml.CollectionNode) -> None:
        """Report a list or mapping with a tag; its entries are still read as written."""
        tag = str(node.tag)
        shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
        kind = "mapping" if isinstance(node, yaml.MappingNode) else "list"
        where = _position(node.start_mark)
        self.problems.append(
            Problem(
                self.source.name,
                where.line,
                where.column,
                f"expected a {kind} without a tag, found one tagged '{shown}', which "
                "these files do not use",
                hint=f"remove '{shown}'",
                rule="yaml-syntax",
            )
        )

    def binary_problem(self, node: yaml.Node, loc: Loc) -> Any:
        """Report a ``!!binary`` value; keep its text.

        Every value of the data is published or restricted as text a reviewer reads in
        the pull request; base64 would publish what no reviewer read (``!!binary
        aGVsbG8=`` is the text "hello"), so it is refused, whatever it decodes to.
        """
        where = _position(node.start_mark)
        self.problems.append(
            Problem(
                self.source.name,
                where.line,
                where.column,
                "expected a value written out, found a '!!binary' (base64) value, which "
                "a reviewer cannot read",
                hint="write the value itself, without the '!!binary' tag",
                rule="yaml-binary",
            )
        )
        self.source.broken.add(loc)
        return node.value

    def tag_problem(self, node: yaml.Node, loc: Loc) -> Any:
        """Report a scalar that its YAML tag cannot read (``!foo x``, ``=``); keep its text."""
        tag = str(node.tag)
        shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
        plain = isinstance(node, yaml.ScalarNode) and not node.style
        if plain and tag in _NO_VALUE:  # '=' or '<<' alone, as a value
            message = (
                f"expected a value, found {node.value}, which YAML 1.1 reads as its "
                f"'{tag.removeprefix(_YAML_TAG)}' type, not as text"
            )
            hint = f"put it in quotes: '{node.value}'"
        else:
            message = (
                f"expected a value, found '{shown} {node.value}': YAML reads '{shown}' as a "
                f"tag (a value that starts with '!'), which it cannot apply to '{node.value}'"
            )
            hint = "put the whole value in quotes if the '!' is part of the text, or remove the tag"
        where = _position(node.start_mark)
        self.problems.append(
            Problem(
                self.source.name, where.line, where.column, message, hint=hint, rule="yaml-syntax"
            )
        )
        self.source.broken.add(loc)
        return node.value


def parse_yaml(data: bytes, name: str) -> tuple[SourceFile, list[Problem]]:
    """Parse one YAML document from ``data``; ``name`` is the path shown in problems.

    Returns the source (its ``value`` is ``None`` when nothing usable was read) and the
    problems found: bytes that are not UTF-8, leftover merge conflicts, YAML syntax
    errors (at the opening of an unclosed quote or bracket, see
    :mod:`trustcenter.yamlerrors`), an empty document, repeated keys, impossible dates.
    """
    source = SourceFile(name)
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        problems.append(
            Problem(
                name,
                line,
                column,
                f"expected UTF-8 text, found the byte 0x{data[error.start]:02X} that is not UTF-8",
                hint="save the file with UTF-8 encoding",
                rule="not-utf8",
            )
        )
        return source, problems
    source.text = text
    if conflicts := conflict_markers(text, name):
        return source, conflicts
    try:
        try:
            root = yaml.compose(text, Loader=LOADER)
        except yaml.YAMLError:  # PyYAML's own loader, for its wording and marks
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        problems.append(syntax_problem(error, text, name))
        return source, problems
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        preceding = text[: error.position]
        line, column = preceding.count("\n") + 1, len(preceding.rsplit("\n", 1)[-1]) + 1
        found = error.character if isinstance(error.character, str) else chr(error.character)
        problems.append(
            Problem(
                name,
                line,
                column,
                f"expected printable text, found the control character U+{ord(found):04X}",
                hint="delete it (it often comes from pasting out of a word processor)",
                rule="control-character",
            )
        )
        return source, problems
    if root is not None and isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null"):
        root = None  # `~` or `null` alone says nothing more than an empty file
    if root is None:
        problems.append(
            Problem(
                name,
                1,
                1,
                "expected a YAML mapping of keys to values, found an empty file (or null)",
                hint="fill the file in, or delete it if it is not needed",
                rule="empty-file",
            )
        )
        return source, problems
    try:
        source.value = _Walker(source, problems).value(root, ())
    except RecursionError:  # searched for only now: the walk stays free of bookkeeping
        problems.append(_too_deep(root, name))
        return source, problems
    source.root = root
    return source, problems


def _too_deep(root: yaml.Node, name: str) -> Problem:
    """The problem for a document too deep to walk, at its cause.

    An alias inside its own anchor's value (``a: &x [*x]``) is reported at the anchored
    value; otherwise the nesting is deeper than Python's recursion limit (at 1:1).
    """
    open_ids: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            open_ids.discard(id(node))
            continue
        if id(node) in open_ids:
            where = _position(node.start_mark)  # where the anchor starts
            return Problem(
                name,
                where.line,
                where.column,
                "expected values that end, found an anchor ('&') whose value contains an "
                "alias ('*') to itself",
                hint="remove the alias, or write the values out in full",
                rule="yaml-syntax",
            )
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            open_ids.add(id(node))
            stack.append((node, True))
            for child in reversed(node.value):  # items, or (key, value) pairs
                if isinstance(child, tuple):
                    stack.extend([(child[1], False), (child[0], False)])
                else:
                    stack.append((child, False))
    return Problem(
        name,
        1,
        1,
        "expected lists and mappings nested to a readable depth, found them nested deeper "
        "than this reader allows",
        hint="flatten the structure",
        rule="yaml-syntax",
    )
