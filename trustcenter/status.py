"""Date-dependent standing of an attestation, as a reviewer reads it on the overview.

Buyers treat a SOC report as current for about twelve months after the end of its period
(Type 2) or its "as of" date (Type 1); a certificate is current until it expires. These are
conventions, not AICPA rules, so the thresholds are named constants here.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from trustcenter.model import Attestation, AttestationStatus, Framework

#: How long buyers treat a SOC report as current after its period ends (or its as-of date).
SOC_CURRENT_MONTHS = 12
#: How long before the end of currency or validity a card says "expiring soon".
EXPIRING_WITHIN = dt.timedelta(days=90)

FRAMEWORK_NAMES: dict[Framework, str] = {
    Framework.SOC1: "SOC 1",
    Framework.SOC2: "SOC 2",
    Framework.SOC3: "SOC 3",
    Framework.ISO27001: "ISO/IEC 27001",
    Framework.ISO27017: "ISO/IEC 27017",
    Framework.ISO27018: "ISO/IEC 27018",
    Framework.ISO27701: "ISO/IEC 27701",
    Framework.PCI_DSS: "PCI DSS",
    Framework.CSA_STAR: "CSA STAR",
    Framework.CYBER_ESSENTIALS: "Cyber Essentials",
    Framework.CYBER_ESSENTIALS_PLUS: "Cyber Essentials Plus",
    Framework.TISAX: "TISAX",
    Framework.FEDRAMP: "FedRAMP",
    Framework.HIPAA: "HIPAA",
    Framework.GDPR: "GDPR",
    Framework.NIST_CSF: "NIST CSF",
    Framework.OTHER: "Other",
}


class Standing(enum.StrEnum):
    """What a reviewer should conclude at a glance."""

    CURRENT = "current"
    EXPIRING = "expiring"
    STALE = "stale"
    EXPIRED = "expired"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The words on the card's status badge."""
        return _LABELS[self]


_LABELS = {
    Standing.CURRENT: "Current",
    Standing.EXPIRING: "Expiring soon",
    Standing.STALE: "Stale",
    Standing.EXPIRED: "Expired",
    Standing.IN_PROGRESS: "In progress",
    Standing.PLANNED: "Planned",
    Standing.WITHDRAWN: "Withdrawn",
}


def long_date(day: dt.date) -> str:
    """``30 September 2026``: unambiguous in every locale's reading."""
    return f"{day.day} {day:%B %Y}"


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


def title(item: Attestation) -> str:
    """``SOC 2 Type 2``, ``ISO/IEC 27001``, or the name given in the data."""
    name = item.name or FRAMEWORK_NAMES[item.framework]
    # A SOC 3 is always the general-use form of a Type 2 examination: it goes by "SOC 3".
    if item.type and item.framework is not Framework.SOC3:
        return f"{name} Type {item.type}"
    return name


def reference_date(item: Attestation) -> dt.date | None:
    """The date a SOC report speaks of: its period's end (Type 2) or "as of" date (Type 1)."""
    if item.period is not None:
        return item.period.end
    return item.as_of


def valid_until(item: Attestation) -> dt.date | None:
    """The last day the attestation counts as current, if it has one."""
    if item.framework.is_soc and (ref := reference_date(item)) is not None:
        return add_months(ref, SOC_CURRENT_MONTHS)
    return item.expires


@dataclass(frozen=True)
class AttestationView:
    """An attestation's public standing on a given day, with the words that explain it."""

    standing: Standing
    title: str
    summary: str
    valid_until: dt.date | None


def standing(item: Attestation, today: dt.date) -> Standing:
    """The standing of ``item`` on ``today``."""
    if item.status is AttestationStatus.PLANNED:
        return Standing.PLANNED
    if item.status is AttestationStatus.IN_PROGRESS:
        return Standing.IN_PROGRESS
    if item.status is AttestationStatus.WITHDRAWN:
        return Standing.WITHDRAWN
    until = valid_until(item)
    if until is None:
        return Standing.CURRENT
    if today > until:
        return Standing.STALE if item.framework.is_soc else Standing.EXPIRED
    if today > until - EXPIRING_WITHIN:
        return Standing.EXPIRING
    return Standing.CURRENT


def _summary(item: Attestation, state: Standing) -> str:
    parts: list[str] = []
    if state is Standing.PLANNED or state is Standing.IN_PROGRESS:
        parts.append("audit planned" if state is Standing.PLANNED else "audit in progress")
        if item.expected:
            parts.append(f"expected by {item.expected:%B %Y}")
    elif item.period is not None:
        parts.append(f"period {long_date(item.period.start)} to {long_date(item.period.end)}")
    elif item.as_of is not None:
        parts.append(f"as of {long_date(item.as_of)}")
    if state not in (Standing.PLANNED, Standing.IN_PROGRESS):
        if item.certificate_number:
            parts.append(f"certificate {item.certificate_number}")
        if item.expires is not None:
            verb = "expired" if state is Standing.EXPIRED else "valid until"
            parts.append(f"{verb} {long_date(item.expires)}")
        elif item.issued is not None and not item.framework.is_soc:
            parts.append(f"issued {long_date(item.issued)}")
    if item.auditor:
        parts.append(item.auditor)
    return ", ".join(parts)


def view(item: Attestation, today: dt.date) -> AttestationView:
    """Everything the overview card says about ``item`` on ``today``."""
    state = standing(item, today)
    return AttestationView(state, title(item), _summary(item, state), valid_until(item))
