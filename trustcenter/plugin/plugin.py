"""The ``trustcenter`` MkDocs plugin: the build's state on one object, for one build.

- ``on_config``: resolve the folders, load and check the data (once per process and
  data state: :func:`trustcenter.site_macros.load_once`), stop on a data error before
  MkDocs touches the output, set the site's name and description from ``company.yml``,
  and make the build's staging folder (:mod:`trustcenter.pipeline`) unless
  ``trustcenter build`` provides one;
- ``on_post_build`` (last, after the search index is written): under a direct
  ``mkdocs build``, :func:`trustcenter.pipeline.after_build`; a leak removes the output
  and fails the build, a broken link is a warning (``--strict`` fails on it). Under
  ``trustcenter build`` the pipeline runs that pass itself, after the builder;
- ``on_build_error`` and ``on_shutdown``: remove the staging folder it made.

The page macros (:mod:`trustcenter.site_macros`, loaded through ``macros/``) read the
folders and the data from :attr:`TrustCenterPlugin.state`.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from trustcenter.pipeline import (
    STAGING_VARIABLE,
    PipelineError,
    SiteSettings,
    after_build,
    gate_notices,
    under_pipeline,
)
from trustcenter.plugin.config import TrustCenterConfig

log = logging.getLogger("mkdocs.plugins.trustcenter")


@dataclass
class BuildState:
    """What one build knows: its folders, date, data, and the staging folder it made."""

    data_dir: Path
    files_dir: Path
    loaded: Any
    own_staging: Path | None = None


class TrustCenterPlugin(BasePlugin[TrustCenterConfig]):
    """Loads the data before the build and runs the after-build pass after it."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state: BuildState | None = None
        #: Under ``mkdocs serve`` with data errors: the page written over every page.
        self.preview_problems: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the data; name the site; make the staging folder."""
        from trustcenter.clock import BadDate, build_date
        from trustcenter.markup import inline_text
        from trustcenter.restricted_files import published_overlap
        from trustcenter.site_macros import MacroError, load_once

        project = Path(config.config_file_path or "mkdocs.yml").absolute().parent
        data_dir = project / self.config.data_dir
        files_dir = project / self.config.files_dir
        published = [Path(config.docs_dir), *(Path(d) for d in config.theme.dirs)]
        if (overlap := published_overlap(files_dir, published)) is not None:
            raise PluginError(f"trustcenter: {overlap}")
        if not config.site_url:
            raise PluginError(
                "trustcenter: 'site_url' is not set in mkdocs.yml: the feeds, trust.json and "
                "security.txt need the site's address (for example https://trust.example.com/)"
            )
        from trustcenter.exports.openpgp import SigningError, clearsign, signing_key
        from trustcenter.gate import GateError, GateSettings

        try:
            GateSettings.from_environment()
            if (key := signing_key()) is not None:  # a key that cannot sign: before output
                clearsign("", *key)
            # security.txt's place is checked against site_url, which `mkdocs serve`
            # rewrites to its own address: not there.
            site_url = None if _served(config) else str(config.site_url)
            loaded = load_once(data_dir, build_date(), files_dir, site_url=site_url)
        except (BadDate, GateError, SigningError, MacroError) as error:
            raise PluginError(f"trustcenter: {error}") from None
        result = loaded.result
        self.preview_problems = None
        if result.trust_center is None and _served(config):
            # A preview shows the problems in the browser (on_post_build); a build stops.
            from trustcenter.problems_page import problems_page

            log.warning(
                "trustcenter: data errors: the preview shows them on every page until "
                "they are fixed; nothing is exported and the site must not be published"
            )
            self.preview_problems = problems_page(result.problems, str(config.site_name))
            return config
        if result.trust_center is None:
            raise PluginError(
                f"trustcenter: {len(result.errors)} error(s) in {data_dir}; nothing was "
                "built and the previous site is untouched"
            )
        self._cleanup()
        self.state = BuildState(data_dir, files_dir, loaded)
        if not (os.environ.get(STAGING_VARIABLE) and Path(os.environ[STAGING_VARIABLE]).is_dir()):
            self.state.own_staging = Path(tempfile.mkdtemp(prefix="trustcenter-staging-"))
            os.environ[STAGING_VARIABLE] = str(self.state.own_staging)
        if not under_pipeline():  # trustcenter build says these itself
            for warning, message in gate_notices(result.trust_center, loaded.today):
                (log.warning if warning else log.info)("trustcenter: %s", message)
        company = result.trust_center.company
        # One fact, one place: the site's name and description come from company.yml.
        # The theme prints them without escaping, so they go in escaped, as Markup
        # (which the theme's own ``|e`` leaves alone instead of escaping twice).
        config.site_name = Markup.escape(f"{company.name} Trust Center")
        config.site_description = Markup.escape(inline_text(company.description))
        return config

    @event_priority(-100)  # after every other plugin's files, the search index included
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Under a direct ``mkdocs build``: every after-build step over the output."""
        from trustcenter.gate import GateSettings

        if self.preview_problems is not None:  # a preview with data errors: show them, no more
            from trustcenter.problems_page import replace_pages

            replace_pages(Path(config.site_dir), self.preview_problems)
            return
        # trustcenter build runs the pass itself and always hands this process its staging
        # folder; a plugin that had to make its own is not under it (a stray variable).
        if self.state is None or (under_pipeline() and self.state.own_staging is None):
            self._cleanup()
            return
        state = self.state
        trust_center = state.loaded.result.trust_center
        site_dir = Path(config.site_dir)
        settings = SiteSettings(
            str(config.site_url).rstrip("/") + "/",
            bool(config.use_directory_urls),
            frozenset(p.stem for p in Path(config.docs_dir).glob("*.md")),
            tuple(Path(folder) for folder in config.theme.dirs),
        )
        try:
            outcome = after_build(
                site_dir,
                trust_center,
                state.loaded.today,
                settings,
                files_dir=state.files_dir,
                gate=GateSettings.from_environment(),
                staging=Path(os.environ[STAGING_VARIABLE]),
                csp=not _served(config),
                projection=state.loaded.renderer.projection,
            )
        except PipelineError as error:
            shutil.rmtree(site_dir, ignore_errors=True)
            raise PluginError(f"trustcenter: {error}; {site_dir} was removed") from None
        finally:
            self._cleanup()
        for warning in outcome.warnings:
            log.warning("trustcenter: %s", warning)
        for link in outcome.broken_links:
            log.warning("trustcenter: %s", link.format())
        if not outcome.leaks:
            return
        for leak in outcome.leaks:
            log.error("trustcenter: leak guard: %s", leak.format())
        shutil.rmtree(site_dir, ignore_errors=True)
        raise PluginError(
            f"trustcenter: leak guard found {len(outcome.leaks)} restricted value(s) in the "
            f"output; {site_dir} was removed so it cannot be published"
        )

    def on_build_error(self, *, error: Exception) -> None:
        """Remove the staging folder of a build that failed."""
        self._cleanup()

    def on_shutdown(self) -> None:
        """Remove the staging folder, if a build left one."""
        self._cleanup()

    def _cleanup(self) -> None:
        if self.state is not None and self.state.own_staging is not None:
            shutil.rmtree(self.state.own_staging, ignore_errors=True)
            if os.environ.get(STAGING_VARIABLE) == str(self.state.own_staging):
                os.environ.pop(STAGING_VARIABLE, None)
            self.state.own_staging = None


def _served(config: MkDocsConfig) -> bool:
    """True under ``mkdocs serve``, which points site_url at its own address.

    Its live-reload script is inline, with a value that changes on every build, so no
    hash can allow it: the preview goes without the CSP; a build always has it.
    """
    host, port = config.dev_addr.host, config.dev_addr.port
    return f"//{host}:{port}/" in str(config.site_url or "")
