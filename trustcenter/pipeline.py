"""The after-build pass, and the build that only ever publishes a checked site.

Every builder (MkDocs, ProperDocs, Zensical) renders the pages; what makes the output a
trust center is done here, once, in :func:`after_build`, whatever the builder and
whatever hooks it runs: copy the build's staged files (sealed file assets), write the
machine-readable exports, add the Content-Security-Policy, check every internal link
and anchor, and run the leak guard over every file. ``mkdocs build`` calls it from the
macros' ``on_post_build``; ``trustcenter build`` (:mod:`trustcenter.publish`) calls it
itself after the builder has finished, into a fresh folder, and moves the result into
place only when it passed.

Hand-over between the page macros and the after-build pass
-----------------------------------------------------------

Page macros may run in another process than this pass (Zensical runs the builder in a
subprocess; so does ``trustcenter build --builder properdocs``), so nothing is handed
over in memory. Instead each build has a **staging folder**, outside ``docs/`` and the
output, whose absolute path is in the environment variable :data:`STAGING_VARIABLE`:

- ``trustcenter build`` makes it inside its build workspace and passes it to the builder
  process; a direct ``mkdocs build`` makes one in ``define_env`` (``on_config``) and
  removes it after ``on_post_build``. Either way it is deleted when the build ends,
  whether it passed or failed, and it is never published as a whole.
- A macro that must leave a file for the output writes it to
  ``$TRUSTCENTER_BUILD_STAGING/site/<path below the site root>``; :func:`after_build`
  copies that tree into the output (before the leak guard, so the guard sees it).
  Sealed file assets (gated PDFs) go there.
- Anything else under the staging folder is private to the build (a manifest, per-build
  state for an after-build step) and is read by the step that needs it, by name, from
  the ``staging`` argument of :func:`after_build`.
- :data:`BUILD_ID_VARIABLE` carries a random 128-bit hex value per build, the same in
  every process of the build, for state that must agree across them without being
  written down (a per-build salt, for instance). It is not a secret.

:func:`staging_dir` returns the folder, or raises :class:`PipelineError` when a macro
runs outside any build that provides one.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the heavy modules load when the pass runs, not on import
    from trustcenter.gate import GateSettings
    from trustcenter.guard import Leak
    from trustcenter.links import BrokenLink
    from trustcenter.model import TrustCenter
    from trustcenter.projection import Projection

#: The absolute path of the build's staging folder (see the module's docstring).
STAGING_VARIABLE = "TRUSTCENTER_BUILD_STAGING"
#: A random value per build, the same in every process of one build.
BUILD_ID_VARIABLE = "TRUSTCENTER_BUILD_ID"
#: Set by ``trustcenter build`` for the builder it runs: the after-build pass is its job.
PIPELINE_VARIABLE = "TRUSTCENTER_PIPELINE"
#: The data folder and the restricted folder, as ``trustcenter build`` resolved them.
DATA_VARIABLE = "TRUSTCENTER_DATA_DIR"
FILES_VARIABLE = "TRUSTCENTER_FILES_DIR"
#: What a direct ``zensical build`` stops with (:mod:`trustcenter.direct_builds`, and
#: the page macros if it got past reading ``mkdocs.yml``).
ZENSICAL_OUTSIDE_PIPELINE = (
    "trustcenter: Zensical cannot run the trust center's after-build steps (exports, "
    "Content-Security-Policy, link check, leak guard), so it must not build this site "
    "on its own. Build with 'trustcenter build --builder zensical' (or 'make build "
    "BUILDER=zensical'), which runs Zensical and then every step."
)
#: Below the staging folder: files copied into the output at the same relative path.
STAGED_SITE = "site"


class PipelineError(RuntimeError):
    """A build step cannot run as set up (no staging folder, a builder that cannot run)."""


def under_pipeline(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """True when ``trustcenter build`` runs this process's builder (it does the pass)."""
    env = os.environ if environ is None else environ
    return bool(env.get(PIPELINE_VARIABLE))


def run_by_pipeline(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """True when ``trustcenter build`` runs this builder process.

    That is: it set :data:`PIPELINE_VARIABLE` and handed over a staging folder that exists.

    A stray :data:`PIPELINE_VARIABLE` left in a shell is not enough: the staging folder
    is made for one build and removed when it ends.
    """
    env = os.environ if environ is None else environ
    staging = env.get(STAGING_VARIABLE, "")
    return under_pipeline(env) and Path(staging).is_absolute() and Path(staging).is_dir()


def staging_dir() -> Path:
    """The current build's staging folder; raise :class:`PipelineError` when there is none."""
    value = os.environ.get(STAGING_VARIABLE, "")
    path = Path(value)
    if not value or not path.is_absolute() or not path.is_dir():
        raise PipelineError(
            f"no staging folder for this build (${STAGING_VARIABLE} is "
            f"{'unset' if not value else repr(value)}): build with 'trustcenter build'"
        )
    return path


def gate_notices(trust_center: TrustCenter, today: dt.date) -> list[tuple[bool, str]]:
    """What a build says about the gate before it starts: (is a warning, message).

    A preview without the secret is information; a secret with no active grant is a
    warning (nobody could open the gated page), which ``--strict`` fails on.
    """
    from trustcenter.gate import SECRET_VARIABLE

    if not os.environ.get(SECRET_VARIABLE, "").strip():
        return [(False, f"preview build without {SECRET_VARIABLE}: the gated page shows a notice")]
    if not trust_center.active_grants(today):
        return [(True, "no active access grant in data/access.yml: nobody can open the gated page")]
    return []


@dataclass(frozen=True)
class SiteSettings:
    """What the after-build pass needs to know about the site.

    ``url`` is the site's absolute address ending in ``/``; ``pages`` the stems of the
    pages in ``docs/`` (``controls``); ``theme_dirs`` the theme's folders, whose files the
    build copies unchanged (the leak guard skips byte-identical copies of them).
    """

    url: str
    directory_urls: bool
    pages: frozenset[str]
    theme_dirs: tuple[Path, ...] = ()

    @property
    def base_path(self) -> str:
        """Where the site is served: ``/trust/`` for ``https://example.com/trust/``."""
        from urllib.parse import urlsplit

        return urlsplit(self.url).path or "/"


@dataclass
class Outcome:
    """What :func:`after_build` did and found.

    Broken links and ``warnings`` (GitHub Pages' size limits) are warnings (``--strict``
    fails on them); any leak is an error, and the caller must not publish the output.
    """

    exported: list[Path] = field(default_factory=list)
    staged: list[Path] = field(default_factory=list)
    sealed_files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    policy_pages: int = 0
    broken_links: list[BrokenLink] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)


def _copy_staged(staging: Path | None, site_dir: Path) -> list[Path]:
    """Copy ``staging/site/**`` into ``site_dir``; return the files written."""
    if staging is None or not (staging / STAGED_SITE).is_dir():
        return []
    source = staging / STAGED_SITE
    written = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        target = site_dir / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written.append(target)
    return written


def after_build(
    site_dir: Path,
    trust_center: TrustCenter,
    today: dt.date,
    site: SiteSettings,
    *,
    files_dir: Path | None = None,
    gate: GateSettings | None = None,
    staging: Path | None = None,
    csp: bool = True,
    projection: Projection | None = None,
) -> Outcome:
    """Run every after-build step over the built site in ``site_dir``, in this order.

    First what the builder cannot write:

    1. the staged files (``staging/site/**``, see the module's docstring) into the output;
    2. the exports (trust.json and its schema, feeds, security.txt, badges), from
       ``projection``, the judgement the pages were rendered from (computed here only
       when the caller has none);
    3. the sealed files for code holders (:func:`trustcenter.filegate.write_sealed_files`,
       from the restricted folder ``files_dir`` and the gate's settings ``gate``; their
       keys and names come from the secret, so the page sealer shares no state with
       this step).

    Then one pass over the whole output (:func:`trustcenter.sitepass.review`), each file
    read once: print-only link references and the Content-Security-Policy ``<meta>`` on
    every page (``csp=False`` only for a live preview whose reload script changes on
    every build); every internal link and anchor; the leak guard over every byte of every
    file, the files of steps 1-3 included (restricted values, and the restricted files'
    bytes); a gated page whose digest of its sealed files (``data-tc-files``) is not that
    of the assets step 3 wrote (a file changed during the build, or no file was sealed)
    counts as a leak; and warnings near GitHub Pages' size limits.

    Nothing is removed here: on leaks the caller must discard the output. Raises
    :class:`PipelineError` for a page the pass cannot read as UTF-8.
    """
    from trustcenter.exports import write_exports
    from trustcenter.guard import Guard, restricted_values
    from trustcenter.render import Links
    from trustcenter.restricted_files import restricted_files
    from trustcenter.sitepass import review

    outcome = Outcome()
    outcome.staged = _copy_staged(staging, site_dir)
    links = Links(site.url, site.directory_urls, site.pages)
    exported = write_exports(site_dir, trust_center, today, links, projection)
    outcome.exported = list(exported)
    # Read and hashed once, for sealing and for the leak guard.
    restricted = (
        restricted_files(trust_center, files_dir, keep=True) if files_dir is not None else []
    )
    if files_dir is not None and gate is not None and gate.secret:
        from trustcenter.filegate import write_sealed_files

        sealed = write_sealed_files(site_dir, restricted, gate.secret)
        outcome.sealed_files = [item.asset for item in sealed]
    request = trust_center.company.request_access
    guard = Guard(restricted_values(trust_center), restricted, unchanged_from=site.theme_dirs)
    found = review(
        site_dir,
        guard,
        base_path=site.base_path,
        csp=csp,
        form_actions=[request.endpoint] if request and request.endpoint else [],
        sealed_assets=outcome.sealed_files,
        known=exported,
    )
    outcome.policy_pages = found.policy_pages
    outcome.broken_links = found.broken_links
    outcome.leaks = found.leaks
    outcome.warnings = found.warnings if files_dir is not None and gate is not None else []
    return outcome
