from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trustcenter.model import Attestation
from trustcenter.status import add_months, long_date, reference_date, title

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
    ("item", "reference"),
    [(SOC2_TYPE2, D(2025, 12, 31)), (SOC1_TYPE1, D(2025, 9, 30)), (ISO27001, None)],
)
def test_reference_date(item: Attestation, reference: dt.date | None) -> None:
    assert reference_date(item) == reference


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (SOC2_TYPE2, "SOC 2 Type 2"),
        (SOC1_TYPE1, "SOC 1 Type 1"),
        (ISO27001, "ISO/IEC 27001"),
        (attestation(framework="other", name="Acme Seal", status="planned"), "Acme Seal"),
        (attestation(framework="csa_star", kind="self_assessment"), "CSA STAR Level 1"),
        (attestation(framework="csa_star", kind="examination"), "CSA STAR Attestation (Level 2)"),
        (attestation(framework="soc3", type=2), "SOC 3"),
        (attestation(framework="pci_dss", kind="self_assessment"),
         "PCI DSS self-assessment questionnaire"),
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
