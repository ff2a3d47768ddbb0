"""The link check: a page's ids and links as an HTML tokenizer reads them, and resolving them."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from trustcenter.links import broken_links, page_references


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
