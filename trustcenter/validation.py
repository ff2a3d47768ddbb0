"""Validate parsed YAML against the model and say, for each error, where, what and how to fix.

Pydantic finds every type error in one pass; this module rewrites its messages in the
words of a person editing YAML ("unknown key 'catgory': did you mean 'category'?"),
pins each to the line and column of the key or value, and keeps the entries of a list
that did validate, so that the cross-checks can still run over them in the same pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import types
import typing
from collections.abc import Sequence, Set
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from trustcenter.model import Model, describe
from trustcenter.model.base import mark_source
from trustcenter.model.months import day_fixes
from trustcenter.problems import Problem, RuleError
from trustcenter.yamlsource import Loc, SourceFile
from trustcenter.yamltypes import Conversion, conversion, quoted

M = TypeVar("M", bound=Model)

_BOOLEAN_HINT = "YAML reads yes, no, on, off, true and false as booleans: put the value in quotes"


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may stand for (Annotated and unions taken apart)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _annotation_at(root: type[BaseModel], loc: Sequence[str | int]) -> list[Any]:
    """The possible types of the value at ``loc`` below ``root``."""
    # Only the keys matter, not which list item: one lookup per shape of location.
    return list(_annotation_of(root, tuple(0 if isinstance(p, int) else p for p in loc)))


@functools.cache
def _annotation_of(root: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[Any, ...]:
    current: list[Any] = [root]
    for part in loc:
        following: list[Any] = []
        for kind in current:
            if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(part, str):
                if part in kind.model_fields:
                    following += _unwrap(kind.model_fields[part].annotation)
            elif typing.get_origin(kind) is list and isinstance(part, int):
                following += _unwrap(typing.get_args(kind)[0])
        if not following:
            return tuple(current)  # a part the data does not have (a validator's name): stay
        current = following
    return tuple(current)


def _allowed_keys(root: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    keys: list[str] = []
    for kind in _annotation_at(root, loc):
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            keys += list(kind.model_fields)
    return keys


def _allowed_values(root: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    values: list[str] = []
    for kind in _annotation_at(root, loc):
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            values += [str(member.value) for member in kind]
        elif typing.get_origin(kind) is typing.Literal:
            values += [str(arg) for arg in typing.get_args(kind)]
    return values


def _suggest(found: object, choices: list[str], *, listed: bool = False) -> str:
    """``did you mean 'x'?`` for the closest choice, else the choices (unless ``listed``)."""
    close = difflib.get_close_matches(str(found).lower(), choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "expected one of: " + ", ".join(choices) if choices and not listed else ""


def _misspelt_in(
    source: SourceFile, loc: tuple[str | int, ...], key: str, allowed: list[str]
) -> bool:
    """True when the mapping at ``loc`` has an unknown key that is a misspelling of ``key``."""
    mapping: Any = source.value
    for part in loc:
        try:
            mapping = mapping[part]
        except (KeyError, IndexError, TypeError):
            return False
    if not isinstance(mapping, dict):
        return False
    unknown = [k for k in mapping if k not in allowed]
    return bool(difflib.get_close_matches(key, unknown, n=1, cutoff=0.6))


def _translate(root: type[BaseModel], source: SourceFile, error: ErrorDetails) -> Problem | None:
    """One pydantic error as a problem at its place in the YAML file."""
    loc = tuple(error["loc"])
    kind, found = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    if source.resolve(loc) in source.broken:
        return None  # already reported while reading the YAML
    wrong_value = kind not in ("missing", "extra_forbidden")
    if wrong_value and (converted := _converted(root, source, loc, kind, found)) is not None:
        return converted
    if kind == "missing":
        key = str(loc[-1])
        if _misspelt_in(source, loc[:-1], key, _allowed_keys(root, loc[:-1])):
            return None  # the unknown-key error already says "did you mean '<key>'?"
        return source.problem(
            loc[:-1],
            f"missing required key '{key}'",
            hint=f"add '{key}:' with a value",
            rule="missing-key",
        )
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return source.problem(
            loc,
            f"unknown key '{key}'",
            hint=_suggest(key, _allowed_keys(root, loc[:-1])),
            at_key=True,
            rule="unknown-key",
        )
    if kind in ("enum", "literal_error"):
        options = _allowed_values(root, loc)
        return source.problem(
            loc,
            f"expected one of {', '.join(options)}; found {describe(found)}",
            hint=_suggest(found, options, listed=True),
            rule="unknown-value",
        )
    hint = _BOOLEAN_HINT if isinstance(found, bool) else ""
    rule = "wrong-type"
    if kind == "string_type":
        message = f"expected text, found {describe(found)}"
        if isinstance(found, list | dict):
            hint = "write a single text value here"
        elif not hint:
            hint = "put the value in quotes" if found is not None else "write a value"
    elif kind == "string_too_short":
        message = "expected text, found an empty value"
        rule = "empty-text"
    elif kind == "string_pattern_mismatch":
        rule = "bad-identifier"
        message = (
            "expected an identifier (letters, digits, '.', '_' or '-', starting with a "
            f"letter or digit), found {describe(found)}"
        )
    elif kind.startswith("date") or kind.startswith("datetime"):
        message = f"expected a date in the form YYYY-MM-DD, found {describe(found)}"
        days = day_fixes(found) if isinstance(found, str) else []
        if len(days) == 1:
            hint = f"write {days[0]}"
        elif days:
            hint = (
                f"write {days[0]} or {days[1]}, whichever is meant (day and month can be "
                "read either way)"
            )
        else:
            hint = "write the date as year-month-day, for example 2026-09-30"
        rule = "bad-date"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"expected a whole number, found {describe(found)}"
    elif kind == "list_type":
        message = f"expected a list, found {describe(found)}"
        hint = "write each item on its own line, starting with '- '"
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = f"expected a mapping of keys to values, found {describe(found)}"
        hint = "write 'key: value' lines indented below this key"
    elif kind == "too_short":
        wanted = ctx.get("min_length", 1)
        entries = "one entry" if wanted == 1 else f"{wanted} entries"
        message = f"expected at least {entries}, found none"
        rule = "too-few"
    elif kind == "value_error":
        cause = ctx.get("error")
        message = str(cause if cause is not None else error["msg"])
        if isinstance(cause, RuleError):
            rule, found = cause.rule, cause.found
            return source.problem(loc, message, hint=hint, rule=rule, found=found)
        rule = "invalid-value"
    else:
        message = f"{error['msg']}; found {describe(found)}"
        rule = "invalid-value"
    return source.problem(loc, message, hint=hint, rule=rule)


def _expected(root: type[BaseModel], loc: Sequence[str | int], kind: str) -> str:
    """What the field at ``loc`` wants, in words: from its type, else from the error ``kind``."""
    types = _annotation_at(root, loc)
    if _allowed_values(root, loc):
        return "one of " + ", ".join(_allowed_values(root, loc))
    if int in types or kind.startswith(("int", "float", "finite")):
        return "a whole number"
    if dt.date in types or kind.startswith(("date", "datetime")):
        return "a date in the form YYYY-MM-DD"
    if any(typing.get_origin(t) is list for t in types) or kind == "list_type":
        return "a list"
    if any(isinstance(t, type) and issubclass(t, BaseModel) for t in types):
        return "a mapping of keys to values"
    return "text"


def _hint(expected: str, raw: str, conv: Conversion, root: type[BaseModel], loc: Loc) -> str:
    """How to write ``raw`` so that the field wanting ``expected`` gets what was meant."""
    if expected == "text":
        if conv.rule == "yaml-null":
            return f"write the value, or put it in quotes ({quoted(raw)}) if you mean the word"
        return f"put it in quotes: {quoted(raw)}"
    if conv.rule == "yaml-timestamp" and conv.canonical:
        return f"write the date alone: {conv.canonical}"
    if conv.rule == "yaml-octal":
        meant = raw.lstrip("+").replace("_", "").lstrip("0") or "0"
        return f"write {meant} (or put it in quotes if text is meant)"
    if conv.rule == "yaml-sexagesimal":
        return f"write the number in plain digits ({conv.canonical} is what YAML made of it)"
    if conv.canonical:
        return f"write {conv.canonical}"
    if expected.startswith("one of"):
        allowed = _allowed_values(root, loc)
        if all(value.isdigit() for value in allowed):
            return "write " + " or ".join(allowed)
        return _suggest(raw, allowed, listed=True) or (
            f"put it in quotes if you mean the word: {quoted(raw)}"
        )
    return "write the number in plain digits" if expected == "a whole number" else "write a value"


def _converted(
    root: type[BaseModel], source: SourceFile, loc: Sequence[str | int], kind: str, found: Any
) -> Problem | None:
    """A pydantic error on a value YAML 1.1 converted from what was typed, in those terms.

    ``no`` in a text field is not "the boolean false" to the person who typed it: the
    message quotes the text as typed, says what YAML made of it, and how to keep it.
    """
    where = source.resolve(loc)
    raw = source.plain_at.get(where)
    if not raw:
        return None
    conv = conversion(raw, found)
    if conv is None and isinstance(found, dt.date):  # a date where text is meant
        conv = Conversion("yaml-timestamp", f"the date {found.isoformat()}")
    if conv is None:
        return None
    expected = _expected(root, where, kind)
    message = f"expected {expected}, found {raw}, which YAML 1.1 reads as {conv.made}"
    return source.problem(
        where, message, hint=_hint(expected, raw, conv, root, where), rule=conv.rule
    )


def _value_at(value: Any, loc: Sequence[str | int]) -> Any:
    for part in loc:
        value = value[part]
    return value


def silent_conversions(
    root: type[BaseModel], source: SourceFile, skip: Set[Loc] = frozenset()
) -> list[Problem]:
    """Values the model took whose YAML 1.1 reading differs from the characters typed.

    ``notice: days: 030`` validates as the number 24 (octal), ``type: 0x2`` as 2,
    ``days: yes`` as 1, ``days: 30.0`` as 30, ``since: 2024-01-01T00:00:00Z`` as a date.
    Each is an error at the value, quoting the text as typed, what YAML made of it and
    what to write: the page never shows a value other than the characters in the file.
    ``skip`` holds the locations pydantic refused (reported already, in these terms by
    :func:`_converted`). Only ``~``/``null`` in a field that may be empty is taken as
    meant. Source: YAML 1.1 implicit types, https://yaml.org/type/.
    """
    problems = []
    for loc, raw in source.plain_at.items():
        if loc in skip or loc in source.broken:
            continue
        value = _value_at(source.value, loc)
        conv = conversion(raw, value)
        if conv is None and not isinstance(value, float):
            continue  # shown as typed (a date, a decimal number), whatever the field's type
        types = _annotation_at(root, loc)
        if conv is None and isinstance(value, float) and float not in types:
            shown = f"{value:g}"
            conv = Conversion("yaml-number-form", f"the number {shown} with a fraction", shown)
        if conv is None or (value is None and type(None) in types):
            continue
        if isinstance(value, bool) and bool in types:
            continue
        expected = _expected(root, loc, "")
        meant = raw.lstrip("+").replace("_", "").lstrip("0") or "0"
        if conv.rule == "yaml-octal" and meant != conv.canonical:
            message = f"{raw} is read by YAML 1.1 as {conv.made}, not {meant}"
        elif conv.rule == "yaml-octal":
            message = f"{raw} has a leading zero, which YAML 1.1 reads as an octal number"
        elif conv.rule in ("yaml-timestamp", "yaml-boolean", "yaml-null"):
            message = f"expected {expected}, found {raw}, which YAML 1.1 reads as {conv.made}"
        else:
            message = f"{raw} is read by YAML 1.1 as {conv.made}"
        hint = _hint(expected, raw, conv, root, loc)
        problems.append(source.problem(loc, message, hint=hint, rule=conv.rule))
    return problems


def _salvage(model: type[M], source: SourceFile) -> M | None:
    """Build the file's model from the list entries that are valid on their own."""
    if not isinstance(source.value, dict):
        return None
    fields: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        item_types = [t for t in _unwrap(field.annotation) if typing.get_origin(t) is list]
        raw = source.value.get(name)
        if not item_types or not isinstance(raw, list):
            if field.is_required():
                return None
            continue
        adapter: TypeAdapter[Any] = TypeAdapter(typing.get_args(item_types[0])[0])
        kept = []
        for entry in raw:
            try:
                kept.append(adapter.validate_python(entry))
            except ValidationError:
                kept.append(None)
        fields[name] = kept
    return model.model_construct(**fields)  # type: ignore[return-value]


def _may_hold_model(annotation: Any) -> bool:
    """False when a value of type ``annotation`` can be neither a model nor hold one."""
    if annotation is Any:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    if origin is typing.Annotated:  # the rest of its arguments are validators, not types
        return _may_hold_model(typing.get_args(annotation)[0])
    if origin is not None:  # a union, list, dict: look at what it is made of
        return any(_may_hold_model(arg) for arg in typing.get_args(annotation))
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    return True  # Any, a type variable or an unresolved name: it may be anything


@functools.cache
def _fields_with_models(kind: type[Model]) -> tuple[str, ...]:
    """The fields of ``kind`` whose values may be or hold models, in declaration order."""
    return tuple(
        name for name, field in kind.model_fields.items() if _may_hold_model(field.annotation)
    )


def _mark_sources(value: Any, source: SourceFile, loc: tuple[str | int, ...]) -> None:
    """Record on every model in ``value`` the file and location it was read from.

    Fields that cannot hold a model (text, dates, lists of text) are not looked into.
    """
    if isinstance(value, Model):
        mark_source(value, (source.name, loc))
        for name in _fields_with_models(type(value)):
            _mark_sources(getattr(value, name, None), source, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _mark_sources(item, source, (*loc, index))


def validate(model: type[M], source: SourceFile) -> tuple[M | None, list[Problem]]:
    """Validate ``source`` against ``model``.

    Returns the model (complete when there is no problem; otherwise built from the valid
    list entries, with ``None`` in place of the invalid ones, or ``None`` when nothing
    can be salvaged) and the problems found.
    """
    reported: set[Loc] = set()
    try:
        result: M | None = model.model_validate(source.value)
        problems: list[Problem] = []
    except ValidationError as error:
        errors = error.errors(include_url=False)
        translated = (_translate(model, source, e) for e in errors)
        problems = [p for p in translated if p is not None]
        reported = {source.resolve(e["loc"]) for e in errors}
        result = _salvage(model, source)
    problems += silent_conversions(model, source, reported)
    if result is not None:
        _mark_sources(result, source, ())
        for name in type(result).model_fields:  # drop the entries that did not validate
            if isinstance(entries := getattr(result, name, None), list):
                setattr(result, name, [entry for entry in entries if entry is not None])
    return result, problems
