from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.unit.unit_support import TODAY, VALID_DATA, assert_problem, where
from trustcenter.catalogue import Category
from trustcenter.loader import display_name, load, load_or_raise
from trustcenter.problems import DataError
from trustcenter.projection import project


def test_valid_data_loads_without_problems() -> None:
    result = load(VALID_DATA, TODAY)
    assert result.problems == []
    center = result.trust_center
    assert center is not None
    assert center.company.name == "Example Ledger"
    assert [a.id for a in center.attestations] == ["soc2-2025", "iso27001"]
    assert [c.id for c in center.categories] == ["access", "operations"]
    assert [c.id for c in center.controls] == ["AC-01", "OP-01", "GOV-01"]
    assert [s.id for s in center.subprocessors] == ["example-hosting"]
    in_scope = project(center, TODAY).categories_in_scope()
    assert in_scope == [Category.SECURITY, Category.AVAILABILITY]


def test_missing_data_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="data folder not found"):
        load(tmp_path / "nowhere", TODAY)


@pytest.mark.parametrize("name", ["company.yml", "attestations.yml", "controls.yml"])
def test_missing_required_file(data, name: str) -> None:
    data.remove(name)
    result = data.load()
    [problem] = result.problems
    assert_problem(problem, f"data/{name}:1:1: error", f"missing data file {name}",
                   f"create data/{name}")
    assert result.trust_center is None


def test_missing_optional_file_is_fine(data) -> None:
    data.remove("subprocessors.yml")
    result = data.load()
    assert result.problems == []
    assert result.trust_center is not None
    assert result.trust_center.subprocessors == []


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("control.yml", "did you mean 'controls.yml'?"),
        ("controls.yaml", "did you mean 'controls.yml'?"),
        ("zzz.yml", "expected one of: company.yml, attestations.yml, controls.yml"),
    ],
)
def test_unknown_data_file_warns(data, name: str, hint: str) -> None:
    data.write(name, b"anything: 1\n")
    result = data.load()
    [problem] = result.problems
    assert_problem(problem, f"data/{name}:1:1: warning",
                   f"unknown data file '{name}' is not read", hint)
    assert result.trust_center is not None
    assert result.warnings == [problem]
    assert result.errors == []


def test_other_files_are_ignored(data) -> None:
    data.write("README.md", b"# notes\n")
    assert data.load().problems == []


def test_every_problem_in_one_run_sorted_by_file_then_line(data) -> None:
    data.edit("subprocessors.yml", "- Germany", "- NO")  # found by validation (line 8)
    data.edit("subprocessors.yml", "added: 2024-03-01", "added: 2026-02-30")  # by parsing (11)
    data.edit("controls.yml", "category: operations", "category: operation")
    data.edit("controls.yml", "- CC6.2", "- CC6.9")
    data.edit("company.yml", "website: https://example.com", "website: javascript:void(0)")
    data.edit("attestations.yml", "start: 2025-01-01", "start: 2026-01-01")
    data.write("zzz.yml", b"- q\n")
    result = data.load()
    assert [where(p) for p in result.problems] == [
        "data/attestations.yml:10:12: error",
        "data/company.yml:3:10: error",
        "data/controls.yml:14:9: error",
        "data/controls.yml:20:15: error",
        "data/subprocessors.yml:8:9: error",
        "data/subprocessors.yml:11:12: error",
        "data/zzz.yml:1:1: warning",
    ]
    assert result.trust_center is None
    assert len(result.errors) == 6
    assert len(result.warnings) == 1


def test_load_or_raise_returns_model_and_warnings(data) -> None:
    data.edit("attestations.yml", "start: 2025-01-01", "start: 2025-10-15")
    center, warnings = load_or_raise(data.path, TODAY)
    assert center.company.name == "Example Ledger"
    assert [where(w) for w in warnings] == ["data/attestations.yml:10:12: warning"]


def test_load_or_raise_raises_with_every_problem(data) -> None:
    data.edit("controls.yml", "    category: access", "    catgory: access")
    data.edit("controls.yml", "- CC6.2", "- CC6.9")
    with pytest.raises(DataError) as caught:
        load_or_raise(data.path, TODAY)
    assert str(caught.value).splitlines() == [
        "2 error(s) in the trust center data:",
        "data/controls.yml:11:5: error: unknown key 'catgory': did you mean 'category'? "
        "(unknown-key)",
        "data/controls.yml:14:9: error: expected a Trust Services Criteria identifier, "
        "found 'CC6.9' (CC6 has CC6.1 to CC6.8) (unknown-criterion)",
    ]


def test_display_name_is_relative_below_working_directory(data) -> None:
    assert display_name(data.root / "data" / "company.yml") == os.path.join("data", "company.yml")


def test_display_name_outside_working_directory_is_absolute(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    elsewhere = tmp_path / "elsewhere" / "company.yml"
    assert display_name(elsewhere) == str(elsewhere)
