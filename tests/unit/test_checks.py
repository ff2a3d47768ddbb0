from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.unit_support import assert_problem

BRIDGE_LETTER = """\
      opinion: unmodified
      bridge_letters:
        - covers_through: 2027-03-31
          issued: 2027-01-05
          signed_by: Chief Executive Officer
"""


@pytest.mark.parametrize(
    ("name", "old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "attestations.yml", "start: 2025-01-01", "start: 2026-01-01",
            "data/attestations.yml:10:12: error",
            "expected the period's end after its start (2026-01-01), found 2025-12-31",
            "check the two dates", id="end-before-start",
        ),
        pytest.param(
            "attestations.yml", "start: 2025-01-01", "start: 2025-12-31",
            "data/attestations.yml:10:12: error",
            "expected the period's end after its start (2025-12-31), found 2025-12-31",
            None, id="end-on-start",
        ),
        pytest.param(
            "controls.yml", "- id: OP-01", "- id: AC-01",
            "data/controls.yml:17:9: error", "duplicate control id 'AC-01' (first used at line 8)",
            "give each entry its own id", id="duplicate-control-id",
        ),
        pytest.param(
            "attestations.yml", "- id: iso27001", "- id: soc2-2025",
            "data/attestations.yml:18:9: error",
            "duplicate attestation id 'soc2-2025' (first used at line 2)", None,
            id="duplicate-attestation-id",
        ),
        pytest.param(
            "attestations.yml", "      - security\n", "",
            "data/attestations.yml:13:7: error",
            "expected 'security' among the categories: it is in the scope of every SOC 2", None,
            id="soc2-without-security",
        ),
        pytest.param(
            "attestations.yml", "    period:\n      start: 2025-01-01\n      end: 2025-12-31\n", "",
            "data/attestations.yml:4:11: error",
            "expected 'period' with 'start' and 'end' for an issued Type 2 report", None,
            id="type-2-issued-without-period",
        ),
        pytest.param(
            "attestations.yml", "    auditor: Example Audit LLP\n", "",
            "data/attestations.yml:5:5: error",
            "expected 'auditor' (the audit firm) for an issued examination",
            None, id="issued-without-auditor",
        ),
        pytest.param(
            "attestations.yml", "    issued: 2026-02-15\n", "",
            "data/attestations.yml:5:5: error", "expected 'issued' (the date of the report", None,
            id="issued-without-date",
        ),
        pytest.param(
            "attestations.yml", "issued: 2026-02-15", "issued: 2025-12-30",
            "data/attestations.yml:11:13: error",
            "expected the report date on or after 31 December 2025, found 30 December 2025",
            None, id="issued-before-period-end",
        ),
        pytest.param(
            "attestations.yml", "    type: 2\n", "",
            "data/attestations.yml:3:5: error", "expected 'type: 1' or 'type: 2' for a SOC report",
            None, id="soc-without-type",
        ),
        pytest.param(
            "attestations.yml", "    framework: iso27001\n",
            "    framework: iso27001\n    type: 2\n",
            "data/attestations.yml:20:11: error", "'type' applies to SOC reports only", None,
            id="type-on-iso",
        ),
        pytest.param(
            "controls.yml", "category: operations", "category: operation",
            "data/controls.yml:20:15: error", "unknown control category 'operation'",
            "did you mean 'operations'?", id="unknown-category-close",
        ),
        pytest.param(
            "controls.yml", "category: operations", "category: finance",
            "data/controls.yml:20:15: error", "unknown control category 'finance'",
            "expected one of: access, operations", id="unknown-category-far",
        ),
        pytest.param(
            "company.yml", "  - purpose: security", "  - purpose: privacy",
            "data/company.yml:7:3: error", "expected a contact with 'purpose: security'", None,
            id="no-security-contact",
        ),
    ],
)
def test_cross_check_errors(
    data, name: str, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    data.edit(name, old, new)
    result = data.load()
    [problem] = result.problems
    assert_problem(problem, location, message, hint)
    assert result.trust_center is None


def test_duplicate_category_id(data) -> None:
    data.edit("controls.yml", "- id: operations", "- id: access")
    data.edit("controls.yml", "category: operations", "category: access")
    [problem] = data.load().problems
    assert_problem(problem, "data/controls.yml:4:9: error",
                   "duplicate category id 'access' (first used at line 2)")


def test_unknown_category_formats_as_did_you_mean(data) -> None:
    data.edit("controls.yml", "category: operations", "category: operation")
    [problem] = data.load().problems
    assert problem.format() == (
        "data/controls.yml:20:15: error: unknown control category 'operation': "
        "did you mean 'operations'? (unknown-category)"
    )


def test_duplicate_id_is_found_when_another_entry_has_a_type_error(data) -> None:
    data.edit("controls.yml", "title: Backups", "title: 42")
    third = (
        "  - id: AC-01\n    title: Copy\n    description: Same id.\n    category: access\n"
        "    criteria:\n      - CC6.1\n    status: implemented\n    visibility: public\n"
    )
    path = data.root / "data" / "controls.yml"
    path.write_bytes(path.read_bytes() + third.encode())
    type_error, duplicate = data.load().problems
    assert_problem(type_error, "data/controls.yml:18:12: error",
                   "expected text, found the number 42")
    assert_problem(duplicate, "data/controls.yml:34:9: error",
                   "duplicate control id 'AC-01' (first used at line 8)")


def test_invalid_category_entry_does_not_make_its_id_unknown(data) -> None:
    data.edit("controls.yml", "title: Access control", "title: 42")
    [problem] = data.load().problems
    assert_problem(problem, "data/controls.yml:3:12: error", "expected text, found the number 42")


# --- warnings --------------------------------------------------------------------------------


def test_short_period_warns(data) -> None:
    data.edit("attestations.yml", "start: 2025-01-01", "start: 2025-10-15")
    result = data.load()
    [problem] = result.problems
    assert_problem(problem, "data/attestations.yml:10:12: warning",
                   "the period lasts 78 days, under 3 months, the shortest Type 2 period")
    assert result.trust_center is not None


@pytest.mark.parametrize(
    ("start", "warned"),
    [
        ("2025-10-02", True),  # 91 days, one day short of three months
        ("2025-10-01", False),  # exactly three months, both days included
        ("2025-09-30", False),
        ("2025-07-01", False),
    ],
)
def test_short_period_boundary(data, start: str, warned: bool) -> None:
    data.edit("attestations.yml", "start: 2025-01-01", f"start: {start}")
    messages = [p.message for p in data.load().problems]
    assert any("under 3 months" in m for m in messages) is warned


@pytest.mark.parametrize("today", [dt.date(2027, 1, 1), dt.date(2027, 9, 1)])
def test_stale_soc_report_warns(data, today: dt.date) -> None:
    data.edit("attestations.yml", "expected: 2027-06-30", "expected: 2030-06-30")
    result = data.load(today)
    [problem] = result.problems
    assert_problem(
        problem, "data/attestations.yml:9:7: warning",
        "SOC 2 Type 2 is stale: buyers treat a SOC report as current for 12 months",
        "add a bridge letter under 'gated: bridge_letters:'",
    )
    assert "31 December 2026" in problem.message
    assert f"build date {today.isoformat()}" in problem.message
    assert result.trust_center is not None


@pytest.mark.parametrize("today", [dt.date(2026, 6, 1), dt.date(2026, 10, 2)])
def test_current_soc_report_does_not_warn(data, today: dt.date) -> None:
    assert data.load(today).problems == []


@pytest.mark.parametrize("today", [dt.date(2026, 10, 3), dt.date(2026, 12, 31)])
def test_soc_report_nine_months_old_warns_with_the_day_it_goes_stale(
    data, today: dt.date
) -> None:
    [problem] = data.load(today).problems
    assert_problem(
        problem, "data/attestations.yml:9:7: warning",
        "SOC 2 Type 2 goes stale on 31 December 2026 and no later report or bridge letter "
        "follows it",
        "schedule the next examination, or add a bridge letter",
    )


def test_a_bridge_letter_or_a_later_report_silences_the_nine_month_warning(data) -> None:
    data.edit("attestations.yml", "      opinion: unmodified\n", "      opinion: unmodified\n"
              "      bridge_letters:\n        - {covers_through: 2027-01-31, issued: 2026-10-01,"
              " signed_by: CFO}\n")
    assert data.load(dt.date(2026, 10, 15)).problems == []
    stale, ran_out = data.load(dt.date(2027, 2, 1)).problems  # the letter has run out
    assert stale.message.startswith("SOC 2 Type 2 is stale")
    assert_problem(ran_out, "data/attestations.yml:18:28: warning",
                   "the bridge letter of SOC 2 Type 2 ran out on 31 January 2027")


def test_a_later_issued_report_supersedes_the_older_one(data) -> None:
    later = (
        "  - id: soc2-2026\n    framework: soc2\n    type: 2\n    status: issued\n"
        "    visibility: nda\n    auditor: Example Audit LLP\n"
        "    period: {start: 2026-01-01, end: 2026-09-30}\n    issued: 2026-10-20\n"
        "    categories: [security, availability]\n"
    )
    path = data.root / "data" / "attestations.yml"
    path.write_text(path.read_text() + later)
    assert data.load(dt.date(2026, 12, 1)).problems == []  # the 2025 report is history


@pytest.mark.parametrize(
    ("today", "warned"),
    [
        (dt.date(2027, 1, 15), False),
        (dt.date(2027, 3, 31), False),
        (dt.date(2027, 4, 1), True),
    ],
)
def test_bridge_letter_covers_stale_report(data, today: dt.date, warned: bool) -> None:
    data.edit("attestations.yml", "expected: 2027-06-30", "expected: 2030-06-30")
    data.edit("attestations.yml", "      opinion: unmodified\n", BRIDGE_LETTER)
    problems = data.load(today).problems
    assert [p.line for p in problems if "is stale" in p.message] == ([9] if warned else [])


def test_expected_date_passed_warns(data) -> None:
    data.edit("attestations.yml", "expected: 2027-06-30", "expected: 2026-05-31")
    [problem] = data.load().problems
    assert_problem(problem, "data/attestations.yml:22:15: warning",
                   "the expected date 31 May 2026 has passed (build date 2026-06-01)",
                   "update 'expected'")


def test_expected_date_today_does_not_warn(data) -> None:
    data.edit("attestations.yml", "expected: 2027-06-30", "expected: 2026-06-01")
    assert data.load().problems == []


def test_expired_certificate_warns(data) -> None:
    data.edit(
        "attestations.yml",
        "    status: planned\n    visibility: public\n    expected: 2027-06-30\n",
        "    status: issued\n    visibility: public\n    auditor: Example Certification\n"
        "    issued: 2023-05-01\n    expires: 2026-04-30\n    standard_version: '2022'\n",
    )
    [problem] = data.load().problems
    assert_problem(problem, "data/attestations.yml:24:14: warning",
                   "ISO/IEC 27001 expired on 30 April 2026 (build date 2026-06-01)",
                   "record the renewed attestation")


def test_issued_certificate_needs_expiry(data) -> None:
    data.edit(
        "attestations.yml",
        "    status: planned\n    visibility: public\n    expected: 2027-06-30\n",
        "    status: issued\n    visibility: public\n    auditor: Example Certification\n"
        "    issued: 2023-05-01\n    standard_version: '2022'\n",
    )
    [problem] = data.load().problems
    assert_problem(problem, "data/attestations.yml:20:5: error",
                   "expected 'expires' (the end of the certificate's validity)")


@pytest.mark.parametrize(("today", "warned"), [
    (dt.date(2026, 6, 1), False),   # 517 days before the grant expires
    (dt.date(2027, 10, 16), False),  # 15 days before
    (dt.date(2027, 10, 17), True),   # 14 days before: the warning starts
    (dt.date(2027, 10, 31), True),   # the last day the code works
])
def test_a_grant_expiring_within_14_days_warns_with_its_date(
    data, today: dt.date, warned: bool
) -> None:
    data.edit("attestations.yml", "      opinion: unmodified\n", "      opinion: unmodified\n"
              "      bridge_letters:\n        - {covers_through: 2028-06-30, issued: 2026-10-01,"
              " signed_by: CFO}\n")  # keep the SOC report's own warnings out of the way
    grant = [p for p in data.load(today).problems if "contoso-renewal" in p.message]
    if not warned:
        assert grant == []
        return
    [problem] = grant
    assert_problem(problem, "data/access.yml:10:14: warning",
                   "access grant 'contoso-renewal' expires on 31 October 2027, in "
                   f"{(dt.date(2027, 10, 31) - today).days} day(s)",
                   "extend 'expires' if the recipient still needs access")


@pytest.mark.parametrize(("today", "message"), [
    (dt.date(2027, 12, 15), None),  # 90 days before: still current
    (dt.date(2027, 12, 16), "ISO/IEC 27001 expires on 14 March 2028, in 89 day(s)"),
    (dt.date(2028, 3, 14), "ISO/IEC 27001 expires on 14 March 2028, in 0 day(s)"),
    (dt.date(2028, 3, 15), "ISO/IEC 27001 expired on 14 March 2028"),
])
def test_a_certificate_near_its_expiry_warns_with_its_date(
    data, today: dt.date, message: str | None
) -> None:
    data.edit("attestations.yml", "    status: planned\n    visibility: public\n"
              "    expected: 2027-06-30",
              "    status: issued\n    visibility: public\n    auditor: Example Registrar\n"
              "    issued: 2025-03-15\n    expires: 2028-03-14")
    found = [p for p in data.load(today).problems if p.message.startswith("ISO/IEC 27001")]
    if message is None:
        assert found == []
        return
    [problem] = found
    assert problem.severity.value == "warning"
    assert problem.message.startswith(message)
    assert (problem.line, problem.column) == (24, 14)


@pytest.mark.parametrize(
    ("today", "warned", "standing"),
    [
        (dt.date(2026, 10, 3), False, "current"),  # 90 days ahead: outside a 30-day window
        (dt.date(2026, 12, 1), False, "current"),
        (dt.date(2026, 12, 2), True, "expiring"),  # the 30th day before it goes stale
    ],
)
def test_the_expiring_window_is_the_companys_threshold(
    data, today: dt.date, warned: bool, standing: str
) -> None:
    from trustcenter.projection import project

    data.write("settings.yml", b"thresholds:\n  attestation_expiring_days: 30\n")
    result = data.load(today)
    assert [p.rule for p in result.problems] == (["report-expiring"] if warned else [])
    assert result.trust_center is not None
    [view] = [v for v in project(result.trust_center, today).attestations if v.id == "soc2-2025"]
    assert view.standing.value == standing
