"""Every internal link and anchor of a built site must resolve.

MkDocs checks the links written in Markdown; the sections rendered from data are HTML,
and so are the theme's own links, so the built pages themselves are checked: each
``href`` and ``src`` that stays on the site must name a file that exists and, with a
``#fragment``, an element with that id in it. Links to other sites are not followed
(the build has no network, and another site's pages are not ours to check).
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
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


@dataclass
class PageReferences:
    """What the link check needs of one page: its elements' ids and its links."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


#: Comments, and the raw text of scripts and styles, where no tag is a tag.
_SKIP = re.compile(
    r"<!--.*?-->|<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>", re.S | re.I
)
#: A start tag, its attributes' quoted values allowed to hold '>'.
_START_TAG = re.compile(r"""<(?P<tag>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>"']++|"[^"]*"|'[^']*')*)>""")
#: One attribute of a start tag, from where the previous one ended: its name, and its
#: value quoted or bare. Read one after another from the tag's start, so text inside a
#: quoted value (``title="see href=x"``) is never taken for an attribute, and one
#: attribute may follow another's closing quote with no space (``id="a"href="b"``), as
#: an HTML tokenizer reads them (WHATWG HTML, 13.2.5.32-13.2.5.39; the standard
#: library's ``html.parser`` alike).
_ATTRIBUTE = re.compile(
    r"""[\s/]*(?P<name>[^\s/>][^\s/=>]*)"""
    r"""(?:\s*=+\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>(?!['"])[^>\s]*)))?"""
)
#: The names of the attributes the check reads.
_REFERENCING = frozenset({"id", "name", "href", "src"})
_LINKING_TAGS = frozenset({"a", "link", "script", "img", "source"})


def page_references(text: str) -> PageReferences:
    """The ids (and ``<a name>``) and the ``href``/``src`` links of the HTML ``text``.

    Start tags are found by one regular expression over the page (attribute values
    quoted with ``"`` or ``'`` may hold ``>``), outside comments and the raw text of
    ``<script>`` and ``<style>``, as an HTML tokenizer (WHATWG HTML, 13.2.5) reads them;
    attribute names are matched case-insensitively, the first of two equal ones wins, and
    values have their character references decoded. Links are those of ``a``, ``link``,
    ``script``, ``img`` and ``source``. Several times faster than :mod:`html.parser` on
    a page of thousands of controls, with the same result on every page we build (tested).
    """
    page = PageReferences()
    known: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    position = 0
    for skipped in _SKIP.finditer(text):
        _visit(page, _START_TAG.findall(text, position, skipped.start()), known)
        if skipped.group(1) and (opening := _START_TAG.match(text, skipped.start())):
            # <script src=...>
            _visit(page, [(opening.group("tag"), opening.group("attrs"))], known)
        position = skipped.end()
    _visit(page, _START_TAG.findall(text, position), known)
    return page


def _visit(
    page: PageReferences,
    tags: list[tuple[str, str]],
    known: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]],
) -> None:
    """Add the ids and links of ``tags`` (name, attributes) to ``page``, in their order.

    ``known`` keeps what each (name, attributes) already seen on the page gave: a page
    repeats the same tag many times (a table's cells, the navigation), and the same
    text gives the same ids and links.
    """
    for tag in tags:
        # Most tags have no id, name, href or src: findall() says so without a Python loop.
        if "=" not in tag[1]:
            continue
        found = known.get(tag)
        if found is None:
            found = known[tag] = _references(*tag)
        ids, links = found
        if ids:
            page.ids.update(ids)
        if links:
            page.links += links


def _references(tag: str, attrs: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids (an ``a``'s ``name`` too) and the links of one start tag, in their order."""
    found = _ATTRIBUTE.findall(attrs)
    if not found:
        return (), ()
    values: dict[str, str] = {}
    for name, double, single, bare in found:
        name = name.lower()
        if name in _REFERENCING and name not in values:
            value = double or single or bare  # the one that matched; the others are ''
            values[name] = html.unescape(value) if "&" in value else value
    name = tag.lower()
    ids: tuple[str, ...] = ()
    if values.get("id"):
        ids = (values["id"],)
    if name == "a" and values.get("name"):
        ids += (values["name"],)
    links: tuple[str, ...] = ()
    if name in _LINKING_TAGS:
        if values.get("href"):
            links = (values["href"],)
        if values.get("src"):
            links += (values["src"],)
    return ids, links


def _parse(path: Path) -> PageReferences:
    return page_references(path.read_text("utf-8", "replace"))


def broken_links(site_dir: Path, base_path: str = "/") -> list[BrokenLink]:
    """Every internal link or anchor under ``site_dir`` that leads nowhere.

    ``base_path`` is where the site is served (``/trust/`` for a site_url of
    ``https://example.com/trust/``): links from the root, as the 404 page has, start there.
    """
    root = os.path.abspath(site_dir)
    pages = {os.path.abspath(p): _parse(p) for p in sorted(site_dir.rglob("*.html"))}
    files = {os.path.abspath(p) for p in site_dir.rglob("*") if p.is_file()}
    return check_links(Path(root), pages, files, base_path)


def _folders(root: str, files: set[str]) -> set[str]:
    """Every folder of the site that holds a file, at any depth, the root included."""
    folders = {root}
    for path in files:
        folder = os.path.dirname(path)
        while folder not in folders and len(folder) > len(root):
            folders.add(folder)
            folder = os.path.dirname(folder)
    return folders


def check_links(
    site_dir: Path,
    pages: dict[str, PageReferences],
    files: set[str],
    base_path: str = "/",
) -> list[BrokenLink]:
    """The broken links of ``pages`` (absolute path -> references) in the site ``site_dir``.

    ``files`` are the absolute paths of every file of the site, so nothing is looked up
    on disk; a folder exists when a file is below it. ``pages`` are checked in their
    order. See :func:`broken_links` for ``base_path``.
    """
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    root = os.path.abspath(site_dir)
    folders = _folders(root, files)
    broken = []
    for page_path, page in pages.items():
        where = os.path.relpath(page_path, os.path.dirname(root))
        targets: dict[str, str] = {}  # a link's path -> the file it names, from this page
        for href in page.links:
            split = _split_relative(href)
            if split is None:
                parts = urlsplit(href)
                if parts.scheme or parts.netloc or href.startswith(("//", "data:")):
                    continue  # another site, or an inline resource
                split = parts.path, parts.fragment
            path, fragment = split
            if path.startswith("/") and not path.startswith(base):
                broken.append(BrokenLink(where, href, f"outside the site's path {base}"))
                continue
            target = targets.get(path)
            if target is None:
                target = targets[path] = _target(root, page_path, path, base, folders)
            if target not in files:
                broken.append(BrokenLink(where, href, "no such file"))
                continue
            fragment = unquote(fragment)
            if fragment and target.endswith(".html"):
                known = pages.get(target)
                if known is None or fragment not in known.ids:
                    broken.append(BrokenLink(where, href, f"no element with id '{fragment}'"))
    return broken


def _target(root: str, page_path: str, path: str, base: str, folders: set[str]) -> str:
    """The file a link's ``path`` names from the page at ``page_path`` (a folder's index)."""
    if path.startswith("/"):
        target = os.path.join(root, unquote(path)[len(base) :])
    elif path:
        target = os.path.join(os.path.dirname(page_path), unquote(path))
    else:
        target = page_path
    target = os.path.normpath(target)
    if path.endswith("/") or target in folders:
        target = os.path.join(target, "index.html")
    return target


def _split_relative(href: str) -> tuple[str, str] | None:
    """``(path, fragment)`` of a link without scheme or host, as :func:`urlsplit` gives them.

    ``None`` for any other link, which is left to :func:`urlsplit`. A link qualifies when
    it starts with ``#``, ``.`` or ``/`` (not ``//``), or has no ``:`` and does not start
    with a control character or a space, and holds no tab or line break: then
    :func:`urlsplit` strips nothing, removes nothing, finds no scheme and no host, and
    splits the rest at the first ``#``, then at the first ``?``, as this does
    (``tests/unit/test_links.py`` holds the two equal on thousands of random links).
    Most links of a built site are such, and this is several times faster.
    """
    if (
        not href
        or not (href[0] in "#./" or (":" not in href and href[0] > " "))
        or href.startswith("//")
        or "\t" in href
        or "\r" in href
        or "\n" in href
    ):
        return None
    path, _, fragment = href.partition("#")
    return path.partition("?")[0], fragment
