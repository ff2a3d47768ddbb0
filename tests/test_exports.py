"""The machine-readable twins of a built site, each checked by a real parser of its format."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup
from sectxt import Parser

from tests.sitebuild import Build, run_build

pytestmark = pytest.mark.build

ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"
SITE_URL = "https://canary.example/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    from tests.sitebuild import copy_scenario

    build = run_build(copy_scenario("overview", tmp_path_factory.mktemp("exports")))
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize(("path", "entries"), [
    ("feeds/subprocessors.xml", [
        "Subprocessor changed: Newmail Relay (effective 22 December 2026)",
        "New subprocessor: Newmail Relay (effective 20 December 2026)",
        "Subprocessor removed: Oldmail Delivery (effective 30 June 2026)",
        "New subprocessor: Nimbus Hosting (effective 1 March 2022)",
        "New subprocessor: Oldmail Delivery (effective 1 May 2021)",
    ]),
    ("feeds/updates.xml", [
        "New SOC 2 Type 2 report (Compliance)",
        "Login delays for some customers (Incident, severity low)",
    ]),
])
def test_atom_feeds_parse_and_carry_one_entry_per_change(
    built: Build, path: str, entries: list[str]
) -> None:
    raw = (built.site / path).read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == entries
    assert len({entry.id for entry in parsed.entries}) == len(entries)
    root = ET.fromstring(raw)  # well-formed, with the elements RFC 4287 requires
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert root.find(ATOM + required) is not None, required
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == SITE_URL + path
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link", "summary"):
            assert entry.find(ATOM + required) is not None, required
        updated = entry.findtext(f"{ATOM}updated")
        assert updated is not None and dt.datetime.fromisoformat(updated)


def test_upcoming_change_is_announced_before_it_takes_effect(built: Build) -> None:
    soup = BeautifulSoup(built.page("subprocessors/index.html"), "html.parser")
    current = [row.th.get_text(strip=True) for row in soup.select(".tc-subprocessors tbody tr")]
    assert current == ["Nimbus Hosting"]  # Oldmail left in June, Newmail starts in December
    upcoming = soup.find(id="upcoming-changes").find_next("table").get_text(" ", strip=True)
    assert "Newmail Relay" in upcoming and "Adds a second data centre in Finland" in upcoming
    past = soup.find(id="past-changes").find_next("table").get_text(" ", strip=True)
    assert "Removed Oldmail Delivery" in past
    assert "at least 30 days before it takes effect" in soup.get_text()


def test_security_txt_satisfies_rfc_9116(
    scenario: Callable[[str], Path],
) -> None:
    # The validator judges Expires against the real clock, so this build uses it too.
    today = dt.datetime.now(tz=dt.UTC).date()
    project = scenario("overview")
    fields = project / "data" / "security_txt.yml"
    expires = today + dt.timedelta(days=200)
    fields.write_text(fields.read_text("utf-8").replace(
        "expires: 2027-11-20", f"expires: {expires.isoformat()}"), "utf-8")
    build = run_build(project, today=today.isoformat(), strict=False)
    assert build.returncode == 0, build.output
    content = (build.site / ".well-known" / "security.txt").read_bytes()
    parser = Parser(content, urls=SITE_URL + ".well-known/security.txt",
                    recommend_unknown_fields=False)
    assert parser.errors == []
    assert parser.is_valid()
    lines = content.decode().splitlines()
    assert [line for line in lines if line.startswith("Expires:")] == [
        f"Expires: {expires.isoformat()}T23:59:59Z"]
    assert [line for line in lines if line.startswith("Contact:")] == [
        "Contact: mailto:security@canary.example",
        "Contact: https://canary.example/security/report",
    ]
    assert "Preferred-Languages: en, de" in lines


def test_trust_json_is_valid_against_its_published_schema(built: Build) -> None:
    document = json.loads((built.site / "trust.json").read_text("utf-8"))
    schema = json.loads((built.site / "trust.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["$schema"] == schema["$id"] == SITE_URL + "trust.schema.json"
    assert (document["format"], document["version"]) == ("trustcenter/trust.json", "2.1")
    assert document["generated"] == "2026-11-26"
    assert {a["id"]: a["standing"] for a in document["attestations"]} == {
        "soc2-2026": "current", "soc1-2025": "current", "iso27001": "current",
        "iso27701": "in_progress"}  # not the internal PCI DSS entry
    assert [c["id"] for c in document["controls"]] == ["AC-01", "AC-02", "GOV-01"]
    assert document["controls"][0]["url"] == SITE_URL + "controls/#control-ac-01"
    assert {s["id"]: s["state"] for s in document["subprocessors"]["items"]} == {
        "nimbus": "current", "oldmail": "removed", "newmail": "upcoming"}
    assert document["security_txt"] == SITE_URL + ".well-known/security.txt"
    text = json.dumps(document)
    for never in ("exceptions", "bridge_letters", "signed_by", "internal", "owner", "evidence",
                  "-canary"):
        assert never not in text
    # the day a bridge letter covers through is public; the letter stays gated
    [soc2] = [a for a in document["attestations"] if a["id"] == "soc2-2026"]
    assert soc2["bridge_letter_through"] == "2026-12-31"
    # only a SOC 3's opinion is public; a SOC 1 or SOC 2 opinion stays gated
    assert all(a["opinion"] is None for a in document["attestations"])


def test_an_invalid_trust_json_fails_the_schema(built: Build) -> None:
    document = json.loads((built.site / "trust.json").read_text("utf-8"))
    schema = json.loads((built.site / "trust.schema.json").read_text("utf-8"))
    document["attestations"][0]["standing"] = "certified"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


@pytest.mark.parametrize(("name", "statement"), [
    ("attestations/soc2-2026", "SOC 2 Type 2: current, as of 26 November 2026"),
    ("soc2", "SOC 2 Type 2: current, as of 26 November 2026"),
    ("attestations/iso27001", "ISO/IEC 27001: current, as of 26 November 2026"),
    ("iso27701", "ISO/IEC 27701: in progress, as of 26 November 2026"),
])
def test_badges_are_accessible_svg(built: Build, name: str, statement: str) -> None:
    root = ET.parse(built.site / "badges" / f"{name}.svg").getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == statement
    assert root.get("aria-labelledby") == title.get("id")
    words = [t.text for t in root.findall(f"{SVG}text")]
    assert words[-1] == statement.split(": ")[1].split(",")[0]  # the standing in words


def test_no_badge_for_an_internal_attestation(built: Build) -> None:
    assert not (built.site / "badges" / "attestations" / "pci.svg").exists()
    assert not (built.site / "badges" / "pci_dss.svg").exists()
