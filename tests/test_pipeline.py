"""``trustcenter build`` on every builder: the same checked site, or no change at all."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import BUILDERS, CLI_MODULE, DEFAULT_TODAY, Build, run_build, run_pipeline
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


#: Ways a build fails after a good one: (file, text replaced, its replacement, what the
#: output must say). ``{builder}`` is filled in with the builder's name.
FAILURES = {
    "planted-leak": (
        "docs/index.md", "", "\nOur note: internal-notes-canary-ac01\n",
        ("leak guard", "data/controls.yml: controls[0].internal.notes"),
    ),
    "data-error": (
        "data/controls.yml", "    category: access\n", "    catgory: access\n",
        ("unknown key 'catgory': did you mean 'category'?",),
    ),
    "failing-builder": (  # a macro that does not exist: on_undefined strict
        "docs/index.md", "", "\n{{ no_such_section() }}\n",
        ("trustcenter build: failed: {builder}",),
    ),
}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("builder", BUILDERS)
def test_a_failed_build_leaves_the_previous_site(scenario: Any, builder: str, failure: str) -> None:
    """A leak, a data error or a failing builder: exit 1, the reason, site/ byte-identical."""
    name, old, new, said = FAILURES[failure]
    project = scenario("overview")
    assert run_pipeline(project, builder).returncode == 0
    before = _snapshot(project / "site")
    path = project / name
    text = path.read_text("utf-8")
    path.write_text(text.replace(old, new, 1) if old else text + new, "utf-8")
    build = run_pipeline(project, builder)
    assert build.returncode == 1, build.output
    for words in said:
        assert words.format(builder=builder) in build.output, build.output
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


def _direct_zensical(project: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTCENTER_")}
    env.update(TRUSTCENTER_TODAY=DEFAULT_TODAY, **extra)
    return subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize("extra", [{}, {"TRUSTCENTER_PIPELINE": "1"}], ids=["plain", "stray"])
def test_a_direct_zensical_build_stops_before_it_writes(
    scenario: Any, extra: dict[str, str]
) -> None:
    # It stops while reading mkdocs.yml (trustcenter/direct_builds.py): the previous site
    # stays byte-identical and Zensical writes not even its cache. A TRUSTCENTER_PIPELINE
    # left in a shell is not trustcenter build running it (no staging folder).
    project = scenario("overview")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>the previous site</p>", "utf-8")
    before = _snapshot(project / "site")
    done = _direct_zensical(project, **extra)
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "Zensical cannot run the trust center's after-build steps" in output
    assert "trustcenter build --builder zensical" in output
    assert _snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == [
        "data", "docs", "macros", "mkdocs.yml", "overrides", "restricted", "site"]


def test_without_the_config_guard_zensical_stops_at_the_macros(scenario: Any) -> None:
    # An older mkdocs.yml without extra.trustcenter_pipeline: the macros still refuse, but
    # Zensical has written files by then; trustcenter build warns about the missing line.
    project = scenario("overview")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(re.sub(r"extra:\n(  .*\n)*?  trustcenter_pipeline: .*\n", "", text), "utf-8")
    done = _direct_zensical(project)
    assert done.returncode != 0
    assert "Zensical cannot run the trust center's after-build steps" in done.stdout + done.stderr
    assert not (project / "site" / "index.html").exists()
    lenient = run_pipeline(project, "mkdocs", strict=False)
    assert lenient.returncode == 0, lenient.output
    assert "does not name trustcenter.direct_builds.REQUIRED" in lenient.output
    strict = run_pipeline(project, "mkdocs", site=project / "strict")
    assert strict.returncode == 1 and not (project / "strict").exists()


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


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_data_is_loaded_once_per_build(scenario: Any, builder: str) -> None:
    """Zensical calls define_env once per page: the data must not be loaded per page.

    MkDocs, and ProperDocs under the console script, run in the pipeline's process and
    reuse its load; Zensical runs in a subprocess, which takes the data the pipeline
    checked (site_macros.hand_over)."""
    loads = 1
    project = scenario("overview")
    probe = project / "count_loads.py"
    probe.write_text(
        "import sys, trustcenter.loader as loader\n"
        "original = loader.load\n"
        "def counted(*args, **kwargs):\n"
        "    sys.stderr.write('LOADED-DATA\\n')\n"
        "    return original(*args, **kwargs)\n"
        "loader.load = counted\n", "utf-8")
    path = os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")]))
    env = {"PYTHONPATH": path, "PYTHONSTARTUP": ""}
    site_customize = project / "sitecustomize.py"
    site_customize.write_text("import count_loads  # noqa: F401\n", "utf-8")
    build = run_pipeline(project, builder, extra_env=env)
    assert build.returncode == 0, build.output
    assert build.output.count("LOADED-DATA") == loads, build.output


@pytest.mark.parametrize(("builder", "said"), [("properdocs", "Building documentation to"),
                                               ("zensical", "Build finished")])
def test_a_builder_gives_the_same_site_in_the_command_and_in_a_subprocess(
    scenario: Any, builder: str, said: str
) -> None:
    """The console script runs ProperDocs and Zensical in its own process; a caller that
    goes on, in a subprocess (handing the checked data over). Same site, byte for byte."""
    project = scenario("overview")
    here = run_pipeline(project, builder, site=project / "here")
    apart = run_pipeline(project, builder, site=project / "apart", module=CLI_MODULE)
    assert here.returncode == 0, here.output
    assert apart.returncode == 0, apart.output
    assert _snapshot(project / "here") == _snapshot(project / "apart")
    for build in (here, apart):  # the builder's own command ran, and said so
        assert said in build.output


def _pipeline_process(
    project: Path, builder: str, site: Path, today: str = DEFAULT_TODAY
) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTCENTER_")}
    env.update(TRUSTCENTER_TODAY=today, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "trustcenter.cli", "build", "--strict", "--builder",
               builder, "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def test_a_second_build_of_a_project_waits_for_the_first(scenario: Any) -> None:
    # This test holds the project's lock as a running build would; a build started
    # meanwhile says it waits, writes nothing, and builds once the lock is free.
    import fcntl

    from trustcenter.publish import LOCK_NAME

    project = scenario("overview")
    with (project / LOCK_NAME).open("a+", encoding="utf-8") as held:
        held.write("process 1 (this test)\n")
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting = _pipeline_process(project, "zensical", project / "site")
        assert waiting.stdout is not None
        first = waiting.stdout.readline()
        while first.startswith(("info:", "data/")):  # what the data check says first
            first = waiting.stdout.readline()
        assert first.startswith("waiting: another trustcenter build of "), first
        assert "process 1 (this test)" in first
        assert waiting.poll() is None
        assert not (project / "site").exists() and not (project / ".cache").exists()
        fcntl.flock(held, fcntl.LOCK_UN)
    output = first + waiting.communicate(timeout=300)[0]
    assert waiting.returncode == 0, output
    assert (project / "site" / "trust.json").is_file()


def test_two_zensical_builds_of_one_project_at_once(scenario: Any) -> None:
    # Zensical's cache is the project's .cache/, which each build cleans (--clean) and
    # which does not know the build date the macros used: two builds started at once, as
    # of two dates, take turns (the lock) and each gives the checked site of its date.
    project = scenario("overview")
    dates = {"a": "2026-11-25", "b": DEFAULT_TODAY}
    runs = {name: _pipeline_process(project, "zensical", project / name, today)
            for name, today in dates.items()}
    for run in runs.values():
        output = run.communicate(timeout=600)[0]
        assert run.returncode == 0, output
    for name, today in dates.items():
        build = Build(project, project / name, 0, "")
        for export in EXPORTS:
            assert (build.site / export).is_file(), (name, export)
        shown = set(re.findall(r'Statuses as of <time datetime="([0-9-]+)"', build.page()))
        assert shown == {today}, name
        assert json.loads((build.site / "trust.json").read_text("utf-8"))["generated"] == today
        assert _leaks(build) == set()
    _no_workspace_left(project)
