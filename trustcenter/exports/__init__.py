"""Machine-readable twins of the public facts, written beside the built pages.

- ``/trust.json`` and ``/trust.schema.json``: every public fact, versioned, with its schema;
- ``/feeds/subprocessors.xml`` and ``/feeds/updates.xml``: Atom feeds to subscribe to;
- ``/.well-known/security.txt``: RFC 9116, from ``data/security_txt.yml``;
- ``/badges/<framework>.svg`` and ``/badges/attestations/<id>.svg``: status badges.

Nothing here reads a ``gated`` or ``internal`` block; the leak guard checks the result.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from trustcenter.exports.atom import subprocessor_feed, updates_feed
from trustcenter.exports.badges import badge_svg
from trustcenter.exports.security_txt import security_txt
from trustcenter.exports.trust_json import (
    DOCUMENT_PATH,
    SCHEMA_PATH,
    trust_document,
    trust_json,
    trust_schema,
)
from trustcenter.model import AttestationStatus, TrustCenter
from trustcenter.render import FEEDS, Links
from trustcenter.status import view


def exported_files(tc: TrustCenter, today: dt.date, links: Links) -> dict[str, bytes]:
    """Every machine-readable file, by its path below the site's root.

    ``links.root`` is the site's absolute address, ending in ``/``; ``links.pages`` are
    the pages the site has, so no file links to a page that is not there.
    """
    feeds = {name: links.file(path) for name, path in FEEDS.items()}
    files: dict[str, bytes] = {
        FEEDS["subprocessors"]: subprocessor_feed(tc, today, links),
        FEEDS["updates"]: updates_feed(tc, today, links),
        DOCUMENT_PATH: trust_json(trust_document(tc, today, links, feeds)).encode(),
        SCHEMA_PATH: trust_schema(links.root).encode(),
    }
    if tc.security_txt is not None:
        files[".well-known/security.txt"] = security_txt(tc.security_txt, tc.company.name).encode()
    public = tc.public_attestations()
    for item in public:
        files[f"badges/attestations/{item.id}.svg"] = badge_svg(view(item, today), today)
    # A stable address per framework: its first issued entry in the data (or first entry).
    for framework in dict.fromkeys(item.framework for item in public):
        entries = [item for item in public if item.framework is framework]
        chosen = next((i for i in entries if i.status is AttestationStatus.ISSUED), entries[0])
        files[f"badges/{framework.value}.svg"] = files[f"badges/attestations/{chosen.id}.svg"]
    return files


def write_exports(site_dir: Path, tc: TrustCenter, today: dt.date, links: Links) -> list[Path]:
    """Write every exported file under ``site_dir``; return their paths."""
    written = []
    for relative, content in exported_files(tc, today, links).items():
        path = site_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written
