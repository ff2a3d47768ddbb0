"""Print-only link references: numbered markers and the list of addresses per page."""

from __future__ import annotations

from trustcenter.printing import with_print_links

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
