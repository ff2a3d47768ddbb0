from __future__ import annotations

import random
import re
import string

import pytest
from markupsafe import Markup

from trustcenter.markup import (
    _parser,
    inline_text,
    is_allowed_url,
    markdown_problems,
    render_inline,
    render_markdown,
    url_problem,
)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ('Say "hi" & <b>bye</b>', "<p>Say &quot;hi&quot; &amp; &lt;b&gt;bye&lt;/b&gt;</p>"),
        ("<!-- hidden -->", "<p>&lt;!-- hidden --&gt;</p>"),
    ],
)
def test_raw_html_comes_out_escaped(text: str, html: str) -> None:
    assert render_markdown(text) == html
    assert "<script" not in render_inline(text)
    assert "<img" not in render_inline(text)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("*em* and `code`", "<p><em>em</em> and <code>code</code></p>"),
        (
            "[site](https://example.com/a?b=1&c=2)",
            '<p><a href="https://example.com/a?b=1&amp;c=2">site</a></p>',
        ),
        ("[plain](http://example.com)", '<p><a href="http://example.com">plain</a></p>'),
        (
            "[mail](mailto:security@example.com)",
            '<p><a href="mailto:security@example.com">mail</a></p>',
        ),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("# not a heading", "<p># not a heading</p>"),
    ],
)
def test_safe_subset_is_rendered(text: str, html: str) -> None:
    assert markdown_problems(text) == []
    assert render_markdown(text) == html


def test_render_inline_has_no_paragraph() -> None:
    assert render_inline("[a](https://example.com) *b*") == (
        '<a href="https://example.com">a</a> <em>b</em>'
    )


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("see [x](javascript:alert(1)) here", "javascript"),
        ("[x](JaVaScRiPt:alert(1))", "javascript"),
        ("[x](javascript&colon;alert(1))", "javascript"),
        ("[x](javascript\\:alert(1))", "javascript"),
        ("[x](<javascript:alert(1)>)", "javascript"),
        ("![x](javascript:alert(1))", "javascript"),
        ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data"),
        ("[x](vbscript:msgbox(1))", "vbscript"),
    ],
)
def test_dangerous_links_are_reported_and_not_rendered(text: str, scheme: str) -> None:
    [problem] = markdown_problems(text)
    assert f"found a '{scheme}:' URL" in problem
    for html in (render_markdown(text), render_inline(text)):
        assert "<a" not in html
        assert "href" not in html


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://example.com", None),
        ("HTTPS://EXAMPLE.COM/x", None),
        ("http://example.com", None),
        ("mailto:security@example.com", None),
        ("javascript:alert(1)", "expected an https:, http: or mailto: URL, found a 'javascript:'"),
        ("data:text/html,hi", "found a 'data:' URL"),
        ("vbscript:msgbox", "found a 'vbscript:' URL"),
        ("ftp://example.com", "found a 'ftp:' URL"),
        ("/security", "found a URL with no scheme"),
        ("//example.com", "found a URL with no scheme"),
        ("https:///path", "expected a web address with a host name"),
        ("mailto:security", "expected an e-mail address after 'mailto:'"),
        ("https://exa mple.com", "expected a URL without spaces"),
        (" https://example.com", "expected a URL without spaces"),
        ("java\tscript:alert(1)", "expected a URL without spaces"),
        ("", "expected a URL without spaces"),
    ],
)
def test_url_problem(url: str, message: str | None) -> None:
    problem = url_problem(url)
    if message is None:
        assert problem is None
        assert is_allowed_url(url)
    else:
        assert problem is not None
        assert message in problem
        assert not is_allowed_url(url)


def _parsed_inline(text: str) -> str:
    """The oracle: the one-line value rendered by markdown-it, as render_inline renders it."""
    return Markup(_parser(strict_links=True).renderInline(text).strip())


def _parsed_text(text: str) -> str:
    """The oracle: the value rendered by markdown-it, its tags removed, unescaped."""
    return Markup(re.sub(r"<[^>]+>", "", _parsed_inline(text))).unescape()


#: Every kind of character a value may hold: the ones the inline rules act on, HTML's
#: specials, quotes, spaces of every kind, line separators, letters and symbols.
_ALPHABET = (
    string.ascii_letters[:6] + string.digits[:3] + string.punctuation + " \t\n\r\0"
    "\u00a0\u2028\u2029\u3000é中😀"
)


@pytest.mark.parametrize(
    "text",
    [
        "Daily backups, encrypted at rest.",
        "  padded  ",
        "Quotes \"double\" and 'single' and <angle> brackets",
        "Multi-factor: 100% of staff; #1 priority ~ $0 + =",
        "**Daily** [backups](https://example.com/b) and `code`",
        "a_b_c",
        "Tom &amp; Jerry &copy; 2026",
        "line one\nline two",
        "back\\slash",
        "no\u00a0break\u2028separator",
        "",
    ],
)
def test_inline_text_equals_the_parsed_text(text: str) -> None:
    assert inline_text(text) == _parsed_text(text)


def _samples(alphabet: str, seed: int, count: int) -> list[str]:
    """Every pair of ``alphabet``'s characters, and ``count`` seeded random values of 1 to
    12 of them."""
    samples = [a + b for a in alphabet for b in alphabet]
    chance = random.Random(seed)
    return samples + [
        "".join(chance.choices(alphabet, k=chance.randint(1, 12))) for _ in range(count)
    ]


def test_render_inline_equals_the_parser_on_every_kind_of_character() -> None:
    # The shortcut for values without markup must give what the parser gives.
    samples = _samples(_BLOCK_ALPHABET, 4243, 3000) + list(_MARKUP_PIECES)
    wrong = [t for t in samples if render_inline(t) != _parsed_inline(t)]
    assert not wrong, wrong[:5]


def test_inline_text_equals_the_parsed_text_on_every_kind_of_character() -> None:
    # The shortcut for values without markup must give what the parser gives.
    wrong = [t for t in _samples(_ALPHABET, 9116, 3000) if inline_text(t) != _parsed_text(t)]
    assert not wrong, wrong[:5]


def _parsed_markdown(text: str) -> str:
    """The oracle: the value rendered by markdown-it, as render_markdown rendered it."""
    return Markup(_parser(strict_links=True).render(text).strip())


#: Characters that start a list item, or read as white space to markdown-it or to Python.
_BLOCK_ALPHABET = _ALPHABET + "\x0b\x0c\x1c\x85\u2003\ufeff"


@pytest.mark.parametrize(
    "text",
    [
        "Daily backups, encrypted at rest.",
        "  padded  ",
        "\tA tab first",
        "Quotes \"double\" and 'single' and <angle> brackets",
        "Multi-factor: 100% of staff; #1 priority ~ $0 + = @ ! ^ { } | :",
        "- a list item",
        "+ another",
        "* and another",
        "1. ordered",
        "2) ordered",
        "12345678901. not a list (too many digits)",
        "-not a list item",
        "# not a heading",
        "> not a quote",
        "    four spaces first",
        "***",
        "---",
        "",
        "   ",
        "\u00a0- a list item after a no-break space",
    ],
)
def test_render_markdown_equals_the_parser(text: str) -> None:
    assert render_markdown(text) == _parsed_markdown(text)


def test_render_markdown_equals_the_parser_on_every_kind_of_character() -> None:
    # Every character also before and after a space: the shortcut for a one-line value
    # without markup must give what the parser gives.
    samples = _samples(_BLOCK_ALPHABET, 6238, 5000)
    samples += [f"{a} {b}" for a in _BLOCK_ALPHABET for b in _BLOCK_ALPHABET]
    wrong = [text for text in samples if render_markdown(text) != _parsed_markdown(text)]
    assert not wrong, wrong[:5]


#: One-line values with markup: emphasis, code, links and their pieces, escapes,
#: entities, list markers, spaces of every kind, and words.
_MARKUP_PIECES = [
    "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "](", "[a](https://e.com/x)",
    "[b](mailto:a@e.com)", "[c](javascript:x)", "<https://e.com>", "\\", "\\*", "&amp;",
    "&#42;", "&nbsp;", "&", " ", "  ", "\t", "\u00a0", "\u2003", "\x0b", "\x0c", "\x1c",
    "-", "+", "1.", "2)", "#", ">", "!", "word", "CISO", "a_b", "é", "中", "😀", "<b>",
]  # fmt: skip


def test_render_markdown_equals_the_parser_on_one_line_values_with_markup() -> None:
    # A one-line value with markup is parsed as a paragraph's inline content only: it
    # must give what parsing the whole value gives.
    chance = random.Random(5646)
    samples = [
        "".join(chance.choices(_MARKUP_PIECES, k=chance.randint(1, 14))) for _ in range(6000)
    ]
    samples += [f"{a}{b}x{a}" for a in _MARKUP_PIECES for b in _MARKUP_PIECES]
    wrong = [text for text in samples if render_markdown(text) != _parsed_markdown(text)]
    assert not wrong, wrong[:5]


def test_inline_text_equals_the_parsed_text_on_one_line_values_with_markup() -> None:
    # A one-line value is read from its page's rendering when that is kept: it must give
    # what rendering it inline gives, whether the page rendered it first or not.
    chance = random.Random(2844)
    samples = [
        "".join(chance.choices(_MARKUP_PIECES, k=chance.randint(1, 14))) for _ in range(6000)
    ]
    samples += [f"{a}{b}x{a}" for a in _MARKUP_PIECES for b in _MARKUP_PIECES]
    wrong = [text for text in samples if inline_text(text) != _parsed_text(text)]
    for text in samples[:3000]:
        render_markdown(text)  # as a page renders it first
    wrong += [text for text in samples if inline_text(text) != _parsed_text(text)]
    assert not wrong, wrong[:5]
