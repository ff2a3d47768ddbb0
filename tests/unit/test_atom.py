"""The subprocessor feed says of what day each entry's details are."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import xml.etree.ElementTree as ET

import pytest

from tests.unit.test_subprocessor_checks import problems_of, write_sub
from tests.unit.unit_support import DataFolder
from trustcenter import exports
from trustcenter.exports import exported_files
from trustcenter.exports.atom import _html_paragraph
from trustcenter.render import Links

DAY = dt.date(2026, 11, 26)
ATOM = "{http://www.w3.org/2005/Atom}"


def test_an_entry_gives_the_entry_as_listed_on_the_build_date_not_as_of_its_event(
    data: DataFolder,
) -> None:
    # Added in 2022 in the United States; India since a change in 2025. The entry for the
    # addition must not say India was a location in 2022.
    write_sub(
        data,
        "[United States, India]",
        "transfer_mechanism: [{mechanism: sccs, destinations: [United States, India]}]",
        """
        changes:
          - announced: 2025-05-01
            effective: 2025-06-01
            summary: Support moves in part to India.
            locations_before: [United States]
            transfers_before: {eu: [{mechanism: sccs, destinations: [United States]}]}
        """,
    )
    assert problems_of(data) == []
    result = data.load(DAY)
    assert result.trust_center is not None
    feed = exported_files(result.trust_center, DAY, Links("https://t.example/"))[
        "feeds/subprocessors.xml"
    ]
    summaries = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}summary")
        for entry in ET.fromstring(feed).iter(f"{ATOM}entry")
    }
    added = summaries["New subprocessor: Vendor Ltd (effective 1 January 2022)"]
    assert "<p>Takes effect on 1 January 2022.</p>" in added
    assert (
        "<p>As listed on 26 November 2026: data: Contact data; locations: United States, "
        "India; transfer mechanisms: EU/EEA — United States, India: Standard Contractual "
        "Clauses (2021).</p>"
    ) in added
    changed = summaries["Subprocessor changed: Vendor Ltd (effective 1 June 2025)"]
    assert "Locations before the change: United States." in changed


@pytest.mark.parametrize("seed", range(5))
def test_a_paragraph_is_written_as_elementtree_writes_it(seed: int) -> None:
    generator = random.Random(seed)
    pieces = ["&", "&amp;", "<", ">", '"', "'", "a", " ", "\n", "\r", "\t", "é", "]]>", "\x01"]
    for _ in range(500):
        text = "".join(generator.choices(pieces, k=generator.randint(0, 8)))
        node = ET.Element("p")
        node.text = text
        assert _html_paragraph(text) == ET.tostring(node, encoding="unicode"), repr(text)


def test_exports_are_the_same_without_covers_kept(
    example: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = example.load()
    assert result.trust_center is not None
    links = Links("https://trust.example.com/")
    kept = exported_files(result.trust_center, example.today, links)
    monkeypatch.setattr(exports, "covers_kept", contextlib.nullcontext)
    assert exported_files(result.trust_center, example.today, links) == kept
