"""``mkdocs serve`` with a data error: the browser shows every problem, located, and the
real page comes back when the data is fixed; ``mkdocs build`` still fails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sitebuild import CONTROLLED_VARIABLES, DEFAULT_TODAY, run_build
from trustcenter.problems import Problem, Severity
from trustcenter.problems_page import problems_page

pytestmark = pytest.mark.build

BROKEN = ("name: Canary Widgets", "name: Canary Widgets\nnmae: typo")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # 127.0.0.1 only
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, wanted: str, seconds: float = 90) -> str:
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if wanted in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{wanted!r} not served at {url} within {seconds} s; last:\n{last[:2000]}")


def test_the_problems_page_lists_every_problem_escaped() -> None:
    page = problems_page([
        Problem("data/company.yml", 3, 1, "unknown key '<nmae>'", hint="did you mean 'name'?"),
        Problem("data/faq.yml", 9, 5, "stale", severity=Severity.WARNING),
    ], "Canary <Trust> Center")
    assert page.startswith("<!doctype html>")
    assert "<code>data/company.yml:3:1</code>" in page
    assert "unknown key &#39;&lt;nmae&gt;&#39;: did you mean &#39;name&#39;?" in page
    assert "data/faq.yml:9:5" in page and "Canary &lt;Trust&gt; Center" in page
    assert "<nmae>" not in page


def test_serve_shows_the_problems_and_the_page_returns_when_fixed(
    scenario: Callable[[str], Path],
) -> None:
    project = scenario("overview")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "watch:\n  - data\n", "utf-8")
    company = project / "data" / "company.yml"
    good = company.read_text("utf-8")
    company.write_text(good.replace(*BROKEN, 1), "utf-8")

    build = run_build(project)  # a build still fails, and publishes nothing
    assert build.returncode != 0
    assert "data/company.yml:2:1: error: unknown key 'nmae'" in build.output

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in CONTROLLED_VARIABLES}
    env.update(TRUSTCENTER_TODAY=DEFAULT_TODAY, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
         "-f", str(config)],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        for path in ("", "controls/"):
            page = _wait_for(base + path, "data error")
            assert "<code>data/company.yml:2:1</code>" in page
            assert "unknown key &#39;nmae&#39;" in page
        company.write_text(good, "utf-8")  # fixed: the server rebuilds, the page returns
        page = _wait_for(base, "tc-attestations")
        assert "data error" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)
