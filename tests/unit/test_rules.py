"""The rule ids: registered once, kebab-case, shown in every message."""

from __future__ import annotations

import re

import pytest

from trustcenter.problems import Problem, RuleError
from trustcenter.rules import RULES, is_known, summary


@pytest.mark.parametrize("rule", list(RULES))
def test_rule_ids_are_short_kebab_case_with_a_one_line_summary(rule: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule)
    assert len(rule) <= 28
    assert summary(rule) and "\n" not in summary(rule)
    assert is_known(rule)


def test_an_unregistered_rule_id_cannot_be_used() -> None:
    with pytest.raises(ValueError, match="unknown rule id 'no-such-rule'"):
        Problem("a.yml", 1, 1, "m", rule="no-such-rule")
    with pytest.raises(ValueError, match="unknown rule id 'no-such-rule'"):
        RuleError("no-such-rule", "m")


def test_the_rule_id_ends_the_message_as_in_yamllint() -> None:
    problem = Problem("a.yml", 2, 3, "duplicate key 'x'", hint="remove one", rule="duplicate-key")
    assert problem.format() == "a.yml:2:3: error: duplicate key 'x'; remove one (duplicate-key)"
    assert problem.format_github() == (
        "::error file=a.yml,line=2,col=3,title=trustcenter error (duplicate-key)::"
        "duplicate key 'x'; remove one (duplicate-key)"
    )


def test_a_model_rule_error_keeps_its_rule_id(data) -> None:
    data.edit("controls.yml", "- CC6.2", "- CC6.9")
    [problem] = data.load().problems
    assert problem.rule == "unknown-criterion"


def _documented() -> dict[str, str]:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "handbook" / "rules.md").read_text("utf-8")
    sections = re.split(r"(?m)^### `([a-z0-9-]+)`\n", page)
    return dict(zip(sections[1::2], sections[2::2], strict=True))


@pytest.mark.parametrize("rule", list(RULES))
def test_every_rule_is_documented_with_a_bad_and_a_good_example(rule: str) -> None:
    section = _documented().get(rule)
    assert section is not None, f"handbook/rules.md has no section '### `{rule}`'"
    assert re.search(r"(?m)^- bad: \S", section), rule
    assert re.search(r"(?m)^- good: \S", section), rule


def test_the_handbook_documents_no_rule_that_does_not_exist() -> None:
    assert set(_documented()) - set(RULES) == set()
