"""Build scenario sites for real: ``mkdocs build`` in a subprocess, as a user runs it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
#: Variables a build reads; only what a test passes reaches it.
CONTROLLED_VARIABLES = ("TRUSTCENTER_TODAY", "SOURCE_DATE_EPOCH", "TRUSTCENTER_GATE_SECRET",
                        "TRUSTCENTER_BUILD_MODE")
#: The date every scenario is built as of, unless a test says otherwise.
DEFAULT_TODAY = "2026-11-26"


@dataclass
class Build:
    """The outcome of one ``mkdocs build`` run in a subprocess."""

    project: Path
    site: Path
    returncode: int
    output: str

    def page(self, name: str = "index.html") -> str:
        """The text of one page of the built site."""
        return (self.site / name).read_text("utf-8")

    def files(self) -> Iterator[Path]:
        """Every file under the output folder."""
        return (p for p in self.site.rglob("*") if p.is_file())


def run_build(project: Path, *, today: str | None = DEFAULT_TODAY, strict: bool = True,
              extra_env: dict[str, str] | None = None, site: Path | None = None) -> Build:
    """Build ``project`` with MkDocs in a subprocess, as a user would.

    The site goes to ``site`` (default: the project's ``site/``).
    """
    env = {k: v for k, v in os.environ.items() if k not in CONTROLLED_VARIABLES}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if today is not None:
        env["TRUSTCENTER_TODAY"] = today
    env.update(extra_env or {})
    site = site or project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
               "-d", str(site)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    return Build(project, site, done.returncode, done.stdout + done.stderr)


#: The builders ``trustcenter build`` supports; every pipeline test runs on each.
BUILDERS = ("mkdocs", "properdocs", "zensical")


#: How a test runs the ``trustcenter`` command: as the console script does (in a process
#: of its own, where ProperDocs runs in the command's process), or through
#: ``trustcenter.cli`` (as a caller that goes on would: ProperDocs in a subprocess).
CONSOLE_SCRIPT, CLI_MODULE = "trustcenter", "trustcenter.cli"


def run_pipeline(project: Path, builder: str = "mkdocs", *, today: str | None = DEFAULT_TODAY,
                 strict: bool = True, extra_env: dict[str, str] | None = None,
                 site: Path | None = None, module: str = CONSOLE_SCRIPT) -> Build:
    """Build ``project`` with ``trustcenter build --builder BUILDER`` in a subprocess.

    The site goes to ``site`` (default: the project's ``site/``); ``module`` is
    :data:`CONSOLE_SCRIPT` or :data:`CLI_MODULE`.
    """
    env = {k: v for k, v in os.environ.items() if k not in CONTROLLED_VARIABLES}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if today is not None:
        env["TRUSTCENTER_TODAY"] = today
    env.update(extra_env or {})
    site = site or project / "site"
    command = [sys.executable, "-m", module, "build", "--builder", builder,
               "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    return Build(project, site, done.returncode, done.stdout + done.stderr)


def copy_scenario(name: str, folder: Path) -> Path:
    """Copy ``tests/scenarios/<name>`` into ``folder``, ready to edit and build.

    The copy links the repository's ``overrides/`` and ``macros/``, so a scenario tests
    the real theme overrides and macros with its own ``mkdocs.yml``, pages and data.
    """
    project = folder / name
    shutil.copytree(SCENARIOS / name, project)
    for shared in ("overrides", "macros"):
        (project / shared).symlink_to(REPO / shared, target_is_directory=True)
    return project


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
