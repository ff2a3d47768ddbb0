"""The safe text rules: which URLs a link may point to, and the small Markdown subset.

Descriptions in the data may use emphasis, inline code, links and lists; nothing else.
Raw HTML is never interpreted: ``<script>`` in a description is shown as the text
``<script>``. markdown-it-py does the parsing and escaping (CommonMark, made for this);
we only choose the rules it may apply and the URL schemes a link may use.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, mdTrim
from markdown_it.token import Token
from markupsafe import Markup

#: The only URL schemes a link from the data may use.
ALLOWED_SCHEMES = ("https", "http", "mailto")

_RULES = ["emphasis", "backticks", "link", "list", "escape", "entity", "newline"]

#: The characters the inline rules above act on (emphasis, backticks, links, escapes,
#: entities, line breaks) and those markdown-it rewrites before parsing (CR, NUL). A
#: value without any of them is only text to the parser: it renders as itself, escaped.
_INLINE_MARKUP = frozenset("*_`[]\\&\n\r\0")
_TAG = re.compile(r"<[^>]+>")
#: How a line may start a list item (a bullet, or the digits of an ordered item): such
#: a line is not a plain paragraph.
_ITEM_START = frozenset("-+*0123456789")
#: What markdown-it reads as a line ending (CR, LF) or replaces before parsing (NUL).
_LINE_BREAKS = frozenset("\n\r\0")


def url_problem(url: str) -> str | None:
    """Say what is wrong with ``url`` as a link target, or return ``None`` when it is allowed."""
    if not url or url != url.strip() or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return f"expected a URL without spaces, found '{url}'"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        found = f"a '{scheme}:' URL" if scheme else "a URL with no scheme"
        return f"expected an https:, http: or mailto: URL, found {found} ('{url}')"
    if scheme in ("https", "http") and not parts.hostname:
        return (
            f"expected a web address with a host name, such as https://example.com, found '{url}'"
        )
    if scheme == "mailto" and "@" not in parts.path:
        return f"expected an e-mail address after 'mailto:', found '{url}'"
    return None


def is_allowed_url(url: str) -> bool:
    """True when ``url`` is an https, http or mailto URL."""
    return url_problem(url) is None


@cache
def _parser(*, strict_links: bool) -> MarkdownIt:
    parser = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    parser.enable(_RULES)
    # The strict parser refuses other schemes even if validation was skipped.
    parser.validateLink = is_allowed_url if strict_links else (lambda url: True)  # type: ignore[method-assign]
    return parser


def _links(tokens: list[Token]) -> list[str]:
    found: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            found.append(str(token.attrGet("href") or ""))
        if token.children:
            found.extend(_links(token.children))
    return found


def markdown_problems(text: str) -> list[str]:
    """Say what is not allowed in ``text``: today, links to URLs of other schemes."""
    return [problem for _, problem in markdown_link_problems(text)]


def markdown_link_problems(text: str) -> list[tuple[str, str]]:
    """``(link target, what is wrong with it)`` for each link ``text`` may not have."""
    if "[" not in text:  # no link without a bracket
        return []
    return [
        (href, problem)
        for href in _links(_parser(strict_links=False).parse(text))
        if (problem := url_problem(href)) is not None
    ]


def render_markdown(text: str) -> Markup:
    """Render the safe Markdown subset to HTML; raw HTML in ``text`` comes out escaped.

    A one-line value with no character the inline rules act on (see
    :func:`inline_text`), not starting as a list item would, is one paragraph of its
    text, trimmed and escaped as markdown-it does, so it is not parsed;
    ``tests/unit/test_markup.py`` holds this equal to the parser on every kind of
    character.
    """
    if _INLINE_MARKUP.isdisjoint(text) and (line := _paragraph_line(text)) is not None:
        return Markup(f"<p>{escapeHtml(line)}</p>")
    return _parsed(text)


def _paragraph_line(text: str) -> str | None:
    """The content of the one paragraph ``text`` makes, when it is one plain line.

    That is a value with no line ending (nor the NUL markdown-it replaces) whose line,
    trimmed as markdown-it trims it (``mdTrim``), is not empty and does not start as a
    list item would; else None.
    """
    if _LINE_BREAKS.isdisjoint(text) and (line := mdTrim(text)) and line[0] not in _ITEM_START:
        return line
    return None


@lru_cache(maxsize=1 << 14)
def _parsed(text: str) -> Markup:
    """:func:`render_markdown` by the parser, the result kept.

    A build renders a description for its page, and the leak guard renders it again to
    know the text a reader sees (``guard._forms``); the same text gives the same HTML.

    A value of one line (no line ending, nor the NUL markdown-it replaces) that does not
    start as a list item would is one paragraph whose content is the value trimmed as
    markdown-it trims it (``mdTrim``): the block parser would make exactly that one
    paragraph token, holding that content, so its inline content is parsed alone
    (``renderInline``) and wrapped in the paragraph's tags, which is what rendering the
    whole value gives (less its final line feed); the block rules are skipped.
    ``tests/unit/test_markup.py`` holds this equal to the parser.
    """
    parser = _parser(strict_links=True)
    if (line := _paragraph_line(text)) is not None:
        return Markup(f"<p>{parser.renderInline(line)}</p>")
    return Markup(parser.render(text).strip())


def render_inline(text: str) -> Markup:
    """Render a one-line value (emphasis, code, links) without a wrapping paragraph.

    A value with no character the inline rules act on (see :func:`inline_text`) is only
    text to the parser, which renders it escaped as it is: it is not parsed;
    ``tests/unit/test_markup.py`` holds this equal to the parser on every kind of
    character.
    """
    if _INLINE_MARKUP.isdisjoint(text):
        return Markup(escapeHtml(text).strip())
    return Markup(_parser(strict_links=True).renderInline(text).strip())


def inline_text(text: str) -> str:
    """The words of a one-line value without its Markdown, as plain text.

    ``**Daily** [backups](https://…)`` → ``Daily backups``: for a meta description, a
    feed or ``trust.json``.

    A value with no character the inline rules act on is its own text (the parser would
    only escape it and the tags' removal unescape it), so it is not parsed;
    ``tests/unit/test_markup.py`` holds this equal to the parsed result on every kind of
    character. A one-line value that ``mdTrim`` leaves as it is and that does not start
    as a list item would is rendered for a page (:func:`_parsed`, which keeps it) as
    ``<p>``, the parser's inline rendering of the value itself, ``</p>``: that inline
    rendering is what :func:`render_inline` strips, so it is taken from there, and a
    description a page rendered is not parsed again for ``trust.json`` (tested equal to
    the parser on thousands of one-line values with markup, rendered first or not).
    """
    if _INLINE_MARKUP.isdisjoint(text):
        return text.strip()
    if _paragraph_line(text) == text:
        inline = str(_parsed(text))[len("<p>") : -len("</p>")]
        return Markup(_TAG.sub("", inline.strip())).unescape()
    return Markup(_TAG.sub("", str(render_inline(text)))).unescape()
