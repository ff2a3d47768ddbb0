"""Benchmark the gate: build time by grants and files; unlock and file time in Chromium.

Run from the repository root (after ``make setup``):

    .venv/bin/python bench/gate.py

Prints two tables. Each build is timed as a whole ``mkdocs build`` subprocess, median
of ``--runs``, side by side in the same run: a preview (no secret, nothing sealed), a
sealed build with no file for code holders, and a sealed build with five files of
``--file-mb`` MB each (random bytes). Unlock time is measured in the page, from the
form's submission to the content shown, with the largest grant count (every slot in the
payload, so the slot lookup is at its slowest). File time is measured in the page from
the click on a file's button to its status saying it was saved: fetching the asset from
127.0.0.1, AES-256-GCM decryption, the SHA-256 check and handing the file to the
browser's download, for a 1 MB and a 20 MB file (random bytes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import re
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


#: The scenario's files for code holders, and the extra one the benchmark adds (five).
FILES = [
    "soc2-2026.pdf",
    "bridge-letters/bridge-2026-12.pdf",
    "soc1-2025.pdf",
    "pentest-summary.pdf",
    "extra.pdf",
]


def make_project(folder: Path, grants: int, sizes: list[int] | None = None, name: str = "") -> Path:
    """The overview scenario with ``grants`` active grants.

    With ``sizes`` (bytes, one per file, up to five), the scenario's files are replaced by
    random files of those sizes; with ``[]``, the data lists no file at all.
    """
    project = folder / (name or f"grants-{grants}")
    shutil.copytree(SCENARIO, project)
    for shared in ("overrides", "macros"):
        (project / shared).symlink_to(REPO / shared, target_is_directory=True)
    lines = ["grants:"]
    for index in range(grants):
        lines += [
            f"  - id: grant-{index:04d}",
            f"    recipient: Recipient {index}",
            f"    reason: Benchmark grant number {index}",
            "    expires: 2030-01-01",
        ]
    (project / "data" / "access.yml").write_text("\n".join(lines) + "\n", "utf-8")
    if sizes is None:
        return project
    attestations = project / "data" / "attestations.yml"
    documents = project / "data" / "documents.yml"
    text, docs = attestations.read_text("utf-8"), documents.read_text("utf-8")
    if not sizes:  # no file at all
        text = re.sub(r"    files:\n(?:      .*\n)+", "", text)
        docs = re.sub(r"    files:\n(?:      .*\n)+", "", docs)
    else:
        text = text.replace(
            "      - {path: soc1-2025.pdf, title: gated-file-title-canary-soc1}\n",
            "      - {path: soc1-2025.pdf, title: gated-file-title-canary-soc1}\n"
            "      - {path: extra.pdf, title: An extra file for the benchmark}\n",
        )
        # The files past the sizes given keep a small size (the scenario's PDFs are ~700 B).
        for path, size in zip(FILES, [*sizes, *[1000] * (len(FILES) - len(sizes))], strict=True):
            (project / "restricted" / path).write_bytes(os.urandom(size))
    attestations.write_text(text, "utf-8")
    documents.write_text(docs, "utf-8")
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
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
            cwd=project,
            env=env,
            check=True,
        )
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
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
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


def time_files(site: Path, code: str, identities: list[str], runs: int) -> dict[str, float]:
    """Median seconds from a click on each file's button to the file saved, in Chromium."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    found: dict[str, list[float]] = {identity: [] for identity in identities}
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/reports/#code={code}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for _ in range(runs):
                context = browser.new_context(accept_downloads=True)
                page = context.new_page()
                page.goto(url)
                page.wait_for_selector(".tc-gate--open")
                for identity in identities:
                    with page.expect_download(timeout=120_000):
                        elapsed = page.evaluate(
                            """(identity) => new Promise((done) => {
                            const button = document.querySelector(
                                `[data-identity="${identity}"]`);
                            const status = button.parentElement.querySelector(
                                ".tc-file__status");
                            const start = performance.now();
                            new MutationObserver(() => {
                                if (status.textContent.startsWith("Saved as")) {
                                    done(performance.now() - start);
                                }
                            }).observe(status, {childList: true, characterData: true,
                                                subtree: true});
                            button.click();
                        })""",
                            identity,
                        )
                    found[identity].append(elapsed / 1000)
                context.close()
            browser.close()
        server.shutdown()
    return {identity: statistics.median(times) for identity, times in found.items()}


def time_file_steps(project: Path, secret: str, runs: int) -> dict[str, float]:
    """Median seconds of the file steps alone, in this process, on a built ``project``."""
    from trustcenter.filegate import write_sealed_files
    from trustcenter.guard import file_leaks
    from trustcenter.loader import load

    today = dt.date.fromisoformat(TODAY)
    folder = project / "restricted"
    trust_center = load(project / "data", today, folder).trust_center
    assert trust_center is not None
    from trustcenter.restricted_files import restricted_files

    steps = {
        "read and hash the files": lambda: restricted_files(trust_center, folder),
        "seal the files into the site": lambda: write_sealed_files(
            project / "site", restricted_files(trust_center, folder), secret.encode()
        ),
        "leak guard over the site for the files' bytes": lambda: file_leaks(
            project / "site", restricted_files(trust_center, folder)
        ),
    }
    found = {}
    for name, step in steps.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        found[name] = statistics.median(times)
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--grants", type=int, nargs="+", default=[1, 50, 500])
    parser.add_argument(
        "--file-mb",
        type=float,
        default=1.0,
        help="size of each of the five files in the build table (MB)",
    )
    args = parser.parse_args()

    from trustcenter.gate import access_code, new_secret
    from trustcenter.model import Grant

    def code(index: int) -> str:
        grant = Grant(
            id=f"grant-{index:04d}", recipient="r", reason="r", expires=dt.date(2030, 1, 1)
        )
        return access_code(secret.encode(), grant)

    secret = new_secret()
    five = [int(args.file_mb * 1_000_000)] * 5
    print(
        f"gate benchmark, {dt.date.today().isoformat()}, {os.cpu_count()} cores, "
        f"median of {args.runs} run(s)\n"
    )
    print(
        f"{'grants':>7} | {'preview (s)':>11} | {'sealed, no file (s)':>19} | "
        f"{f'sealed, 5 x {args.file_mb:g} MB (s)':>23} | ratio to preview"
    )
    print(f"{'-' * 7}-+-{'-' * 11}-+-{'-' * 19}-+-{'-' * 23}-+-----------------")
    with tempfile.TemporaryDirectory() as folder:
        for count in args.grants:
            bare = make_project(Path(folder), count, [], name=f"bare-{count}")
            project = make_project(Path(folder), count, five)
            # Interleaved run by run, so a change in the machine's load hits all three alike.
            found: dict[str, list[float]] = {"preview": [], "bare": [], "sealed": []}
            for _ in range(args.runs):
                found["preview"].append(time_build(project, None, 1))
                found["bare"].append(time_build(bare, secret, 1))
                found["sealed"].append(time_build(project, secret, 1))
            preview, no_file, sealed = (
                statistics.median(found[k]) for k in ("preview", "bare", "sealed")
            )
            print(
                f"{count:>7} | {preview:>11.2f} | {no_file:>19.2f} | {sealed:>23.2f} | "
                f"{no_file / preview:.2f}x / {sealed / preview:.2f}x"
            )
        largest = max(args.grants)
        site = Path(folder) / f"grants-{largest}" / "site"
        unlock = time_unlock(site, code(largest - 1), args.runs)
        print(f"\nunlock in headless Chromium with {largest} slots: {unlock * 1000:.1f} ms")

        steps = time_file_steps(Path(folder) / f"grants-{largest}", secret, args.runs)
        print("\nin process, five files of the build table:")
        for step, seconds in steps.items():
            print(f"  {step}: {seconds * 1000:.1f} ms")

        project = make_project(Path(folder), 1, [1_000_000, 20_000_000], name="decrypt")
        time_build(project, secret, 1)
        identities = [
            "attestation/soc2-2026/soc2-2026.pdf",
            "attestation/soc2-2026/bridge-2026-12.pdf",
        ]
        times = time_files(project / "site", code(0), identities, args.runs)
        print("\nfrom a click to the file saved (fetch from 127.0.0.1, decrypt, SHA-256, save):")
        for label, identity in zip(("1 MB", "20 MB"), identities, strict=True):
            print(f"{label:>7} | {times[identity] * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
