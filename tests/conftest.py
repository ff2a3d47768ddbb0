"""Shared fixtures: scenario sites built for real with MkDocs, and the system Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.sitebuild import copy_scenario


@pytest.fixture
def scenario(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``tests/scenarios/<name>`` into a temporary folder (see :func:`copy_scenario`)."""
    return lambda name: copy_scenario(name, tmp_path)


#: Debian's Chromium, as root, with no background traffic off this machine.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    """One headless Chromium for the session, driven by Playwright."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Debian's Chromium; skip without it, but never under CI."""
    path = (os.environ.get("TRUSTCENTER_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required under CI (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium to run this test)")
    return path
