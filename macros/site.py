"""Register the trust center's macros with mkdocs-macros, after loading the data once.

The data is loaded and checked in ``define_env``, which mkdocs-macros runs from MkDocs'
``on_config`` event: before any page renders and before MkDocs cleans the output folder.
A data error therefore stops the build with every problem logged as
``file:line:column: error: ...`` and leaves the previous ``site/`` as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from trustcenter.clock import BadDate, build_date
from trustcenter.loader import display_name, load
from trustcenter.render import Renderer, plain_text

log = logging.getLogger("mkdocs.plugins.trustcenter")


def _data_dir(env: Any) -> Path:
    settings = env.conf.get("extra", {}).get("trustcenter", {}) or {}
    return Path(env.project_dir) / str(settings.get("data", "data"))


def define_env(env: Any) -> None:
    """Load ``data/``, log its problems, and register one macro per public section."""
    try:
        today = build_date()
    except BadDate as error:
        raise PluginError(f"trustcenter: {error}") from None
    data_dir = _data_dir(env)
    try:
        result = load(data_dir, today)
    except FileNotFoundError as error:
        raise PluginError(f"trustcenter: {error}") from None
    for problem in result.problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    if result.trust_center is None:
        raise PluginError(
            f"trustcenter: {len(result.errors)} error(s) in {display_name(data_dir)}; "
            "nothing was built and the previous site is untouched"
        )
    trust_center = result.trust_center
    company = trust_center.company
    # One fact, one place: the site's name and description come from company.yml. The
    # theme prints them without escaping, so they go in escaped, as Markup (which the
    # theme's own ``|e`` leaves alone instead of escaping twice).
    env.conf["site_name"] = Markup.escape(f"{company.name} Trust Center")
    env.conf["site_description"] = Markup.escape(plain_text(company.description))
    renderer = Renderer(trust_center, today)
    for name in (
        "company_intro",
        "contacts",
        "attestation_cards",
        "system_description",
        "criteria_in_scope",
        "controls_by_category",
        "subprocessors",
    ):
        env.macro(getattr(renderer, name), name)
    env.macro(lambda: Markup.escape(company.name), "company_name")
    env.variables["build_date"] = today.isoformat()
