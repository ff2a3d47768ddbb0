"""The console script's process: the cyclic garbage collector off, except for serve."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

import trustcenter.__main__ as entry
import trustcenter.cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    yield
    gc.enable()


@pytest.mark.parametrize(
    ("argv", "collects"),
    [
        (["check"], False),
        (["build", "--strict"], False),
        (["export", "out"], False),
        (["serve"], True),
        (["serve", "--builder", "properdocs"], True),
        (["check", "--data", "serve"], True),  # in doubt, the collector stays on
    ],
)
def test_the_collector_is_off_for_a_command_that_ends(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], collects: bool
) -> None:
    seen: list[tuple[list[str], bool, bool]] = []

    def main(args: list[str], *, own_process: bool = False) -> int:
        seen.append((args, gc.isenabled(), own_process))
        return 3

    monkeypatch.setattr(trustcenter.cli, "main", main)
    with pytest.raises(SystemExit) as exit_:
        entry.run(argv)
    assert exit_.value.code == 3  # main's exit code is the process's
    assert seen == [(argv, collects, True)]  # and it says the process is its own


def test_the_console_script_is_run() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["scripts"]["trustcenter"] == "trustcenter.__main__:run"


def test_python_m_trustcenter_runs_the_command_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "trustcenter", "check", "--data", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode != 0
    assert "none" in done.stderr
