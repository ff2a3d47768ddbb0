"""Editor support and pre-commit: committed schemas, modelines, hooks that really run."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.sitebuild import REPO
from trustcenter.model import DATA_FILES
from trustcenter.schema import schema_name, schemas, stale_schemas

DATA = sorted(REPO.glob("data/*.yml"))


def _as_json(value: Any) -> Any:
    """YAML values as an editor's YAML server sees them: dates are strings."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_committed_schemas_equal_the_generated_ones() -> None:
    assert stale_schemas(REPO / "schema") == []
    assert sorted(p.name for p in (REPO / "schema").glob("*.json")) == sorted(schemas())


def test_a_changed_schema_is_reported_stale(tmp_path: Path) -> None:
    for name, text in schemas().items():
        (tmp_path / name).write_text(text)
    (tmp_path / "faq.schema.json").write_text("{}\n")
    assert stale_schemas(tmp_path) == ["faq.schema.json"]


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_example_data_validates_against_its_schema_and_names_it(path: Path) -> None:
    assert path.name in DATA_FILES
    first = path.read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{schema_name(path.name)}"
    schema = json.loads((REPO / "schema" / schema_name(path.name)).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_as_json(yaml.safe_load(path.read_text())))


def test_the_schema_rejects_a_misspelt_key_and_an_unknown_criterion() -> None:
    schema = json.loads((REPO / "schema" / "controls.schema.json").read_text())
    data = _as_json(yaml.safe_load((REPO / "data" / "controls.yml").read_text()))
    data["controls"][0]["catgory"] = data["controls"][0].pop("category")
    with pytest.raises(jsonschema.ValidationError, match="catgory"):
        jsonschema.validate(data, schema)
    data["controls"][0]["category"] = data["controls"][0].pop("catgory")
    data["controls"][0]["criteria"] = ["CC6.9"]
    with pytest.raises(jsonschema.ValidationError, match=r"CC6\.9"):
        jsonschema.validate(data, schema)


def _pre_commit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("pre-commit")
    return subprocess.run([str(tool), *args], cwd=cwd, capture_output=True, text=True,
                          check=False, timeout=300)


def test_hook_manifest_and_config_are_valid() -> None:
    assert _pre_commit("validate-manifest", ".pre-commit-hooks.yaml", cwd=REPO).returncode == 0
    assert _pre_commit("validate-config", ".pre-commit-config.yaml", cwd=REPO).returncode == 0
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    scripts = {"trustcenter"}  # the console script pyproject.toml declares
    assert {h["entry"].split()[0] for h in hooks} <= scripts


def test_the_check_hook_fails_a_commit_with_bad_data(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is needed to run pre-commit")
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "data", repo / "data")
    shutil.copytree(REPO / "restricted", repo / "restricted")  # the files data/ lists
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "trustcenter").symlink_to(
        Path(sys.executable).with_name("trustcenter"))
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    config["repos"][0]["hooks"] = [h for h in config["repos"][0]["hooks"]
                                   if h["id"] == "trustcenter-check"]
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    env = {**os.environ, "TRUSTCENTER_TODAY": "2026-11-26"}
    run = [str(Path(sys.executable).with_name("pre-commit")), "run", "--all-files"]
    ok = subprocess.run(run, cwd=repo, capture_output=True, text=True, env=env, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    controls = repo / "data" / "controls.yml"
    controls.write_text(controls.read_text().replace("    category: ", "    catgory: ", 1))
    failed = subprocess.run(run, cwd=repo, capture_output=True, text=True, env=env,
                            check=False)
    assert failed.returncode == 1
    assert "unknown key 'catgory': did you mean 'category'?" in failed.stdout
