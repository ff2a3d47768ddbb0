from __future__ import annotations

import pytest

from trustcenter.problems import DataError, Problem, Severity, sort_problems


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem("data/a.yml", 3, 7, "bad value"), "data/a.yml:3:7: error: bad value"),
        (
            Problem("data/a.yml", 3, 7, "unknown key 'x'", hint="did you mean 'y'?"),
            "data/a.yml:3:7: error: unknown key 'x': did you mean 'y'?",
        ),
        (
            Problem("data/a.yml", 1, 1, "short", Severity.WARNING, hint="add more"),
            "data/a.yml:1:1: warning: short; add more",
        ),
    ],
)
def test_format(problem: Problem, text: str) -> None:
    assert problem.format() == text


def test_is_error() -> None:
    assert Problem("a", 1, 1, "m").is_error
    assert not Problem("a", 1, 1, "m", Severity.WARNING).is_error


def test_sort_orders_by_file_line_column_and_drops_repeats() -> None:
    b_10 = Problem("data/b.yml", 10, 1, "x")
    a_9_5 = Problem("data/a.yml", 9, 5, "x")
    a_9_2 = Problem("data/a.yml", 9, 2, "x")
    a_10 = Problem("data/a.yml", 10, 1, "x")
    assert sort_problems([b_10, a_10, a_9_5, a_9_2, a_10]) == [a_9_2, a_9_5, a_10, b_10]


def test_data_error_counts_errors_and_lists_every_problem() -> None:
    error = DataError([
        Problem("data/b.yml", 2, 1, "second"),
        Problem("data/a.yml", 1, 1, "first"),
        Problem("data/a.yml", 5, 1, "only a warning", Severity.WARNING),
    ])
    assert [p.message for p in error.problems] == ["first", "only a warning", "second"]
    assert str(error).splitlines() == [
        "2 error(s) in the trust center data:",
        "data/a.yml:1:1: error: first",
        "data/a.yml:5:1: warning: only a warning",
        "data/b.yml:2:1: error: second",
    ]
