"""Machine-readable twins of the public facts, written beside the built pages.

- ``/trust.json`` and ``/trust.schema.json``: every public fact, versioned, with its schema;
- ``/feeds/attestations.xml``, ``/feeds/subprocessors.xml`` and ``/feeds/updates.xml``:
  Atom feeds to subscribe to;
- ``/.well-known/security.txt``: RFC 9116, from ``data/security_txt.yml``; signed with
  an OpenPGP cleartext signature when CI gives the key (:mod:`.openpgp`);
- ``/badges/<framework>.svg`` and ``/badges/attestations/<id>.svg``: status badges.

Nothing here reads a ``gated`` or ``internal`` block; the leak guard checks the result.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from trustcenter.destinations import covers_kept
from trustcenter.exports.atom import attestation_feed, subprocessor_feed, updates_feed
from trustcenter.exports.badges import badge_svg
from trustcenter.exports.openpgp import clearsign, signing_key
from trustcenter.exports.security_txt import security_txt
from trustcenter.exports.trust_json import (
    DOCUMENT_PATH,
    SCHEMA_PATH,
    trust_document,
    trust_json,
    trust_schema,
)
from trustcenter.model import AttestationStatus, TrustCenter
from trustcenter.projection import Projection, project
from trustcenter.render import FEEDS, Links


def exported_files(
    tc: TrustCenter, today: dt.date, links: Links, projection: Projection | None = None
) -> dict[str, bytes]:
    """Every machine-readable file, by its path below the site's root.

    ``links.root`` is the site's absolute address, ending in ``/``; ``links.pages`` are
    the pages the site has, so no file links to a page that is not there.
    ``projection`` is the build's one judgement of ``tc`` on ``today``
    (:func:`trustcenter.projection.project`), as the pages' renderer computed it; it is
    computed here only when the caller has none (``trustcenter export``).
    """
    feeds = {name: links.file(path) for name, path in FEEDS.items()}
    if projection is None:
        projection = project(tc, today)  # the one judgement every file below reads
    with covers_kept():  # trust.json and the feed say each subprocessor's transfers
        files: dict[str, bytes] = {
            FEEDS["attestations"]: attestation_feed(tc, projection, links),
            FEEDS["subprocessors"]: subprocessor_feed(tc, today, links),
            FEEDS["updates"]: updates_feed(tc, today, links),
            DOCUMENT_PATH: trust_json(trust_document(tc, today, links, feeds, projection)).encode(),
            SCHEMA_PATH: trust_schema(links.root).encode(),
        }
    if tc.security_txt is not None:
        text = security_txt(tc.security_txt, tc.company.name)
        if (key := signing_key()) is not None:  # RFC 9116 section 2.3, optional
            text = clearsign(text, *key)
        files[".well-known/security.txt"] = text.encode()
    public = projection.attestations
    for view in public:
        files[f"badges/attestations/{view.id}.svg"] = badge_svg(view, today)
    # A stable address per framework: its first issued entry that is not history (or the
    # first entry), so the framework's badge never shows a superseded report.
    for framework in dict.fromkeys(view.item.framework for view in public):
        entries = [v for v in projection.cards() if v.item.framework is framework] or [
            v for v in public if v.item.framework is framework
        ]
        chosen = next((v for v in entries if v.item.status is AttestationStatus.ISSUED), entries[0])
        files[f"badges/{framework.value}.svg"] = files[f"badges/attestations/{chosen.id}.svg"]
    return files


def write_exports(
    site_dir: Path,
    tc: TrustCenter,
    today: dt.date,
    links: Links,
    projection: Projection | None = None,
) -> dict[Path, bytes]:
    """Write every exported file under ``site_dir``; return each path with its bytes.

    ``projection``: see :func:`exported_files`. The bytes are handed back so that the
    after-build pass checks what was written without reading it again.
    """
    written: dict[Path, bytes] = {}
    for relative, content in exported_files(tc, today, links, projection).items():
        path = site_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written[path] = content
    return written
