"""The data a build checked is handed to its builder's process only under that build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.unit_support import DataFolder
from trustcenter import site_macros
from trustcenter.pipeline import PIPELINE_VARIABLE, STAGING_VARIABLE


@pytest.fixture
def staging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "staging"
    folder.mkdir()
    monkeypatch.setenv(PIPELINE_VARIABLE, "1")
    monkeypatch.setenv(STAGING_VARIABLE, str(folder))
    site_macros._cache.clear()
    return folder


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    import trustcenter.loader

    calls: list[Path] = []
    original = trustcenter.loader.load

    def counted(folder: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(folder)
        return original(folder, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trustcenter.loader, "load", counted)
    return calls


def test_the_builder_process_takes_the_checked_data(
    example: DataFolder, staging: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = site_macros.load_once(example.path, example.today, report=False)
    site_macros.hand_over(first, staging)
    site_macros._cache.clear()  # as a new process starts
    loads = _loads(monkeypatch)
    again = site_macros.load_once(example.path, example.today, report=False)
    assert loads == []
    assert again.result.trust_center == first.result.trust_center
    assert again.renderer is not None


@pytest.mark.parametrize("change", ["date", "data", "site_url", "no pipeline", "stray"])
def test_other_data_or_another_build_loads_again(
    example: DataFolder, staging: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    first = site_macros.load_once(example.path, example.today, report=False)
    site_macros.hand_over(first, staging)
    site_macros._cache.clear()
    today, site_url = example.today, None
    if change == "date":
        today = today.replace(day=today.day - 1)
    elif change == "data":
        example.edit("faq.yml", "question: Is customer", "question:  Is customer")  # other size
    elif change == "site_url":
        site_url = "https://elsewhere.example/"
    elif change == "no pipeline":
        monkeypatch.delenv(PIPELINE_VARIABLE)
    else:  # the variable left in a shell, the build's folder gone
        monkeypatch.setenv(STAGING_VARIABLE, str(staging.parent / "gone"))
    loads = _loads(monkeypatch)
    site_macros.load_once(example.path, today, site_url=site_url, report=False)
    assert len(loads) == 1
