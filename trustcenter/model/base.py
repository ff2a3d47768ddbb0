"""The building blocks of the data model: value types, the base model, internal notes."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    WithJsonSchema,
)

from trustcenter.catalogue import criteria, criterion_hint
from trustcenter.markup import markdown_link_problems, url_problem
from trustcenter.problems import RuleError

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def _check_url(value: str) -> str:
    if (problem := url_problem(value)) is not None:
        raise RuleError("bad-link", problem)
    return value


def _check_markdown(value: str) -> str:
    if problems := markdown_link_problems(value):
        message = "; ".join(problem for _, problem in problems)
        raise RuleError("bad-link", message, found=problems[0][0])
    return value


def _check_criterion(value: str) -> str:
    if value not in criteria():
        raise RuleError(
            "unknown-criterion",
            f"expected a Trust Services Criteria identifier, found '{value}' "
            f"({criterion_hint(value)})",
        )
    return value


#: C0 controls but tab and newline, DEL and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _check_printable(value: str) -> str:
    if (found := _CONTROL.search(value)) is not None:
        raise RuleError(
            "control-character",
            f"expected printable text, found the control character U+{ord(found.group()):04X}",
        )
    return value


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_printable)
]
"""Plain text, shown escaped; never empty."""

MarkdownText = Annotated[Text, AfterValidator(_check_markdown)]
"""Text in the safe Markdown subset of :mod:`trustcenter.markup`."""

Url = Annotated[str, AfterValidator(_check_url)]
"""An https, http or mailto URL."""

Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""A stable identifier used in anchors and links: letters, digits, '.', '_', '-'."""

CriterionId = Annotated[
    str,
    AfterValidator(_check_criterion),
    WithJsonSchema({"type": "string", "enum": list(criteria())}),  # completion in editors
]
"""A Trust Services Criteria identifier such as ``CC6.1``."""


#: Where an entry was read: its file's name as problems show it, and its location there.
Source = tuple[str, tuple[str | int, ...]]


class Model(BaseModel):
    """Base of every data model: unknown keys are errors; remembers where it was written."""

    model_config = ConfigDict(extra="forbid", validate_default=True)

    @property
    def _source(self) -> Source | None:
        """Where the entry was read, or ``None`` for a model not read from a file.

        Set by the loader (:func:`mark_source`), for checks that span entries.
        """
        private = self.__pydantic_private__
        return private.get("_source") if private else None


def mark_source(model: Model, source: Source) -> None:
    """Record on ``model`` where it was read (its :attr:`Model._source`).

    Kept where pydantic keeps a model's private attributes (``__pydantic_private__``),
    so equality, copies and pickles carry it as they carry those, without declaring it
    as one: a declared private attribute makes pydantic call a Python hook for every
    model it validates, twice for a subclass (``init_private_attributes``), which was
    0.02 s of loading 5,000 controls' 10,600 models.
    """
    object.__setattr__(model, "__pydantic_private__", {"_source": source})


# --- internal-only blocks ------------------------------------------------------------------


class Internal(Model):
    """Facts for the security team only; never rendered, exported or published."""

    owner: Text | None = None
    evidence: list[Text] = []
    last_tested: dt.date | None = None
    notes: Text | None = None


_NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 15)
def slug(text: str) -> str:
    """A lower-case anchor fragment for ``text`` (``AC-01`` becomes ``ac-01``).

    Kept per text: a build slugs each identifier when it checks anchors are unique, in
    the controls table, and again for every criterion a control covers.
    """
    return _NOT_IN_SLUG.sub("-", text.lower()).strip("-")


def describe(value: Any) -> str:
    """Name a YAML value for an error message: its kind and, if short, the value itself."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.datetime | dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dict):
        return "a mapping of keys to values"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text}'" if len(text) <= 60 else f"'{text[:57]}...'"
