"""Helpers shared by the unit tests: a writable copy of the valid data folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from trustcenter.loader import LoadResult, load
from trustcenter.problems import Problem

#: The minimal valid data folder every broken copy starts from.
VALID_DATA = Path(__file__).with_name("data") / "valid"
#: The build date the fixture data is current on.
TODAY = dt.date(2026, 6, 1)
#: A frozen copy of the example company's data/ (Lanternfish Labs), valid on EXAMPLE_TODAY.
EXAMPLE_DATA = Path(__file__).with_name("data") / "example"
#: The build date CI uses for the example (.ci/run).
EXAMPLE_TODAY = dt.date(2026, 11, 26)


class DataFolder:
    """A copy of the valid data at ``data/`` below the working directory."""

    def __init__(self, root: Path, source: Path = VALID_DATA, today: dt.date = TODAY) -> None:
        self.root = root
        self.path = Path("data")  # relative, as a user runs the check from the repository
        self.today = today
        shutil.copytree(source, root / "data")

    def edit(self, name: str, old: str, new: str) -> None:
        target = self.root / "data" / name
        text = target.read_bytes().decode("utf-8")
        assert text.count(old) == 1, f"{old!r} must occur exactly once in {name}"
        target.write_bytes(text.replace(old, new).encode("utf-8"))

    def write(self, name: str, content: bytes) -> None:
        (self.root / "data" / name).write_bytes(content)

    def remove(self, name: str) -> None:
        (self.root / "data" / name).unlink()

    def load(self, today: dt.date | None = None) -> LoadResult:
        return load(self.path, today or self.today)


def where(problem: Problem) -> str:
    return f"{problem.file}:{problem.line}:{problem.column}: {problem.severity.value}"


def assert_problem(
    problem: Problem, location: str, message: str, hint: str | None = None
) -> None:
    """``location`` is ``file:line:column: severity``; message and hint are key parts."""
    assert where(problem) == location, problem.format()
    assert message in problem.message, problem.format()
    if hint is not None:
        assert hint in problem.hint, problem.format()
