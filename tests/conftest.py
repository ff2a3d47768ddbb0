"""Shared fixtures: scenario sites built for real with MkDocs, and the system Chromium."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

import trustcenter.problems
from tests.sitebuild import copy_scenario
from trustcenter.problems import Problem

_PACKAGE = str(Path(trustcenter.problems.__file__).parent)


@pytest.fixture(autouse=True, scope="session")
def _every_problem_has_a_rule_id() -> Iterator[None]:
    """Fail any test in which the product emits a Problem without a rule id.

    Problems built by the tests themselves may go without one; a Problem built anywhere
    in the ``trustcenter`` package must name its rule (see ``trustcenter/rules.py``).
    """
    original = Problem.__post_init__

    def checked(self: Problem) -> None:
        original(self)
        caller = sys._getframe(2).f_code.co_filename  # 1: dataclass __init__, 2: its caller
        if not self.rule and caller.startswith(_PACKAGE):
            raise AssertionError(f"{caller}: a Problem without a rule id: {self.message!r}")

    Problem.__post_init__ = checked  # type: ignore[method-assign]
    yield
    Problem.__post_init__ = original  # type: ignore[method-assign]


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
