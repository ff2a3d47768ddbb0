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

    @property
    def text(self) -> str:
        """The message followed by the hint: ``unknown key 'x': did you mean 'y'?``."""
        if not self.hint:
            return self.message
        joint = ": " if self.hint.startswith("did you mean") else "; "
        return f"{self.message}{joint}{self.hint}"

    def format(self) -> str:
        """Render as ``file:line:column: severity: message; hint``, the form editors link."""
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.text}"

    def format_github(self) -> str:
        """Render as a GitHub Actions workflow command, annotating the line in the diff.

        ``::error file=F,line=L,col=C,title=T::message``, with the escapes GitHub
        defines for property values and for the message.
        """
        properties = {
            "file": self.file,
            "line": str(self.line),
            "col": str(self.column),
            "title": f"trustcenter {self.severity.value}",
        }
        joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        return f"::{self.severity.value} {joined}::{_escape_data(self.text)}"

    @property
    def is_error(self) -> bool:
        """True for an error, false for a warning."""
        return self.severity is Severity.ERROR


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


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
