"""The one projection: each attestation's standing on a build date, by its framework's rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trustcenter.catalogue.frameworks import AssuranceKind, ValidityRule, frameworks
from trustcenter.model import Attestation, Framework
from trustcenter.projection import judge, programme_key
from trustcenter.status import Standing

D = dt.date


def attestation(**fields: Any) -> Attestation:
    base: dict[str, Any] = {"id": "x", "status": "issued", "visibility": "public"}
    return Attestation.model_validate(base | fields)


def one(item: Attestation, today: dt.date, *others: Attestation):
    return judge([item, *others], today, "Acme")[0]


SOC2_TYPE2 = attestation(
    framework="soc2", type=2, auditor="Example Audit LLP", issued="2026-02-15",
    period={"start": "2025-01-01", "end": "2025-12-31"}, categories=["security"],
    standard_version="tsc2017",
)
SOC1_TYPE1 = attestation(
    framework="soc1", type=1, auditor="Example Audit LLP", issued="2025-11-01",
    as_of="2025-09-30",
)
ISO27001 = attestation(
    framework="iso27001", auditor="Example Certification", issued="2024-04-01",
    expires="2027-03-31", certificate_number="IS 123456", standard_version="2022",
)
ISO27001_2013 = attestation(
    framework="iso27001", auditor="Example Certification", issued="2023-06-01",
    expires="2026-05-31", standard_version="2013",
)
ISO27001_2013_LAPSED = attestation(
    framework="iso27001", auditor="Example Certification", issued="2021-06-01",
    expires="2024-05-31", standard_version="2013",
)
PCI_2019 = attestation(framework="pci_dss", auditor="QSA LLC", issued="2019-01-15")
PCI_2026 = attestation(
    framework="pci_dss", auditor="QSA LLC", issued="2026-03-01", standard_version="4.0.1"
)
PA_DSS = attestation(framework="pa_dss", auditor="PA-QSA Ltd", issued="2022-03-01")
STAR_L1 = attestation(framework="csa_star", issued="2026-05-04", standard_version="caiq-v4")
HIPAA = attestation(framework="hipaa", kind="alignment")
HIPAA_ASSESSED = attestation(
    framework="hipaa", kind="assessment", auditor="Assessor LLP", issued="2025-04-01"
)
C5 = attestation(framework="c5", type=2, auditor="Prüfer AG", issued="2026-03-01",
                 period={"start": "2025-01-01", "end": "2025-12-31"})
FEDRAMP = attestation(framework="fedramp", auditor="Corvane Federal 3PAO",
                      designation="authorized", authorized_by="Department of Examples",
                      impact_level="moderate", issued="2024-06-10")
OTHER_UNDATED = attestation(framework="other", name="Acme Seal", auditor="Seal Co",
                            issued="2025-01-01")
CYBER_ESSENTIALS = attestation(framework="cyber_essentials", auditor="IASME body",
                               issued="2026-04-10")
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
        (SOC2_TYPE2, D(2026, 10, 2), Standing.CURRENT),  # 91 days left
        (SOC2_TYPE2, D(2026, 10, 3), Standing.EXPIRING),  # 90 days left
        (SOC2_TYPE2, D(2026, 12, 31), Standing.EXPIRING),
        (SOC2_TYPE2, D(2027, 1, 1), Standing.EXPIRED),
        (SOC1_TYPE1, D(2026, 6, 1), Standing.CURRENT),
        (SOC1_TYPE1, D(2026, 10, 1), Standing.EXPIRED),
        # certificate valid until 2027-03-31
        (ISO27001, D(2026, 6, 1), Standing.CURRENT),
        (ISO27001, D(2027, 1, 15), Standing.EXPIRING),
        (ISO27001, D(2027, 4, 1), Standing.EXPIRED),
        # ISO/IEC 27001:2013: no longer valid from 1 November 2025, whatever it prints
        (ISO27001_2013, D(2025, 6, 1), Standing.CURRENT),
        (ISO27001_2013, D(2025, 8, 10), Standing.EXPIRING),
        (ISO27001_2013, D(2025, 11, 1), Standing.RETIRED),
        (ISO27001_2013, D(2026, 11, 30), Standing.RETIRED),
        # ... but one that expired before the deadline simply expired
        (ISO27001_2013_LAPSED, D(2026, 11, 30), Standing.EXPIRED),
        # PCI DSS AOC: one annual assessment
        (PCI_2019, D(2019, 6, 1), Standing.CURRENT),
        (PCI_2019, D(2026, 11, 30), Standing.EXPIRED),
        (PCI_2026, D(2026, 11, 30), Standing.CURRENT),
        (PCI_2026, D(2026, 12, 5), Standing.EXPIRING),
        (PCI_2026, D(2027, 3, 2), Standing.EXPIRED),
        # the PA-DSS programme closed on 28 October 2022
        (PA_DSS, D(2022, 6, 1), Standing.CURRENT),
        (PA_DSS, D(2022, 10, 28), Standing.RETIRED),
        # CSA STAR Level 1 is deprecated after a year
        (STAR_L1, D(2026, 11, 30), Standing.CURRENT),
        (STAR_L1, D(2027, 5, 5), Standing.EXPIRED),
        (CYBER_ESSENTIALS, D(2026, 11, 30), Standing.CURRENT),
        (CYBER_ESSENTIALS, D(2027, 4, 11), Standing.EXPIRED),
        # nobody certifies HIPAA: never current
        (HIPAA, D(2026, 11, 30), Standing.ALIGNED),
        (HIPAA_ASSESSED, D(2040, 1, 1), Standing.ASSESSED),
        # no confirmed rule: not judged, never current
        (C5, D(2026, 11, 30), Standing.NOT_JUDGED),
        (OTHER_UNDATED, D(2026, 11, 30), Standing.NOT_JUDGED),
        (FEDRAMP, D(2026, 11, 30), Standing.CURRENT),
        (IN_PROGRESS, D(2030, 1, 1), Standing.IN_PROGRESS),
        (PLANNED, D(2030, 1, 1), Standing.PLANNED),
        (WITHDRAWN, D(2026, 6, 1), Standing.WITHDRAWN),
    ],
)
def test_standing_by_the_frameworks_rules(
    item: Attestation, today: dt.date, expected: Standing
) -> None:
    assert one(item, today).standing is expected


@pytest.mark.parametrize(
    ("item", "today", "changes_on", "next_standing"),
    [
        (SOC2_TYPE2, D(2026, 6, 1), D(2026, 10, 3), Standing.EXPIRING),
        (SOC2_TYPE2, D(2026, 11, 1), D(2027, 1, 1), Standing.EXPIRED),
        (ISO27001_2013, D(2025, 6, 1), D(2025, 8, 3), Standing.EXPIRING),
        (ISO27001_2013, D(2025, 9, 1), D(2025, 11, 1), Standing.RETIRED),
        (PCI_2019, D(2026, 11, 30), None, None),
        (PLANNED, D(2026, 11, 30), None, None),
    ],
)
def test_each_standing_says_the_day_it_changes(
    item: Attestation, today: dt.date, changes_on: dt.date | None, next_standing: Standing | None
) -> None:
    view = one(item, today)
    assert (view.changes_on, view.next_standing) == (changes_on, next_standing)
    if changes_on is not None:
        assert one(item, changes_on).standing is next_standing
        assert one(item, changes_on - dt.timedelta(days=1)).standing is view.standing


def soc2(id: str, **fields: Any) -> Attestation:
    return attestation(id=id, framework="soc2", auditor="A LLP", categories=["security"],
                       standard_version="tsc2017", visibility="nda", **fields)


TYPE1_2024 = soc2("t1", type=1, as_of="2024-06-30", issued="2024-08-20")
TYPE2_2025 = soc2("t2-2025", type=2, period={"start": "2024-07-01", "end": "2025-06-30"},
                  issued="2025-08-15")
TYPE2_2026 = soc2("t2-2026", type=2, period={"start": "2025-07-01", "end": "2026-06-30"},
                  issued="2026-08-14")


def test_a_later_report_on_the_programme_supersedes_whatever_its_type() -> None:
    views = {v.id: v for v in judge([TYPE1_2024, TYPE2_2025, TYPE2_2026], D(2026, 11, 30))}
    assert views["t1"].standing is Standing.SUPERSEDED
    assert views["t1"].superseded_by == "t2-2025"
    assert views["t2-2025"].standing is Standing.SUPERSEDED
    assert views["t2-2025"].superseded_by == "t2-2026"
    assert views["t2-2025"].since == D(2026, 8, 14)
    assert views["t2-2026"].standing is Standing.CURRENT
    # superseded reports raise no warning, however old
    assert not views["t1"].findings and not views["t2-2025"].findings


def test_supersession_starts_the_day_the_later_report_is_issued() -> None:
    before = judge([TYPE2_2025, TYPE2_2026], D(2026, 8, 13))[0]
    assert before.standing is Standing.EXPIRED
    assert (before.changes_on, before.next_standing) == (D(2026, 8, 14), Standing.SUPERSEDED)
    assert judge([TYPE2_2025, TYPE2_2026], D(2026, 8, 14))[0].standing is Standing.SUPERSEDED


def test_a_planned_or_withdrawn_later_report_supersedes_nothing() -> None:
    planned = soc2("next", type=2, status="planned")
    withdrawn = soc2("w", type=2, status="withdrawn",
                     period={"start": "2025-07-01", "end": "2026-06-30"}, issued="2026-08-14")
    assert judge([TYPE2_2025, planned, withdrawn], D(2026, 1, 1))[0].standing is Standing.CURRENT


def test_two_programmes_of_one_framework_keep_their_own_history() -> None:
    payments = soc2("pay", type=2, programme="payments",
                    period={"start": "2024-07-01", "end": "2025-06-30"}, issued="2025-08-15")
    views = judge([payments, TYPE2_2026], D(2025, 12, 1))
    assert [v.standing for v in views] == [Standing.CURRENT, Standing.CURRENT]
    assert programme_key(payments) == "soc2/payments"
    assert programme_key(TYPE2_2026) == "soc2"


def test_soc3_and_soc2_are_different_programmes() -> None:
    soc3 = attestation(id="s3", framework="soc3", type=2, auditor="A LLP",
                       period={"start": "2024-07-01", "end": "2025-06-30"},
                       issued="2025-08-15", categories=["security"])
    assert judge([soc3, TYPE2_2026], D(2025, 12, 1))[0].standing is Standing.CURRENT


@pytest.mark.parametrize(
    ("item", "words", "never"),
    [
        (SOC2_TYPE2, "Attestation report by an independent CPA firm (Example Audit LLP)",
         "certif"),
        (ISO27001, "Certificate issued by Example Certification", "independent CPA"),
        (STAR_L1, "Self-assessment by Acme: no auditor or assessor reviewed it", "ndependent"),
        (FEDRAMP, "FedRAMP Authorized, Moderate impact level; authorized by Department of "
         "Examples; assessed by Corvane Federal 3PAO, the independent assessor (3PAO)",
         "issued by Corvane"),
        (HIPAA, "Aligned with HIPAA: a statement by Acme, not an audit", "ertified"),
        (HIPAA_ASSESSED, "Assessed by Assessor LLP on 1 April 2025; no certification exists "
         "for HIPAA", "ertified"),
    ],
)
def test_kinds_of_assurance_are_worded_as_what_they_are(
    item: Attestation, words: str, never: str
) -> None:
    view = one(item, D(2026, 11, 30))
    assert words in view.kind_text
    assert never not in view.kind_text


def test_a_self_assessment_is_never_labelled_plainly_current() -> None:
    view = one(STAR_L1, D(2026, 11, 30))
    assert view.label == "Self-assessed, current"
    assert view.badge_class == "self"
    assert view.kind is AssuranceKind.SELF_ASSESSMENT and not view.kind.independent


@pytest.mark.parametrize(
    ("item", "rule"),
    [(C5, "not-judged"), (OTHER_UNDATED, "not-judged"), (ISO27001_2013, "attestation-retired"),
     (PCI_2019, "certificate-expired"), (SOC2_TYPE2, "report-stale")],
)
def test_what_does_not_stand_always_has_a_warning(item: Attestation, rule: str) -> None:
    view = one(item, D(2027, 6, 1))
    assert [f.rule for f in view.findings] == [rule]


def test_every_framework_has_a_catalogue_entry_with_sources() -> None:
    catalogue = frameworks()
    assert set(catalogue) == {f.value for f in Framework}
    for entry in catalogue.values():
        assert entry.validity.source
        assert entry.kinds
        for version in entry.versions:
            assert version.source
            assert (version.retired is None) == (version.effect is None)
    assert catalogue["iso27001"].version("2013").retired == D(2025, 11, 1)
    assert catalogue["pci_dss"].version("3.2.1").retired == D(2024, 4, 1)
    assert catalogue["pa_dss"].closed == D(2022, 10, 28)
    assert catalogue["c5"].validity.rule is ValidityRule.NONE_CONFIRMED


def test_an_archived_plan_is_history_and_counts_in_no_scope() -> None:
    from trustcenter.projection import Projection

    plan = attestation(
        id="soc2-abandoned", framework="soc2", type=2, status="planned", archived=True,
        categories=["security", "privacy"],
    )
    [view] = judge([plan], D(2026, 11, 30))
    assert view.history
    projection = Projection(D(2026, 11, 30), (view,))
    assert not projection.in_scope(view)
    assert projection.categories_in_scope() == []


def test_an_archived_withdrawn_attestation_is_listed_in_its_history() -> None:
    from trustcenter.projection import Projection

    withdrawn = attestation(
        id="pci-old", framework="pci_dss", status="withdrawn", archived=True,
        auditor="QSA LLC", issued="2024-01-15",
    )
    views = tuple(judge([withdrawn, PCI_2026], D(2026, 11, 30)))
    history = dict(Projection(D(2026, 11, 30), views).history())
    assert [v.id for v in history["PCI DSS"]] == ["x", "pci-old"]  # newest first


# --- bridge letters (frameworks.md §1.3, §13) ---------------------------------------------


def bridged(*letters: dict[str, str], framework: str = "soc2") -> Attestation:
    """A report whose 12 months end on 2026-12-31, with the given bridge letters."""
    extra = {"categories": ["security"]} if framework == "soc2" else {}
    return attestation(
        framework=framework, type=2, auditor="Example Audit LLP", issued="2026-02-15",
        period={"start": "2025-01-01", "end": "2025-12-31"}, visibility="nda",
        gated={"bridge_letters": [{"signed_by": "CISO", **letter} for letter in letters]},
        **extra,
    )


LETTER_TO_MARCH = {"issued": "2026-12-20", "covers_through": "2027-03-31"}


@pytest.mark.parametrize(
    ("today", "standing", "through"),
    [
        (D(2026, 12, 19), Standing.EXPIRING, None),  # the letter is not issued yet
        (D(2026, 12, 20), Standing.CURRENT, D(2027, 3, 31)),  # 101 days to its end
        (D(2027, 1, 1), Standing.EXPIRING, D(2027, 3, 31)),  # past its 12 months: bridged
        (D(2027, 3, 31), Standing.EXPIRING, D(2027, 3, 31)),
        (D(2027, 4, 1), Standing.EXPIRED, D(2027, 3, 31)),
    ],
)
def test_a_bridge_letter_keeps_a_report_current_through_the_day_it_covers(
    today: dt.date, standing: Standing, through: dt.date | None
) -> None:
    view = one(bridged(LETTER_TO_MARCH), today)
    assert view.standing is standing
    assert view.bridge_letter_through == through


def test_a_bridged_report_says_so_and_when_it_changes() -> None:
    view = one(bridged(LETTER_TO_MARCH), D(2027, 1, 15))
    assert view.reason == (
        "Treated as current until 31 March 2027: a bridge letter from management covers "
        "through that day (shared with the report); the 12 months buyers rely on a SOC 2 "
        "report for ended on 31 December 2026."
    )
    assert "12 months buyers rely on a SOC 2 report for end on 31 December 2026" in one(
        bridged(LETTER_TO_MARCH), D(2026, 12, 20)).reason
    assert (view.current_until, view.changes_on, view.next_standing) == (
        D(2027, 3, 31), D(2027, 4, 1), Standing.EXPIRED)
    assert view.since == D(2027, 1, 1)  # 90 days before the day the letter covers through
    assert one(bridged(LETTER_TO_MARCH), D(2026, 12, 20)).since == D(2026, 12, 20)
    assert not view.findings  # the letter answers the warning while it covers today
    gone = one(bridged(LETTER_TO_MARCH), D(2027, 4, 1))
    assert gone.since == D(2027, 4, 1)
    assert "the latest bridge letter covered through 31 March 2027" in gone.reason
    assert [f.rule for f in gone.findings] == ["report-stale"]
    assert "its 12 months ended on 31 December 2026" in gone.findings[0].message


def test_a_letter_dated_ahead_announces_the_day_it_takes_effect() -> None:
    late = bridged({"issued": "2027-01-10", "covers_through": "2027-03-31"})
    before = one(late, D(2027, 1, 9))
    assert before.standing is Standing.EXPIRED
    assert (before.changes_on, before.next_standing) == (D(2027, 1, 10), Standing.EXPIRING)
    assert one(late, D(2027, 1, 10)).standing is Standing.EXPIRING


def test_a_letter_inside_the_twelve_months_is_said_and_changes_nothing() -> None:
    early = bridged({"issued": "2026-02-20", "covers_through": "2026-03-31"})
    view = one(early, D(2026, 6, 1))
    assert view.standing is Standing.CURRENT and view.current_until == D(2026, 12, 31)
    assert view.reason.endswith(
        "A bridge letter from management covers through 31 March 2026 (shared with the report)."
    )


@pytest.mark.parametrize(
    "letter",
    [
        {"issued": "2025-11-30", "covers_through": "2027-03-31"},  # issued inside the period
        {"issued": "2026-01-05", "covers_through": "2025-12-31"},  # covers nothing after it
    ],
)
def test_an_invalid_letter_never_counts(letter: dict[str, str]) -> None:
    view = one(bridged(letter), D(2027, 1, 15))
    assert view.standing is Standing.EXPIRED
    assert view.bridge_letter_through is None


def test_the_latest_letter_counts_and_a_superseded_report_has_none() -> None:
    view = one(bridged(LETTER_TO_MARCH, {"issued": "2027-03-01", "covers_through": "2027-05-31"}),
               D(2027, 4, 15))
    assert view.standing is Standing.EXPIRING and view.current_until == D(2027, 5, 31)
    newer = soc2("new", type=2, period={"start": "2026-01-01", "end": "2026-12-31"},
                 issued="2027-02-20")
    old = judge([bridged(LETTER_TO_MARCH), newer], D(2027, 3, 1))[0]
    assert old.standing is Standing.SUPERSEDED and old.bridge_letter_through is None


# --- FedRAMP Marketplace designations (frameworks.md §4) ----------------------------------

FEDRAMP_READY = attestation(framework="fedramp", designation="ready", impact_level="moderate",
                            auditor="Corvane Federal 3PAO", issued="2025-09-12")
FEDRAMP_IN_PROCESS = attestation(framework="fedramp", designation="in_process",
                                 impact_level="high", issued="2026-02-02")
FEDRAMP_CERTIFIED = attestation(framework="fedramp", designation="certified",
                                certification_class="C", path="rev5",
                                authorized_by="the FedRAMP Board",
                                auditor="Corvane Federal 3PAO", issued="2026-09-01")


@pytest.mark.parametrize(
    ("item", "today", "standing", "label", "kind_text"),
    [
        (FEDRAMP_READY, D(2026, 7, 27), Standing.READY, "Ready, not authorized",
         "FedRAMP Ready, Moderate impact level: a 3PAO's readiness assessment accepted by "
         "the FedRAMP PMO; not an authorization; readiness assessed by Corvane Federal "
         "3PAO, the independent assessor (3PAO)"),
        (FEDRAMP_READY, D(2026, 7, 28), Standing.RETIRED, "Retired designation", None),
        (FEDRAMP_IN_PROCESS, D(2026, 11, 26), Standing.IN_PROGRESS,
         "In process, not authorized",
         "FedRAMP In Process, High impact level: working towards an authorization; not "
         "authorized yet"),
        (FEDRAMP_CERTIFIED, D(2026, 11, 26), Standing.CURRENT, "Current",
         "FedRAMP Certified, Class C (comparable to the former Moderate impact level), "
         "Rev5 path; certified by the FedRAMP Board; assessed by Corvane Federal 3PAO, the "
         "independent assessor (3PAO)"),
        (FEDRAMP, D(2026, 11, 26), Standing.CURRENT, "Current", None),
    ],
)
def test_fedramp_is_worded_by_its_marketplace_designation(
    item: Attestation, today: dt.date, standing: Standing, label: str, kind_text: str | None
) -> None:
    view = one(item, today)
    assert (view.standing, view.label) == (standing, label)
    if kind_text is not None:
        assert view.kind_text == kind_text
    words = f"{view.kind_text} {view.summary} {view.reason} {view.label}"
    assert "ATO" not in words and "baseline" not in words
    if item.designation.value in ("ready", "in_process"):
        assert view.badge_class != "current" and "uthorized by" not in words
        assert "Current" not in view.label


def test_fedramp_ready_becomes_a_retired_designation_on_28_july_2026() -> None:
    before = one(FEDRAMP_READY, D(2026, 7, 27))
    assert (before.changes_on, before.next_standing) == (D(2026, 7, 28), Standing.RETIRED)
    after = one(FEDRAMP_READY, D(2026, 7, 28))
    assert after.reason == ("FedRAMP Ready became a legacy designation on 28 July 2026; it "
                            "was never an authorization.")
    assert [f.rule for f in after.findings] == ["attestation-retired"]
    assert after.since == D(2026, 7, 28)
    ready = frameworks()["fedramp"].designation("ready")
    assert ready is not None and ready.retired == D(2026, 7, 28) and "legalclarity" in ready.source


# --- a version inferred only where the date makes it certain (frameworks.md §2, §3) -------


@pytest.mark.parametrize(
    ("framework", "issued", "version"),
    [
        ("pci_dss", "2016-10-31", None),  # v3.1 still usable: the catalogue does not list it
        ("pci_dss", "2016-11-01", "3.2"),
        ("pci_dss", "2018-05-16", "3.2"),
        ("pci_dss", "2018-05-17", None),  # v3.2 or v3.2.1
        ("pci_dss", "2018-12-31", None),
        ("pci_dss", "2019-01-01", "3.2.1"),
        ("pci_dss", "2022-03-30", "3.2.1"),
        ("pci_dss", "2022-03-31", None),  # v3.2.1 or v4.0
        ("pci_dss", "2024-03-31", None),
        ("pci_dss", "2024-04-01", "4.0"),
        ("pci_dss", "2024-06-10", "4.0"),
        ("pci_dss", "2024-06-11", None),  # v4.0 or v4.0.1
        ("pci_dss", "2024-12-31", None),
        ("pci_dss", "2025-01-01", "4.0.1"),
        ("iso27001", "2015-09-30", None),  # the 2005 edition was still valid
        ("iso27001", "2015-10-01", "2013"),
        ("iso27001", "2022-10-24", "2013"),
        ("iso27001", "2022-10-25", None),  # 2013 or 2022
        ("soc2", "2020-06-30", None),  # SOC criteria: sources disagree, nothing inferred
    ],
)
def test_a_version_is_inferred_only_when_the_date_allows_exactly_one(
    framework: str, issued: str, version: str | None
) -> None:
    from trustcenter.projection import attestation_version

    fields: dict[str, Any] = {"framework": framework, "auditor": "A", "issued": issued}
    if framework == "iso27001":
        fields["expires"] = "2026-01-01"
    if framework == "soc2":
        fields |= {"type": 1, "as_of": issued, "categories": ["security"]}
    found, inferred = attestation_version(attestation(**fields))
    assert (found.id if found else None, inferred) == (version, version is not None)


def test_an_inferred_version_is_said_and_judged_as_that_version() -> None:
    aoc = attestation(framework="pci_dss", auditor="QSA LLC", issued="2021-01-10")
    on_time = one(aoc, D(2021, 6, 1))
    assert on_time.standing is Standing.CURRENT
    assert on_time.summary == (
        "PCI DSS v3.2.1 (inferred from the date of the attestation), issued 10 January 2021")
    late = one(aoc, D(2024, 6, 1))
    assert late.standing is Standing.EXPIRED
    assert late.reason == (
        "Expired on 10 January 2022: PCI DSS is valid for 12 months from its date and must "
        "be renewed. It was made against PCI DSS v3.2.1 (inferred from the date of the "
        "attestation), retired on 31 March 2024; a renewal is made against PCI DSS v4.0.")
    # a recorded version is not "inferred"
    recorded = one(attestation(framework="pci_dss", auditor="QSA LLC", issued="2021-01-10",
                               standard_version="3.2.1"), D(2024, 6, 1))
    assert "inferred" not in recorded.summary + recorded.reason


# --- words: each fact said once, no unexplained jargon ------------------------------------


def test_every_abbreviation_in_a_version_label_is_explained() -> None:
    """What reaches a card's summary from the catalogue is readable by a buyer."""
    import re

    for entry in frameworks().values():
        known = set(re.findall(r"[A-Za-z0-9]+", entry.name))
        for version in entry.versions:
            unexplained = set(re.findall(r"\b[A-Z][A-Z0-9]+\b", version.label)) - known
            assert not unexplained or version.description, (entry.id, version.label)


def test_jargon_in_a_summary_comes_with_its_explanation() -> None:
    view = one(STAR_L1, D(2026, 11, 30))
    assert view.summary == "CAIQ v4, issued 4 May 2026"
    assert view.version_note == (
        "The CAIQ is the Cloud Security Alliance's questionnaire on its Cloud Controls "
        "Matrix (CCM).")


@pytest.mark.parametrize("today", [D(2026, 6, 1), D(2027, 1, 15), D(2027, 6, 1)])
def test_valid_until_is_said_once_per_attestation(today: dt.date) -> None:
    items = [SOC2_TYPE2, ISO27001, ISO27001_2013, PCI_2026, STAR_L1, CYBER_ESSENTIALS,
             bridged(LETTER_TO_MARCH)]
    for view in judge(items, today):
        words = f"{view.summary} {view.reason}".lower()
        assert words.count("valid until") + words.count("current until") <= 1, words
