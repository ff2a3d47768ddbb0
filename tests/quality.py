"""Checks the quality tests run on built pages: axe-core, the Nu Html Checker, and a
browser page that records console errors, CSP violations and requests to other origins.

Every request to an origin other than the site's own is recorded and aborted, so a test
never sends traffic off this machine, whatever a page asks for.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.sitebuild import REPO

TOOLS = REPO / "tools" / "node" / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: Errors the Nu Html Checker reports in Material for MkDocs' own markup, which the
#: theme overrides cannot change, each with the reason. Matched on the message start.
VNU_ALLOWED: dict[str, str] = {
    "Attribute “autocomplete” is only allowed when the input type is": (
        "Material's base.html sets autocomplete=\"off\" on its hidden checkbox toggles "
        "(__drawer, __search), so browsers do not restore an open drawer or search on back "
        "navigation; HTML allows autocomplete on text-like inputs only. The toggles are in "
        "base.html itself, not in a block or partial that overrides/ can replace."
    ),
}


def need(path: Path, what: str) -> Path:
    """``path`` if the tool is installed; skip (or fail under CI) otherwise."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required under CI (make test installs it)")
        pytest.skip(f"{what} is not installed: run 'npm ci --prefix tools/node'")
    return path


@dataclass
class Visit:
    """What a page did while a test used it."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    other_origins: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        """Everything that went wrong, by kind; empty lists when all is well."""
        self.csp_violations += self.page.evaluate("window.__cspViolations || []")
        return {"console": self.console_errors, "csp": self.csp_violations,
                "other origins": self.other_origins}


_RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(
    `${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@contextmanager
def visit(browser: Browser, origin: str, **context: Any) -> Iterator[Visit]:
    """A fresh page that records what goes wrong; requests off ``origin`` are aborted."""
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    record = Visit(page)
    page.add_init_script(_RECORD_CSP)
    page.on("console", lambda m: record.console_errors.append(m.text) if m.type == "error"
            else None)
    page.on("pageerror", lambda error: record.console_errors.append(str(error)))

    def guard(route: Route) -> None:
        if route.request.url.startswith(origin) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            record.other_origins.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    try:
        yield record
    finally:
        ctx.close()


def axe_violations(page: Page, *, tags: list[str] = WCAG_AA) -> list[str]:
    """axe-core's violations on the loaded page, as ``rule: help (n nodes)``."""
    page.add_script_tag(path=str(need(AXE, "axe-core")))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
            f"{v['nodes'][0]['target']})" for v in result["violations"]]


def vnu_errors(paths: list[Path]) -> list[str]:
    """The Nu Html Checker's errors in ``paths``, less the documented allow-list."""
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            pytest.fail("Java is required under CI for the Nu Html Checker")
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    done = subprocess.run([java, "-jar", str(need(VNU, "the Nu Html Checker")), "--format",
                           "json", "--errors-only", *map(str, paths)],
                          capture_output=True, text=True, check=False, timeout=300)
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
            for m in messages if m.get("type") == "error"
            and not any(m["message"].startswith(a) for a in VNU_ALLOWED)]
