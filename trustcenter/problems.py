"""Problems found in the data: errors and warnings that name file, line and column."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    """How bad a problem is: errors always fail a check, warnings only under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, pinned to a place in a file.

    Lines and columns count from 1, like an editor shows them. ``hint`` is the
    likely fix, printed after the message.
    """

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    hint: str = ""

    def format(self) -> str:
        """Render as ``file:line:column: severity: message; hint``, the form editors link."""
        text = f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"
        if not self.hint:
            return text
        joint = ": " if self.hint.startswith("did you mean") else "; "
        return f"{text}{joint}{self.hint}"

    @property
    def is_error(self) -> bool:
        """True for an error, false for a warning."""
        return self.severity is Severity.ERROR


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order problems by file, then line, then column, dropping exact repeats."""
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message))


class DataError(Exception):
    """The data cannot be used: carries every error (and warning) found in one run."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sort_problems(problems)
        errors = [p for p in self.problems if p.is_error]
        super().__init__(
            f"{len(errors)} error(s) in the trust center data:\n"
            + "\n".join(p.format() for p in self.problems)
        )
