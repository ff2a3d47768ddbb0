"""The words of an attestation's standing: the standings, their labels, titles and dates.

What an attestation's standing *is* on a build date is decided in one place,
:mod:`trustcenter.projection`; this module only names things (standings, titles, dates)
so that every page, export and message words them the same way.
"""

from __future__ import annotations

import datetime as dt
import enum

from trustcenter.catalogue.frameworks import AssuranceKind
from trustcenter.catalogue.frameworks import framework as catalogue_framework
from trustcenter.model import Attestation, Framework
from trustcenter.model.months import Month


class Standing(enum.StrEnum):
    """Where an attestation stands on the build date, as a buyer should read it."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    CURRENT = "current"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    RETIRED = "retired"
    WITHDRAWN = "withdrawn"
    #: A programme with no certification that the company states it aligns with.
    ALIGNED = "aligned"
    #: A third party assessed it on a date; no rule makes it current or expired.
    ASSESSED = "assessed"
    #: Issued, but no rule of the catalogue says how long it stands (always a warning).
    NOT_JUDGED = "not_judged"
    #: A readiness designation (FedRAMP Ready): an assessor found it ready; not authorized.
    READY = "ready"

    @property
    def label(self) -> str:
        """The words on the card's status badge."""
        return _LABELS[self]

    @property
    def stands(self) -> bool:
        """True when the attestation stands on the build date: current or expiring soon."""
        return self in (Standing.CURRENT, Standing.EXPIRING)


_LABELS = {
    Standing.PLANNED: "Planned",
    Standing.IN_PROGRESS: "In progress",
    Standing.CURRENT: "Current",
    Standing.EXPIRING: "Expiring soon",
    Standing.EXPIRED: "Expired",
    Standing.SUPERSEDED: "Superseded",
    Standing.RETIRED: "Retired version",
    Standing.WITHDRAWN: "Withdrawn",
    Standing.ALIGNED: "Aligned, not certified",
    Standing.ASSESSED: "Assessed",
    Standing.NOT_JUDGED: "Not judged",
    Standing.READY: "Ready, not authorized",
}


def long_date(day: dt.date) -> str:
    """``30 September 2026``: unambiguous in every locale's reading.

    A date known only to its month (:class:`~trustcenter.model.months.Month`) is
    ``March 2020``.
    """
    if isinstance(day, Month):
        return day.month_text()
    return f"{day.day} {day:%B %Y}"


def on_date(day: dt.date) -> str:
    """``on 30 September 2026``, or ``in March 2020`` for a date known only to its month."""
    return f"in {long_date(day)}" if isinstance(day, Month) else f"on {long_date(day)}"


def deadline(day: dt.date) -> dt.date:
    """The last day ``day`` allows: itself, or a month's last day (``expected: 2027-06``)."""
    return day.last if isinstance(day, Month) else day


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` later, clamped to the end of a shorter month (and of time)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def framework_name(framework: Framework) -> str:
    """``SOC 2``, ``ISO/IEC 27001``: the framework's name from the catalogue."""
    return catalogue_framework(framework.value).name


def kind_of(item: Attestation) -> AssuranceKind:
    """The kind of assurance ``item`` is: as written, or its framework's first kind."""
    return item.kind or catalogue_framework(item.framework.value).kinds[0]


def title(item: Attestation) -> str:
    """``SOC 2 Type 2``, ``ISO/IEC 27001``, ``CSA STAR Level 1``, or the data's ``name``."""
    if item.name:
        name = item.name
    elif item.framework is Framework.CSA_STAR:
        name = {
            AssuranceKind.EXAMINATION: "CSA STAR Attestation (Level 2)",
            AssuranceKind.CERTIFICATION: "CSA STAR Certification (Level 2)",
        }.get(kind_of(item), "CSA STAR Level 1")
    elif item.framework is Framework.PCI_DSS and kind_of(item) is AssuranceKind.SELF_ASSESSMENT:
        name = "PCI DSS self-assessment questionnaire"
    else:
        name = framework_name(item.framework)
    # A SOC 3 is always the general-use form of a Type 2 examination: it goes by "SOC 3".
    if item.type and item.framework is not Framework.SOC3:
        name = f"{name} Type {item.type}"
    # A second programme of one framework is told apart by its name.
    if item.programme and not item.name:
        name += f" ({item.programme.replace('-', ' ')})"
    return name


def reference_date(item: Attestation) -> dt.date | None:
    """The date a SOC report speaks of: its period's end (Type 2) or "as of" date (Type 1)."""
    if item.period is not None:
        return item.period.end
    return item.as_of
