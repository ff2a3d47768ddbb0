from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trustcenter.model import Attestation
from trustcenter.status import (
    Standing,
    add_months,
    long_date,
    reference_date,
    standing,
    title,
    valid_until,
    view,
)

D = dt.date


def attestation(**fields: Any) -> Attestation:
    base: dict[str, Any] = {"id": "x", "status": "issued", "visibility": "nda"}
    return Attestation.model_validate(base | fields)


SOC2_TYPE2 = attestation(
    framework="soc2", type=2, auditor="Example Audit LLP", issued="2026-02-15",
    period={"start": "2025-01-01", "end": "2025-12-31"}, categories=["security"],
)
SOC1_TYPE1 = attestation(
    framework="soc1", type=1, auditor="Example Audit LLP", issued="2025-11-01",
    as_of="2025-09-30",
)
ISO27001 = attestation(
    framework="iso27001", auditor="Example Certification", issued="2024-04-01",
    expires="2027-03-31", certificate_number="IS 123456",
)
IN_PROGRESS = attestation(
    framework="soc2", type=2, status="in_progress", expected="2026-09-30",
    period={"start": "2024-01-01", "end": "2024-12-31"}, categories=["security"],
)
PLANNED = attestation(framework="iso27001", status="planned", expected="2027-06-30")
WITHDRAWN = attestation(
    framework="soc2", type=2, status="withdrawn", auditor="Example Audit LLP",
    period={"start": "2023-01-01", "end": "2023-12-31"}, categories=["security"],
)


@pytest.mark.parametrize(
    ("item", "today", "expected"),
    [
        # SOC 2 Type 2, period ends 2025-12-31: current through 2026-12-31
        (SOC2_TYPE2, D(2026, 1, 1), Standing.CURRENT),
        (SOC2_TYPE2, D(2026, 10, 1), Standing.CURRENT),  # 91 days left
        (SOC2_TYPE2, D(2026, 10, 3), Standing.EXPIRING),  # 89 days left
        (SOC2_TYPE2, D(2026, 12, 31), Standing.EXPIRING),
        (SOC2_TYPE2, D(2027, 1, 1), Standing.STALE),
        (SOC2_TYPE2, D(2030, 1, 1), Standing.STALE),
        # SOC 1 Type 1 as of 2025-09-30: current through 2026-09-30
        (SOC1_TYPE1, D(2026, 6, 1), Standing.CURRENT),
        (SOC1_TYPE1, D(2026, 9, 30), Standing.EXPIRING),
        (SOC1_TYPE1, D(2026, 10, 1), Standing.STALE),
        # certificate valid until 2027-03-31
        (ISO27001, D(2026, 6, 1), Standing.CURRENT),
        (ISO27001, D(2027, 1, 15), Standing.EXPIRING),
        (ISO27001, D(2027, 3, 31), Standing.EXPIRING),
        (ISO27001, D(2027, 4, 1), Standing.EXPIRED),
        # not issued: the dates do not matter
        (IN_PROGRESS, D(2026, 6, 1), Standing.IN_PROGRESS),
        (IN_PROGRESS, D(2030, 1, 1), Standing.IN_PROGRESS),
        (PLANNED, D(2026, 6, 1), Standing.PLANNED),
        (PLANNED, D(2030, 1, 1), Standing.PLANNED),
        (WITHDRAWN, D(2026, 6, 1), Standing.WITHDRAWN),
    ],
)
def test_standing(item: Attestation, today: dt.date, expected: Standing) -> None:
    assert standing(item, today) is expected


def test_issued_without_any_date_is_current() -> None:
    item = attestation(framework="hipaa", status="issued", visibility="public")
    assert valid_until(item) is None
    assert standing(item, D(2040, 1, 1)) is Standing.CURRENT


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),
        (D(2025, 10, 1), 3, D(2026, 1, 1)),
        (D(2025, 12, 31), 12, D(2026, 12, 31)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 1, 15), -1, D(2025, 12, 15)),
        (D(2026, 5, 17), 0, D(2026, 5, 17)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("item", "reference", "until"),
    [
        (SOC2_TYPE2, D(2025, 12, 31), D(2026, 12, 31)),
        (SOC1_TYPE1, D(2025, 9, 30), D(2026, 9, 30)),
        (ISO27001, None, D(2027, 3, 31)),
        (PLANNED, None, None),
    ],
)
def test_reference_date_and_valid_until(
    item: Attestation, reference: dt.date | None, until: dt.date | None
) -> None:
    assert reference_date(item) == reference
    assert valid_until(item) == until


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (SOC2_TYPE2, "SOC 2 Type 2"),
        (SOC1_TYPE1, "SOC 1 Type 1"),
        (ISO27001, "ISO/IEC 27001"),
        (attestation(framework="other", name="Acme Seal", status="planned"), "Acme Seal"),
    ],
)
def test_title(item: Attestation, expected: str) -> None:
    assert title(item) == expected


@pytest.mark.parametrize(
    ("day", "text"),
    [(D(2026, 9, 30), "30 September 2026"), (D(2027, 1, 5), "5 January 2027")],
)
def test_long_date(day: dt.date, text: str) -> None:
    assert long_date(day) == text


@pytest.mark.parametrize(
    ("item", "today", "summary"),
    [
        (SOC2_TYPE2, D(2026, 6, 1),
         "period 1 January 2025 to 31 December 2025, Example Audit LLP"),
        (ISO27001, D(2026, 6, 1),
         "certificate IS 123456, valid until 31 March 2027, Example Certification"),
        (ISO27001, D(2027, 4, 1),
         "certificate IS 123456, expired 31 March 2027, Example Certification"),
        (PLANNED, D(2026, 6, 1), "audit planned, expected by June 2027"),
        (IN_PROGRESS, D(2026, 6, 1), "audit in progress, expected by September 2026"),
    ],
)
def test_view(item: Attestation, today: dt.date, summary: str) -> None:
    card = view(item, today)
    assert card.summary == summary
    assert card.standing is standing(item, today)
    assert card.title == title(item)
