"""The example trust center in a real Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.sitebuild import REPO, run_build, serve


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = run_build(REPO, site=tmp_path_factory.mktemp("example") / "site")
    assert build.returncode == 0, build.output
    with serve(build.site) as url:
        yield url




@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_overview_is_readable_and_asks_no_other_origin(
    browser: Browser, example_site: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(example_site, wait_until="networkidle")
    card = page.locator("#attestation-soc2-type2-2026")
    assert card.is_visible()
    assert "Current" in card.inner_text()
    assert page.locator(".tc-controls-summary tbody tr").count() >= 8
    assert page.locator(".tc-subprocessors tbody tr").count() >= 10
    assert page.title() == "Overview - Lanternfish Labs Trust Center"
    assert [url for url in requested if not url.startswith(example_site)] == []
    page.get_by_role("link", name="Access control").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{example_site}controls/#controls-access"
    assert page.locator("#control-ac-01").is_visible()
    assert [url for url in requested if not url.startswith(example_site)] == []
    assert errors == []
    context.close()


def test_overview_screenshot_renders(browser: Browser, example_site: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(example_site, wait_until="networkidle")
    shot = tmp_path / "overview.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.evaluate("document.documentElement.scrollHeight") > 2000
    page.close()


@pytest.mark.parametrize("path", ["", "controls/"])
def test_overview_and_controls_print_cleanly(
    browser: Browser, example_site: str, path: str, tmp_path: Path
) -> None:
    page = browser.new_page()
    page.goto(example_site + path, wait_until="networkidle")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-search"):
        assert all(not item.is_visible() for item in page.locator(chrome).all()), chrome
    external = page.locator(".md-typeset a[href^='http'], .md-typeset a[href^='mailto']").first
    shown = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in shown  # the link's target is printed
    kept_whole = ".tc-attestations li" if path == "" else ".tc-controls tbody tr"
    assert page.locator(kept_whole).first.evaluate(
        "el => getComputedStyle(el).breakInside") == "avoid"
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    page.close()
