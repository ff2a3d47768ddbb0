"""Shared fixtures: scenario sites built for real with MkDocs, and the system Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sitebuild import REPO, SCENARIOS


@pytest.fixture
def scenario(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``tests/scenarios/<name>`` into a temporary folder, ready to edit and build.

    The copy links the repository's ``overrides/`` and ``macros/``, so a scenario tests
    the real theme overrides and macros with its own ``mkdocs.yml``, pages and data.
    """

    def make(name: str) -> Path:
        project = tmp_path / name
        shutil.copytree(SCENARIOS / name, project)
        for shared in ("overrides", "macros"):
            (project / shared).symlink_to(REPO / shared, target_is_directory=True)
        return project

    return make


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Debian's Chromium; skip without it, but never under CI."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required under CI (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium to run this test)")
    return path
