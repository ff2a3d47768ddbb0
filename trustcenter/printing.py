"""Links in print: numbered references in the text and the addresses at the end.

A printed page cannot be clicked, so a reviewer who files it needs the addresses; put
inside the text, long URLs break table cells and sentences apart. Every page therefore
carries, after the build, a marker after each link to another site or an e-mail address
(``[1]``) and, at the end of the article, the numbered list of those addresses. Both
are hidden on screen and shown only in print by the stylesheet (the numbers are drawn by
CSS), so nothing changes for a reader, a screen reader or the search index.
A link whose text already is its address gets no marker.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

#: The page's article, to its last ``</article>`` (sections may hold articles of their own).
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*)(</article>)', re.S)
_LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.S)
_HREF = re.compile(r'\bhref="(?P<href>(?:https?:|mailto:)[^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def _address(href: str) -> str:
    """What a reader types: the URL, or the e-mail address of a mailto: link."""
    plain = html.unescape(href)
    if plain.startswith("mailto:"):
        return plain[len("mailto:") :].split("?", 1)[0]
    return plain


def with_print_links(page: str) -> str:
    """``page`` with print-only link markers and the list of addresses in its article."""
    match = _ARTICLE.search(page)
    if match is None:
        return page
    # A link that gets a marker has one of these in its start tag (``_HREF``); without
    # either in the article no link does, and the page is returned as it is (a page of
    # thousands of internal links is not rewritten link by link).
    if 'href="http' not in match.group(2) and 'href="mailto:' not in match.group(2):
        return page
    numbers: dict[str, int] = {}

    def mark(link: re.Match[str]) -> str:
        href = _HREF.search(link.group("attrs"))
        if href is None:
            return link.group(0)
        address = _address(href.group("href"))
        text = html.unescape(_TAG.sub("", link.group("text"))).strip()
        if text in (address, address.rstrip("/")):
            return link.group(0)
        number = numbers.setdefault(address, len(numbers) + 1)
        # The number is drawn by the stylesheet (``::after``), so the page's text, as a
        # screen reader or a parser reads it, is unchanged.
        return f'{link.group(0)}<sup class="tc-print-ref" data-ref="{number}"></sup>'

    body = _LINK.sub(mark, match.group(2))
    if numbers:
        items = "".join(f"<li>{html.escape(address)}</li>" for address in numbers)
        body += (
            '<section class="tc-print-links" aria-hidden="true"><h2>Links</h2>'
            f"<ol>{items}</ol></section>"
        )
    return page[: match.start(2)] + body + page[match.end(2) :]


def add_print_links(site_dir: Path) -> int:
    """Apply :func:`with_print_links` to every HTML page under ``site_dir``; return how many."""
    count = 0
    for path in site_dir.rglob("*.html"):
        text = path.read_text("utf-8")
        changed = with_print_links(text)
        if changed != text:
            path.write_text(changed, "utf-8")
            count += 1
    return count
