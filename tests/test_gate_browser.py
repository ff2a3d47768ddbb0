"""The gated page in Debian's Chromium: unlocking with a code, and every way it must fail."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.sitebuild import copy_scenario, serve
from tests.test_gate_site import PAYLOAD, code_for, publish
from trustcenter.gate import new_secret

SECRET = new_secret()
ACTIVE = code_for(SECRET, "active-grant")
SHORT = code_for(SECRET, "short-grant", 2)
WRONG_CODE = "This access code does not open this page"
TAMPERED = "failed its integrity check"




@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The scenario published on two dates (the short grant expires in between)."""
    built = {}
    for label, today in (("current", "2026-11-26"), ("later", "2026-12-20")):
        project = copy_scenario("overview", tmp_path_factory.mktemp(label))
        build = publish(project, SECRET, today=today, strict=False)
        assert build.returncode == 0, build.output
        built[label] = build.site
    return built


def _open(browser: Browser, site: Path, fragment: str = "") -> Iterator[Page]:
    with serve(site) as url:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{url}reports/{fragment}")
        yield page
        assert errors == []
        page.close()


def _unlock(page: Page, code: str) -> str:
    page.fill("#tc-gate-code", code)
    page.click("button:has-text('Unlock')")
    page.wait_for_selector(".tc-gate--open, .tc-gate--error")
    return page.locator(".tc-gate__message").inner_text()


def test_a_valid_code_shows_the_report_details(browser: Browser, sites: dict[str, Path]) -> None:
    for page in _open(browser, sites["current"]):
        assert page.locator(".tc-gate__content").is_hidden()
        assert "Unlocked" in _unlock(page, ACTIVE.lower().replace("-", " "))
        content = page.locator(".tc-gate__content")
        assert content.is_visible()
        text = content.inner_text()
        assert "SOC 2 Type 2" in text
        assert "Qualified: the auditor's opinion carries a reservation" in text
        assert "gated-exception-canary" in text
        assert "gated-control-title-canary" in text
        assert page.locator(".tc-gate__form").is_hidden()


def test_a_link_with_the_code_in_its_fragment_opens_the_page(
    browser: Browser, sites: dict[str, Path]
) -> None:
    for page in _open(browser, sites["current"], f"#code={ACTIVE}"):
        page.wait_for_selector(".tc-gate--open")
        assert "gated-how-to-obtain-canary" in page.locator(".tc-gate__content").inner_text()
        assert "code=" not in page.url  # read once, then removed from the address bar


@pytest.mark.parametrize("code", ["AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "", "not a code at all"])
def test_a_wrong_code_shows_nothing(browser: Browser, sites: dict[str, Path], code: str) -> None:
    for page in _open(browser, sites["current"]):
        if code:
            assert WRONG_CODE in _unlock(page, code)
            assert page.locator(".tc-gate__content").inner_html() == ""
            assert page.locator(".tc-gate__content").is_hidden()
        else:  # the browser's own validation refuses an empty code
            page.click("button:has-text('Unlock')")
            assert page.locator(".tc-gate__message").inner_text() == ""
        assert "gated-exception-canary" not in page.content()


def test_an_expired_grant_no_longer_opens_the_page(
    browser: Browser, sites: dict[str, Path]
) -> None:
    for page in _open(browser, sites["later"]):
        assert WRONG_CODE in _unlock(page, SHORT)
        assert page.locator(".tc-gate__content").inner_html() == ""
    for page in _open(browser, sites["later"]):
        assert "Unlocked" in _unlock(page, ACTIVE)


def test_a_tampered_ciphertext_shows_nothing(
    browser: Browser, sites: dict[str, Path], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(sites["current"], site)
    page_file = site / "reports" / "index.html"
    text = page_file.read_text("utf-8")
    payload = PAYLOAD.search(text).group(1)
    start = payload.index('"data":"') + 20
    flipped = "A" if payload[start] != "A" else "B"
    page_file.write_text(text.replace(payload, payload[:start] + flipped + payload[start + 1:]),
                         "utf-8")
    for page in _open(browser, site):
        assert TAMPERED in _unlock(page, ACTIVE)
        assert page.locator(".tc-gate__content").inner_html() == ""


def test_a_sealed_page_moved_elsewhere_does_not_open(
    browser: Browser, sites: dict[str, Path], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(sites["current"], site)
    (site / "reports").rename(site / "elsewhere")
    (site / "reports").mkdir()
    with serve(site) as url:
        page = browser.new_page()
        page.goto(f"{url}elsewhere/")
        assert TAMPERED in _unlock(page, ACTIVE)
        page.close()


def test_without_javascript_the_page_explains_how_to_get_access(
    browser: Browser, sites: dict[str, Path]
) -> None:
    with serve(sites["current"]) as url:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{url}reports/")
        assert page.locator(".tc-gate__form").is_hidden()
        assert page.get_by_text("reading them with an access code needs JavaScript").is_visible()
        assert page.get_by_role("link", name="Request access").first.is_visible()
        context.close()
