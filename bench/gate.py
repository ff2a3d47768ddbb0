"""Benchmark the gate: build time by number of grants, and unlock time in headless Chromium.

Run from the repository root (after ``make setup``):

    .venv/bin/python bench/gate.py

Prints a table. Each build is timed as a whole ``mkdocs build`` subprocess, median of
``--runs``; the baseline is the same site built as a preview (no secret, nothing
sealed), side by side in the same run. Unlock time is measured in the page, from the
form's submission to the content shown, median of ``--runs``, with the largest grant
count (every slot in the payload, so the slot lookup is at its slowest).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCENARIO = REPO / "tests" / "scenarios" / "overview"
TODAY = "2026-11-26"


def make_project(folder: Path, grants: int) -> Path:
    """The overview scenario with ``grants`` active grants."""
    project = folder / f"grants-{grants}"
    shutil.copytree(SCENARIO, project)
    for shared in ("overrides", "macros"):
        (project / shared).symlink_to(REPO / shared, target_is_directory=True)
    lines = ["grants:"]
    for index in range(grants):
        lines += [f"  - id: grant-{index:04d}", f"    recipient: Recipient {index}",
                  f"    reason: Benchmark grant number {index}", "    expires: 2030-01-01"]
    (project / "data" / "access.yml").write_text("\n".join(lines) + "\n", "utf-8")
    return project


def time_build(project: Path, secret: str | None, runs: int) -> float:
    """Median seconds of a whole ``mkdocs build``; sealed when ``secret`` is given."""
    env = dict(os.environ, TRUSTCENTER_TODAY=TODAY, NO_MKDOCS_2_WARNING="1")
    env.pop("TRUSTCENTER_GATE_SECRET", None)
    if secret:
        env.update(TRUSTCENTER_GATE_SECRET=secret, TRUSTCENTER_BUILD_MODE="publish")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                       cwd=project, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_unlock(site: Path, code: str, runs: int) -> float:
    """Median seconds from submitting ``code`` to the content shown, in Chromium."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/reports/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            times = []
            for _ in range(runs):
                page = browser.new_page()
                page.goto(url)
                page.fill("#tc-gate-code", code)
                elapsed = page.evaluate("""() => new Promise((done) => {
                    const gate = document.querySelector("[data-tc-gate]");
                    const start = performance.now();
                    new MutationObserver(() => {
                        if (gate.classList.contains("tc-gate--open")) {
                            done(performance.now() - start);
                        }
                    }).observe(gate, {attributes: true});
                    gate.querySelector("form").requestSubmit();
                })""")
                times.append(elapsed / 1000)
                page.close()
            browser.close()
        server.shutdown()
    return statistics.median(times)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--grants", type=int, nargs="+", default=[1, 50, 500])
    args = parser.parse_args()

    from trustcenter.gate import access_code, new_secret
    from trustcenter.model import Grant

    secret = new_secret()
    print(f"gate benchmark, {dt.date.today().isoformat()}, median of {args.runs} run(s)\n")
    print(f"{'grants':>7} | {'preview build (s)':>17} | {'sealed build (s)':>16} | ratio")
    print(f"{'-' * 7}-+-{'-' * 17}-+-{'-' * 16}-+------")
    with tempfile.TemporaryDirectory() as folder:
        for count in args.grants:
            project = make_project(Path(folder), count)
            preview = time_build(project, None, args.runs)
            sealed = time_build(project, secret, args.runs)
            print(f"{count:>7} | {preview:>17.2f} | {sealed:>16.2f} | {sealed / preview:.2f}x")
        largest = max(args.grants)
        grant = Grant(id=f"grant-{largest - 1:04d}", recipient="r", reason="r",
                      expires=dt.date(2030, 1, 1))
        site = Path(folder) / f"grants-{largest}" / "site"
        unlock = time_unlock(site, access_code(secret.encode(), grant), args.runs)
        print(f"\nunlock in headless Chromium with {largest} slots: {unlock * 1000:.1f} ms")


if __name__ == "__main__":
    main()
