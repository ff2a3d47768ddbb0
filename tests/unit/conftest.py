from __future__ import annotations

import pytest

from tests.unit.unit_support import DataFolder
from trustcenter.clock import EPOCH_VARIABLE, TODAY_VARIABLE


@pytest.fixture(autouse=True)
def _no_date_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TODAY_VARIABLE, raising=False)
    monkeypatch.delenv(EPOCH_VARIABLE, raising=False)


@pytest.fixture
def data(tmp_path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    """A writable copy of tests/unit/data/valid at ./data, with tmp_path as working dir."""
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)
