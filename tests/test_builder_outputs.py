"""The example trust center through ``trustcenter build`` on every builder, each output
checked by the real parsers and in Chromium, and rebuilds after a rotation or an expiry."""

from __future__ import annotations

import json
import os
from pathlib import Path

import feedparser
import jsonschema
import pytest
from playwright.sync_api import Browser, Page
from sectxt import Parser

from tests.sitebuild import BUILDERS, REPO, Build, copy_scenario, run_pipeline, serve
from tests.test_gate_site import code_for
from trustcenter.gate import new_secret
from trustcenter.links import broken_links

pytestmark = pytest.mark.build

SECRET = new_secret()
WRONG_CODE = "This access code does not open this page"


def _publish(project: Path, builder: str, secret: str, **kwargs: object) -> Build:
    env = {"TRUSTCENTER_GATE_SECRET": secret, "TRUSTCENTER_BUILD_MODE": "publish"}
    return run_pipeline(project, builder, extra_env=env, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module", params=BUILDERS)
def example(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Build]:
    """The repository's example, published (sealed) by one builder into a new folder."""
    builder = str(request.param)
    site = tmp_path_factory.mktemp(f"example-{builder}") / "site"
    build = _publish(REPO, builder, SECRET, site=site, strict=True)
    assert build.returncode == 0, build.output
    return builder, build


def test_the_example_has_every_page_with_its_policy(example: tuple[str, Build]) -> None:
    _, build = example
    pages = sorted(build.site.rglob("*.html"))
    assert {p.relative_to(build.site).as_posix() for p in pages} >= {
        "index.html", "controls/index.html", "criteria/index.html", "subprocessors/index.html",
        "documents/index.html", "faq/index.html", "updates/index.html", "reports/index.html",
        "404.html"}
    for page in pages:
        head = page.read_text("utf-8").split("</head>")[0]
        assert 'http-equiv="Content-Security-Policy"' in head, page
        assert "'unsafe-inline'" not in head.split("script-src")[1].split(";")[0]
    assert "<title>Overview - Lanternfish Labs Trust Center</title>" in build.page()
    assert broken_links(build.site, "/") == []


def test_the_example_leaks_nothing(example: tuple[str, Build]) -> None:
    _, build = example
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "trustcenter.cli", "guard", str(build.site)],
                          cwd=REPO, capture_output=True, text=True, check=False,
                          env={**os.environ, "TRUSTCENTER_TODAY": "2026-11-26"})
    assert done.returncode == 0, done.stdout + done.stderr
    raw = b"".join(p.read_bytes() for p in build.files())
    assert SECRET.encode() not in raw
    assert code_for(SECRET, "northwind-procurement").encode() not in raw


def test_the_example_exports_parse(example: tuple[str, Build]) -> None:
    _, build = example
    document = json.loads((build.site / "trust.json").read_text("utf-8"))
    schema = json.loads((build.site / "trust.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema)
    for feed in ("feeds/subprocessors.xml", "feeds/updates.xml"):
        parsed = feedparser.parse((build.site / feed).read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
        assert parsed.entries
    content = (build.site / ".well-known" / "security.txt").read_bytes()
    parser = Parser(content, urls="https://trust.lanternfish.example/.well-known/security.txt",
                    recommend_unknown_fields=False)
    assert parser.errors == []
    assert parser.is_valid()


def _unlock(page: Page, code: str) -> str:
    page.fill("#tc-gate-code", code)
    page.click("button:has-text('Unlock')")
    page.wait_for_selector(".tc-gate--open, .tc-gate--error")
    return page.locator(".tc-gate__message").inner_text()


def _refused(result: tuple[str, str]) -> bool:
    message, content = result
    return WRONG_CODE in message and content == ""


def _try(browser: Browser, site: Path, code: str) -> tuple[str, str]:
    """The gate's message and the revealed content after entering ``code`` on reports/."""
    with serve(site) as url:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{url}reports/")
        message = _unlock(page, code)
        content = page.locator(".tc-gate__content").inner_text()
        page.close()
        assert errors == []
        return message, content


def test_the_example_gate_opens_in_chromium(browser: Browser, example: tuple[str, Build]) -> None:
    _, build = example
    message, content = _try(browser, build.site, code_for(SECRET, "northwind-procurement"))
    assert "Unlocked" in message
    assert "SOC 2" in content
    message, content = _try(browser, build.site, code_for(SECRET, "harbor-bank-audit"))
    assert WRONG_CODE in message  # rotation 1: the code of rotation 0 is gone
    assert content == ""


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_rebuild_never_opens_with_an_old_code(
    browser: Browser, tmp_path: Path, builder: str
) -> None:
    """The same project folder rebuilt (so a builder's cache is there) after a change."""
    project = copy_scenario("overview", tmp_path)
    first, second = new_secret(), new_secret()
    assert _publish(project, builder, first).returncode == 0
    assert "Unlocked" in _try(browser, project / "site", code_for(first, "active-grant"))[0]
    assert "Unlocked" in _try(browser, project / "site", code_for(first, "short-grant", 2))[0]
    # The secret rotates: no old code opens the rebuilt page; the new one does.
    assert _publish(project, builder, second).returncode == 0
    assert _refused(_try(browser, project / "site", code_for(first, "active-grant")))
    assert "Unlocked" in _try(browser, project / "site", code_for(second, "active-grant"))[0]
    # The short grant expires on 15 December 2026: rebuilt later, its code no longer opens.
    later = _publish(project, builder, second, today="2026-12-20", strict=False)
    assert later.returncode == 0, later.output
    assert _refused(_try(browser, project / "site", code_for(second, "short-grant", 2)))
    assert "Unlocked" in _try(browser, project / "site", code_for(second, "active-grant"))[0]
