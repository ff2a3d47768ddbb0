"""Atom feeds (RFC 4287) of subprocessor changes and of security updates.

Written with the standard library's ElementTree, which escapes every value and always
produces well-formed XML; Atom needs no more than that.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from trustcenter.markup import render_markdown
from trustcenter.model import (
    EventKind,
    SubprocessorEvent,
    TrustCenter,
    Update,
    slug,
    subprocessor_events,
)
from trustcenter.projection import AttestationView, Projection
from trustcenter.render import FEEDS, Links
from trustcenter.status import long_date
from trustcenter.transfers import transfer_text, transfers_before

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Entry:
    """One feed entry: a stable id, a title, a date, a link and an HTML summary."""

    id: str
    title: str
    updated: dt.date
    link: str
    summary_html: str


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def id_authority(tc: TrustCenter) -> tuple[str, dt.date | None]:
    """The tag URI authority and date (RFC 4151) of every feed and entry id.

    From ``identifiers`` in ``data/settings.yml`` when set; otherwise the host of the
    company's ``website`` (``company.yml``) and no fixed date. Never from ``site_url``:
    an id must not change when the site moves, or every subscriber sees every entry
    again (and for the subprocessor feed, every GDPR Art. 28 notice ever sent).
    """
    if tc.settings.identifiers is not None:
        return tc.settings.identifiers.authority, tc.settings.identifiers.since
    return (urlsplit(tc.company.website).hostname or "").lower(), None


def tag_uri(authority: str, day: dt.date, specific: str) -> str:
    """``tag:<authority>,<day>:<specific>`` (RFC 4151): stable wherever the feed is served."""
    return f"tag:{authority},{day.isoformat()}:{specific}"


def feed_id(tc: TrustCenter, name: str, dates: Sequence[dt.date], feed_url: str) -> str:
    """The id of the feed ``name``: a tag URI dated ``identifiers.since``.

    Without a fixed date, the earliest date the feed's data holds (its entries, published
    or not) dates it; an empty feed without one falls back to ``feed_url``.
    """
    authority, since = id_authority(tc)
    day = since or min(dates, default=None)
    return feed_url if day is None else tag_uri(authority, day, f"feeds/{name}")


def feed_xml(
    *,
    feed_id: str,
    title: str,
    feed_url: str,
    page_url: str,
    author: str,
    entries: Sequence[Entry],
    fallback_updated: dt.date,
) -> bytes:
    """Serialize an Atom feed; ``updated`` is the newest entry's date (stable across builds)."""
    root = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(root, "id").text = feed_id
    ET.SubElement(root, "title").text = title
    newest = max((e.updated for e in entries), default=fallback_updated)
    ET.SubElement(root, "updated").text = _timestamp(newest)
    ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=feed_url)
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=page_url)
    ET.SubElement(ET.SubElement(root, "author"), "name").text = author
    for entry in entries:
        node = ET.SubElement(root, "entry")
        ET.SubElement(node, "id").text = entry.id
        ET.SubElement(node, "title").text = entry.title
        ET.SubElement(node, "updated").text = _timestamp(entry.updated)
        ET.SubElement(node, "link", rel="alternate", type="text/html", href=entry.link)
        ET.SubElement(node, "summary", type="html").text = entry.summary_html
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml


def _event_entry(
    event: SubprocessorEvent, authority: str, page_url: str, today: dt.date, verify_days: int
) -> Entry:
    sub = event.subprocessor
    verb = {
        EventKind.ADDED: "New subprocessor",
        EventKind.REMOVED: "Subprocessor removed",
        EventKind.CHANGED: "Subprocessor changed",
        EventKind.LAPSED: "Transfer mechanism lapsed",
    }[event.kind]
    told = event.kind in (EventKind.CHANGED, EventKind.LAPSED)
    summary = str(render_markdown(event.summary if told else sub.purpose))
    if event.kind is EventKind.CHANGED:
        change = sub.changes[int(event.field[1])]
        if change.renamed_from:
            summary += _html_paragraph(f"Previously named {change.renamed_from}.")
        if change.locations_before:
            summary += _html_paragraph(
                f"Locations before the change: {', '.join(change.locations_before)}."
            )
        if change.transfers_before is not None:
            before = transfers_before(sub, change)
            day = change.effective - dt.timedelta(days=1)
            summary += _html_paragraph(
                f"Transfer mechanisms before the change: {transfer_text(before, day, verify_days)}."
            )
    return Entry(
        id=tag_uri(authority, event.effective, f"subprocessors/{event.key}"),
        title=f"{verb}: {sub.name} (effective {long_date(event.effective)})",
        updated=event.announced or event.effective,
        link=f"{page_url}#change-{slug(event.key)}",
        # The entry as the list holds it on the build date, said so: a later change may
        # have moved it (its own entry says what was before), and the data categories
        # keep no history to tell what they were on the event's day.
        summary_html=summary
        + _html_paragraph(f"Takes effect on {long_date(event.effective)}.")
        + _html_paragraph(
            f"As listed on {long_date(today)}: data: {', '.join(sub.data)}; "
            f"locations: {', '.join(sub.locations)}; "
            f"transfer mechanisms: {transfer_text(sub, today, verify_days)}."
        ),
    )


def _html_paragraph(text: str) -> str:
    """``text`` as an escaped HTML paragraph (the feed's summary is HTML).

    Written as :func:`ET.tostring` writes a ``p`` element holding ``text`` (``&``, ``<``
    and ``>`` escaped, ``<p />`` when empty), without making one per paragraph
    (``tests/unit/test_atom.py`` holds the two equal on random texts).
    """
    if not text:
        return "<p />"
    return "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"


def subprocessor_feed(tc: TrustCenter, today: dt.date, links: Links) -> bytes:
    """One entry per announced change to the subprocessor list, upcoming ones included."""
    site_url, feed_url = links.root, links.file(FEEDS["subprocessors"])
    page_url = links.page("subprocessors") or site_url
    events = subprocessor_events(tc.subprocessors)
    announced = [e for e in events if (e.announced or e.effective) <= today]
    authority, _ = id_authority(tc)
    dates = [e.effective for e in events]
    return feed_xml(
        feed_id=feed_id(tc, "subprocessors", dates, feed_url),
        title=f"{tc.company.name}: subprocessor changes",
        feed_url=feed_url,
        page_url=page_url,
        author=tc.company.name,
        entries=[
            _event_entry(e, authority, page_url, today, tc.settings.thresholds.dpf_verify_days)
            for e in announced
        ],
        fallback_updated=today,
    )


def _update_entry(update: Update, authority: str, page_url: str) -> Entry:
    kind = update.kind.label + (f", severity {update.severity.value}" if update.severity else "")
    return Entry(
        id=tag_uri(authority, update.date, f"updates/{update.id}"),
        title=f"{update.title} ({kind})",
        updated=update.resolved or update.date,
        link=f"{page_url}#update-{slug(update.id)}",
        summary_html=str(render_markdown(update.summary)),
    )


def updates_feed(tc: TrustCenter, today: dt.date, links: Links) -> bytes:
    """One entry per published security update or incident notice."""
    site_url, feed_url = links.root, links.file(FEEDS["updates"])
    page_url = links.page("updates") or site_url
    published = [u for u in tc.updates if u.date <= today]
    authority, _ = id_authority(tc)
    return feed_xml(
        feed_id=feed_id(tc, "updates", [u.date for u in tc.updates], feed_url),
        title=f"{tc.company.name}: security updates",
        feed_url=feed_url,
        page_url=page_url,
        author=tc.company.name,
        entries=[_update_entry(u, authority, page_url) for u in published],
        fallback_updated=today,
    )


def _attestation_entry(
    view: AttestationView, today: dt.date, links: Links, authority: str, since: dt.date | None
) -> Entry:
    summary = f"{view.kind_text}. {view.reason}"
    if view.summary:
        note = f" {view.version_note}" if view.version_note else ""
        summary = f"{view.summary[:1].upper()}{view.summary[1:]}.{note} {summary}"
    # Superseded reports are listed in the history on the reports page, the others as
    # cards on the overview.
    if view.history:
        link = links.page("reports", f"history-{slug(view.id)}") or links.root
    else:
        link = f"{links.root}#attestation-{slug(view.id)}"
    # An entry keeps one id for life. Its issue or expected date moves while a report
    # goes from planned to issued, so the id is dated by the fixed `identifiers.since`
    # when the data has one (see id_authority), else by the first of those it has.
    first = since or view.item.issued or view.item.expected or today
    return Entry(
        id=tag_uri(authority, first, f"attestations/{view.id}"),
        title=f"{view.title}: {view.label.lower()}",
        updated=view.since or today,
        link=link,
        summary_html=_html_paragraph(summary),
    )


def attestation_feed(tc: TrustCenter, projection: Projection, links: Links) -> bytes:
    """One entry per public attestation, with its standing on the build date.

    An entry's ``updated`` is the day its present standing began (issued, expiring soon,
    expired, superseded, retired), so a reader sees an entry change when its standing
    does; a planned or withdrawn one, whose day is not known, carries the build date.
    """
    feed_url = links.file(FEEDS["attestations"])
    authority, since = id_authority(tc)
    dates = [v.item.issued or v.item.expected or projection.today for v in projection.attestations]
    return feed_xml(
        feed_id=feed_id(tc, "attestations", dates, feed_url),
        title=f"{tc.company.name}: attestations and their standing",
        feed_url=feed_url,
        page_url=links.root,
        author=tc.company.name,
        entries=[
            _attestation_entry(v, projection.today, links, authority, since)
            for v in projection.attestations
        ],
        fallback_updated=projection.today,
    )
