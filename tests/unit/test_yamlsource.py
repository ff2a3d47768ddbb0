from __future__ import annotations

import datetime as dt

import pytest

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
    assert source.key_at[("name",)] == Position(1, 1)
    assert source.value_at[("name",)] == Position(1, 7)
    assert source.value_at[("items", 0)] == Position(3, 5)
    assert source.key_at[("items", 1, "when")] == Position(4, 5)
    assert source.value_at[("items", 1, "when")] == Position(4, 11)


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


def test_duplicate_key_keeps_the_first_value() -> None:
    source, _ = parse("a: first\na: second\n")
    assert source.value == {"a": "first"}


def test_impossible_date_is_kept_as_text_and_marked_broken() -> None:
    source, _ = parse("when: 2026-02-30\n")
    assert source.value == {"when": "2026-02-30"}
    assert ("when",) in source.broken


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
