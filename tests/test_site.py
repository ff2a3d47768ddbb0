"""Full MkDocs builds of scenario sites and of the example trust center, asserted on the output."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import REPO, Build, run_build

pytestmark = pytest.mark.build

CANARY = re.compile(rb"(?:internal|gated)-[a-z0-9-]*canary[a-z0-9-]*")


def _cards(build: Build) -> dict[str, str]:
    """Card title to status label, in page order."""
    soup = BeautifulSoup(build.page(), "html.parser")
    return {
        card.select_one(".tc-card__title").get_text(strip=True):
            card.select_one(".tc-status").get_text(strip=True)
        for card in soup.select(".tc-attestations li")
    }


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _restricted_values(node: Any, inside: bool = False) -> Iterator[str]:
    """Every text under a ``gated:`` or ``internal:`` key, and every field of an entry
    whose visibility keeps it off the public site."""
    if isinstance(node, dict):
        hidden = inside or node.get("visibility") in ("gated", "internal")
        for key, value in node.items():
            yield from _restricted_values(value, hidden or key in ("gated", "internal"))
    elif isinstance(node, list):
        for item in node:
            yield from _restricted_values(item, inside)
    elif inside and isinstance(node, str):
        yield node


def test_overview_lists_public_attestations_with_their_standing(scenario: Any) -> None:
    build = run_build(scenario("overview"))
    assert build.returncode == 0, build.output
    assert _cards(build) == {
        "SOC 2 Type 2": "Current",
        "SOC 1 Type 1": "Current",
        "ISO/IEC 27001": "Current",
        "ISO/IEC 27701": "In progress",
    }  # the PCI DSS entry is internal: no card
    page = build.page()
    assert ("Period 1 October 2025 to 30 September 2026, report dated" in page
            and "Attestation report by an independent CPA firm (Example CPA LLP)." in page)
    assert "<title>Overview - Canary Widgets Trust Center</title>" in page
    soup = BeautifulSoup(page, "html.parser")
    controls = BeautifulSoup(build.page("controls/index.html"), "html.parser")
    assert [row["id"] for row in controls.select(".tc-controls tbody tr")] == [
        "control-ac-01", "control-ac-02", "control-gov-01"]  # not the gated and internal ones
    scope = {row.th.get_text(): row.find_all("td")[-1].get_text()
             for row in soup.select(".tc-scope tbody tr")}
    assert scope == {"Security": "SOC 2 Type 2", "Availability": "SOC 2 Type 2",
                     "Processing integrity": "Not in scope",
                     "Confidentiality": "Not in scope", "Privacy": "Not in scope"}
    assert "certified" not in soup.get_text().lower()


def test_no_gated_or_internal_value_reaches_any_output_file(scenario: Any) -> None:
    project = scenario("overview")
    planted = set()
    for data_file in (project / "data").glob("*.yml"):
        planted.update(CANARY.findall(data_file.read_bytes()))
    assert len(planted) >= 20, "the scenario plants a canary in every restricted field"
    build = run_build(project)
    assert build.returncode == 0, build.output
    files = list(build.files())
    assert any(f.name == "search_index.json" for f in files)
    assert any(f.name == "sitemap.xml" for f in files)
    leaks = {(str(f.relative_to(build.site)), hit.decode())
             for f in files for hit in CANARY.findall(f.read_bytes())}
    assert leaks == set()
    assert b"Multi-factor authentication" in (build.site / "search" / "search_index.json"
                                              ).read_bytes()


PAYLOADS = {
    "company.yml": [("name: Canary Widgets", "name: '<script>alert(1)</script>'"),
                    ("description: Canary Widgets makes *widget* dashboards for fleets of sensors.",
                     "description: 'Widgets <img src=x onerror=alert(2)> and more'")],
    "controls.yml": [("title: Multi-factor authentication",
                      "title: '\"><svg onload=alert(3)>'")],
    "subprocessors.yml": [("name: Nimbus Hosting", "name: '<b onmouseover=alert(4)>Nimbus</b>'")],
}


def test_yaml_values_are_rendered_as_text_not_markup(scenario: Any) -> None:
    project = scenario("overview")
    for filename, replacements in PAYLOADS.items():
        path = project / "data" / filename
        text = path.read_text("utf-8")
        for old, new in replacements:
            assert old in text
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text("utf-8") + '\n{{ "<i>page expression</i>" }}\n', "utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    for page in build.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()]
        assert not soup.find_all(attrs={"onerror": True})
        assert not soup.find_all(attrs={"onload": True})
        assert not soup.find_all(attrs={"onmouseover": True})
        assert not soup.find_all("i", string="page expression")
    text = " ".join(BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text()
                    for page in build.site.rglob("*.html"))
    for shown in ("<script>alert(1)</script> Trust Center", "<img src=x onerror=alert(2)>",
                  '"><svg onload=alert(3)>', "<b onmouseover=alert(4)>Nimbus</b>",
                  "<i>page expression</i>"):
        assert shown in text


def test_data_error_stops_the_build_and_leaves_the_previous_site(scenario: Any) -> None:
    project = scenario("overview")
    assert run_build(project).returncode == 0
    before = _snapshot(project / "site")
    controls = project / "data" / "controls.yml"
    controls.write_text(controls.read_text("utf-8").replace(
        "    category: access\n", "    catgory: access\n", 1), "utf-8")
    build = run_build(project)
    assert build.returncode != 0
    assert ("data/controls.yml:11:5: error: unknown key 'catgory': "
            "did you mean 'category'?") in build.output
    assert "missing required key 'category'" not in build.output  # said once, as a misspelling
    assert "Traceback" not in build.output
    assert _snapshot(project / "site") == before


@pytest.mark.parametrize(("today", "soc2", "iso27001"), [
    ("2026-11-26", "Current", "Current"),
    ("2027-04-01", "Current", "Expiring soon"),
    ("2027-08-01", "Expiring soon", "Expired"),
    ("2027-10-01", "Expired", "Expired"),
])
def test_statuses_follow_the_build_date(scenario: Any, today: str, soc2: str,
                                        iso27001: str) -> None:
    build = run_build(scenario("overview"), today=today, strict=False)
    assert build.returncode == 0, build.output
    cards = _cards(build)
    assert (cards["SOC 2 Type 2"], cards["ISO/IEC 27001"]) == (soc2, iso27001)
    assert f'datetime="{today}"' in build.page()


def test_source_date_epoch_sets_the_build_date(scenario: Any) -> None:
    epoch = int(dt.datetime(2027, 10, 1, 12, tzinfo=dt.UTC).timestamp())
    build = run_build(scenario("overview"), today=None, strict=False,
                      extra_env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert build.returncode == 0, build.output
    assert _cards(build)["SOC 2 Type 2"] == "Expired"


def test_strict_build_fails_on_a_stale_report(scenario: Any) -> None:
    build = run_build(scenario("overview"), today="2027-10-01", strict=True)
    assert build.returncode != 0
    assert "warning: SOC 2 Type 2 is stale" in build.output


def test_example_trust_center_builds_strictly(tmp_path: Path) -> None:
    build = run_build(REPO, site=tmp_path / "site")
    assert build.returncode == 0, build.output
    soup = BeautifulSoup(build.page(), "html.parser")
    controls = BeautifulSoup(build.page("controls/index.html"), "html.parser")
    assert len(controls.select(".tc-controls tbody tr")) >= 40
    assert len(soup.select(".tc-subprocessors tbody tr")) >= 10  # engaged on the build date
    cards = _cards(build)
    assert cards["SOC 2 Type 2"] == "Current"
    assert cards["SOC 1 Type 2"] == "Current"
    assert cards["SOC 3"] == "Current"
    assert "In progress" in cards.values()
    restricted = set()
    for data_file in (REPO / "data").glob("*.yml"):
        restricted.update(v for v in _restricted_values(yaml.safe_load(data_file.read_text()))
                          if len(v) >= 20)
    assert len(restricted) >= 30
    outputs = {f: f.read_text("utf-8", "replace") for f in build.files()}
    leaks = [(f.name, value[:40]) for value in restricted
             for f, text in outputs.items() if value in text]
    assert leaks == []
