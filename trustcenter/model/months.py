"""Dates known only to the month: ``2020-03`` for "completed in March 2020".

A public fact a company knows only to the month (when it was first certified, when an
assessment was done) may be written as ``YYYY-MM`` in the fields that allow it
(:data:`MonthOrDate`); every other date is a full ``YYYY-MM-DD``. YAML reads ``2020-03``
as text (its timestamps need a day), so the model parses it here.

A :class:`Month` is a :class:`datetime.date` on the month's first day, so every
comparison and computation keeps working, and it is judged conservatively:

- where it starts something that ends later (the 12 months of an assessment), the first
  day gives the earliest end: nothing is called current that might not be;
- where it is a deadline (``expected``), :attr:`Month.last` is the day it passes.

It is shown as the month everywhere: "March 2020" on pages and in feeds
(:func:`trustcenter.status.long_date`), ``2020-03`` in trust.json.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from trustcenter.problems import RuleError

#: ``YYYY-MM`` with a real month.
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})


class Month(dt.date):
    """A month written ``YYYY-MM``: a date on the month's first day that knows it is one.

    Arithmetic gives plain dates (a day after a month is a day, not a month).
    """

    @property
    def last(self) -> dt.date:
        """The month's last day."""
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def month_text(self) -> str:
        """``March 2020``."""
        return f"{self:%B %Y}"

    def month_iso(self) -> str:
        """``2020-03``: as written, as trust.json and ``<time datetime>`` carry it."""
        return f"{self.year:04d}-{self.month:02d}"

    def plain(self) -> dt.date:
        """The month's first day as a plain date."""
        return dt.date(self.year, self.month, 1)

    def __add__(self, other: Any) -> Any:
        return self.plain() + other

    __radd__ = __add__

    def __sub__(self, other: Any) -> Any:
        return self.plain() - other

    def __reduce__(self) -> tuple[Any, ...]:
        return (Month, (self.year, self.month, 1))


def as_month(day: dt.date) -> Month | None:
    """``day`` as a :class:`Month` when it was written as one, else None."""
    return day if isinstance(day, Month) else None


def iso(day: dt.date) -> str:
    """``2020-03`` for a month, ``2020-03-14`` for a day: the value as it was written."""
    return day.month_iso() if isinstance(day, Month) else day.isoformat()


def _fix(text: str) -> str:
    """What ``text`` probably meant, as ``YYYY-MM``, or an empty string."""
    words = text.replace(",", " ").replace("/", " ").replace(".", " ").split()
    year = next((w for w in words if re.fullmatch(r"[0-9]{4}", w)), None)
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    if year and month:
        return f"{year}-{month:02d}"
    numbers = re.fullmatch(r"([0-9]{1,4})[-/. ]([0-9]{1,4})", text.strip())
    if numbers:
        first, second = numbers.groups()
        y, m = (first, second) if len(first) == 4 else (second, first)
        if len(y) == 4 and m.isdigit() and 1 <= int(m) <= 12:
            return f"{y}-{int(m):02d}"
    return ""


def day_fixes(text: str) -> list[str]:
    """The ``YYYY-MM-DD`` days a hurried ``text`` may mean, or an empty list.

    ``14/03/2022`` and ``14.3.2022`` mean 2022-03-14 (no month 14); ``03/04/2022`` is
    either 2022-04-03 or 2022-03-04, and both are returned, since the order of day and
    month differs between countries; ``2022/03/14``, ``14 March 2022`` and
    ``March 14, 2022`` are read too. Only days that exist are returned.
    """
    cleaned = text.strip()
    candidates: list[tuple[str, str, str]] = []
    if ymd := re.fullmatch(r"([0-9]{4})[/. ]([0-9]{1,2})[/. ]([0-9]{1,2})", cleaned):
        y, m, d = ymd.groups()
        candidates.append((y, m, d))
    elif xy := re.fullmatch(r"([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{4})", cleaned):
        first, second, y = xy.groups()
        candidates += [(y, second, first), (y, first, second)]
    else:
        words = cleaned.replace(",", " ").replace(".", " ").split()
        year = next((w for w in words if re.fullmatch(r"[0-9]{4}", w)), None)
        month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
        day = next((w for w in words if re.fullmatch(r"[0-9]{1,2}", w)), None)
        if year and month and day:
            candidates.append((year, str(month), day))
    found: list[str] = []
    for cy, cm, cd in candidates:
        try:
            iso_day = dt.date(int(cy), int(cm), int(cd)).isoformat()
        except ValueError:
            continue
        if iso_day not in found:
            found.append(iso_day)
    return found


def parse_month_or_date(value: Any) -> dt.date:
    """A date (``YYYY-MM-DD``, or a date YAML already read) or a :class:`Month` (``YYYY-MM``).

    Raises :class:`~trustcenter.problems.RuleError` ``bad-month`` for anything else, with
    the likely fix (``2020-3``, ``03-2020``, ``March 2020`` → ``2020-03``; ``2020-13`` has
    no such month).
    """
    if isinstance(value, dt.datetime):
        raise RuleError(
            "bad-month",
            f"expected a date (YYYY-MM-DD) or a month (YYYY-MM), found the date and time "
            f"{value.isoformat(sep=' ')}; write {value.date().isoformat()}",
        )
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str | int) else ""
    if re.fullmatch(MONTH_PATTERN, text):
        return Month(int(text[:4]), int(text[5:7]), 1)
    if _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    fix = _fix(text)
    days = day_fixes(text)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
        why = f"there is no month {text[5:]}; write the month as 01 to 12"
    elif len(days) == 1:
        why = f"write {days[0]}"
    elif days:
        why = (
            f"write {days[0]} or {days[1]}, whichever is meant (day and month can be read "
            "either way)"
        )
    elif fix:
        why = f"write {fix}"
    else:
        why = "write the day as YYYY-MM-DD, or only the month as YYYY-MM"
    raise RuleError(
        "bad-month",
        f"expected a date (YYYY-MM-DD) or, when only the month is known, a month "
        f"(YYYY-MM), found {value!r}; {why}",
    )


def _serialize(day: dt.date) -> str:
    return iso(day)


MonthOrDate = Annotated[
    dt.date,
    PlainValidator(parse_month_or_date),
    PlainSerializer(_serialize, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": MONTH_PATTERN},
            ],
            "description": "A date (YYYY-MM-DD), or a month (YYYY-MM) when only the month "
            "is known.",
        }
    ),
]
"""A date, or only its month (``YYYY-MM``) for a public fact known only to the month."""
