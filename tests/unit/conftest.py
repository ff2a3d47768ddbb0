from __future__ import annotations

import pytest

from tests.unit.unit_support import EXAMPLE_DATA, EXAMPLE_TODAY, DataFolder
from trustcenter.clock import EPOCH_VARIABLE, TODAY_VARIABLE
from trustcenter.gate import MODE_VARIABLE, SECRET_VARIABLE


@pytest.fixture(autouse=True)
def _no_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in (TODAY_VARIABLE, EPOCH_VARIABLE, SECRET_VARIABLE, MODE_VARIABLE):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def data(tmp_path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    """A writable copy of tests/unit/data/valid at ./data, with tmp_path as working dir."""
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


@pytest.fixture
def example(tmp_path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    """A writable copy of the example company's data (tests/unit/data/example) at ./data."""
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path, EXAMPLE_DATA, EXAMPLE_TODAY)
