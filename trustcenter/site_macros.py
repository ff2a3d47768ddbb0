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
- sets the site's name and description from ``company.yml`` where the builder lets a
  macro do it (MkDocs, ProperDocs); for Zensical, ``trustcenter build`` writes them into
  the configuration it generates;
- depends on no hook that only one builder calls: the after-build steps are
  :func:`trustcenter.pipeline.after_build`, run by ``trustcenter build`` for every
  builder and by the macros' ``on_post_build`` under a direct ``mkdocs build``;
- refuses, with a message, to run under Zensical outside ``trustcenter build``: Zensical
  would publish the pages without exports, CSP, link check and leak guard.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from jinja2.ext import Extension
from markupsafe import Markup

from trustcenter.pipeline import (
    STAGING_VARIABLE,
    PipelineError,
    SiteSettings,
    after_build,
    under_pipeline,
)

log = logging.getLogger("mkdocs.plugins.trustcenter")

#: The sections a page may place, by macro name.
SECTIONS = (
    "company_intro",
    "contacts",
    "attestation_cards",
    "system_description",
    "criteria_in_scope",
    "controls_by_category",
    "subprocessors",
    "reports_overview",
    "documents",
)
#: The sections that link to other pages, so they need to know where the page is.
LINKING_SECTIONS = (
    "controls_summary",
    "criteria_coverage",
    "subprocessor_changes",
    "faq",
    "updates",
)
#: The dotted name of :class:`Autoescape`, as ``mkdocs.yml`` lists it in ``j2_extensions``.
AUTOESCAPE = f"{__name__}.Autoescape"
#: What a direct ``zensical build`` stops with.
ZENSICAL_OUTSIDE_PIPELINE = (
    "trustcenter: Zensical cannot run the trust center's after-build steps (exports, "
    "Content-Security-Policy, link check, leak guard), so it must not build this site "
    "on its own. Build with 'trustcenter build --builder zensical' (or 'make build "
    "BUILDER=zensical'), which runs Zensical and then every step."
)


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


_cache: dict[tuple[Any, ...], _Loaded] = {}
#: The staging folder a direct ``mkdocs build`` made for itself (removed after the build).
_own_staging: Path | None = None


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
) -> _Loaded:
    """The data of ``data_dir`` as of ``today``, loaded and checked once per state.

    ``files_dir`` is the restricted folder of the files for code holders
    (:mod:`trustcenter.restricted_files`); ``site_url`` the published address, against
    which security.txt's place is checked (None under ``mkdocs serve``). Raises
    :class:`MacroError` when the data folder is missing. Problems are logged the first
    time a state is loaded (unless ``trustcenter build`` reported them already).
    """
    from trustcenter.loader import load
    from trustcenter.render import Renderer

    if not data_dir.is_dir():
        raise MacroError(f"trustcenter: data folder not found: {data_dir}")
    files = _fingerprint(files_dir, deep=True) if files_dir else ()
    key = (str(data_dir.resolve()), today, _fingerprint(data_dir), str(files_dir), files, site_url)
    loaded = _cache.get(key)
    if loaded is not None:
        return loaded
    result = load(data_dir, today, files_dir, site_url=site_url)
    if not under_pipeline():
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)(problem.format())
    renderer = Renderer(result.trust_center, today) if result.trust_center else None
    _cache.clear()  # one state at a time: a serve session must not grow without end
    loaded = _cache[key] = _Loaded(result, today, renderer)
    return loaded


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


def data_dir(env: Any) -> Path:
    """The data folder: ``extra.trustcenter.data`` in ``mkdocs.yml`` (default ``data``)."""
    extra = _config(env).get("extra") or {}
    settings = extra.get("trustcenter") or {}
    return Path(env.project_dir) / str(settings.get("data") or "data")


def files_dir(env: Any) -> Path:
    """The restricted folder of the files for code holders (never published as it is).

    ``extra.trustcenter.files`` in ``mkdocs.yml`` (default ``restricted``); raise
    :class:`MacroError` when it overlaps a folder the builder copies into the site.
    """
    from trustcenter.restricted_files import DEFAULT_FOLDER, published_overlap

    conf = _config(env)
    settings = (conf.get("extra") or {}).get("trustcenter") or {}
    folder = Path(env.project_dir) / str(settings.get("files") or DEFAULT_FOLDER)
    published = [Path(env.project_dir) / str(conf.get("docs_dir") or "docs")]
    # MkDocs' theme object has its folders; Zensical's theme is a mapping.
    published += [Path(d) for d in getattr(conf.get("theme"), "dirs", None) or ()]
    if (overlap := published_overlap(folder, published)) is not None:
        raise MacroError(f"trustcenter: {overlap}")
    return folder


def _pages(env: Any) -> frozenset[str]:
    docs = Path(env.project_dir) / str(_config(env).get("docs_dir") or "docs")
    return frozenset(p.stem for p in docs.glob("*.md"))


def _served_by_mkdocs(env: Any) -> bool:
    """True under ``mkdocs serve``, which points site_url at its own address.

    Its live-reload script is inline, with a value that changes on every build, so no
    hash can allow it: the preview goes without the CSP; a build always has it.
    """
    address = _config(env).get("dev_addr")
    if not address or isinstance(address, str):
        return False
    host, port = address
    return bool(urlsplit(str(_config(env).get("site_url") or "")).netloc == f"{host}:{port}")


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


def _ensure_staging() -> None:
    """Under a direct ``mkdocs build``, make the build's staging folder."""
    global _own_staging
    if os.environ.get(STAGING_VARIABLE) and Path(os.environ[STAGING_VARIABLE]).is_dir():
        return
    _own_staging = Path(tempfile.mkdtemp(prefix="trustcenter-staging-"))
    os.environ[STAGING_VARIABLE] = str(_own_staging)


def define_env(env: Any) -> None:
    """Load ``data/`` (once), and register one macro per public section on ``env``.

    Raises :class:`MacroError` on a data error, a missing ``site_url`` or escaping
    extension, and under Zensical outside ``trustcenter build``.
    """
    from trustcenter.clock import BadDate, build_date
    from trustcenter.gate import GateError, GateSettings
    from trustcenter.render import plain_text

    builder = builder_of(env)
    if builder == "zensical" and not under_pipeline():
        raise MacroError(ZENSICAL_OUTSIDE_PIPELINE)
    _check_escaping(env, builder)
    from trustcenter.exports.openpgp import SigningError, clearsign, signing_key

    try:
        today = build_date()
        gate_settings = GateSettings.from_environment()
        if (key := signing_key()) is not None:  # a key that cannot sign fails before output
            clearsign("", *key)
    except (BadDate, GateError, SigningError) as error:
        raise MacroError(f"trustcenter: {error}") from None
    folder = data_dir(env)
    # Facts that must agree with site_url (security.txt's Canonical and place) are
    # checked against it, except under `mkdocs serve`, which rewrites it.
    published_at = None if _served_by_mkdocs(env) else site_url(env)
    loaded = load_once(folder, today, files_dir(env), site_url=published_at)
    result = loaded.result
    if result.trust_center is None:
        raise MacroError(
            f"trustcenter: {len(result.errors)} error(s) in {folder}; "
            "nothing was built and the previous site is untouched"
        )
    site_url(env)  # fail now, before the output is touched, if it is missing
    trust_center, renderer = result.trust_center, loaded.renderer
    company = trust_center.company
    if builder == "mkdocs":
        _ensure_staging()
        # One fact, one place: the site's name and description come from company.yml.
        # The theme prints them without escaping, so they go in escaped, as Markup
        # (which the theme's own ``|e`` leaves alone instead of escaping twice).
        env.conf["site_name"] = Markup.escape(f"{company.name} Trust Center")
        env.conf["site_description"] = Markup.escape(plain_text(company.description))
        if gate_settings.secret is None:
            log.info(
                "trustcenter: preview build without %s: the gated page shows a notice",
                "TRUSTCENTER_GATE_SECRET",
            )
        elif not trust_center.active_grants(today):
            log.warning(
                "trustcenter: no active access grant in data/access.yml: nobody can open "
                "the gated page"
            )
    for name in SECTIONS:
        env.macro(getattr(renderer, name), name)
    pages = _pages(env)
    for name in LINKING_SECTIONS:
        env.macro(_with_links(env, getattr(renderer, name), pages), name)
    env.macro(lambda: Markup.escape(company.name), "company_name")
    # The page's path is sealed into the ciphertext, so it only opens where it was put.
    # The files' keys and asset names come from the secret and the files themselves, so
    # the after-build step that writes the assets computes the same ones on its own.
    files = files_dir(env)

    def gated_reports() -> Markup:
        from trustcenter.filegate import sealed_files_for_page

        sealed = sealed_files_for_page(result.trust_center, files, gate_settings)
        return Markup(renderer.gate(env.page.url, gate_settings, sealed))

    env.macro(gated_reports, "gated_reports")
    env.variables["build_date"] = today.isoformat()


def on_post_build(env: Any) -> None:
    """Under a direct ``mkdocs build``: run :func:`~trustcenter.pipeline.after_build`.

    Under ``trustcenter build`` the pipeline runs it after the builder instead. A leak
    fails the build and removes the output; a broken link is a warning, so
    ``--strict`` fails on it.
    """
    global _own_staging
    import shutil

    if under_pipeline():
        return
    from trustcenter.clock import build_date
    from trustcenter.gate import GateSettings

    staging = _own_staging
    try:
        published_at = None if _served_by_mkdocs(env) else site_url(env)
        loaded = load_once(data_dir(env), build_date(), files_dir(env), site_url=published_at)
        trust_center = loaded.result.trust_center
        if trust_center is None:  # define_env stopped the build already
            raise MacroError("trustcenter: the data has errors")
        site_dir = Path(env.conf["site_dir"])
        theme = tuple(Path(folder) for folder in env.conf["theme"].dirs)
        settings = SiteSettings(
            site_url(env), bool(env.conf["use_directory_urls"]), _pages(env), theme
        )
        outcome = after_build(
            site_dir,
            trust_center,
            loaded.today,
            settings,
            files_dir=files_dir(env),
            gate=GateSettings.from_environment(),
            staging=staging,
            csp=not _served_by_mkdocs(env),
        )
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
            os.environ.pop(STAGING_VARIABLE, None)
            _own_staging = None
    for warning in outcome.warnings:
        log.warning("trustcenter: %s", warning)
    for link in outcome.broken_links:
        log.warning("trustcenter: %s", link.format())
    if not outcome.leaks:
        return
    for leak in outcome.leaks:
        log.error("trustcenter: leak guard: %s", leak.format())
    shutil.rmtree(site_dir, ignore_errors=True)
    raise MacroError(
        f"trustcenter: leak guard found {len(outcome.leaks)} restricted value(s) in the "
        f"output; {site_dir} was removed so it cannot be published"
    )


__all__ = ["AUTOESCAPE", "Autoescape", "MacroError", "PipelineError", "define_env"]
