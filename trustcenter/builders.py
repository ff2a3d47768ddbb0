"""The static site builders ``trustcenter build`` can run, and how each is run.

All three read ``mkdocs.yml``:

- **mkdocs** (MkDocs 1.6.1, the default) runs in the same process, so the data loaded
  for validation is the data the macros use (:mod:`trustcenter.site_macros` caches it
  per process);
- **properdocs** (ProperDocs 1.6.7, a fork of MkDocs 1.x that renames ``mkdocs.*`` at
  import time: once imported, every later ``import mkdocs`` of the process gets
  ProperDocs);
- **zensical** (0.0.73) runs with a generated configuration that inherits
  ``mkdocs.yml`` (its only way to change the output folder and to set the site's
  name), always with ``--clean``, so its cache never serves a page sealed under an
  older secret, grant list or build date.

ProperDocs and Zensical run through their own command line, called in this process
when the process runs this one build and then exits (the ``trustcenter`` command; for
ProperDocs, only if MkDocs is not imported yet): see :meth:`Builder.runs_here`. They
then share the loaded data too. Elsewhere (a test calling the build in a process that
goes on) they run as a subprocess, so that ProperDocs never takes MkDocs' place in that
process and Zensical's runtime keeps nothing from one build to the next; that
subprocess takes the data checked here from :func:`trustcenter.site_macros.hand_over`.

Each writes into a fresh folder that :mod:`trustcenter.publish` gives it; none of them
runs the after-build steps (:mod:`trustcenter.pipeline` does, after the builder).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from trustcenter.restricted_files import DEFAULT_FOLDER


class BuilderFailed(Exception):
    """The builder exited with an error, or cannot run here; the message says which."""


@dataclass(frozen=True)
class SiteConfig:
    """The few settings of ``mkdocs.yml`` the pipeline needs, paths made absolute."""

    path: Path
    site_url: str
    site_dir: Path
    docs_dir: Path
    data_dir: Path
    files_dir: Path
    use_directory_urls: bool
    custom_dir: Path | None
    #: ``extra.trustcenter_pipeline`` names :data:`DIRECT_BUILDS_GUARD`, so a direct
    #: ``zensical build`` stops while it reads the file (:mod:`trustcenter.direct_builds`).
    stops_direct_builds: bool = True


#: What ``mkdocs.yml`` names under ``extra: trustcenter_pipeline:`` with a
#: ``!!python/name:`` tag, so that a direct ``zensical build`` stops before it writes.
DIRECT_BUILDS_GUARD = "trustcenter.direct_builds.REQUIRED"
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


@dataclass(frozen=True)
class _PythonName:
    """A ``!!python/name:`` value, by its name: read, never imported here."""

    name: str


class _ConfigLoader(yaml.SafeLoader):
    """YAML for ``mkdocs.yml``: ``!ENV`` resolved, ``!!python/name:`` kept as a name.

    ``!ENV`` is resolved as MkDocs does; a ``!!python/name:`` value is kept as its name,
    never imported; other tags are read as None.
    """


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names: list[str]
    default: Any = None
    if isinstance(node, yaml.ScalarNode):
        names = [str(loader.construct_scalar(node))]
    elif isinstance(node, yaml.SequenceNode):
        items = [
            str(loader.construct_scalar(n)) for n in node.value if isinstance(n, yaml.ScalarNode)
        ]
        names, default = items[:-1], (items[-1] if len(items) > 1 else None)
    else:
        return None
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return default


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor(_PYTHON_NAME, lambda loader, suffix, node: _PythonName(suffix))
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_config(path: Path) -> SiteConfig:
    """Read ``path`` (``mkdocs.yml``); raise :class:`ValueError` naming what is missing.

    ``INHERIT`` is followed, as MkDocs does (the child's keys win, mappings merged).
    """
    raw = _read_yaml(path)
    root = path.parent.absolute()
    url = raw.get("site_url")
    if not url or not str(url).startswith(("https://", "http://")):
        raise ValueError(
            f"{path}: 'site_url' is not set to the site's address (for example "
            "https://trust.example.com/): the feeds, trust.json and security.txt need it"
        )
    theme = _mapping(raw.get("theme"))
    settings = _plugin_settings(raw.get("plugins"), "trustcenter")
    custom = theme.get("custom_dir")
    return SiteConfig(
        path=path.absolute(),
        site_url=str(url).rstrip("/") + "/",
        site_dir=root / str(raw.get("site_dir") or "site"),
        docs_dir=root / str(raw.get("docs_dir") or "docs"),
        data_dir=root / str(settings.get("data_dir") or "data"),
        files_dir=root / str(settings.get("files_dir") or DEFAULT_FOLDER),
        use_directory_urls=bool(raw.get("use_directory_urls", True)),
        custom_dir=(root / str(custom)) if custom else None,
        stops_direct_builds=(
            _mapping(raw.get("extra")).get("trustcenter_pipeline")
            == _PythonName(DIRECT_BUILDS_GUARD)
        ),
    )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _plugin_settings(plugins: Any, name: str) -> dict[str, Any]:
    """The settings of plugin ``name`` in ``plugins`` (a list, or a mapping, as MkDocs allows)."""
    if isinstance(plugins, dict):
        return _mapping(plugins.get(name))
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and name in entry:
            return _mapping(entry[name])
    return {}


def _read_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        raw = yaml.load(stream, Loader=_ConfigLoader)  # a SafeLoader subclass
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of settings, found {type(raw).__name__}")
    parent = raw.pop("INHERIT", None)
    if parent:
        base = _read_yaml(path.parent / str(parent))
        for key, value in raw.items():
            if isinstance(value, dict) and isinstance(base.get(key), dict):
                base[key] = {**base[key], **value}
            else:
                base[key] = value
        raw = base
    return dict(raw)


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def theme_text(text: str) -> str:
    """``text`` made safe for Zensical's theme, which prints the site's name unescaped.

    Zensical 0.0.73 prints ``site_name`` as it is in the page's ``<title>``, the header
    and ``aria-label`` attributes, and escaped in ``title`` attributes. So what could
    open markup or close an attribute (``<``, ``>``, ``"``, and an ``&`` that could
    start a character reference) goes in as a reference; a plain ``&`` or ``'`` stays,
    so an ordinary name (``Smith & Co``) reads right in both kinds of place. A name
    with ``<``, ``>`` or ``"`` shows its references in the ``title`` tooltips: safe,
    if not pretty.
    """
    text = re.sub(r"&(?=[A-Za-z0-9#])", "&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


#: Turns off Material's notice about MkDocs 2, printed when it takes the command for MkDocs.
_QUIET = {"NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Builder:
    """One builder: its name, the package that provides it, and how to run it."""

    name: str
    package: str
    theme_package: str

    def available(self) -> bool:
        """True when the builder's package is installed in this environment."""
        return importlib.util.find_spec(self.package) is not None

    def theme_dir(self) -> Path | None:
        """The installed theme's folder, whose files the output copies unchanged."""
        folder = _package_dir(self.theme_package)
        return folder / "templates" if folder else None

    def runs_here(self, *, own_process: bool) -> bool:
        """True when :meth:`run` builds in this process (so it can share the loaded data).

        ``own_process``: this process runs one build and then exits (the ``trustcenter``
        command). MkDocs always runs here. ProperDocs and Zensical only in such a
        process, and ProperDocs only if MkDocs itself is not imported already (it would
        take MkDocs' names from under it).
        """
        if self.name == "mkdocs":
            return True
        if not own_process:
            return False
        if self.name == "properdocs":
            imported = sys.modules.get("mkdocs")
            return imported is None or imported is sys.modules.get("properdocs")
        return True

    def run(
        self,
        config: SiteConfig,
        out: Path,
        *,
        strict: bool,
        environment: Mapping[str, str],
        say: Callable[[str], None],
        titles: tuple[str, str] = ("", ""),
        own_process: bool = False,
    ) -> None:
        """Build the site of ``config`` into ``out``; raise :class:`BuilderFailed` on failure.

        ``environment`` is added to the builder's environment; ``titles`` are the site's
        name and description (from the data), for builders whose macros cannot set them;
        ``own_process``: see :meth:`runs_here`.
        """
        if not self.available():
            raise BuilderFailed(
                f"the '{self.package}' package is not installed in this environment "
                f"({sys.prefix}); 'make setup' installs every supported builder"
            )
        if self.name == "mkdocs":
            self._run_mkdocs(config, out, strict, environment)
            return
        arguments = self._arguments(config, out, strict, titles)
        try:
            if self.runs_here(own_process=own_process):
                self._run_here(arguments, config, environment, say)
            else:
                self._run_subprocess(arguments, config, environment)
        finally:
            if self.name == "zensical":
                self.generated_config(config, out).unlink(missing_ok=True)

    def _run_mkdocs(
        self, config: SiteConfig, out: Path, strict: bool, environment: Mapping[str, str]
    ) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            with _environment(environment):
                settings = load_config(
                    config_file=str(config.path), site_dir=str(out), strict=strict
                )
                settings.plugins.on_startup(command="build", dirty=False)
                try:
                    build(settings)
                finally:
                    settings.plugins.on_shutdown()
        except MkDocsException as error:
            raise BuilderFailed(str(error) or type(error).__name__) from None
        except SystemExit as error:  # mkdocs-macros exits on a macro error
            raise BuilderFailed(f"a plugin stopped the build (exit status {error.code})") from None
        except Exception as error:  # a plugin's own error (a macro's, Jinja's): a failure
            raise BuilderFailed(f"{type(error).__name__}: {error}") from None
        finally:
            logger.removeHandler(handler)

    def _run_here(
        self,
        arguments: list[str],
        config: SiteConfig,
        environment: Mapping[str, str],
        say: Callable[[str], None],
    ) -> None:
        # The builder's own command line (a click command), called here rather than in a
        # process of its own: its logging (for ProperDocs, warnings logged under mkdocs.*
        # count for --strict) and its plugins' set-up are those of its command.
        import click

        command = importlib.import_module(_COMMAND_LINES[self.name]).cli
        try:
            with (
                _environment({**environment, **_QUIET}),
                contextlib.chdir(config.path.parent),
            ):
                command.main(arguments, prog_name=self.name, standalone_mode=False)
        except click.ClickException as error:  # ProperDocs' Abort (--strict) included
            raise BuilderFailed(error.format_message().strip()) from None
        except SystemExit as error:  # mkdocs-macros exits on a macro error
            raise BuilderFailed(f"a plugin stopped the build (exit status {error.code})") from None
        except Exception as error:  # a plugin's or the runtime's error (Zensical's --strict)
            # Zensical's runtime gives a Python error with its traceback in the message:
            # the traceback is said first, the failure is its first line.
            reason, _, details = str(error).partition("\n")
            if details.strip():
                say(details.rstrip())
            raise BuilderFailed(f"{type(error).__name__}: {reason}") from None

    def _arguments(
        self, config: SiteConfig, out: Path, strict: bool, titles: tuple[str, str]
    ) -> list[str]:
        """The builder's command-line arguments; for Zensical, its configuration written."""
        flags = ["--strict"] if strict else []
        if self.name == "properdocs":
            return ["build", "-f", str(config.path), "-d", str(out), *flags]
        root = config.path.parent
        if not out.absolute().is_relative_to(root):
            raise BuilderFailed(
                f"zensical writes only inside the project folder {root}; set site_dir below it"
            )
        name, description = titles
        # Zensical takes the project's root from the configuration file's folder, so the
        # generated configuration sits beside mkdocs.yml, named after the workspace.
        generated = self.generated_config(config, out)
        settings = {
            "INHERIT": config.path.name,
            "site_dir": os.path.relpath(out, root),
            **({"site_name": theme_text(name)} if name else {}),
            **({"site_description": theme_text(description)} if description else {}),
        }
        generated.write_text(json.dumps(settings, indent=2) + "\n", "utf-8")
        return ["build", "-f", str(generated), "--clean", *flags]

    @staticmethod
    def generated_config(config: SiteConfig, out: Path) -> Path:
        """Where Zensical's generated configuration for the build into ``out`` goes."""
        return config.path.parent / f"{out.parent.name}.yml"

    def _run_subprocess(
        self, arguments: list[str], config: SiteConfig, environment: Mapping[str, str]
    ) -> None:
        command = [sys.executable, "-m", self.package, *arguments]
        env = {**os.environ, **environment, **_QUIET}
        done = subprocess.run(command, cwd=config.path.parent, env=env, check=False)
        if done.returncode != 0:
            raise BuilderFailed(f"exited with status {done.returncode} (see its output above)")


#: The module of each builder's command line (a click group named ``cli``).
_COMMAND_LINES = {"properdocs": "properdocs.__main__", "zensical": "zensical.main"}

BUILDERS: dict[str, Builder] = {
    "mkdocs": Builder("mkdocs", "mkdocs", "material"),
    "properdocs": Builder("properdocs", "properdocs", "material"),
    "zensical": Builder("zensical", "zensical", "zensical"),
}
