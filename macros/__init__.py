"""The mkdocs-macros module: the thin layer between a builder's macros and the core.

Everything is in :mod:`trustcenter.site_macros`, which is importable however the
builder loads this file (Zensical executes it by path, once per page, without the
project on ``sys.path``). MkDocs errors become MkDocs' ``PluginError`` so that MkDocs
prints the message, not a traceback. The build's other steps are the ``trustcenter``
plugin's (MkDocs, ProperDocs) or ``trustcenter build``'s (every builder).

Under ``mkdocs serve`` the core's modules are imported afresh on a rebuild after a
change to a ``.py`` file of ``trustcenter/``, so the change shows on the next reload; a
rebuild after a change to the data or the pages keeps them (and the data, if unchanged),
and a build imports them once.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def _source_stamp() -> tuple[tuple[str, int], ...]:
    """Every ``.py`` file of the ``trustcenter`` package with its modification time."""
    spec = importlib.util.find_spec("trustcenter")
    # Its search path repeats a folder each time mkdocs-macros puts the project on
    # sys.path again, and holds the editable install's hook: existing folders, once.
    found = list(spec.submodule_search_locations or []) if spec else []
    folders = sorted({Path(f).resolve() for f in found if Path(f).is_dir()})
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for f in folders for p in f.rglob("*.py")))


def _core(env: Any) -> ModuleType:
    """:mod:`trustcenter.site_macros`, re-imported under ``mkdocs serve`` when it changed."""
    if _serving(env):
        stamp = _source_stamp()
        current = sys.modules.get("trustcenter.site_macros")
        if current is None or getattr(current, "_source_stamp", None) != stamp:
            for name in [
                m for m in sys.modules if m == "trustcenter" or m.startswith("trustcenter.")
            ]:
                del sys.modules[name]
            core = importlib.import_module("trustcenter.site_macros")
            core._source_stamp = stamp  # type: ignore[attr-defined]
            return core
    return importlib.import_module("trustcenter.site_macros")


def _serving(env: Any) -> bool:
    conf = getattr(env, "conf", None) or {}
    address = conf.get("dev_addr")
    if not address or isinstance(address, str):  # Zensical's, or none
        return False
    host, port = address
    return f"//{host}:{port}" in str(conf.get("site_url") or "")


def _fail(error: Exception) -> Exception:
    """The error as MkDocs' PluginError when MkDocs (or ProperDocs) runs, else as it is."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # pragma: no cover - Zensical without MkDocs installed
        return error
    return PluginError(str(error))


def define_env(env: Any) -> None:
    """Load and check the data, then register the trust center macros."""
    core = _core(env)
    try:
        core.define_env(env)
    except core.MacroError as error:
        if core.builder_of(env) == "zensical":
            raise
        raise _fail(error) from None
