"""The link check: a page's ids and links as an HTML tokenizer reads them, and resolving them."""

from __future__ import annotations

import os
import random
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from trustcenter.links import (
    BrokenLink,
    PageReferences,
    _folders,
    _split_relative,
    broken_links,
    check_links,
    page_references,
)


class _Reference(HTMLParser):
    """The standard library's tokenizer, as the link check used it before: the oracle."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values: dict[str, str | None] = {}
        for key, value in attrs:
            values.setdefault(key, value)
        for key in ("id", "name" if tag == "a" else ""):
            if key and values.get(key):
                self.ids.add(str(values[key]))
        for key in ("href", "src"):
            if values.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(str(values[key]))


CASES = [
    ('<h2 id="x">X</h2><a href="#x">to x</a>', {"x"}, ["#x"]),
    ('<a name="old" href="a/">a</a><div name="not-an-anchor"></div>', {"old"}, ["a/"]),
    ("<A HREF='b.html' ID=up>b</A>", {"up"}, ["b.html"]),
    ('<a title="a > b" href="c/">c</a>', set(), ["c/"]),
    ('<a href="d/?x=1&amp;y=2#f%C3%A9">d</a>', set(), ["d/?x=1&y=2#f%C3%A9"]),
    ('<img src="i.png" alt="<not a tag>"><source src="v.webm">', set(), ["i.png", "v.webm"]),
    (
        '<script src="s.js"></script><script>var a = \'<a href="no.html" id="no">\';</script>',
        set(),
        ["s.js"],
    ),
    ('<style>a[href="x"] { }</style><!-- <a href="commented/" id="c"> -->', set(), []),
    ('<link rel="stylesheet" href="st.css"><div data-href="no/" id="d"></div>', {"d"}, ["st.css"]),
    ('<p>1 &lt; 2 and <em>a href="x"</em></p><a href="" id="">empty</a>', set(), []),
    ('<a id="first" id="second" href="e/" href="f/">two</a>', {"first"}, ["e/"]),
    ("<svg><use href=\"#icon\"></use><symbol id='icon'/></svg>", {"icon"}, []),
    ('<a\nhref="g/"\n  class="x">multi-line</a>', set(), ["g/"]),
    # Text inside a quoted value is no attribute; an attribute may follow a closing
    # quote with no space between them.
    ('<a title="see href=z.html" href="a/">', set(), ["a/"]),
    ("<div data-x='a id=b' class=\"c id=d\">", set(), []),
    ('<a id="x"href="y">', {"x"}, ["y"]),
    ('<img alt="src=no.png" src=yes.png>', set(), ["yes.png"]),
    ('<a data-name="name=n" name=m>', {"m"}, []),
    # A quote never closed: no tag, found at once (no backtracking through the name).
    ('<p id="p">x</p><a ' + "b" * 60 + '"', {"p"}, []),
]


@pytest.mark.parametrize(("html", "ids", "links"), CASES)
def test_page_references(html: str, ids: set[str], links: list[str]) -> None:
    found = page_references(html)
    assert (found.ids, found.links) == (ids, links)
    oracle = _Reference()
    oracle.feed(html)
    assert (found.ids, found.links) == (oracle.ids, oracle.links)


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for name, body in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"<html><body>{body}</body></html>", "utf-8")
    return site


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("a/", None),
        ("a/#top", None),
        ("a/index.html#top", None),
        ("a", None),  # a folder: its index.html
        ("deep/", None),  # a folder with only folders below it... and its own index
        ("assets/", "no such file"),  # a folder without index.html
        ("a/#nowhere", "no element with id 'nowhere'"),
        ("b/", "no such file"),
        ("/trust/a/", None),
        ("/elsewhere/a/", "outside the site's path /trust/"),
        ("https://other.example/x", None),
        ("mailto:x@example.com", None),
        ("#here", None),
        ("#gone", "no element with id 'gone'"),
        ("assets/x/y.css", None),
    ],
)
def test_broken_links(tmp_path: Path, href: str, reason: str | None) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": f'<p id="here"><a href="{href}">x</a></p>',
            "a/index.html": '<h1 id="top">A</h1>',
            "deep/index.html": "",
            "deep/er/index.html": "",
        },
    )
    (site / "assets" / "x").mkdir(parents=True)
    (site / "assets" / "x" / "y.css").write_text("", "utf-8")
    found = [(link.href, link.reason) for link in broken_links(site, "/trust/")]
    assert found == ([] if reason is None else [(href, reason)])


# Tags a page repeats (a table's cells, the navigation), with and without ids and links.
_SNIPPETS = [
    '<td data-label="Status">', '<a href="#c-1">', '<a href="../controls/#c-2" id="r">',
    '<h2 id="c-1">', "<p>", '<abbr title="CC6.1">', '<img src="x.png" alt="">', "</a>",
    '<a name="old">', '<div name="n" id="d">', '<A HREF="Up/">', "text &amp; more", "</td>",
    '<link href="s.css" rel="stylesheet">', '<span class="md-grid">', '<div href="#c-1">',
    '<a name="n" id="d">', '<a title="href=z/ id=w" href="#c-1">', "<a id='q'href='#q'>",
    '<td data-filter-data="Names|href=x|id=y">', "<img alt='src=a.png'>",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(10))
def test_page_references_of_pages_repeating_their_tags(seed: int) -> None:
    generator = random.Random(seed)
    for _ in range(100):
        html = "".join(generator.choices(_SNIPPETS, k=generator.randint(0, 40)))
        found = page_references(html)
        oracle = _Reference()
        oracle.feed(html)
        assert (found.ids, found.links) == (oracle.ids, oracle.links), html


# Pieces of links: schemes, hosts, paths, queries, fragments, escapes, and what urlsplit
# strips or removes (control characters, spaces, tabs, line breaks).
_HREF_PIECES = [
    "#", "#top", ".", "..", "/", "//", "?", "?q=1", ":", "a", "a/", "index.html", "é", " ",
    "\t", "\n", "\r", "\x00", "\x1f", "%20", "%C3%A9", "http:", "https://h", "mailto:x",
    "data:", "x:y", "1", "+", "-", "[", "@",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(20))
def test_split_relative_is_urlsplit(seed: int) -> None:
    generator = random.Random(seed)
    taken = 0
    for _ in range(1000):
        href = "".join(generator.choices(_HREF_PIECES, k=generator.randint(0, 6)))
        split = _split_relative(href)
        if split is None:
            continue
        taken += 1
        parts = urlsplit(href)
        assert not parts.scheme and not parts.netloc, repr(href)
        assert not href.startswith(("//", "data:")), repr(href)
        assert split == (parts.path, parts.fragment), repr(href)
    assert taken > 200


def _plain_check_links(
    site_dir: Path, pages: dict[str, PageReferences], files: set[str], base_path: str
) -> list[BrokenLink]:
    """The link check as it was before links were split and resolved once per path: the oracle."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    root = os.path.abspath(site_dir)
    folders = _folders(root, files)
    broken = []
    for page_path, page in pages.items():
        where = os.path.relpath(page_path, os.path.dirname(root))
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("//", "data:")):
                continue
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
            if parts.path.endswith("/") or target in folders:
                target = os.path.join(target, "index.html")
            if target not in files:
                broken.append(BrokenLink(where, href, "no such file"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html"):
                known = pages.get(target)
                if known is None or fragment not in known.ids:
                    broken.append(BrokenLink(where, href, f"no element with id '{fragment}'"))
    return broken


_LINK_PIECES = [
    "", "a/", "a", "b/", "deep/", "er/", "../", "..", "./", "/trust/", "/other/", "index.html",
    "x.css", "#top", "#gone", "#%74op", "?q=1", "%20", "https://h/", "//h/", "data:x", "mailto:m",
    " ", "\t", ":",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(10))
def test_check_links_is_the_plain_resolution(seed: int, tmp_path: Path) -> None:
    generator = random.Random(seed)
    root = tmp_path / "site"
    names = ["index.html", "a/index.html", "deep/er/index.html", "deep/index.html", "x.css"]
    files = {os.path.join(root, name) for name in names}
    for _ in range(50):
        pages = {
            os.path.join(root, name): PageReferences(
                ids={"top", "here"} if generator.random() < 0.5 else set(),
                links=[
                    "".join(generator.choices(_LINK_PIECES, k=generator.randint(0, 3)))
                    for _ in range(generator.randint(0, 30))
                ],
            )
            for name in names
            if name.endswith(".html")
        }
        for base in ("/", "/trust/"):
            assert check_links(root, pages, files, base) == _plain_check_links(
                root, pages, files, base
            )
