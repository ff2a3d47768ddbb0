from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import trustcenter.loader
from tests.unit.unit_support import TODAY, VALID_DATA
from trustcenter.gcpause import paused_collection
from trustcenter.loader import load


@pytest.fixture(autouse=True)
def _collector_enabled() -> Iterator[None]:
    """Each test starts with the collector on, and leaves it as it found it."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_collector_is_off_inside_and_back_on_after() -> None:
    with paused_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_is_back_on_after_an_error() -> None:
    with pytest.raises(KeyError), paused_collection():
        raise KeyError("x")
    assert gc.isenabled()


@pytest.mark.parametrize("outer", [True, False], ids=["nested", "already-off"])
def test_a_caller_that_turned_it_off_keeps_it_off(outer: bool) -> None:
    if outer:
        with paused_collection():
            with paused_collection():
                pass
            assert not gc.isenabled()
    else:
        gc.disable()
        with paused_collection():
            pass
        assert not gc.isenabled()


def test_load_reads_and_validates_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    parse, validate = trustcenter.loader.parse_yaml, trustcenter.loader.validate

    def parse_yaml(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return parse(*args)

    def checked_validate(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return validate(*args)

    monkeypatch.setattr(trustcenter.loader, "parse_yaml", parse_yaml)
    monkeypatch.setattr(trustcenter.loader, "validate", checked_validate)
    result = load(VALID_DATA, TODAY)
    assert result.problems == []
    assert seen and not any(seen)
    assert gc.isenabled()


def test_load_turns_the_collector_back_on_when_it_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nowhere", TODAY)
    assert gc.isenabled()
