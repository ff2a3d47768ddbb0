"""macros/: under mkdocs serve the core is imported again only when its source changed."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[2]


def _macros() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "macros_under_test", REPO / "macros" / "__init__.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stamp_is_the_same_when_the_project_is_put_on_the_path_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # mkdocs-macros puts the project folder on sys.path again on every rebuild.
    macros = _macros()
    first = macros._source_stamp()
    for _ in range(3):
        monkeypatch.syspath_prepend(str(REPO))
    assert macros._source_stamp() == first
    assert any(name.endswith("site_macros.py") for name, _ in first)


def test_the_stamp_changes_with_a_source_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "trustcenter"
    package.mkdir()
    module = package / "status.py"
    module.write_text("X = 1\n", "utf-8")
    locations = [str(package), str(package), "__editable__.finder.__path_hook__"]
    spec = SimpleNamespace(submodule_search_locations=locations)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    macros = _macros()
    first = macros._source_stamp()
    assert first == ((str(module.resolve()), module.stat().st_mtime_ns),)
    os.utime(module, ns=(0, module.stat().st_mtime_ns + 1_000_000))
    assert macros._source_stamp() != first
