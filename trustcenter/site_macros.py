"""The trust center's page macros, for the macros support of every builder.

mkdocs-macros (MkDocs, ProperDocs) calls ``define_env`` once per build, from MkDocs'
``on_config``; Zensical's macros extension calls it once per *page*, with a fresh
``env`` each time and no ``on_post_build``. So this module:

- loads and checks the data at most once per process and data state: the result is
  kept, keyed by the data folder, the build date and each data file's size and
  modification time, so a page after the first costs a few ``stat`` calls;
- escapes every value a page prints with ``{{ ... }}`` through the Jinja extension
  :class:`Autoescape`, which ``mkdocs.yml`` names in the macros' ``j2_extensions``
  (both builders read it) and which is checked here, so a configuration without it
  fails rather than printing markup;
- takes the data and restricted folders from ``trustcenter build`` (the environment
  variables :data:`DATA_VARIABLE` and :data:`FILES_VARIABLE`, for every builder) or,
  under a direct ``mkdocs build``, from the ``trustcenter`` plugin
  (:mod:`trustcenter.plugin`), which also names the site and runs the after-build pass;
- depends on no hook that only one builder calls: this module is only ``define_env``;
  the after-build steps are :func:`trustcenter.pipeline.after_build`, run by
  ``trustcenter build`` for every builder and by the plugin under ``mkdocs build``;
- refuses, with a message, to run under Zensical outside ``trustcenter build``: Zensical
  would publish the pages without exports, CSP, link check and leak guard.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.ext import Extension
from markupsafe import Markup

from trustcenter.pipeline import (
    DATA_VARIABLE,
    FILES_VARIABLE,
    ZENSICAL_OUTSIDE_PIPELINE,
    run_by_pipeline,
    under_pipeline,
)

log = logging.getLogger("mkdocs.plugins.trustcenter")

#: The sections a page may place, by macro name.
SECTIONS = (
    "company_intro",
    "contacts",
    "system_description",
    "criteria_in_scope",
    "controls_by_category",
    "subprocessors",
)
#: The sections that link to other pages, so they need to know where the page is.
LINKING_SECTIONS = (
    "attestation_cards",
    "documents",
    "reports_overview",
    "controls_summary",
    "criteria_coverage",
    "subprocessor_changes",
    "faq",
    "updates",
)
#: The hub's sections (:mod:`trustcenter.hub`): they link to other pages too.
HUB_SECTIONS = ("hero", "sections", "subscribe", "request_access")
#: The dotted name of :class:`Autoescape`, as ``mkdocs.yml`` lists it in ``j2_extensions``.
AUTOESCAPE = f"{__name__}.Autoescape"


class MacroError(RuntimeError):
    """The macros cannot render this site (bad data, a missing setting); says why."""


class Autoescape(Extension):
    """A Jinja extension that turns on autoescaping in the environment it is added to.

    Listed in the macros' ``j2_extensions`` in ``mkdocs.yml``, it makes
    ``{{ value }}`` in a page print ``value`` as text under every builder, since both
    mkdocs-macros and Zensical's macros extension create their environment with the
    configured extensions. The macros return :class:`~markupsafe.Markup`, which is left
    as it is.
    """

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.autoescape = True


@dataclass
class _Loaded:
    """One load of the data: the model (None on errors), its problems, a renderer."""

    result: Any
    today: dt.date
    renderer: Any
    #: What this load is of (folders, date, files' state, site_url): see :func:`load_once`.
    key: tuple[Any, ...] = ()


_cache: dict[tuple[Any, ...], _Loaded] = {}


def _fingerprint(folder: Path, *, deep: bool = False) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of the data files (of every file when ``deep``)."""
    entries = []
    if not folder.is_dir():
        return ()
    for path in folder.rglob("*") if deep else folder.iterdir():
        if (deep or path.suffix in (".yml", ".yaml")) and path.is_file():
            info = path.stat()
            entries.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(sorted(entries))


def load_once(
    data_dir: Path,
    today: dt.date,
    files_dir: Path | None = None,
    *,
    site_url: str | None = None,
    report: bool = True,
) -> _Loaded:
    """The data of ``data_dir`` as of ``today``, loaded and checked once per state.

    ``files_dir`` is the restricted folder of the files for code holders
    (:mod:`trustcenter.restricted_files`); ``site_url`` the published address, against
    which security.txt's place is checked (None under ``mkdocs serve``). Raises
    :class:`MacroError` when the data folder is missing. Problems are logged the first
    time a state is loaded, unless ``report`` is false or ``trustcenter build`` runs the
    builder (it reports them itself). ``trustcenter build`` loads through here too, so
    with MkDocs in its process the data is loaded once for the whole build.
    """
    from trustcenter.loader import load
    from trustcenter.render import Renderer

    if not data_dir.is_dir():
        raise MacroError(f"trustcenter: data folder not found: {data_dir}")
    files = _fingerprint(files_dir, deep=True) if files_dir else ()
    where = str(files_dir.resolve()) if files_dir else None
    key = (str(data_dir.resolve()), today, _fingerprint(data_dir), where, files, site_url)
    loaded = _cache.get(key)
    if loaded is not None:
        return loaded
    result = _handed_over(key)
    if result is None:
        result = load(data_dir, today, files_dir, site_url=site_url)
    if report and not under_pipeline():
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)(problem.format())
    renderer = Renderer(result.trust_center, today) if result.trust_center else None
    _cache.clear()  # one state at a time: a serve session must not grow without end
    loaded = _cache[key] = _Loaded(result, today, renderer, key)
    return loaded


#: Below the staging folder: the data ``trustcenter build`` loaded, for its builder process.
HANDOVER = "loaded.pickle"


def hand_over(loaded: _Loaded, staging: Path) -> None:
    """Leave ``loaded``'s checked data in ``staging`` for the builder's process.

    ``trustcenter build`` loads and checks the data before it runs a builder; a builder in
    another process (ProperDocs, Zensical) would load and check it again, which at
    thousands of controls is most of a second. So the build pickles its result into its
    staging folder (private to the build, made by it, removed after it), with the key it
    was loaded under; :func:`load_once` in the builder's process uses it only under that
    build and only when the key (folders, date, every data file's and restricted file's
    size and modification time, site_url) is the same, else it loads again.
    """
    import pickle

    data = pickle.dumps((loaded.key, loaded.result), protocol=pickle.HIGHEST_PROTOCOL)
    (staging / HANDOVER).write_bytes(data)


def _handed_over(key: tuple[Any, ...]) -> Any:
    """The result :func:`hand_over` left for this build under ``key``, or None."""
    if not run_by_pipeline():
        return None
    from trustcenter.pipeline import staging_dir

    path = staging_dir() / HANDOVER
    if not path.is_file():
        return None
    import pickle

    with path.open("rb") as stream:
        handed_key, result = pickle.load(stream)  # written by this build, in its folder
    return result if handed_key == key else None


def builder_of(env: Any) -> str:
    """``zensical`` for Zensical's macros environment, else ``mkdocs`` (or ProperDocs)."""
    return "zensical" if type(env).__module__.startswith("zensical") else "mkdocs"


def _config(env: Any) -> dict[str, Any]:
    return env.conf if isinstance(env.conf, dict) else dict(env.conf)


def site_url(env: Any) -> str:
    """The site's absolute address, ending in ``/``; raise :class:`MacroError` without it."""
    url = _config(env).get("site_url")
    if not url:
        raise MacroError(
            "trustcenter: 'site_url' is not set in mkdocs.yml: the feeds, trust.json and "
            "security.txt need the site's address (for example https://trust.example.com/)"
        )
    return str(url).rstrip("/") + "/"


def folders(env: Any) -> tuple[Path, Path]:
    """The data folder and the restricted folder of the files for code holders.

    From ``trustcenter build`` (the environment) for every builder, else from the
    ``trustcenter`` plugin of a direct MkDocs or ProperDocs build. Raises
    :class:`MacroError` when neither is there: without the plugin, nothing would run
    the after-build steps.
    """
    if os.environ.get(DATA_VARIABLE) and os.environ.get(FILES_VARIABLE):
        return Path(os.environ[DATA_VARIABLE]), Path(os.environ[FILES_VARIABLE])
    plugins = _config(env).get("plugins") or {}
    plugin = plugins.get("trustcenter") if hasattr(plugins, "get") else None
    state = getattr(plugin, "state", None)
    if state is None:
        raise MacroError(
            "trustcenter: the 'trustcenter' plugin is not in mkdocs.yml's plugins (before "
            "'macros'): without it nothing writes the exports, adds the CSP, checks the "
            "links or runs the leak guard. Add '- trustcenter' to plugins, or build with "
            "'trustcenter build'"
        )
    return Path(state.data_dir), Path(state.files_dir)


def _pages(env: Any) -> frozenset[str]:
    docs = Path(env.project_dir) / str(_config(env).get("docs_dir") or "docs")
    return frozenset(p.stem for p in docs.glob("*.md"))


def _served_by_mkdocs(env: Any) -> bool:
    """True under ``mkdocs serve``, which points site_url at its own address."""
    address = _config(env).get("dev_addr")
    if not address or isinstance(address, str):  # Zensical's is text; it never serves here
        return False
    host, port = address
    return f"//{host}:{port}/" in str(_config(env).get("site_url") or "")


def _with_links(
    env: Any, section: Callable[..., Markup], pages: frozenset[str]
) -> Callable[..., Markup]:
    """The section, told where the current page is, so its links are relative to it."""
    from trustcenter.render import Links

    zensical = builder_of(env) == "zensical"

    def render(*args: Any, **kwargs: Any) -> Markup:
        # MkDocs leaves links in HTML as written: relative to the page's URL. Zensical
        # rewrites them as links relative to the Markdown file, as it does Markdown links.
        where = env.page.path if zensical else env.page.url
        root = "../" * where.count("/") or "./"
        links = Links(root, bool(_config(env).get("use_directory_urls", True)), pages)
        return section(links, *args, **kwargs)

    return render


def _check_escaping(env: Any, builder: str) -> None:
    if builder == "mkdocs" and getattr(env, "env", None) is not None:
        env.env.autoescape = True  # mkdocs-macros exposes its environment: belt and braces
    extensions = (env.config or {}).get("j2_extensions") or []
    if AUTOESCAPE not in extensions:
        raise MacroError(
            f"trustcenter: the macros' j2_extensions in mkdocs.yml must list {AUTOESCAPE}, "
            "so that every {{ value }} in a page is escaped under every builder"
        )


def define_env(env: Any) -> None:
    """Load ``data/`` (once), and register one macro per public section on ``env``.

    Raises :class:`MacroError` on a data error, a missing ``site_url`` or escaping
    extension, and under Zensical outside ``trustcenter build``.
    """
    from trustcenter.clock import BadDate, build_date
    from trustcenter.gate import GateError, GateSettings

    builder = builder_of(env)
    if builder == "zensical" and not run_by_pipeline():
        raise MacroError(ZENSICAL_OUTSIDE_PIPELINE)
    _check_escaping(env, builder)
    # The signing key is tried once per build, before any output, by the plugin's
    # on_config and by trustcenter build; not here, which Zensical runs on every page.
    try:
        today = build_date()
        gate_settings = GateSettings.from_environment()
    except (BadDate, GateError) as error:
        raise MacroError(f"trustcenter: {error}") from None
    plugins = _config(env).get("plugins") or {}
    plugin = plugins.get("trustcenter") if hasattr(plugins, "get") else None
    if getattr(plugin, "preview_problems", None) is not None:  # mkdocs serve, data errors
        _preview_problems(env)
        return
    folder, files = folders(env)
    # Facts that must agree with site_url (security.txt's Canonical and place) are
    # checked against it, except under `mkdocs serve`, which rewrites it.
    published_at = None if _served_by_mkdocs(env) else site_url(env)
    loaded = load_once(folder, today, files, site_url=published_at)
    result = loaded.result
    if result.trust_center is None:
        raise MacroError(
            f"trustcenter: {len(result.errors)} error(s) in {folder}; "
            "nothing was built and the previous site is untouched"
        )
    site_url(env)  # fail now, before the output is touched, if it is missing
    renderer = loaded.renderer
    company = result.trust_center.company
    for name in SECTIONS:
        env.macro(getattr(renderer, name), name)
    pages = _pages(env)
    for name in LINKING_SECTIONS:
        env.macro(_with_links(env, getattr(renderer, name), pages), name)
    env.macro(lambda: Markup.escape(company.name), "company_name")
    _buyers_path(env, result.trust_center, today, folder, pages, renderer.projection)
    # The page's path is sealed into the ciphertext, so it only opens where it was put.
    # The files' keys and asset names come from the secret and the files themselves, so
    # the after-build step that writes the assets computes the same ones on its own.

    def gated_reports() -> Markup:
        from trustcenter.filegate import sealed_files_for_page

        sealed = sealed_files_for_page(result.trust_center, files, gate_settings)
        return Markup(renderer.gate(env.page.url, gate_settings, sealed))

    env.macro(gated_reports, "gated_reports")
    env.variables["build_date"] = today.isoformat()


def _preview_problems(env: Any) -> None:
    """Under ``mkdocs serve`` with data errors: macros render nothing, pages show problems.

    After the build, the ``trustcenter`` plugin writes the list of problems
    (:mod:`trustcenter.problems_page`) over every page, so the browser shows them where
    the author is looking, and the live reload brings the real page back once the data
    is fixed. ``mkdocs build`` never comes here: it fails on a data error, as always.
    """
    for name in (*SECTIONS, *LINKING_SECTIONS, *HUB_SECTIONS, "company_name", "gated_reports"):
        env.macro(lambda *args, **kwargs: Markup(""), name)
    env.variables["build_date"] = ""


def _buyers_path(
    env: Any,
    trust_center: Any,
    today: dt.date,
    folder: Path,
    pages: frozenset[str],
    projection: Any,
) -> None:
    """The hub's macros, the facts the theme's partials show, and the logo handed over.

    The header and footer partials read ``extra.tc_site`` (escaped there); the logo is
    copied from the data folder into the staging folder, which the after-build pass
    copies into the output (:func:`trustcenter.pipeline.after_build`, step 1).
    """
    from trustcenter.branding import logo_path, write_logo
    from trustcenter.hub import Hub, last_change
    from trustcenter.pipeline import STAGED_SITE, staging_dir
    from trustcenter.status import long_date

    hub = Hub(trust_center, today, site_url(env), projection)
    for name in HUB_SECTIONS:
        env.macro(_with_links(env, getattr(hub, name), pages), name)
    changed = last_change(trust_center, today)
    extra = env.conf["extra"]  # MkDocs' config object or Zensical's mapping: both take keys
    if extra is not None:
        extra["tc_site"] = {
            "logo": logo_path(trust_center.company),
            "last_change": changed.isoformat() if changed else None,
            "last_change_text": long_date(changed) if changed else None,
            "security_txt": trust_center.security_txt is not None,
        }
    if trust_center.company.logo is not None:
        write_logo(staging_dir() / STAGED_SITE, trust_center.company, folder)


__all__ = ["AUTOESCAPE", "Autoescape", "MacroError", "define_env", "load_once"]
