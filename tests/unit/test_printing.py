"""Print-only link references: numbered markers and the list of addresses per page."""

from __future__ import annotations

import html
import random
import re

import pytest

from trustcenter.printing import _address, with_print_links

PAGE = (
    '<html><body><article class="md-content__inner md-typeset">'
    '<p><a href="https://a.example/x">A</a> and <a href="mailto:t@a.example?subject=S">us</a>'
    ' and <a href="https://a.example/x">A again</a> and <a href="../faq/">FAQ</a>'
    ' and <a href="https://b.example/">https://b.example/</a></p>'
    '<article class="tc-update"><p>inner</p></article>'
    "</article></body></html>"
)


def test_links_get_numbers_and_the_addresses_are_listed_once_at_the_end() -> None:
    out = with_print_links(PAGE)
    assert out.count('data-ref="1"') == 2  # the same address keeps its number
    assert out.count('data-ref="2"') == 1
    assert 'data-ref="3"' not in out  # internal links and links that show their address
    listed = out.split('<section class="tc-print-links"', 1)[1]
    assert "<li>https://a.example/x</li><li>t@a.example</li></ol>" in listed
    # After the page's own article, not inside a nested one.
    assert out.index("tc-print-links") > out.index("inner</p></article>")


def test_a_page_without_outside_links_is_unchanged() -> None:
    page = '<article class="md-content__inner md-typeset"><a href="#x">x</a></article>'
    assert with_print_links(page) == page


def _plain_with_print_links(page: str) -> str:
    """Every link of the article looked at one by one, as before the shortcut: the oracle."""
    match = re.search(
        r'(<article class="md-content__inner md-typeset">)(.*)(</article>)', page, re.S
    )
    if match is None:
        return page
    numbers: dict[str, int] = {}

    def mark(link: re.Match[str]) -> str:
        href = re.search(r'\bhref="(?P<href>(?:https?:|mailto:)[^"]*)"', link.group("attrs"))
        if href is None:
            return link.group(0)
        address = _address(href.group("href"))
        text = html.unescape(re.sub(r"<[^>]+>", "", link.group("text"))).strip()
        if text in (address, address.rstrip("/")):
            return link.group(0)
        number = numbers.setdefault(address, len(numbers) + 1)
        return f'{link.group(0)}<sup class="tc-print-ref" data-ref="{number}"></sup>'

    body = re.sub(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", mark, match.group(2), flags=re.S)
    if numbers:
        items = "".join(f"<li>{html.escape(address)}</li>" for address in numbers)
        body += (
            '<section class="tc-print-links" aria-hidden="true"><h2>Links</h2>'
            f"<ol>{items}</ol></section>"
        )
    return page[: match.start(2)] + body + page[match.end(2) :]


_PIECES = [
    '<a href="https://a.example/x">', '<a href="mailto:t@a.example">', '<a href="#x">',
    '<a href="../faq/">', '<a class="x" href="http://b.example/">', "</a>", "text",
    "https://a.example/x", "<em>", "</em>", " ", '<a href="HTTPS://c.example/">',
    '<a href = "https://d.example/">', "href=", '"http',
]  # fmt: skip


@pytest.mark.parametrize("seed", range(10))
def test_print_links_are_those_of_every_link_looked_at(seed: int) -> None:
    generator = random.Random(seed)
    for _ in range(300):
        inner = "".join(generator.choices(_PIECES, k=generator.randint(0, 12)))
        page = (
            "<html><body>"
            + generator.choice(["", '<article class="md-content__inner md-typeset">'])
            + inner
            + generator.choice(["", "</article>"])
            + "</body></html>"
        )
        assert with_print_links(page) == _plain_with_print_links(page), page
