"""Problems found in the data: errors and warnings that name file, line and column.

Each problem carries a stable rule id from :mod:`trustcenter.rules` (``duplicate-key``,
``yaml-octal``), printed at the end like yamllint's ``(rule-id)``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from trustcenter.rules import RULES


class Severity(enum.Enum):
    """How bad a problem is: errors always fail a check, warnings only under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, pinned to a place in a file.

    Lines and columns count from 1, like an editor shows them. ``hint`` is the
    likely fix, printed after the message. ``rule`` is the stable id of the rule broken,
    one of :data:`trustcenter.rules.RULES`; an unknown id raises :class:`ValueError`.
    Every problem the product emits has one (tests check it); an empty ``rule`` is only
    tolerated so that code written before ids existed still runs.
    """

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    hint: str = ""
    rule: str = ""

    def __post_init__(self) -> None:
        if self.rule and self.rule not in RULES:
            raise ValueError(
                f"unknown rule id {self.rule!r}: register it in trustcenter/rules.py "
                "and document it in handbook/rules.md"
            )

    @property
    def text(self) -> str:
        """The message followed by the hint: ``unknown key 'x': did you mean 'y'?``."""
        if not self.hint:
            return self.message
        joint = ": " if self.hint.startswith("did you mean") else "; "
        return f"{self.message}{joint}{self.hint}"

    def format(self) -> str:
        """Render as ``file:line:column: severity: message; hint (rule-id)``.

        The form editors link, with the rule id last as yamllint prints it.
        """
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity.value}: "
            f"{self.text}{self.rule_suffix}"
        )

    @property
    def rule_suffix(self) -> str:
        """`` (rule-id)``, or nothing when the problem has no rule id."""
        return f" ({self.rule})" if self.rule else ""

    def format_github(self) -> str:
        """Render as a GitHub Actions workflow command, annotating the line in the diff.

        ``::error file=F,line=L,col=C,title=T::message (rule-id)``, with the escapes
        GitHub defines for property values and for the message; the title names the rule.
        """
        properties = {
            "file": self.file,
            "line": str(self.line),
            "col": str(self.column),
            "title": f"trustcenter {self.severity.value}{self.rule_suffix}",
        }
        joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        message = f"{self.text}{self.rule_suffix}"
        return f"::{self.severity.value} {joined}::{_escape_data(message)}"

    @property
    def is_error(self) -> bool:
        """True for an error, false for a warning."""
        return self.severity is Severity.ERROR


class RuleError(ValueError):
    """A model validator's refusal that names its rule id (see :mod:`trustcenter.rules`).

    Raise it from a pydantic validator instead of a bare :class:`ValueError`; the
    validation layer then reports the problem under ``rule``. ``found`` is the offending
    part of the value as written (a link inside a long description): the problem then
    points at its line and column rather than at the start of the value.
    """

    def __init__(self, rule: str, message: str, *, found: str = "") -> None:
        if rule not in RULES:
            raise ValueError(f"unknown rule id {rule!r}: register it in trustcenter/rules.py")
        super().__init__(message)
        self.rule = rule
        self.found = found


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
