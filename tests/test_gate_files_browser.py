"""The gated files in Debian's Chromium: a code holder downloads each file byte-identical,
and every way a download must fail saves nothing and says why."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Download, Page

from tests.sitebuild import copy_scenario, serve
from tests.test_gate_site import SCENARIO_FILES, code_for, publish
from trustcenter.gate import new_secret

SECRET = new_secret()
ACTIVE = code_for(SECRET, "active-grant")
SHORT = code_for(SECRET, "short-grant", 2)
WRONG_CODE = "This access code does not open this page"
DAMAGED = "The file failed its integrity check (it was changed or cut short), so nothing was saved"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The scenario published with SECRET, with another secret, and once the short grant ran out."""
    sites = {}
    for label, secret, today in (("current", SECRET, "2026-11-26"),
                                 ("rotated", new_secret(), "2026-11-26"),
                                 ("later", SECRET, "2026-12-20")):
        project = copy_scenario("overview", tmp_path_factory.mktemp(label))
        build = publish(project, secret, today=today, strict=False)
        assert build.returncode == 0, build.output
        sites[label] = build.site
        sites["restricted"] = project / "restricted"
    return sites


@contextmanager
def opened(browser: Browser, site: Path) -> Iterator[tuple[Page, list[str], list[Download]]]:
    """The reports page of ``site``; yields it, the other-origin requests, and downloads."""
    with serve(site) as url:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        elsewhere: list[str] = []
        downloads: list[Download] = []
        errors: list[str] = []

        def route(request_route, request) -> None:  # type: ignore[no-untyped-def]
            if request.url.startswith(url) or request.url.startswith("blob:" + url):
                request_route.continue_()
            else:  # recorded and aborted: tests never leave the machine
                elsewhere.append(request.url)
                request_route.abort()

        context.route("**/*", route)
        page.on("download", lambda download: downloads.append(download))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{url}reports/")
        yield page, elsewhere, downloads
        assert errors == []
        context.close()


def unlock(page: Page, code: str) -> str:
    page.fill("#tc-gate-code", code)
    page.click("button:has-text('Unlock')")
    page.wait_for_selector(".tc-gate--open, .tc-gate--error")
    return page.locator(".tc-gate__message").inner_text()


def click_and_wait(page: Page, identity: str) -> str:
    """Click a file's button; the file's status once the browser is done with it."""
    item = page.locator(f".tc-file:has([data-identity='{identity}'])")
    item.locator("button").click()
    status = item.locator(".tc-file__status")
    page.wait_for_function(
        "(el) => el.textContent && !el.textContent.startsWith('Downloading')",
        arg=status.element_handle())
    return status.inner_text()


def test_a_valid_code_downloads_every_file_byte_identical(
    browser: Browser, built: dict[str, Path]
) -> None:
    with opened(browser, built["current"]) as (page, elsewhere, downloads):
        assert page.locator("[data-tc-request-access]").is_visible()
        message = unlock(page, ACTIVE)
        assert "gated-grant-label-canary-active" in message
        assert "valid through 31 January 2027" in message
        assert page.locator("[data-tc-request-access]").is_hidden()
        for identity, path in SCENARIO_FILES.items():
            original = (built["restricted"] / path).read_bytes()
            digest = hashlib.sha256(original).hexdigest()
            item = page.locator(f".tc-file:has([data-identity='{identity}'])")
            assert digest in item.inner_text()  # the page shows the SHA-256 to verify with
            with page.expect_download() as info:
                item.locator("button").click()
            download = info.value
            assert download.suggested_filename == Path(path).name
            saved = Path(download.path()).read_bytes()
            assert hashlib.sha256(saved).hexdigest() == digest
            assert saved == original
            page.wait_for_function(
                "(el) => el.textContent.startsWith('Saved as')",
                arg=item.locator(".tc-file__status").element_handle())
        assert len(downloads) == len(SCENARIO_FILES)
        assert elsewhere == []


def test_an_unlabelled_grant_is_named_by_its_id(browser: Browser, built: dict[str, Path]) -> None:
    with opened(browser, built["current"]) as (page, _, _):
        assert "shared with short-grant, valid through 15 December 2026" in unlock(page, SHORT)


@pytest.mark.parametrize(
    ("site", "code"),
    [
        pytest.param("current", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", id="wrong-code"),
        pytest.param("later", SHORT, id="expired-grant"),
        pytest.param("rotated", ACTIVE, id="rotated-secret"),
    ],
)
def test_no_valid_code_no_file(
    browser: Browser, built: dict[str, Path], site: str, code: str
) -> None:
    with opened(browser, built[site]) as (page, elsewhere, downloads):
        assert WRONG_CODE in unlock(page, code)
        assert page.locator("[data-tc-file]").count() == 0  # no file is even listed
        assert page.locator("[data-tc-request-access]").is_visible()
        assert downloads == [] and elsewhere == []


def _altered(site: Path, into: Path, change) -> Path:  # type: ignore[no-untyped-def]
    copy = into / "site"
    shutil.copytree(site, copy)
    for asset in (copy / "assets" / "files").iterdir():
        asset.write_bytes(change(asset.read_bytes()))
    return copy


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(lambda b: b[:-1], DAMAGED, id="cut-by-one-byte"),
        pytest.param(lambda b: b[: len(b) // 2], DAMAGED, id="truncated"),
        pytest.param(lambda b: b[:40] + bytes([b[40] ^ 0x01]) + b[41:], DAMAGED,
                     id="one-bit-flipped"),
        pytest.param(lambda b: b[:4] + b"\x09" + b[5:], "in a format this page cannot read",
                     id="unknown-version"),
    ],
)
def test_a_tampered_asset_saves_nothing_and_says_why(
    browser: Browser, built: dict[str, Path], tmp_path: Path, change, message: str  # type: ignore[no-untyped-def]
) -> None:
    site = _altered(built["current"], tmp_path, change)
    with opened(browser, site) as (page, elsewhere, downloads):
        unlock(page, ACTIVE)
        for identity in SCENARIO_FILES:
            assert message in click_and_wait(page, identity)
        assert downloads == [] and elsewhere == []


def test_an_asset_in_another_files_place_saves_nothing(
    browser: Browser, built: dict[str, Path], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built["current"], site)
    first, second, *_ = sorted((site / "assets" / "files").iterdir())
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    with opened(browser, site) as (page, _, downloads):
        unlock(page, ACTIVE)
        results = [click_and_wait(page, identity) for identity in SCENARIO_FILES]
        assert sum(DAMAGED in r for r in results) == 2
        assert len(downloads) == len(SCENARIO_FILES) - 2


def test_a_page_unlocked_before_a_secret_rotation_saves_nothing_after_it(
    browser: Browser, built: dict[str, Path], tmp_path: Path
) -> None:
    """The page stays open in a tab while the site is republished under a new secret."""
    served = tmp_path / "served"
    shutil.copytree(built["current"], served)
    with opened(browser, served) as (page, _, downloads):
        unlock(page, ACTIVE)
        shutil.rmtree(served / "assets" / "files")
        shutil.copytree(built["rotated"] / "assets" / "files", served / "assets" / "files")
        for identity in SCENARIO_FILES:
            assert "could not be fetched (HTTP 404)" in click_and_wait(page, identity)
        assert downloads == []
