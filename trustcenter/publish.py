"""``trustcenter build``: validate, build into a fresh folder, check, then put in place.

1. Read the site's settings from ``mkdocs.yml`` and load the data (every problem is
   reported; an error, or under ``strict`` a warning, stops here).
2. Make a build workspace beside the output folder (same file system, so the final move
   is a rename): ``out/`` for the builder, ``staging/`` for the hand-over described in
   :mod:`trustcenter.pipeline`.
3. Run the builder into ``out/`` (:mod:`trustcenter.builders`), with the build date, the
   staging folder and a per-build id in its environment, so every process of the build
   agrees on them.
4. Run :func:`trustcenter.pipeline.after_build` over ``out/``: staged files, exports,
   CSP, links, leak guard. A leak is an error; a broken link is a warning.
5. Only then replace the output folder: the old one is renamed aside, the new one
   renamed into place, the old one removed. Any failure before that leaves the previous
   output byte-identical; the workspace is always removed.

``strict`` means the same on every builder: data warnings, broken links and the
builder's own warnings all fail the build.

One build of a project at a time: steps 2 to 5 hold an exclusive lock on
:data:`LOCK_NAME` in the project's folder (``mkdocs.yml``'s). Zensical keeps its cache
in the project's ``.cache/`` and every build cleans it (``--clean``), so two builds at
once would clean each other's cache in the middle of a build; two builds also replace
the same output folder. A second build waits for the first, and says so.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from trustcenter.builders import (
    BUILDERS,
    DIRECT_BUILDS_GUARD,
    Builder,
    BuilderFailed,
    SiteConfig,
    read_site_config,
)
from trustcenter.clock import TODAY_VARIABLE, build_date
from trustcenter.pipeline import (
    BUILD_ID_VARIABLE,
    DATA_VARIABLE,
    FILES_VARIABLE,
    PIPELINE_VARIABLE,
    STAGING_VARIABLE,
    PipelineError,
    SiteSettings,
    after_build,
    gate_notices,
)

#: The lock file of :func:`project_lock`, in the project's folder.
LOCK_NAME = ".trustcenter-build.lock"


class BuildFailed(Exception):
    """The build stopped; the previous output is untouched. The message says why."""


@dataclass(frozen=True)
class Built:
    """A finished build: where the site is and what it found on the way."""

    site_dir: Path
    builder: str
    warnings: int


@contextlib.contextmanager
def _workspace(parent: Path) -> Iterator[Path]:
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".trustcenter-build-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def project_lock(project: Path, say: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the project's build lock (``fcntl.flock`` on ``project/LOCK_NAME``).

    Waits for a build that holds it, after saying which process does. The kernel
    releases the lock when its holder ends, however it ends, so a crashed build never
    leaves the project locked. The file stays between builds (git ignores it); it holds
    only the process id of the build that has the lock. A project folder where the file
    cannot be made (read-only) builds without the lock, and says so.
    """
    import fcntl  # POSIX: Linux and macOS, where the builds and CI run

    try:
        handle = (project / LOCK_NAME).open("a+", encoding="utf-8")
    except OSError as error:
        say(
            f"note: no build lock in {project} ({error.strerror}): do not run two builds "
            "of this project at once"
        )
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            say(
                f"waiting: another trustcenter build of {project} is running ({holder}); "
                "this one starts when it ends"
            )
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"process {os.getpid()}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` by renames on one file system; remove the old ``target``.

    Between the two renames there is a moment with no ``target`` (POSIX has no atomic
    exchange of two non-empty folders without Linux-only calls), never a partial one.
    """
    if not target.exists():
        os.rename(new, target)
        return
    aside = target.with_name(f".{target.name}.old-{secrets.token_hex(4)}")
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _publish(out: Path, output: Path) -> None:
    """Move the checked site ``out`` to ``output``, copying first across file systems."""
    if out.parent.parent == output.parent:
        replace_folder(out, output)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    copy = output.with_name(f".{output.name}.new-{secrets.token_hex(4)}")
    try:
        shutil.copytree(out, copy, symlinks=True)
        replace_folder(copy, output)
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def _site_settings(config: SiteConfig, builder: Builder) -> SiteSettings:
    pages = frozenset(p.stem for p in config.docs_dir.glob("*.md"))
    theme_dirs = tuple(d for d in (config.custom_dir, builder.theme_dir()) if d is not None)
    return SiteSettings(config.site_url, config.use_directory_urls, pages, theme_dirs)


def build(
    config_file: Path,
    *,
    builder_name: str = "mkdocs",
    strict: bool = False,
    today: str | None = None,
    site_dir: Path | None = None,
    say: Callable[[str], None] = print,
    own_process: bool = False,
) -> Built:
    """Build the site of ``config_file`` with one builder and publish it to its output.

    ``site_dir`` overrides the config's ``site_dir``. ``say`` receives every problem and
    progress line. ``own_process``: this process exits after the build, so ProperDocs
    may run in it (see :meth:`~trustcenter.builders.Builder.runs_here`). Raises
    :class:`BuildFailed` (the previous output untouched) on a data error, a builder
    failure, a leak, or under ``strict`` any warning.
    """
    from trustcenter.gate import GateError, GateSettings
    from trustcenter.markup import inline_text
    from trustcenter.restricted_files import published_overlap
    from trustcenter.site_macros import MacroError, hand_over, load_once

    builder = BUILDERS[builder_name]
    from trustcenter.exports.openpgp import SigningError, clearsign, signing_key

    try:
        config = read_site_config(config_file)
        date = build_date(today)
        GateSettings.from_environment()
        if (key := signing_key()) is not None:  # a key that cannot sign fails before output
            clearsign("", *key)
    except (ValueError, OSError, GateError, SigningError) as error:  # BadDate included
        raise BuildFailed(str(error)) from None
    output = (site_dir or config.site_dir).absolute()
    published = [config.docs_dir, *(d for d in (config.custom_dir, builder.theme_dir()) if d)]
    if (overlap := published_overlap(config.files_dir, published)) is not None:
        raise BuildFailed(overlap)
    try:
        # Through the per-process cache: MkDocs, run in this process, reuses this load.
        loaded = load_once(
            config.data_dir, date, config.files_dir, site_url=config.site_url, report=False
        )
        result = loaded.result
    except (FileNotFoundError, MacroError) as error:
        raise BuildFailed(str(error)) from None
    for problem in result.problems:
        say(problem.format())
    if result.trust_center is None:
        raise BuildFailed(
            f"{len(result.errors)} error(s) in the data; nothing was built and "
            f"{output} is untouched"
        )
    warnings = len(result.warnings)
    for is_warning, message in gate_notices(result.trust_center, date):
        say(f"{'warning' if is_warning else 'info'}: {message}")
        warnings += is_warning
    if strict and warnings:
        raise BuildFailed(f"{warnings} warning(s) in the data (--strict); {output} is untouched")
    if not config.stops_direct_builds:
        say(
            f"warning: {config.path} does not name {DIRECT_BUILDS_GUARD} under extra: "
            "trustcenter_pipeline, so a direct 'zensical build' would write into the output "
            "folder before the macros stop it; add 'trustcenter_pipeline: "
            f"!!python/name:{DIRECT_BUILDS_GUARD}' under 'extra:'"
        )
        warnings += 1
        if strict:
            raise BuildFailed(f"1 warning in {config.path} (--strict); {output} is untouched")
    settings = _site_settings(config, builder)
    # Zensical writes only below the project's folder; the others beside the output, so
    # that the final move is a rename.
    near = config.path.parent if builder.name == "zensical" else output.parent
    with project_lock(config.path.parent, say), _workspace(near) as workspace:
        out, staging = workspace / "out", workspace / "staging"
        staging.mkdir()
        environment = {
            PIPELINE_VARIABLE: "1",
            STAGING_VARIABLE: str(staging),
            BUILD_ID_VARIABLE: secrets.token_hex(16),
            TODAY_VARIABLE: date.isoformat(),
            DATA_VARIABLE: str(config.data_dir),
            FILES_VARIABLE: str(config.files_dir),
        }
        here = builder.runs_here(own_process=own_process)
        if not here:  # another process: it takes the data checked here
            hand_over(loaded, staging)
        try:
            company = result.trust_center.company
            titles = (f"{company.name} Trust Center", inline_text(company.description))
            builder.run(
                config,
                out,
                strict=strict,
                environment=environment,
                say=say,
                titles=titles,
                own_process=own_process,
            )
        except BuilderFailed as error:
            raise BuildFailed(f"{builder.name}: {error}; {output} is untouched") from None
        if not (out / "index.html").is_file():
            raise BuildFailed(f"{builder.name} wrote no index.html; {output} is untouched")
        try:
            outcome = after_build(
                out,
                result.trust_center,
                date,
                settings,
                files_dir=config.files_dir,
                gate=GateSettings.from_environment(),
                staging=staging,
                projection=loaded.renderer.projection,  # what the pages were rendered from
            )
        except PipelineError as error:
            raise BuildFailed(f"{error}; {output} is untouched") from None
        for warning in outcome.warnings:
            say(f"warning: {warning}")
        for link in outcome.broken_links:
            say(f"warning: {link.format()}")
        warnings += len(outcome.warnings) + len(outcome.broken_links)
        for leak in outcome.leaks:
            say(f"error: leak guard: {leak.format()}")
        if outcome.leaks:
            raise BuildFailed(
                f"leak guard found {len(outcome.leaks)} restricted value(s) in the output; "
                f"nothing was published and {output} is untouched"
            )
        if strict and (outcome.broken_links or outcome.warnings):
            count = len(outcome.broken_links) + len(outcome.warnings)
            raise BuildFailed(
                f"{count} warning(s) after the build (--strict); {output} is untouched"
            )
        _publish(out, output)
    return Built(output, builder.name, warnings)
