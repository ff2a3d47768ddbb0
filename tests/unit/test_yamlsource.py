from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.unit.unit_support import assert_problem
from trustcenter.yamlsource import Position, parse_yaml


def parse(text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_yaml(data, "data/x.yml")


# --- parse_yaml on its own -----------------------------------------------------------------


def test_values_and_positions() -> None:
    source, problems = parse("name: Example\nitems:\n  - one\n  - when: 2026-06-01\n")
    assert problems == []
    assert source.value == {"name": "Example", "items": ["one", {"when": dt.date(2026, 6, 1)}]}
    assert source.position(("name",), at_key=True) == Position(1, 1)
    assert source.position(("name",)) == Position(1, 7)
    assert source.position(("items", 0)) == Position(3, 5)
    assert source.position(("items", 0), at_key=True) == Position(3, 5)  # an item has no key
    assert source.position(("items", 1, "when"), at_key=True) == Position(4, 5)
    assert source.position(("items", 1, "when")) == Position(4, 11)
    assert source.position(()) == Position(1, 1)


def test_resolve_skips_parts_that_are_not_in_the_document() -> None:
    source, _ = parse("items:\n  - name: a\n")
    assert source.resolve(("items", 0, "function-after[check()]", "name")) == ("items", 0, "name")
    assert source.position(("items", 0, "name")) == Position(2, 11)
    assert source.position(("items", 0, "name"), at_key=True) == Position(2, 5)
    assert source.position(("nowhere",)) == Position(1, 1)


@pytest.mark.parametrize(
    ("text", "location", "message", "hint"),
    [
        pytest.param(
            "a: 1\nb:\n  c: 1\n   d: 2\n", "data/x.yml:4:5: error",
            "invalid YAML: mapping values are not allowed here",
            "check the indentation", id="bad-indentation",
        ),
        pytest.param(
            "a: 1\nb:\n\tc: 1\n", "data/x.yml:3:1: error", "invalid YAML",
            "indent with spaces", id="tab",
        ),
        pytest.param(
            "a: 1\nb: 2\na: 3\n", "data/x.yml:3:1: error",
            "duplicate key 'a': it is already given at line 1, column 1",
            "YAML would silently keep only the last", id="duplicate-key",
        ),
        pytest.param(
            "a:\n  when: 2026-02-30\n", "data/x.yml:2:9: error",
            "expected a real date (YYYY-MM-DD), found '2026-02-30'", "check the day and month",
            id="impossible-date",
        ),
        pytest.param(
            "a:\n  title: !Important notice\n", "data/x.yml:2:10: error",
            "expected a value, found '!Important notice': YAML reads '!Important' as a tag",
            "put the whole value in quotes if the '!' is part of the text", id="unknown-tag",
        ),
        pytest.param(
            "n: !!int abc\n", "data/x.yml:1:4: error",
            "found '!!int abc': YAML reads '!!int' as a tag (a value that starts with '!'), "
            "which it cannot apply to 'abc'", "or remove the tag", id="tag-that-does-not-fit",
        ),
        pytest.param(
            "b: !!bool maybe\n", "data/x.yml:1:4: error", "found '!!bool maybe'", None,
            id="bool-tag-that-does-not-fit",
        ),
        pytest.param(
            "t: !!timestamp soon\n", "data/x.yml:1:4: error", "found '!!timestamp soon'", None,
            id="timestamp-tag-that-does-not-fit",
        ),
        pytest.param(
            "a: !!set {x: null}\n", "data/x.yml:1:4: error",
            "expected a mapping without a tag, found one tagged '!!set'", "remove '!!set'",
            id="tagged-mapping",
        ),
        pytest.param(
            "a:\n  - !foo [x, y]\n", "data/x.yml:2:5: error",
            "expected a list without a tag, found one tagged '!foo'", "remove '!foo'",
            id="tagged-list",
        ),
        pytest.param(
            "q: !!binary aGVsbG8=\n", "data/x.yml:1:4: error",
            "found a '!!binary' (base64) value, which a reviewer cannot read",
            "write the value itself", id="binary",
        ),
        pytest.param(
            "q: [ok, !!binary '!!!']\n", "data/x.yml:1:9: error",
            "found a '!!binary' (base64) value", None, id="binary-that-is-not-base64",
        ),
        pytest.param(
            "a:\n  title: =\n", "data/x.yml:2:10: error",
            "expected a value, found =, which YAML 1.1 reads as its 'value' type, not as text",
            "put it in quotes: '='", id="equals-sign-as-value",
        ),
        pytest.param(
            "a: [<<]\n", "data/x.yml:1:5: error",
            "expected a value, found <<, which YAML 1.1 reads as its 'merge' type, not as text",
            "put it in quotes: '<<'", id="merge-sign-as-value",
        ),
        pytest.param(
            "a: 1\nb: &loop\n  c: [1, *loop]\n", "data/x.yml:2:4: error",
            "found an anchor ('&') whose value contains an alias ('*') to itself",
            "remove the alias, or write the values out in full", id="alias-inside-itself",
        ),
        pytest.param(
            "x: " + "[" * 3000 + "]" * 3000 + "\n", "data/x.yml:1:1: error",
            "found them nested deeper than this reader allows", "flatten the structure",
            id="nested-too-deep",
        ),
        pytest.param(
            "", "data/x.yml:1:1: error", "found an empty file", "fill the file in", id="empty",
        ),
        pytest.param(
            "# only a comment\n", "data/x.yml:1:1: error", "found an empty file", None,
            id="only-comments",
        ),
        pytest.param(
            "base: &b {x: 1}\nother:\n  <<: *b\n", "data/x.yml:3:3: error",
            "merge keys ('<<') are not supported", "write the keys out in full", id="merge-key",
        ),
        pytest.param(
            b"name: ok\ncity: M\xfcnchen\n", "data/x.yml:2:8: error",
            "expected UTF-8 text, found the byte 0xFC", "save the file with UTF-8 encoding",
            id="not-utf-8",
        ),
    ],
)
def test_problems(text: str | bytes, location: str, message: str, hint: str | None) -> None:
    _, problems = parse(text)
    [problem] = problems
    assert_problem(problem, location, message, hint)


def test_an_alias_used_twice_is_read_twice() -> None:
    source, problems = parse("a: &x [1, {b: 2}]\nc: *x\n")
    assert problems == []
    assert source.value == {"a": [1, {"b": 2}], "c": [1, {"b": 2}]}


def test_duplicate_key_keeps_the_first_value() -> None:
    source, _ = parse("a: first\na: second\n")
    assert source.value == {"a": "first"}


def test_a_tagged_value_is_kept_as_text_and_marked_broken() -> None:
    source, _ = parse("when: !soon 2026-01-01\nplain: 1\n")
    assert source.value == {"when": "2026-01-01", "plain": 1}
    assert ("when",) in source.broken


def test_a_binary_value_is_kept_as_written_and_marked_broken() -> None:
    source, _ = parse("q: !!binary aGVsbG8=\n")
    assert source.value == {"q": "aGVsbG8="}
    assert ("q",) in source.broken


def test_impossible_date_is_kept_as_text_and_marked_broken() -> None:
    source, _ = parse("when: 2026-02-30\n")
    assert source.value == {"when": "2026-02-30"}
    assert ("when",) in source.broken


def _dates() -> list[str]:
    """Dates as YAML 1.1 may read them: real and impossible, in every month, near misses."""
    days = [f"{y:04d}-{m:02d}-{d:02d}" for y in (0, 1, 1900, 2024, 2025, 9999)
            for m in range(14) for d in (0, 1, 28, 29, 30, 31, 32)]
    near = ["2026-1-1", "2026-01-1", "2026-1-01", "2026-11-26 10:00:00", "2026-11-26T10:00:00Z",
            "2026-11-26t1:02:03.5-05:30", "20261126", "2026-11-26x", "+2026-11-26", "2026-11-260",
            "2026-11-2\uff16", "\u0661\u0669\u0669\u0669-01-01"]
    return days + near  # fmt: skip


@pytest.mark.parametrize("form", ["{}", "!!timestamp {}", "!!timestamp '{}'", "'{}'", "[{}]"])
def test_dates_are_read_as_pyyaml_reads_them(form: str) -> None:
    # The walker reads a date alone without PyYAML's constructor: the same value (or the
    # same error, in the problem's words) for every form, or the text when it is not one.
    for text in _dates():
        written = form.format(text)
        source, problems = parse(f"a: {written}\n")
        try:
            expected = yaml.safe_load(f"a: {written}\n")["a"]
        except ValueError as error:
            [problem] = problems
            assert problem.rule == "impossible-date" and f"({error})" in problem.message, text
            assert source.value["a"] == ([text] if form == "[{}]" else text)
            continue
        except AttributeError:  # a tag the text does not fit (!!timestamp 20261126)
            assert [p.rule for p in problems] == ["yaml-syntax"], text
            continue
        assert problems == [], text
        assert source.value["a"] == expected, text
        assert repr(source.value["a"]) == repr(expected), text  # a date, not a datetime


def test_byte_order_mark_is_accepted() -> None:
    source, problems = parse(b"\xef\xbb\xbfname: ok\n")
    assert problems == []
    assert source.value == {"name": "ok"}


def test_yaml_booleans_are_booleans() -> None:
    source, _ = parse("country: NO\nquoted: 'NO'\n")
    assert source.value == {"country": False, "quoted": "NO"}


# --- the same problems reported from a data folder -----------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "controls.yml", "    title: Backups", "   title: Backups",
            "data/controls.yml:18:4: error", "invalid YAML: expected <block end>",
            "check the indentation of this line and the one above", id="bad-indentation",
        ),
        pytest.param(
            "controls.yml", "    title: Backups", "\ttitle: Backups",
            "data/controls.yml:18:1: error", "invalid YAML: found character '\\t'",
            "indent with spaces; YAML does not allow tab characters", id="tab",
        ),
        pytest.param(
            "controls.yml", "    title: Backups\n", "    title: Backups\n    title: Restores\n",
            "data/controls.yml:19:5: error",
            "duplicate key 'title': it is already given at line 18, column 5",
            "remove one of them", id="duplicate-key",
        ),
        pytest.param(
            "controls.yml", "    title: Backups", "    title: !Backups first",
            "data/controls.yml:18:12: error",
            "expected a value, found '!Backups first': YAML reads '!Backups' as a tag",
            "put the whole value in quotes", id="unknown-tag",
        ),
        pytest.param(
            "subprocessors.yml", "added: 2024-03-01", "added: 2026-02-30",
            "data/subprocessors.yml:11:12: error",
            "expected a real date (YYYY-MM-DD), found '2026-02-30'", "check the day and month",
            id="impossible-date",
        ),
    ],
)
def test_problems_in_data_folder(
    data, name: str, old: str, new: str, location: str, message: str, hint: str
) -> None:
    data.edit(name, old, new)
    [problem] = data.load().problems
    assert_problem(problem, location, message, hint)


def test_empty_file_in_data_folder(data) -> None:
    data.write("attestations.yml", b"")
    [problem] = data.load().problems
    assert_problem(problem, "data/attestations.yml:1:1: error",
                   "expected a YAML mapping of keys to values, found an empty file",
                   "fill the file in")


def test_file_that_is_not_utf_8_in_data_folder(data) -> None:
    text = (data.root / "data" / "subprocessors.yml").read_bytes()
    data.write("subprocessors.yml", text.replace(b"- Germany", b"- M\xfcnchen"))
    [problem] = data.load().problems
    assert_problem(problem, "data/subprocessors.yml:8:10: error",
                   "expected UTF-8 text, found the byte 0xFC that is not UTF-8",
                   "save the file with UTF-8 encoding")


# --- positions looked up in the node graph, against positions recorded for every value -----


def _recorded(text: str) -> tuple[dict, dict, dict]:
    """Where each value, key and scalar is, recorded eagerly by walking the nodes as the
    reader reads them (first of repeated keys, no merge key, no list or mapping as key)."""
    import yaml

    value_at: dict = {}
    key_at: dict = {}
    span_at: dict = {}

    def walk(node: yaml.Node, loc: tuple) -> None:
        value_at[loc] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.value == "<<" or key.value in seen:
                    continue
                seen.add(key.value)
                key_at[(*loc, key.value)] = Position(
                    key.start_mark.line + 1, key.start_mark.column + 1
                )
                walk(value, (*loc, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*loc, index))
        else:
            span_at[loc] = (node.start_mark.index, node.end_mark.index)

    walk(yaml.compose(text, Loader=yaml.CSafeLoader), ())
    return value_at, key_at, span_at


DOCUMENTS = [
    "name: Example\nitems:\n  - one\n  - when: 2026-06-01\n    who: [a, {b: c}]\n",
    "a: 1\na: 2\nb:\n  - x\n  - - y\n    - z\n[k]: v\nc: {d: e, d: f}\n",
    "base: &b {x: 1, y: [1, 2]}\nother: *b\nmerged:\n  <<: *b\n  z: 3\n",
    "description: >-\n  A long text that\n  spans lines, with a link\n  [x](javascript:y)\n"
    "n: 030\n",
    "- 1\n- 'two'\n- \"three\"\n- {four: 4}\n- ~\n",
    "when: 2026-02-30\nnested:\n  deeper:\n    deepest: |\n      text\n      more\n",
]


def _probes(value_at: dict) -> list[tuple]:
    """Every location, plus each with a part that is not in the document inserted."""
    probes = []
    for loc in value_at:
        probes.append(loc)
        probes.append(("function-after[check()]", *loc))
        probes.append((*loc, "missing", 0))
        probes.append((*loc, 99, -1, True))
        probes.append((*loc, "<<", "x"))  # a merge key is not read
        if loc:
            probes.append((*loc[:-1], "str", loc[-1]))
            probes.append((*loc[:-1], str(loc[-1]) if isinstance(loc[-1], int) else 0))
    return probes


@pytest.mark.parametrize("text", DOCUMENTS)
def test_positions_match_positions_recorded_for_every_value(text: str) -> None:
    source, _ = parse(text)
    value_at, key_at, span_at = _recorded(text)
    for loc in _probes(value_at):
        path: tuple = ()
        for part in loc:
            if (*path, part) in value_at:
                path = (*path, part)
        assert source.resolve(loc) == path, loc
        assert source.position(loc) == value_at.get(path, Position(1, 1)), loc
        at_key = key_at[path] if path in key_at else value_at.get(path, Position(1, 1))
        assert source.position(loc, at_key=True) == at_key, loc
        for found in ("javascript:y", "more", "e", "zzz"):
            span = span_at.get(path)
            index = text.find(found, *span) if span else -1
            want = source.position(loc) if index < 0 else _position_of(text, index)
            assert source.locate(loc, found) == want, (loc, found)


def _position_of(text: str, index: int) -> Position:
    before = text[:index]
    return Position(before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1)


def test_positions_of_a_file_with_nothing_read_are_at_its_start() -> None:
    source, _ = parse("~\n")
    assert source.value is None
    assert source.position(("a", 0)) == Position(1, 1)
    assert source.resolve(("a", 0)) == ()
