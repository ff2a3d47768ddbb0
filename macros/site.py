"""Register the trust center's macros with mkdocs-macros, after loading the data once.

The data is loaded and checked in ``define_env``, which mkdocs-macros runs from MkDocs'
``on_config`` event: before any page renders and before MkDocs cleans the output folder.
A data error therefore stops the build with every problem logged as
``file:line:column: error: ...`` and leaves the previous ``site/`` as it was. After the
build, ``on_post_build`` runs the leak guard over every file of the output.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from trustcenter.clock import BadDate, build_date
from trustcenter.csp import apply_policy
from trustcenter.exports import write_exports
from trustcenter.exports.openpgp import SigningError, clearsign, signing_key
from trustcenter.filegate import seal_files_into, sealed_files_for_page
from trustcenter.gate import GateError, GateSettings
from trustcenter.guard import file_leaks, restricted_values, scan
from trustcenter.links import broken_links
from trustcenter.loader import display_name, load
from trustcenter.model import TrustCenter
from trustcenter.pages_limits import limit_warnings
from trustcenter.render import Links, Renderer, plain_text
from trustcenter.restricted_files import DEFAULT_FOLDER, published_overlap, restricted_files

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

#: What define_env loaded, for on_post_build: the data and the one build date.
_loaded: TrustCenter | None = None
_today: dt.date | None = None
#: The restricted folder and the gate's settings, for on_post_build's sealed files.
_files: Path | None = None
_gate: GateSettings | None = None


def _site_url(env: Any) -> str:
    """The site's absolute address, ending in ``/``, which the feeds and trust.json need."""
    url = env.conf.get("site_url")
    if not url:
        raise PluginError(
            "trustcenter: 'site_url' is not set in mkdocs.yml: the feeds, trust.json and "
            "security.txt need the site's address (for example https://trust.example.com/)"
        )
    return str(url).rstrip("/") + "/"


def _site_links(env: Any) -> Links:
    """Absolute links to the site's pages, for the files machines read."""
    pages = frozenset(p.stem for p in Path(env.conf["docs_dir"]).glob("*.md"))
    return Links(_site_url(env), bool(env.conf["use_directory_urls"]), pages)


def _served_by_mkdocs(env: Any) -> bool:
    """True under ``mkdocs serve``, which points site_url at its own address.

    Its live-reload script is inline, with a value that changes on every build, so no
    hash can allow it: the preview goes without the CSP; a build always has it.
    """
    host, port = env.conf["dev_addr"]
    return bool(urlsplit(str(env.conf.get("site_url") or "")).netloc == f"{host}:{port}")


def _data_dir(env: Any) -> Path:
    settings = env.conf.get("extra", {}).get("trustcenter", {}) or {}
    return Path(env.project_dir) / str(settings.get("data", "data"))


def _files_dir(env: Any) -> Path:
    """The restricted folder of the files for code holders (never published as it is)."""
    settings = env.conf.get("extra", {}).get("trustcenter", {}) or {}
    folder = Path(env.project_dir) / str(settings.get("files", DEFAULT_FOLDER))
    published = [Path(env.conf["docs_dir"]), *(Path(d) for d in env.conf["theme"].dirs)]
    if (overlap := published_overlap(folder, published)) is not None:
        raise PluginError(f"trustcenter: {overlap}")
    return folder


def _with_links(
    env: Any, section: Callable[..., Markup], pages: frozenset[str]
) -> Callable[..., Markup]:
    """The section, told where the current page is, so its links are relative to it."""

    def render(*args: Any, **kwargs: Any) -> Markup:
        root = "../" * env.page.url.count("/") or "./"
        links = Links(root, bool(env.conf["use_directory_urls"]), pages)
        return section(links, *args, **kwargs)

    return render


def define_env(env: Any) -> None:
    """Load ``data/``, log its problems, and register one macro per public section."""
    global _loaded, _today, _files, _gate
    try:
        today = build_date()
        gate_settings = GateSettings.from_environment()
        if (key := signing_key()) is not None:  # a key that cannot sign fails before output
            clearsign("", *key)
    except (BadDate, GateError, SigningError) as error:
        raise PluginError(f"trustcenter: {error}") from None
    data_dir = _data_dir(env)
    files_dir = _files_dir(env)
    try:
        # Facts that must agree with site_url (security.txt's Canonical and place) are
        # checked against it, except under `mkdocs serve`, which rewrites it.
        site_url = None if _served_by_mkdocs(env) else env.conf.get("site_url")
        result = load(data_dir, today, files_dir, site_url=site_url or None)
    except FileNotFoundError as error:
        raise PluginError(f"trustcenter: {error}") from None
    for problem in result.problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    if result.trust_center is None:
        raise PluginError(
            f"trustcenter: {len(result.errors)} error(s) in {display_name(data_dir)}; "
            "nothing was built and the previous site is untouched"
        )
    _site_url(env)  # fail now, before the output is touched, if it is missing
    _loaded = trust_center = result.trust_center
    _today = today
    _files, _gate = files_dir, gate_settings
    company = trust_center.company
    # One fact, one place: the site's name and description come from company.yml. The
    # theme prints them without escaping, so they go in escaped, as Markup (which the
    # theme's own ``|e`` leaves alone instead of escaping twice).
    env.conf["site_name"] = Markup.escape(f"{company.name} Trust Center")
    env.conf["site_description"] = Markup.escape(plain_text(company.description))
    if gate_settings.secret is None:
        log.info(
            "trustcenter: preview build without %s: the gated page shows a notice",
            "TRUSTCENTER_GATE_SECRET",
        )
    elif not trust_center.active_grants(today):
        log.warning(
            "trustcenter: no active access grant in data/access.yml: nobody can open the gated page"
        )
    renderer = Renderer(trust_center, today)
    for name in SECTIONS:
        env.macro(getattr(renderer, name), name)
    pages = _site_links(env).pages
    for name in LINKING_SECTIONS:
        env.macro(_with_links(env, getattr(renderer, name), pages), name)
    env.macro(lambda: Markup.escape(company.name), "company_name")
    # The page's path is sealed into the ciphertext, so it only opens where it was put.
    # The files' keys and asset names come from the secret and the files themselves, so
    # the after-build step that writes the assets computes the same ones on its own.
    sealed = sealed_files_for_page(trust_center, files_dir, gate_settings)
    env.macro(lambda: renderer.gate(env.page.url, gate_settings, sealed), "gated_reports")
    env.variables["build_date"] = today.isoformat()


def on_post_build(env: Any) -> None:
    """Write the machine-readable files, then run the leak guard over the whole output.

    The guard fails the build, and empties the output, if any restricted value reached it.
    """
    assert _loaded is not None and _today is not None, "define_env runs first"
    assert _files is not None and _gate is not None, "define_env runs first"
    site_dir = Path(env.conf["site_dir"])
    write_exports(site_dir, _loaded, _today, _site_links(env))
    sealed = seal_files_into(site_dir, _loaded, _files, _gate)
    for warning in limit_warnings(site_dir, {s.asset for s in sealed}):
        log.warning("trustcenter: %s", warning)
    if not _served_by_mkdocs(env):
        apply_policy(site_dir)
    # A broken link is a warning, so that `mkdocs build --strict` fails on it.
    for link in broken_links(site_dir, urlsplit(_site_url(env)).path):
        log.warning("trustcenter: %s", link.format())
    theme = [Path(folder) for folder in env.conf["theme"].dirs]
    leaks = scan(site_dir, restricted_values(_loaded), unchanged_from=theme)
    leaks += file_leaks(site_dir, restricted_files(_loaded, _files))
    if not leaks:
        return
    for leak in leaks:
        log.error("trustcenter: leak guard: %s", leak.format())
    shutil.rmtree(site_dir, ignore_errors=True)
    raise PluginError(
        f"trustcenter: leak guard found {len(leaks)} restricted value(s) in the output; "
        f"{display_name(site_dir)} was removed so it cannot be published"
    )
