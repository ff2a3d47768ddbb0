"""Every page of the example site, in Debian's Chromium and the Nu Html Checker:
accessibility (WCAG 2.1 A and AA, light and dark), no console error, no request to
another origin, a strict CSP with no violation, links that resolve, valid HTML.

Each check is also fed a page with a known defect, to show it can fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.quality import axe_violations, visit, vnu_errors
from tests.sitebuild import REPO, Build, serve
from tests.test_gate_site import code_for, publish
from trustcenter.gate import new_secret
from trustcenter.links import broken_links

SECRET = new_secret()
PAGES = ["", "controls/", "criteria/", "subprocessors/", "documents/", "faq/", "updates/",
         "reports/", "request-access/", "404.html"]
#: A desktop and a phone (the widths a reviewer's screens have, in CSS pixels).
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = publish(REPO, SECRET, site=tmp_path_factory.mktemp("quality") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def origin(example: Build) -> Iterator[str]:
    with serve(example.site) as url:
        yield url


def test_every_page_of_the_site_is_checked(example: Build) -> None:
    built = sorted(str(p.relative_to(example.site)) for p in example.site.rglob("*.html"))
    expected = sorted("index.html" if p == "" else p if p.endswith(".html") else p + "index.html"
                      for p in PAGES)
    assert built == expected


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violation(browser: Browser, origin: str, path: str,
                                    scheme: str, width: str) -> None:
    with visit(browser, origin, color_scheme=scheme, bypass_csp=True,
               viewport=VIEWPORTS[width]) as seen:
        seen.page.goto(origin + path, wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert seen.page.evaluate("document.body.dataset.mdColorScheme") == expected
        assert axe_violations(seen.page) == []


@pytest.mark.parametrize("path", PAGES)
def test_no_console_error_other_origin_or_csp_violation(browser: Browser, origin: str,
                                                        path: str) -> None:
    with visit(browser, origin) as seen:
        seen.page.goto(origin + path, wait_until="networkidle")
        meta = seen.page.locator("head > meta").nth(1)
        assert meta.get_attribute("http-equiv") == "Content-Security-Policy"
        policy = meta.get_attribute("content") or ""
        assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
        assert seen.problems() == {"console": [], "csp": [], "other origins": []}


def test_search_palette_links_and_the_gate_raise_no_csp_violation(
    browser: Browser, origin: str
) -> None:
    with visit(browser, origin) as seen:
        page = seen.page
        page.goto(origin, wait_until="networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type("access")
        page.wait_for_selector(".md-search-result__item")
        page.keyboard.press("Escape")
        before = page.evaluate("document.body.dataset.mdColorScheme")
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        assert page.evaluate("document.body.dataset.mdColorScheme") != before
        page.locator(".tc-controls-summary a", has_text="Access control").click()
        page.wait_for_url(origin + "controls/#controls-access")
        page.goto(origin + "reports/", wait_until="networkidle")
        page.fill("#tc-gate-code", code_for(SECRET, "northwind-procurement"))
        page.click("button:has-text('Unlock')")
        page.wait_for_selector(".tc-gate--open")
        assert seen.problems() == {"console": [], "csp": [], "other origins": []}


def test_every_internal_link_and_anchor_resolves(example: Build) -> None:
    assert broken_links(example.site) == []


def test_every_page_is_valid_html(example: Build) -> None:
    assert vnu_errors(sorted(example.site.rglob("*.html"))) == []


# --- each check can fail ---------------------------------------------------------------------

DEFECTS = {
    "image.html": '<img src="logo.png">',
    "inline.html": '<script>document.title = "ran";</script>',
    "font.html": '<link rel="stylesheet" href="https://fonts.example.com/css?family=X">',
    "anchor.html": '<a href="image.html#nowhere">broken</a><a href="missing/">gone</a>',
    "markup.html": "<p><div>block in a paragraph</p></div><span id=a></span><b id=a></b>",
}


@pytest.fixture
def defects(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    site = tmp_path / "site"
    site.mkdir()
    csp = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
           "script-src 'self'\">")
    for name, body in DEFECTS.items():
        (site / name).write_text(f"<!doctype html><html lang=en><head><meta charset=utf-8>"
                                 f"{csp}<title>{name}</title></head><body><main>{body}</main>"
                                 "</body></html>")
    (site / "logo.png").write_bytes(b"")
    with serve(site) as url:
        yield site, url


def test_axe_finds_an_image_without_alt_text(browser: Browser, defects: tuple[Path, str]) -> None:
    _, url = defects
    with visit(browser, url, bypass_csp=True) as seen:
        seen.page.goto(url + "image.html")
        assert any(v.startswith("image-alt") for v in axe_violations(seen.page))


def test_csp_blocks_and_reports_an_inline_script(browser: Browser,
                                                 defects: tuple[Path, str]) -> None:
    _, url = defects
    with visit(browser, url) as seen:
        seen.page.goto(url + "inline.html", wait_until="networkidle")
        assert seen.page.title() == "inline.html"  # the script did not run
        assert seen.problems()["csp"]


def test_a_request_to_another_origin_is_caught(browser: Browser,
                                               defects: tuple[Path, str]) -> None:
    _, url = defects
    with visit(browser, url, bypass_csp=True) as seen:
        seen.page.goto(url + "font.html", wait_until="networkidle")
        assert seen.problems()["other origins"] == ["https://fonts.example.com/css?family=X"]


def test_the_link_check_finds_a_broken_anchor_and_a_missing_page(
    defects: tuple[Path, str],
) -> None:
    site, _ = defects
    found = {(b.href, b.reason) for b in broken_links(site)}
    assert found == {("image.html#nowhere", "no element with id 'nowhere'"),
                     ("missing/", "no such file")}


def test_vnu_finds_invalid_markup(defects: tuple[Path, str]) -> None:
    site, _ = defects
    errors = vnu_errors([site / "markup.html"])
    assert any("Duplicate ID" in e for e in errors)
    assert any("No “p” element in scope" in e or "Stray end tag" in e for e in errors)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_unlocked_report_details_have_no_accessibility_violation(
    browser: Browser, origin: str, scheme: str
) -> None:
    code = code_for(SECRET, "northwind-procurement")
    with visit(browser, origin, color_scheme=scheme, bypass_csp=True) as seen:
        seen.page.goto(f"{origin}reports/#code={code}", wait_until="networkidle")
        seen.page.wait_for_selector(".tc-gate--open")
        assert axe_violations(seen.page) == []


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_filled_in_request_form_has_no_accessibility_violation(
    browser: Browser, origin: str, scheme: str, width: str
) -> None:
    with visit(browser, origin, color_scheme=scheme, bypass_csp=True,
               viewport=VIEWPORTS[width]) as seen:
        page = seen.page
        page.goto(f"{origin}request-access/", wait_until="networkidle")
        page.fill("#tc-request-name", "Ada Reviewer")
        page.fill("#tc-request-company", "Northwind")
        page.fill("#tc-request-email", "ada@northwind.example")
        page.locator("input[name='reports']").first.check()
        page.fill("#tc-request-reason", "Vendor review")
        page.check("#tc-request-terms")
        page.click("#tc-request-form button[type='submit']")
        page.wait_for_selector("#tc-request-result:not([hidden])")
        assert axe_violations(page) == []
