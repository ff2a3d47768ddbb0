"""Dates known only to the month (``2020-03``): parsed, judged conservatively, shown as months."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import jsonschema
import pytest

from tests.unit.unit_support import assert_problem
from trustcenter.exports.trust_json import trust_document, trust_json, trust_schema
from trustcenter.model import Attestation
from trustcenter.model.months import Month, iso, parse_month_or_date
from trustcenter.problems import RuleError
from trustcenter.projection import judge
from trustcenter.render import Links
from trustcenter.status import Standing, deadline, long_date, on_date

D = dt.date


@pytest.mark.parametrize(
    ("written", "value", "shown"),
    [
        ("2020-03", Month(2020, 3, 1), "March 2020"),
        ("2020-12", Month(2020, 12, 1), "December 2020"),
        ("2020-03-14", D(2020, 3, 14), "14 March 2020"),
        (D(2020, 3, 14), D(2020, 3, 14), "14 March 2020"),
    ],
)
def test_a_month_or_a_day_is_read_and_shown_as_written(
    written: object, value: dt.date, shown: str
) -> None:
    parsed = parse_month_or_date(written)
    assert parsed == value and type(parsed) is type(value)
    assert long_date(parsed) == shown
    assert iso(parsed) == (written if isinstance(written, str) else value.isoformat())


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("2020-3", "write 2020-03"),
        ("03-2020", "write 2020-03"),
        ("3/2020", "write 2020-03"),
        ("March 2020", "write 2020-03"),
        ("Mar 2020", "write 2020-03"),
        ("2020-13", "there is no month 13; write the month as 01 to 12"),
        ("2020-00", "there is no month 00; write the month as 01 to 12"),
        ("2020-02-30", "write the day as YYYY-MM-DD, or only the month as YYYY-MM"),
        ("soon", "write the day as YYYY-MM-DD, or only the month as YYYY-MM"),
        # A day written the way a person would: the fix is that day, never an example.
        ("14/03/2022", "write 2022-03-14"),
        ("14.3.2022", "write 2022-03-14"),
        ("2022/03/14", "write 2022-03-14"),
        ("14 March 2022", "write 2022-03-14"),
        ("March 14, 2022", "write 2022-03-14"),
        (
            "03/04/2022",
            "write 2022-04-03 or 2022-03-04, whichever is meant (day and month can be read "
            "either way)",
        ),
        ("31/02/2022", "write the day as YYYY-MM-DD, or only the month as YYYY-MM"),
    ],
)
def test_a_hurried_month_is_refused_with_the_fix(written: str, fix: str) -> None:
    with pytest.raises(RuleError) as refused:
        parse_month_or_date(written)
    assert refused.value.rule == "bad-month"
    assert str(refused.value).endswith(f"found {written!r}; {fix}")


def test_a_month_is_its_first_day_and_arithmetic_gives_days() -> None:
    march = Month(2020, 3, 1)
    assert march.last == D(2020, 3, 31) and Month(2024, 2, 1).last == D(2024, 2, 29)
    after = march + dt.timedelta(days=1)
    assert after == D(2020, 3, 2) and not isinstance(after, Month)
    assert not isinstance(march - dt.timedelta(days=1), Month)
    assert march - D(2020, 2, 1) == dt.timedelta(days=29)
    assert isinstance(pickle.loads(pickle.dumps(march)), Month)
    assert (on_date(march), on_date(D(2020, 3, 14))) == ("in March 2020", "on 14 March 2020")
    assert deadline(march) == D(2020, 3, 31) and deadline(D(2020, 3, 14)) == D(2020, 3, 14)


def attestation(**fields: object) -> Attestation:
    base: dict[str, object] = {"id": "x", "status": "issued", "visibility": "public"}
    return Attestation.model_validate(base | fields)


# IRAP: reassessed every 24 months. Assessed some day in March 2024: the earliest its
# 24 months can end is 1 March 2026, so that is the last day it is called current.
IRAP_MONTH = attestation(framework="irap", auditor="IRAP Assessor Pty", issued="2024-03")
IRAP_DAY = attestation(framework="irap", auditor="IRAP Assessor Pty", issued="2024-03-31")


@pytest.mark.parametrize(
    ("item", "last_current"),
    [(IRAP_MONTH, D(2026, 3, 1)), (IRAP_DAY, D(2026, 3, 31))],
)
def test_a_month_that_starts_a_validity_counts_from_its_first_day(
    item: Attestation, last_current: dt.date
) -> None:
    [on] = judge([item], last_current)
    [after] = judge([item], last_current + dt.timedelta(days=1))
    assert on.standing is Standing.EXPIRING and on.current_until == last_current
    assert after.standing is Standing.EXPIRED
    assert on.changes_on == last_current + dt.timedelta(days=1)


def test_an_expected_month_passes_after_its_last_day() -> None:
    plan = attestation(framework="iso27701", status="in_progress", expected="2027-06")
    [last_day] = judge([plan], D(2027, 6, 30))
    [passed] = judge([plan], D(2027, 7, 1))
    assert not last_day.findings
    assert [f.rule for f in passed.findings] == ["expected-date-passed"]
    assert "the expected date June 2027 has passed" in passed.findings[0].message
    assert last_day.summary == "expected by June 2027"


def test_an_assessment_known_to_the_month_is_worded_as_a_month() -> None:
    hipaa = attestation(framework="hipaa", kind="assessment", auditor="Assessor LLP",
                        issued="2020-03")
    [view] = judge([hipaa], D(2026, 11, 26))
    assert view.kind_text == ("Assessed by Assessor LLP in March 2020; no certification "
                              "exists for HIPAA")
    assert view.summary == ""  # the date is said once, by the kind of assurance
    assert "March 2020" not in view.reason


# --- located errors in the data ----------------------------------------------------------


def _position(data, name: str, text: str) -> str:
    """``data/<name>:line:column``: where ``text`` starts in the file as written."""
    lines = (data.root / "data" / name).read_text("utf-8").splitlines()
    [(line, column)] = [(i + 1, row.index(text) + 1) for i, row in enumerate(lines)
                        if text in row]
    return f"data/{name}:{line}:{column}"


@pytest.mark.parametrize(
    ("typed", "fix"),
    [
        ("2022-3", "write 2022-03"),
        ("03-2022", "write 2022-03"),
        ("March 2022", "write 2022-03"),
        ("2022-13", "there is no month 13; write the month as 01 to 12"),
    ],
)
def test_a_hurried_month_in_the_data_is_a_located_error(example, typed: str, fix: str) -> None:
    example.edit("attestations.yml", "initial_certification: 2022-03-14",
                 f"initial_certification: {typed}")
    [problem] = example.load().problems
    assert_problem(problem, _position(example, "attestations.yml", typed) + ": error",
                   "expected a date (YYYY-MM-DD) or, when only the month is known, a month "
                   f"(YYYY-MM), found '{typed}'; {fix}")
    assert problem.rule == "bad-month"


def test_a_month_where_the_document_gives_the_day_is_a_located_error(example) -> None:
    example.edit("attestations.yml", "    issued: 2025-03-14\n", "    issued: 2025-03\n")
    [problem] = example.load().problems
    lines = (example.root / "data" / "attestations.yml").read_text("utf-8").splitlines()
    line = lines.index("    issued: 2025-03") + 1
    assert_problem(problem, f"data/attestations.yml:{line}:13: error",
                   "a certification is dated to the day on its report or certificate: "
                   "expected 'issued' as YYYY-MM-DD, found the month 2025-03",
                   "write the day given on the document")
    assert problem.rule == "month-not-allowed"


def test_months_are_valid_data_and_reach_trust_json_as_written(example) -> None:
    example.edit("attestations.yml", "initial_certification: 2022-03-14",
                 "initial_certification: 2022-03")
    result = example.load()
    assert result.problems == []
    tc = result.trust_center
    links = Links("https://trust.example/")
    feeds = {"subprocessors": "s", "updates": "u", "attestations": "a"}
    document = json.loads(trust_json(trust_document(tc, example.today, links, feeds)))
    by_id = {a["id"]: a for a in document["attestations"]}
    assert by_id["iso27001"]["initial_certification"] == "2022-03"
    assert by_id["iso27701"]["expected"] == "2027-06"
    assert by_id["iso27001"]["issued"] == "2025-03-14"
    schema = json.loads(trust_schema("https://trust.example/"))
    jsonschema.Draft202012Validator(schema).validate(document)
    document["attestations"][0]["issued"] = "2022-13"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        ).validate(document)
