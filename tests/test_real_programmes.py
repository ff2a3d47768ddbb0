"""Scenario sites modelled on real companies' audit programmes, built for real.

- ``cloud-provider``: a large cloud provider's public SOC 3s (overlapping twelve-month
  periods issued twice a year), the core SOC 2 with monthly bridge letters, a second SOC 2
  programme for a subset of products whose late report a bridge letter covers, an
  ISO/IEC 27001:2013 certificate replaced by a 2022 one with 27017 and 27018 as
  extensions;
- ``payments``: a payments company's yearly PCI DSS Reports on Compliance (3.2.1, 4.0,
  4.0.1), a PA-DSS validation whose programme closed, SOC 1, SOC 2 and SOC 3, NIST CSF;
- ``saas``: a SaaS company's yearly SOC 2 and a PCI DSS SAQ A self-assessment, no SOC 1.

Each is built strictly and read back from its pages and trust.json; then one site is
built on several dates, and every page, trust.json, the Atom feed, the badges and
``trustcenter diff`` must say the same standing for every attestation.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import Build, copy_scenario, run_build
from trustcenter.diff import summarize

ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"

EXPECTED = {
    "cloud-provider": {
        "soc3-2019-10": "superseded", "soc3-2020-04": "superseded",
        "soc3-2025-10": "superseded", "soc3-2026-04": "current",
        "soc3-2026-10": "in_progress", "soc2-2025-10": "superseded",
        "soc2-2026-04": "current", "soc2-specialty-2025": "expiring",
        "soc2-specialty-2026": "in_progress",
        "iso27001-2013": "superseded", "iso27001-2022": "current",
        "hipaa-2026": "assessed", "fedramp-high": "current",
        "fedramp-specialty-ready": "retired",
    },
    "payments": {
        "pci-2019": "superseded", "pci-2023": "superseded", "pci-2024": "superseded",
        "pci-2025": "superseded", "pci-2026": "current", "pa-dss-terminal": "retired",
        "soc1-2026": "current", "soc2-2025": "superseded", "soc2-2026": "current",
        "soc3-2025": "superseded", "soc3-2026": "current", "nist-csf": "aligned",
    },
    "saas": {"soc2-2025": "superseded", "soc2-2026": "current", "pci-saq-a": "current"},
}
HISTORY = {"superseded", "retired"}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    built = {}
    for name in EXPECTED:
        build = run_build(copy_scenario(name, tmp_path_factory.mktemp(name)))
        assert build.returncode == 0, build.output  # strict: no error, no warning
        built[name] = build
    return built


def trust_json(build: Build) -> dict:
    return json.loads((build.site / "trust.json").read_text("utf-8"))


def cards(build: Build) -> dict[str, BeautifulSoup]:
    soup = BeautifulSoup(build.page(), "html.parser")
    return {li["id"].removeprefix("attestation-"): li for li in soup.select("li.tc-card")}


def history(build: Build) -> dict[str, str]:
    soup = BeautifulSoup(build.page("reports/index.html"), "html.parser")
    return {li["id"].removeprefix("history-"): li.get_text(" ", strip=True)
            for li in soup.select("ul.tc-history li")}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_attestation_stands_as_its_framework_rules_say(
    builds: dict[str, Build], name: str
) -> None:
    document = trust_json(builds[name])
    assert {a["id"]: a["standing"] for a in document["attestations"]} == EXPECTED[name]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_nothing_superseded_expired_or_retired_is_called_current(
    builds: dict[str, Build], name: str
) -> None:
    build = builds[name]
    document = trust_json(build)
    shown = cards(build)
    past = history(build)
    for item in document["attestations"]:
        if item["standing"] in HISTORY:
            assert item["id"] not in shown  # no card among the current ones
            assert item["history"] is True
            assert f"({item['standing_label'].lower()})" in past[item["id"]]
            assert "Current" not in item["standing_label"]
        else:
            label = shown[item["id"]].select_one(".tc-status").get_text()
            assert label == item["standing_label"]
    in_scope = set(document["categories_in_scope"])
    standing = [a for a in document["attestations"]
                if a["standing"] in ("current", "expiring", "in_progress", "planned")]
    assert in_scope == {c for a in standing for c in a["categories"]}


def card_text(build: Build, attestation: str) -> str:
    return cards(build)[attestation].get_text(" ", strip=True)


def test_a_payments_company_worded_as_what_each_thing_is(builds: dict[str, Build]) -> None:
    build = builds["payments"]
    assert "Assessed by a Qualified Security Assessor (Harrowgate QSA LLC): Report on " \
        "Compliance" in card_text(build, "pci-2026")
    nist = cards(build)["nist-csf"]
    assert nist.select_one(".tc-status").get_text() == "Aligned, not certified"
    assert "a statement by Quillpay, not an audit" in nist.get_text()
    assert "tc-status--current" not in str(nist)
    past = history(build)
    assert "PA-DSS (retired version)" in past["pa-dss-terminal"]
    assert [k for k in past if k.startswith("pci-")] == [
        "pci-2026", "pci-2025", "pci-2024", "pci-2023", "pci-2019"]  # newest first
    reports = BeautifulSoup(build.page("reports/index.html"), "html.parser").get_text()
    assert "We share our SOC 1 and SOC 2 reports" in reports
    # The SOC 3's opinion is public; the SOC 2's stays gated.
    assert "Opinion: Unmodified" in card_text(build, "soc3-2026")
    assert "Opinion" not in card_text(build, "soc2-2026")
    transfers = BeautifulSoup(build.page("subprocessors/index.html"), "html.parser")
    row = " ".join(transfers.select_one("#subprocessor-corridor").get_text(" ", strip=True).split())
    dpf = "(primary; active on the DPF List on 15 June 2026; re-certification due 20 January 2027)"
    assert (
        f"EU/EEA — United States: EU-U.S. Data Privacy Framework {dpf}, Standard Contractual "
        f"Clauses (2021) UK — United States: UK Extension to the EU-U.S. DPF {dpf}, UK "
        f"Addendum to the EU SCCs; Ireland: UK adequacy regulations Switzerland — United "
        f"States: Swiss-U.S. Data Privacy Framework {dpf}, EU SCCs with the Swiss "
        f"amendments; Ireland: Swiss adequacy (FADP)"
    ) in row
    [corridor] = trust_json(build)["subprocessors"]["items"]
    assert [(t["regime"], t["mechanisms"]) for t in corridor["transfers"]] == [
        ("eu", ["dpf", "sccs"]), ("uk", ["uk_extension", "uk_addendum"]),
        ("ch", ["swiss_dpf", "sccs"])]
    assert {c["dpf_state"] for t in corridor["transfers"] for c in t["claims"]} == {
        "standing", None}


def test_a_saas_company_with_no_soc1_and_a_self_assessment(builds: dict[str, Build]) -> None:
    build = builds["saas"]
    saq = cards(build)["pci-saq-a"]
    assert saq.select_one(".tc-status").get_text() == "Self-assessed, current"
    assert "tc-status--self" in str(saq)
    text = saq.get_text(" ", strip=True)
    assert "Self-assessment by Ledgerlark: no auditor or assessor reviewed it" in text
    assert "ndependent" not in text and "Qualified Security Assessor" not in text
    reports = BeautifulSoup(build.page("reports/index.html"), "html.parser").get_text()
    assert "We share our SOC 2 report with" in reports
    assert "SOC 1" not in reports
    [saq_json] = [a for a in trust_json(build)["attestations"] if a["id"] == "pci-saq-a"]
    assert (saq_json["kind"], saq_json["independent"], saq_json["auditor"]) == (
        "self_assessment", False, None)


def test_a_cloud_provider_two_programmes_and_one_certificate(builds: dict[str, Build]) -> None:
    build = builds["cloud-provider"]
    shown = cards(build)
    titles = {k: v.select_one(".tc-card__title").get_text() for k, v in shown.items()}
    assert titles["soc2-2026-04"] == "SOC 2 Type 2"
    assert titles["soc2-specialty-2026"] == "SOC 2 Type 2 (specialty)"
    iso = card_text(build, "iso27001-2022")
    assert iso.count("Valid until") == 1  # one certificate, not three validity lines
    assert "also covers ISO/IEC 27017 and ISO/IEC 27018, as extensions" in iso
    assert "accredited by Fenmark Accreditation Service" in iso
    assert "First certified on 15 September 2016" in iso
    assert [v for v in shown if v.startswith("soc3")] == ["soc3-2026-04", "soc3-2026-10"]


def test_catalogue_jargon_on_a_card_is_explained_once(builds: dict[str, Build]) -> None:
    build = builds["payments"]
    note = ("Points of focus are the examples of what each criterion covers; the criteria "
            "themselves did not change in 2022.")
    assert note in card_text(build, "soc3-2026")
    reports = BeautifulSoup(build.page("reports/index.html"), "html.parser").get_text()
    assert note not in reports  # the lists name the version; the card explains it


def test_fedramp_worded_by_its_marketplace_designation(builds: dict[str, Build]) -> None:
    build = builds["cloud-provider"]
    text = card_text(build, "fedramp-high")
    assert ("FedRAMP Authorized, High impact level; authorized by the FedRAMP Board (formerly "
            "the Joint Authorization Board); assessed by Tollgate Federal Assessors LLC, the "
            "independent assessor (3PAO)") in text
    past = history(build)["fedramp-specialty-ready"]
    assert "FedRAMP (specialty) (retired designation)" in past
    document = {a["id"]: a for a in trust_json(build)["attestations"]}
    ready = document["fedramp-specialty-ready"]
    assert (ready["standing"], ready["standing_label"], ready["designation"]) == (
        "retired", "Retired designation", "ready")
    assert "not an authorization" in ready["kind_text"]
    for page in build.site.rglob("*.html"):
        assert "certified ATO" not in page.read_text("utf-8")


def test_facts_known_only_to_the_month_are_shown_as_months(builds: dict[str, Build]) -> None:
    build = builds["cloud-provider"]
    hipaa = card_text(build, "hipaa-2026")
    assert "Assessed by Halberd & Pike LLP in June 2026; no certification exists for HIPAA" \
        in hipaa
    assert hipaa.count("June 2026") == 1 and "1 June 2026" not in hipaa  # said once
    assert "Expected by January 2027" in card_text(build, "soc2-specialty-2026")
    document = {a["id"]: a for a in trust_json(build)["attestations"]}
    assert document["hipaa-2026"]["issued"] == "2026-06"
    assert document["hipaa-2026"]["standing_since"] == "2026-06"  # not a day nobody knows
    assert document["soc2-specialty-2026"]["expected"] == "2027-01"
    feed = (build.site / "feeds" / "attestations.xml").read_text("utf-8")
    assert "in June 2026" in feed and "1 June 2026" not in feed


def test_a_bridge_letter_keeps_a_late_report_current_and_says_so(
    builds: dict[str, Build],
) -> None:
    build = builds["cloud-provider"]
    text = card_text(build, "soc2-specialty-2025")
    assert "Expiring soon" in text and "Expired" not in text
    assert ("Treated as current until 31 December 2026: a bridge letter from management "
            "covers through that day (shared with the report); the 12 months buyers rely on "
            "a SOC 2 report for ended on 30 September 2026.") in text
    # the monthly letters of the core report are said, and change nothing
    assert ("A bridge letter from management covers through 31 October 2026 (shared with "
            "the report).") in card_text(build, "soc2-2026-04")
    document = {a["id"]: a for a in trust_json(build)["attestations"]}
    assert document["soc2-specialty-2025"]["bridge_letter_through"] == "2026-12-31"
    assert document["soc2-specialty-2025"]["standing_changes_on"] == "2027-01-01"
    assert document["soc2-2026-04"]["bridge_letter_through"] == "2026-10-31"
    # who signed the letter, and when, stay on the gated page
    assert "Vice President, Security" not in (build.site / "trust.json").read_text("utf-8")
    assert "Vice President, Security" not in build.page()


def test_a_cloud_provider_support_vendor_in_ten_countries(builds: dict[str, Build]) -> None:
    """Each country outside the EEA with what covers it: adequacy or the SCCs."""
    build = builds["cloud-provider"]
    page = BeautifulSoup(build.page("subprocessors/index.html"), "html.parser")
    row = page.select_one("#subprocessor-brightharbor")
    assert " ".join(row.get_text(" ", strip=True).split()).endswith(
        "EU/EEA — Canada, Israel, Japan: EU adequacy decision; India, Malaysia, Mexico, "
        "Philippines, United States: Standard Contractual Clauses (2021) 1 March 2021"
    )
    assert row["data-filter-mechanism"] == (
        "EU/EEA: EU adequacy decision|EU/EEA: Standard Contractual Clauses (2021)"
    )
    items = {i["id"]: i for i in trust_json(build)["subprocessors"]["items"]}
    [eu] = items["brightharbor"]["transfers"]
    assert {d["country"]: d["mechanisms"] for d in eu["destinations"]} == {
        "CA": ["adequacy"], "IL": ["adequacy"], "JP": ["adequacy"], "IN": ["sccs"],
        "MY": ["sccs"], "MX": ["sccs"], "PH": ["sccs"], "US": ["sccs"]}
    # Bulgaria and Romania are in the EEA: no transfer, no mechanism.
    assert "BG" not in {d["country"] for d in eu["destinations"]}
    stratus = items["stratus-llc"]["transfers"]
    assert stratus[0]["claims"][0] == {
        "mechanism": "dpf", "label": "EU-U.S. Data Privacy Framework",
        "text": "EU-U.S. Data Privacy Framework (active on the DPF List on 11 May 2026; "
        "re-certification due 22 March 2027)",
        "destinations": ["United States"], "stated": False, "standing": True,
        "dpf_state": "standing", "dpf_verified": "2026-05-11",
        "dpf_recertification_due": "2027-03-22", "dpf_lapsed": None}


# --- one standing everywhere, on several build dates -------------------------------------


def _feed(build: Build) -> dict[str, str]:
    root = ET.parse(build.site / "feeds" / "attestations.xml").getroot()
    out = {}
    for entry in root.findall(f"{ATOM}entry"):
        key = entry.findtext(f"{ATOM}id").rsplit("attestations/", 1)[1]
        out[key] = entry.findtext(f"{ATOM}title").rsplit(": ", 1)[1]
    return out


def _badges(build: Build, ids: list[str]) -> dict[str, str]:
    out = {}
    for key in ids:
        root = ET.parse(build.site / "badges" / "attestations" / f"{key}.svg").getroot()
        out[key] = [t.text for t in root.findall(f"{SVG}text")][-1]
    return out


def _pages(build: Build) -> dict[str, str]:
    out = {k: v.select_one(".tc-status").get_text().lower() for k, v in cards(build).items()}
    for key, text in history(build).items():
        out[key] = re.search(r"\(([^()]+)\)(?::|$)", text).group(1)
    return out


def _diff(project: Path, today: dt.date, ids: list[str], tmp: Path) -> dict[str, str]:
    empty = tmp / f"empty-{today.isoformat()}"
    shutil.copytree(project / "data", empty)
    (empty / "attestations.yml").write_text("attestations: []\n", "utf-8")
    summary = summarize(str(empty), str(project / "data"), project / "data", today)
    [section] = [s for s in summary.sections if s.title == "Attestations and certifications"]
    # One "Added" line per attestation, in the order of their ids: "Added **T** (label, ..."
    return dict(zip(sorted(ids), section.lines, strict=True))


@pytest.mark.parametrize(
    ("scenario", "today"),
    [
        ("payments", "2026-11-26"),
        ("payments", "2027-04-15"),
        ("payments", "2027-07-01"),
        ("payments", "2031-01-01"),
        # a bridged report: current through its letter, then expired
        ("cloud-provider", "2026-11-26"),
        ("cloud-provider", "2027-01-01"),
    ],
)
def test_pages_trust_json_feed_badges_and_diff_agree_on_every_standing(
    tmp_path: Path, scenario: str, today: str
) -> None:
    project = copy_scenario(scenario, tmp_path)
    build = run_build(project, today=today, strict=False)
    assert build.returncode == 0, build.output
    document = trust_json(build)
    expected = {a["id"]: a["standing_label"].lower() for a in document["attestations"]}
    ids = list(expected)
    assert _pages(build) == expected
    assert _feed(build) == expected
    assert _badges(build, ids) == expected
    lines = _diff(project, dt.date.fromisoformat(today), ids, tmp_path)
    for key, label in expected.items():
        assert re.search(rf"\*\* \({re.escape(label)}[,)]", lines[key]), (key, lines[key])
    # the dates move things along: nothing is current forever
    if scenario == "cloud-provider":  # the letter covers through 31 December 2026
        assert expected["soc2-specialty-2025"] == (
            "expiring soon" if today == "2026-11-26" else "expired")
    if today == "2031-01-01":
        assert set(expected.values()) <= {"superseded", "expired", "retired version",
                                          "aligned, not certified"}
