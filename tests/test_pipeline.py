"""``trustcenter build`` on every builder: the same checked site, or no change at all."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import BUILDERS, DEFAULT_TODAY, Build, run_build, run_pipeline
from tests.test_site import PAYLOADS

pytestmark = pytest.mark.build

CANARY = re.compile(rb"(?:internal|gated)-[a-z0-9-]*canary[a-z0-9-]*")
EXPORTS = ("trust.json", "trust.schema.json", "feeds/subprocessors.xml", "feeds/updates.xml",
           ".well-known/security.txt")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _leaks(build: Build) -> set[tuple[str, str]]:
    return {(str(f.relative_to(build.site)), hit.decode())
            for f in build.files() for hit in CANARY.findall(f.read_bytes())}


def _no_workspace_left(project: Path) -> None:
    left = [p.name for p in project.iterdir() if p.name.startswith(".trustcenter-build-")]
    left += [p.name for p in project.iterdir() if p.name.startswith(".site.")]
    assert left == []


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_gives_the_checked_site(scenario: Any, builder: str) -> None:
    project = scenario("overview")
    build = run_pipeline(project, builder)
    assert build.returncode == 0, build.output
    assert "trustcenter build: ok" in build.output
    for name in EXPORTS:
        assert (build.site / name).is_file(), name
    pages = sorted(build.site.rglob("*.html"))
    assert len(pages) >= 9
    for page in pages:
        head = page.read_text("utf-8").split("</head>")[0]
        assert 'http-equiv="Content-Security-Policy"' in head, page
    index = build.page()
    assert "<title>Overview - Canary Widgets Trust Center</title>" in index
    soup = BeautifulSoup(build.page("controls/index.html"), "html.parser")
    assert [row["id"] for row in soup.select(".tc-controls tbody tr")] == [
        "control-ac-01", "control-ac-02", "control-gov-01"]
    assert _leaks(build) == set()
    _no_workspace_left(project)


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_planted_leak_fails_and_leaves_the_previous_site(scenario: Any, builder: str) -> None:
    project = scenario("overview")
    assert run_pipeline(project, builder).returncode == 0
    before = _snapshot(project / "site")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nOur note: internal-notes-canary-ac01\n", "utf-8")
    build = run_pipeline(project, builder)
    assert build.returncode == 1, build.output
    assert "leak guard" in build.output
    assert "data/controls.yml: controls[0].internal.notes" in build.output
    assert _snapshot(project / "site") == before
    _no_workspace_left(project)


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_data_error_leaves_the_previous_site(scenario: Any, builder: str) -> None:
    project = scenario("overview")
    assert run_pipeline(project, builder).returncode == 0
    before = _snapshot(project / "site")
    controls = project / "data" / "controls.yml"
    controls.write_text(controls.read_text("utf-8").replace(
        "    category: access\n", "    catgory: access\n", 1), "utf-8")
    build = run_pipeline(project, builder)
    assert build.returncode == 1
    assert "unknown key 'catgory': did you mean 'category'?" in build.output
    assert _snapshot(project / "site") == before
    _no_workspace_left(project)


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_failing_builder_leaves_the_previous_site(scenario: Any, builder: str) -> None:
    project = scenario("overview")
    assert run_pipeline(project, builder).returncode == 0
    before = _snapshot(project / "site")
    page = project / "docs" / "index.md"  # a macro that does not exist: on_undefined strict
    page.write_text(page.read_text("utf-8") + "\n{{ no_such_section() }}\n", "utf-8")
    build = run_pipeline(project, builder)
    assert build.returncode == 1, build.output
    assert f"trustcenter build: failed: {builder}" in build.output
    assert _snapshot(project / "site") == before
    _no_workspace_left(project)


@pytest.mark.parametrize("builder", BUILDERS)
def test_strict_fails_on_a_data_warning_on_every_builder(scenario: Any, builder: str) -> None:
    project = scenario("overview")
    # On 20 December 2026 the short access grant has expired: a warning, not an error.
    lenient = run_pipeline(project, builder, today="2026-12-20", strict=False)
    assert lenient.returncode == 0, lenient.output
    strict = run_pipeline(project, builder, today="2026-12-20", site=project / "strict")
    assert strict.returncode == 1
    assert "(--strict)" in strict.output
    assert not (project / "strict").exists()


@pytest.mark.parametrize("builder", BUILDERS)
def test_page_expressions_are_escaped_on_every_builder(scenario: Any, builder: str) -> None:
    project = scenario("overview")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text("utf-8") + '\n{{ "<i>page expression</i>" }}\n', "utf-8")
    build = run_pipeline(project, builder)
    assert build.returncode == 0, build.output
    soup = BeautifulSoup(build.page(), "html.parser")
    assert not soup.find_all("i", string="page expression")
    assert "<i>page expression</i>" in soup.get_text()


def test_a_direct_zensical_build_stops_with_the_message(scenario: Any) -> None:
    project = scenario("overview")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTCENTER_")}
    env["TRUSTCENTER_TODAY"] = DEFAULT_TODAY
    done = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "Zensical cannot run the trust center's after-build steps" in output
    assert "trustcenter build --builder zensical" in output
    assert not (project / "site" / "index.html").exists()


def test_a_direct_mkdocs_build_still_runs_every_step(scenario: Any) -> None:
    project = scenario("overview")
    build = run_build(project)
    assert build.returncode == 0, build.output
    for name in EXPORTS:
        assert (build.site / name).is_file(), name
    assert 'http-equiv="Content-Security-Policy"' in build.page()
    assert _leaks(build) == set()


def test_a_stray_pipeline_variable_does_not_skip_the_steps(scenario: Any) -> None:
    # TRUSTCENTER_PIPELINE left in a shell or a CI job: a direct build is still not run by
    # trustcenter build (no staging folder handed over), so it does every step itself.
    project = scenario("overview")
    build = run_build(project, extra_env={"TRUSTCENTER_PIPELINE": "1"})
    assert build.returncode == 0, build.output
    for name in EXPORTS:
        assert (build.site / name).is_file(), name
    assert 'http-equiv="Content-Security-Policy"' in build.page()


@pytest.mark.parametrize("builder", BUILDERS)
def test_yaml_values_are_text_on_every_builder(scenario: Any, builder: str) -> None:
    project = scenario("overview")
    for filename, replacements in PAYLOADS.items():
        path = project / "data" / filename
        text = path.read_text("utf-8")
        for old, new in replacements:
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
    build = run_pipeline(project, builder)
    assert build.returncode == 0, build.output
    for page in build.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()], page
        assert not soup.find_all(attrs={"onerror": True}), page
        assert not soup.find_all(attrs={"onload": True}), page
        assert not soup.find_all(attrs={"onmouseover": True}), page
    title = BeautifulSoup(build.page(), "html.parser").title
    assert title is not None
    assert title.get_text() == "Overview - <script>alert(1)</script> Trust Center"


def test_a_direct_mkdocs_build_without_the_plugin_stops(scenario: Any) -> None:
    project = scenario("overview")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "  - trustcenter\n" in text
    config.write_text(text.replace("  - trustcenter\n", "", 1), "utf-8")
    build = run_build(project)
    assert build.returncode != 0
    assert "the 'trustcenter' plugin is not in mkdocs.yml's plugins" in build.output
    assert not (project / "site" / "index.html").exists()
    # trustcenter build needs no plugin: it runs every step itself.
    assert run_pipeline(project).returncode == 0


@pytest.mark.parametrize(("builder", "loads"), [("mkdocs", 1), ("properdocs", 2),
                                               ("zensical", 2)])
def test_the_data_is_loaded_once_per_process(scenario: Any, builder: str, loads: int) -> None:
    """Zensical calls define_env once per page: the data must not be loaded per page.

    MkDocs runs in the pipeline's process: one load; the others run in a subprocess:
    one load to validate, one in the builder's process."""
    project = scenario("overview")
    probe = project / "count_loads.py"
    probe.write_text(
        "import sys, trustcenter.loader as loader\n"
        "original = loader.load\n"
        "def counted(*args, **kwargs):\n"
        "    sys.stderr.write('LOADED-DATA\\n')\n"
        "    return original(*args, **kwargs)\n"
        "loader.load = counted\n", "utf-8")
    env = {"PYTHONPATH": str(project), "PYTHONSTARTUP": ""}
    site_customize = project / "sitecustomize.py"
    site_customize.write_text("import count_loads  # noqa: F401\n", "utf-8")
    build = run_pipeline(project, builder, extra_env=env)
    assert build.returncode == 0, build.output
    assert build.output.count("LOADED-DATA") == loads, build.output
