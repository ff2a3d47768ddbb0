"""Warnings when a built site nears GitHub Pages' limits, naming what counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustcenter import pages_limits
from trustcenter.pages_limits import limit_warnings


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "assets" / "files").mkdir(parents=True)
    (tmp_path / "index.html").write_bytes(b"x" * 300)
    (tmp_path / "assets" / "files" / "a.bin").write_bytes(b"y" * 600)
    return tmp_path


def test_far_from_the_limits_says_nothing(site: Path) -> None:
    assert limit_warnings(site, {"assets/files/a.bin"}) == []


@pytest.mark.parametrize(("limit", "state"), [(1000, "near"), (800, "over")])
def test_the_whole_site_counts(
    site: Path, monkeypatch: pytest.MonkeyPatch, limit: int, state: str
) -> None:
    monkeypatch.setattr(pages_limits, "SITE_LIMIT_BYTES", limit)
    [warning] = limit_warnings(site, {"assets/files/a.bin"})
    assert warning.startswith(f"the site is 0.0 MB, {state} GitHub Pages' limit of 1 GB")
    assert f"every file of {site} counts" in warning
    assert "the sealed files for code holders are 0.0 MB of it" in warning


def test_a_large_sealed_file_is_named(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages_limits, "FILE_WARN_BYTES", 500)
    [warning] = limit_warnings(site, {"assets/files/a.bin"})
    assert warning.startswith(f"the sealed file {site / 'assets/files/a.bin'} is 0.0 MiB")
    assert "over the 50 MiB at which GitHub warns" in warning
    monkeypatch.setattr(pages_limits, "FILE_LIMIT_BYTES", 550)
    [warning] = limit_warnings(site, set())
    assert warning.startswith("the file ") and "over the 100 MiB GitHub refuses" in warning
