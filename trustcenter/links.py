"""Every internal link and anchor of a built site must resolve.

MkDocs checks the links written in Markdown; the sections rendered from data are HTML,
and so are the theme's own links, so the built pages themselves are checked: each
``href`` and ``src`` that stays on the site must name a file that exists and, with a
``#fragment``, an element with that id in it. Links to other sites are not followed
(the build has no network, and another site's pages are not ours to check).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    """A link in ``file`` whose target, or whose anchor, does not exist."""

    file: str
    href: str
    reason: str

    def format(self) -> str:
        """``site/x/index.html: broken link '../y/#z': no element with id 'z'``."""
        return f"{self.file}: broken link '{self.href}': {self.reason}"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name" if tag == "a" else ""):
            if key and values.get(key):
                self.ids.add(str(values[key]))
        for key in ("href", "src"):
            if values.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(str(values[key]))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8", "replace"))
    return page


def broken_links(site_dir: Path, base_path: str = "/") -> list[BrokenLink]:
    """Every internal link or anchor under ``site_dir`` that leads nowhere.

    ``base_path`` is where the site is served (``/trust/`` for a site_url of
    ``https://example.com/trust/``): links from the root, as the 404 page has, start there.
    """
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    root = os.path.abspath(site_dir)
    pages = {os.path.abspath(p): _parse(p) for p in sorted(site_dir.rglob("*.html"))}
    exists: dict[str, bool] = {}  # a site links to the same few files thousands of times
    broken = []
    for page_path, page in pages.items():
        where = os.path.relpath(page_path, os.path.dirname(root))
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("//", "data:")):
                continue  # another site, or an inline resource
            if parts.path.startswith("/") and not parts.path.startswith(base):
                broken.append(BrokenLink(where, href, f"outside the site's path {base}"))
                continue
            if parts.path.startswith("/"):
                target = os.path.join(root, unquote(parts.path)[len(base) :])
            elif parts.path:
                target = os.path.join(os.path.dirname(page_path), unquote(parts.path))
            else:
                target = page_path
            target = os.path.normpath(target)
            if parts.path.endswith("/") or os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if target not in exists:
                exists[target] = os.path.isfile(target)
            if not exists[target]:
                broken.append(BrokenLink(where, href, "no such file"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html"):
                known = pages.get(target) or _parse(Path(target))
                if fragment not in known.ids:
                    broken.append(BrokenLink(where, href, f"no element with id '{fragment}'"))
    return broken
