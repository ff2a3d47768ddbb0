"""The example trust center in a real Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
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
    # Each link to another site is numbered in the text and its address listed at the end;
    # a page without such links gets no empty list.
    if path == "":
        marker = page.locator(".tc-print-ref").first
        assert marker.is_visible()
        href = marker.evaluate("sup => sup.previousElementSibling.getAttribute('href')")
        assert marker.evaluate("sup => getComputedStyle(sup, '::after').content") == (
            f'"[{marker.get_attribute("data-ref")}]"')
        number = int(marker.get_attribute("data-ref") or 0)
        listed = page.locator(".tc-print-links li").nth(number - 1)
        assert listed.is_visible() and listed.inner_text() == href.removeprefix("mailto:")
    else:
        assert page.locator(".tc-print-ref, .tc-print-links").count() == 0
    kept_whole = ".tc-attestations li" if path == "" else ".tc-controls tbody tr"
    assert page.locator(kept_whole).first.evaluate(
        "el => getComputedStyle(el).breakInside") == "avoid"
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    page.close()


def test_the_overview_prints_as_a_summary_of_at_most_three_pages(
    browser: Browser, example_site: str, tmp_path: Path
) -> None:
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("poppler-utils (pdfinfo, pdftotext) are required under CI")
        pytest.skip("poppler-utils is not installed (apt-get install poppler-utils)")
    page = browser.new_page()
    page.goto(example_site, wait_until="networkidle")
    pdf = tmp_path / "overview.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert pages <= 3
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # What a reviewer files: reports and standing, scope, subprocessors, contacts, links.
    for expected in ("SOC 2 Type 2", "Treated as current until", "Trust Services Criteria in scope",
                     "Subprocessors", "Cirrusvault", "Contact", "Links"):
        assert expected in text, expected
    # Not in the summary: the ways to navigate, subscribe or request on screen.
    for absent in ("Get the audit reports", "Subscribe to changes", "Security updates (Atom feed)"):
        assert absent not in text, absent
