"""The mkdocs-macros module: the thin layer between MkDocs and the trustcenter core.

mkdocs-macros imports this package once per process, so ``mkdocs serve`` would keep old
code across rebuilds. ``define_env`` therefore forgets the core's modules and imports
them afresh on every build: a change to ``trustcenter/`` shows on the next reload.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

_site: ModuleType | None = None


def _fresh_import(name: str) -> ModuleType:
    """Import ``name`` anew, dropping cached trustcenter modules (for ``mkdocs serve``)."""
    for module in [m for m in sys.modules if m == "trustcenter" or m.startswith("trustcenter.")]:
        del sys.modules[module]
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def define_env(env: Any) -> None:
    """Load and check the data, then register the trust center macros (mkdocs-macros hook)."""
    global _site
    _site = _fresh_import("macros.site")
    _site.define_env(env)


def on_pre_page_macros(env: Any) -> None:
    """Escape every value a page prints with ``{{ ... }}`` (mkdocs-macros hook)."""
    env.env.autoescape = True


def on_post_build(env: Any) -> None:
    """Search the built site for gated and internal values (mkdocs-macros hook)."""
    assert _site is not None, "define_env runs first"
    _site.on_post_build(env)
