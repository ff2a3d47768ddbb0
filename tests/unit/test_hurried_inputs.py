"""Inputs a hurried person types, found in review: each a located error, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.unit_support import assert_problem
from trustcenter.clock import BadDate, build_date
from trustcenter.diff import Section, Summary
from trustcenter.exports.trust_json import trust_document
from trustcenter.render import Links
from trustcenter.status import add_months
from trustcenter.yamlsource import parse_yaml


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x1b", "\x7f", "\u0092"])
def test_a_raw_control_character_is_a_located_error(char: str) -> None:
    _, [problem] = parse_yaml(f"a: 1\nb: before{char}after\n".encode(), "data/x.yml")
    assert_problem(problem, "data/x.yml:2:10: error",
                   f"expected printable text, found the control character U+{ord(char):04X}")


@pytest.mark.parametrize("text", [b"null\n", b"~\n", b"---\n...\n"])
def test_a_file_that_is_only_null_is_an_empty_file(text: bytes) -> None:
    source, [problem] = parse_yaml(text, "data/x.yml")
    assert source.value is None
    assert_problem(problem, "data/x.yml:1:1: error",
                   "expected a YAML mapping of keys to values, found an empty file")


@pytest.mark.parametrize("name", ["company.yml", "controls.yml", "subprocessors.yml"])
def test_a_data_file_that_is_only_null_fails_the_check(data, name: str) -> None:
    data.write(name, b"~\n")
    result = data.load()
    assert result.trust_center is None
    assert any(p.file == f"data/{name}" and p.line == 1 for p in result.errors)


def test_an_escaped_control_character_in_text_is_an_error(data) -> None:
    data.edit("controls.yml", "title: Backups", 'title: "Back\\x01ups"')
    [problem] = data.load().problems
    assert_problem(problem, "data/controls.yml:18:12: error",
                   "expected printable text, found the control character U+0001")


@pytest.mark.parametrize("other", ["op.01", "OP_01", "op-01"])
def test_ids_that_make_the_same_anchor_are_duplicates(data, other: str) -> None:
    data.edit("controls.yml", "- id: AC-01", f"- id: {other}")
    [problem] = data.load().problems
    assert problem.message.startswith("duplicate control id 'OP-01'")
    assert f"it makes the same link as '{other}'" in problem.message


def test_a_rotation_must_be_a_number(data) -> None:
    data.edit("access.yml", "rotation: 1", "rotation: true")
    [problem] = data.load().problems
    assert_problem(problem, "data/access.yml:11:15: error", "expected a whole number")


def test_a_negative_source_date_epoch_is_refused() -> None:
    with pytest.raises(BadDate, match="SOURCE_DATE_EPOCH"):
        build_date(environ={"SOURCE_DATE_EPOCH": "-5"})


def test_a_far_future_period_end_does_not_crash(data) -> None:
    assert add_months(dt.date(9999, 6, 30), 12) == dt.date.max
    data.edit("attestations.yml", "end: 2025-12-31", "end: 9999-12-31")
    assert data.load().errors  # the report date precedes the end: a located error


def test_trust_json_keeps_a_removal_quiet_until_it_is_announced(data) -> None:
    data.edit("subprocessors.yml", "added: 2024-03-01",
              "added: 2024-03-01\n    removed: 2026-12-31\n    removal_announced: 2026-10-01")
    trust_center = data.load().trust_center
    assert trust_center is not None

    def removed(today: dt.date) -> object:
        document = trust_document(trust_center, today, Links("https://t.example/"), {
            "subprocessors": "s", "updates": "u"})
        return document.subprocessors.items[0].removed

    assert removed(dt.date(2026, 6, 1)) is None
    assert removed(dt.date(2026, 10, 1)) == dt.date(2026, 12, 31)


def test_markdown_summary_keeps_each_value_on_its_line_and_escapes_html() -> None:
    summary = Summary("a", "b", [Section("Subprocessors", [
        "Added **Evil\n\n## Nothing else changes\n\n<img src=x>**"])])
    text = summary.markdown()
    assert "\n## Nothing else changes" not in text
    assert "<img" not in text and "&lt;img src=x&gt;" in text
