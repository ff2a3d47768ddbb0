"""The domain cases: real programmes' facts appended to the example data, checked and told.

Each input in ``tests/unit/data/domain/`` is a block from the project's domain cases,
appended as written to a copy of the example company's ``data/``. Where the model asks
for a fact the block leaves implicit, the test adds it and says so ("translated").
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.unit.unit_support import where
from trustcenter.loader import LoadResult, load
from trustcenter.model import TrustCenter
from trustcenter.projection import project
from trustcenter.render import Renderer
from trustcenter.status import Standing

REPO = Path(__file__).resolve().parents[2]
CASES = Path(__file__).with_name("data") / "domain"
TODAY = dt.date(2026, 11, 30)


class Example:
    """A copy of the example company's data at ./data, with cases appended."""

    def __init__(self, root: Path) -> None:
        self.data = root / "data"
        shutil.copytree(REPO / "data", self.data)

    def append(self, case: str, replace: tuple[str, str] | None = None,
               file: str = "attestations.yml") -> int:
        """Append ``case`` (optionally edited); return the line its block starts on."""
        block = (CASES / f"{case}.yml").read_text("utf-8")
        if replace is not None:
            assert replace[0] in block
            block = block.replace(*replace)
        target = self.data / file
        text = target.read_text("utf-8").rstrip("\n") + "\n"
        target.write_text(text + block, "utf-8")
        return text.count("\n") + 1

    def load(self, today: dt.date = TODAY) -> LoadResult:
        return load(Path("data"), today)

    def center(self, today: dt.date = TODAY) -> TrustCenter:
        result = self.load(today)
        assert result.trust_center is not None, [p.format() for p in result.errors]
        return result.trust_center


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Example:
    monkeypatch.chdir(tmp_path)
    return Example(tmp_path)


def test_the_example_itself_has_no_problem(example: Example) -> None:
    assert example.load().problems == []


def test_superseded_type1_is_history_not_stale(example: Example) -> None:
    example.append("superseded-type1")
    result = example.load()
    assert result.problems == []  # no "stale" warning: the strict build passes
    assert result.trust_center is not None
    projection = project(result.trust_center, TODAY)
    view = projection.view("soc2-type1-2020")
    assert view.standing is Standing.SUPERSEDED
    assert view.superseded_by == "soc2-type1-2024"  # the next report of the programme
    assert view not in projection.cards()
    assert all(view not in projection.reports_in_scope(c)
               for c in projection.categories_in_scope())
    history = dict(projection.history())
    assert view in history["SOC 2"]
    html = str(Renderer(result.trust_center, TODAY).attestation_cards())
    assert "attestation-soc2-type1-2020" not in html
    overview = str(Renderer(result.trust_center, TODAY).reports_overview())
    assert 'id="history-soc2-type1-2020"' in overview


def test_two_consecutive_soc3s_only_the_newer_is_current(example: Example) -> None:
    projection = project(example.center(), TODAY)
    assert projection.view("soc3-2026").standing is Standing.CURRENT
    assert projection.view("soc3-2025").standing is Standing.SUPERSEDED
    assert [v.id for v in projection.cards() if v.item.framework.value == "soc3"] == [
        "soc3-2026"
    ]


def test_pci_aoc_from_2019_is_expired_with_a_warning_that_says_why(example: Example) -> None:
    start = example.append("pci-aoc-old")
    result = example.load()
    version, expired = sorted(result.problems, key=lambda p: p.line)
    assert (where(version), version.rule) == (
        f"data/attestations.yml:{start + 1}:16: warning", "version-missing")
    assert version.message == (
        "PCI DSS does not record its version: the site infers PCI DSS v3.2.1, the only one "
        "usable on 15 January 2019, and says it was inferred")
    assert version.hint == "record it: standard_version: '3.2.1'"
    assert (where(expired), expired.rule) == (
        f"data/attestations.yml:{start + 5}:13: warning", "certificate-expired")
    assert "PCI DSS expired on 15 January 2020: it stands for 12 months from its date" in (
        expired.message
    )
    assert result.trust_center is not None
    view = project(result.trust_center, TODAY).view("pci-2019")
    assert view.standing is Standing.EXPIRED
    assert "renewed every 12 months" not in view.reason and "Expired on" in view.reason
    # ... and names the version the date allows, retired on 31 March 2024
    assert view.reason.endswith(
        "It was made against PCI DSS v3.2.1 (inferred from the date of the attestation), "
        "retired on 31 March 2024; a renewal is made against PCI DSS v4.0.1.")
    assert "PCI DSS v3.2.1 (inferred from the date of the attestation)" in view.summary
    assert view.version is not None and view.version.id == "3.2.1" and view.version_inferred


def test_a_pci_aoc_against_a_retired_version_cannot_be_dated_after_it(example: Example) -> None:
    start = example.append("pci-aoc-old", ("issued: 2019-01-15", "issued: 2024-06-03\n"
                                           "    standard_version: '3.2.1'"))
    [problem] = example.load().errors
    assert where(problem) == f"data/attestations.yml:{start + 6}:23: error"
    assert problem.rule == "retired-version"
    assert "PCI DSS v3.2.1 was retired on 31 March 2024" in problem.message


def test_csa_star_level1_is_a_self_assessment_with_no_auditor(example: Example) -> None:
    example.append("csa-star-level1")
    result = example.load()
    assert result.problems == []  # no "expected 'auditor'"
    assert result.trust_center is not None
    view = project(result.trust_center, TODAY).view("csa-star-2026")
    assert view.title == "CSA STAR Level 1"
    assert view.label == "Self-assessed, current"
    html = str(Renderer(result.trust_center, TODAY).attestation_cards())
    card = html[html.index('id="attestation-csa-star-2026"'):]
    card = card[:card.index("</li>")]
    assert "Self-assessment by Lanternfish Labs: no auditor or assessor reviewed it" in card
    assert "ndependent" not in card
    assert "tc-status--self" in card and "tc-status--current" not in card


def test_a_self_assessment_with_an_auditor_is_refused(example: Example) -> None:
    start = example.append("csa-star-level1", ("    issued:", "    auditor: Invented LLP\n"
                                               "    issued:"))
    [problem] = example.load().errors
    assert where(problem) == f"data/attestations.yml:{start + 4}:5: error"
    assert problem.rule == "self-assessment-auditor"
    assert "a self-assessment has no auditor" in problem.message


def test_csocs_need_a_carved_out_subservice_organization(example: Example) -> None:
    start = example.append("soc2-csoc")
    [problem] = example.load().errors
    assert where(problem) == f"data/attestations.yml:{start + 10}:7: error"
    assert problem.rule == "csoc-without-carve-out"
    assert "list the report's subservice organizations" in problem.hint


def test_csocs_are_shown_per_report_beside_the_cuecs(example: Example) -> None:
    # Translated: the report names the subservice organization it carves out.
    example.append("soc2-csoc", ("    gated:", "    subservice_organizations:\n"
                                 "      - {name: Nimbus Cloud, method: carve_out}\n"
                                 "    gated:"))
    day = dt.date(2026, 11, 5)  # before the example's next SOC 2 supersedes it
    center = example.center(day)
    gated = str(Renderer(center, day).gated_content())
    section = gated[gated.index('id="gated-soc2-with-csocs"'):]
    section = section[:section.index("</section>")]
    assert "Complementary subservice organization controls" in section
    assert "The cloud provider restricts physical access to its data centres." in section
    assert "Nimbus Cloud" in section and "carved out" in section
    # only this report's subservice organizations, not every one of the company
    assert "Quillpost" not in section
    # neither a Type 1 nor missing data says "None" about exceptions
    assert "Exceptions noted in testing" not in section
    public = str(Renderer(center, day).attestation_cards())
    assert "The cloud provider restricts physical access" not in public


def test_a_soc3_opinion_is_public_never_gated(example: Example) -> None:
    start = example.append("soc3-qualified-opinion")
    [problem] = example.load().errors
    assert where(problem) == f"data/attestations.yml:{start + 10}:7: error"
    assert problem.rule == "public-opinion"
    assert "outside 'gated:'" in problem.hint


def test_a_qualified_soc3_shows_as_qualified(example: Example) -> None:
    example.append("soc3-qualified-opinion", ("    gated:\n      opinion: qualified",
                                              "    opinion: qualified"))
    day = dt.date(2026, 11, 5)
    html = str(Renderer(example.center(day), day).attestation_cards())
    card = html[html.index('id="attestation-soc3-qualified"'):]
    card = card[:card.index("</li>")]
    assert "Opinion: Qualified: the auditor&#39;s opinion carries a reservation" in card


def test_a_bridge_letter_before_the_period_ends_is_a_located_error(example: Example) -> None:
    start = example.append("bridge-letter-before-period")
    problems = example.load().errors
    assert [(where(p), p.rule) for p in problems] == [
        (f"data/attestations.yml:{start + 11}:11: error", "bridge-letter-dates"),
        (f"data/attestations.yml:{start + 12}:11: error", "bridge-letter-dates"),
    ]
    assert "expected a date after 2026-07-31, found 2026-03-31" in problems[0].message
    assert "expected it issued after 2026-07-31, found 2025-01-01" in problems[1].message


def test_fedramp_names_the_authorizing_body_not_the_3pao(example: Example) -> None:
    start = example.append("fedramp-issuer")
    problems = example.load().errors
    assert {(where(p), p.rule) for p in problems} == {
        (f"data/attestations.yml:{start + 2}:5: error", "authorization-fields"),
        (f"data/attestations.yml:{start + 2}:5: error", "fedramp-designation"),
    }
    [authorizer] = [p for p in problems if p.rule == "authorization-fields"]
    assert "expected 'authorized_by'" in authorizer.message
    assert "3PAO only assesses" in authorizer.message
    [designation] = [p for p in problems if p.rule == "fedramp-designation"]
    assert designation.message.startswith("expected 'designation' (the FedRAMP Marketplace's")


def test_fedramp_card_says_who_authorized_and_who_assessed(example: Example) -> None:
    example.append("fedramp-issuer", ("    issued:", "    designation: authorized\n"
                                      "    authorized_by: U.S. Department of "
                                      "Examples\n    impact_level: moderate\n    issued:"))
    html = str(Renderer(example.center(), TODAY).attestation_cards())
    card = html[html.index('id="attestation-fedramp-moderate"'):]
    card = card[:card.index("</li>")]
    assert ("FedRAMP Authorized, Moderate impact level; authorized by U.S. Department of "
            "Examples; assessed by Corvane Federal 3PAO, the independent assessor (3PAO)") in card
    assert "baseline" not in card and "ATO" not in card
    assert "Certificate" not in card


def _row(html: str, sub_id: str) -> str:
    """The text of one subprocessor's row, as a reader sees it."""
    from bs4 import BeautifulSoup

    row = BeautifulSoup(html, "html.parser").select_one(f"#subprocessor-{sub_id}")
    assert row is not None
    return " ".join(row.get_text(" ", strip=True).split())


def _trust_item(center: TrustCenter, sub_id: str) -> dict:
    import json

    from trustcenter.exports import exported_files
    from trustcenter.render import Links

    files = exported_files(
        center, TODAY, Links("https://t.example/", True, frozenset({"subprocessors"}))
    )
    document = json.loads(files["trust.json"])
    [item] = [s for s in document["subprocessors"]["items"] if s["id"] == sub_id]
    return item


def test_two_mechanisms_each_cover_their_country(example: Example) -> None:
    """The two-mechanisms case as written: EU adequacy covers the UK, the SCCs India."""
    example.append("two-mechanisms", file="subprocessors.yml")
    result = example.load()
    assert result.problems == []
    assert result.trust_center is not None
    html = str(Renderer(result.trust_center, TODAY).subprocessors())
    assert (
        "EU/EEA — United Kingdom: EU adequacy decision; India: Standard Contractual "
        "Clauses (2021)" in _row(html, "helpdesk-uk-in")
    )
    item = _trust_item(result.trust_center, "helpdesk-uk-in")
    [eu] = item["transfers"]
    assert eu["mechanisms"] == ["adequacy", "sccs"]
    assert [(d["location"], d["country"], d["mechanisms"]) for d in eu["destinations"]] == [
        ("United Kingdom", "GB", ["adequacy"]),
        ("India", "IN", ["sccs"]),
    ]
    assert [(c["mechanism"], c["destinations"], c["stated"]) for c in eu["claims"]] == [
        ("adequacy", ["United Kingdom"], False),
        ("sccs", ["India"], False),
    ]


def test_dpf_with_sccs_as_fallback_reads_the_same_everywhere(example: Example) -> None:
    """The two-transfer-mechanisms case: "DPF and SCCs" on the page, trust.json, the feed."""
    from trustcenter.exports import exported_files
    from trustcenter.render import Links

    center = example.center()
    words = (
        "United States: EU-U.S. Data Privacy Framework (primary; active on the DPF List on "
        "4 May 2026; re-certification due 8 February 2027), Standard Contractual Clauses (2021)"
    )
    html = str(Renderer(center, TODAY).subprocessors())
    assert f"EU/EEA — {words}" in _row(html, "tollbridge")
    files = exported_files(center, TODAY, Links("https://t.example/", True,
                                                frozenset({"subprocessors"})))
    item = _trust_item(center, "tollbridge")
    [eu] = item["transfers"]
    assert eu["regime"] == "eu" and eu["mechanisms"] == ["dpf", "sccs"]
    assert eu["destinations"] == [
        {"location": "United States", "country": "US", "mechanisms": ["dpf", "sccs"],
         "by_law": False}
    ]
    assert eu["claims"][0]["dpf_state"] == "standing"
    assert eu["claims"][0]["dpf_recertification_due"] == "2027-02-08"
    assert item["transfers_text"] == f"EU/EEA — {words}"
    assert words.encode() in files["feeds/subprocessors.xml"]


@pytest.mark.parametrize(
    ("mechanisms", "rule", "message"),
    [
        ("[adequacy, uk_idta]", "transfer-regime",
         "UK International Data Transfer Agreement is a tool of UK law: it cannot cover "
         "exports from the EU/EEA"),
        ("[sccs, sccs]", "transfer-regime", "'sccs' is listed twice"),
        ("[none_needed, sccs]", "transfer-regime", "'none_needed' says no transfer happens"),
    ],
)
def test_a_mechanism_of_another_regime_is_a_located_error(
    example: Example, mechanisms: str, rule: str, message: str
) -> None:
    start = example.append("two-mechanisms", ("[adequacy, sccs]", mechanisms),
                           file="subprocessors.yml")
    [problem] = example.load().errors
    assert where(problem).startswith(f"data/subprocessors.yml:{start + 5}:")
    assert problem.rule == rule and message in problem.message


def test_uk_tools_go_under_the_uk_regime(example: Example) -> None:
    example.append("two-mechanisms", ("transfer_mechanism: [adequacy, sccs]",
                                      "transfers: {eu: [adequacy, sccs], uk: [uk_idta]}"),
                   file="subprocessors.yml")
    html = str(Renderer(example.center(), TODAY).subprocessors())
    assert (
        "EU/EEA — United Kingdom: EU adequacy decision; India: Standard Contractual Clauses "
        "(2021) UK — India: UK International Data Transfer Agreement"
    ) in _row(html, "helpdesk-uk-in")


def test_renames_keep_their_history_and_the_list_says_when_it_last_changed(
    example: Example,
) -> None:
    center = example.center()
    renderer = Renderer(center, TODAY)
    from trustcenter.render import Links

    changes = str(renderer.subprocessor_changes(Links()))
    assert "(previously named Postwick Mail Ltd.)" in changes
    listing = str(renderer.subprocessors())
    assert 'The list last changed on <time datetime="2026-10-20">20 October 2026</time>' in (
        listing
    )
    assert "Lanternfish Labs Portugal, Unipessoal Lda.</a> (affiliate: part of our group)" in (
        listing
    )
    assert "; for customers in US region, EU region" in listing
