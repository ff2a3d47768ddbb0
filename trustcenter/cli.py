"""The ``trustcenter`` command line.

- ``trustcenter check`` validates ``data/``; problems go to stderr, one per line, as
  ``file:line:column: severity: message; hint``.
- ``trustcenter access list|code|new-secret`` manages access to the gated page.
- ``trustcenter diff OLD NEW`` says what a change does to the public site.
- ``trustcenter export DIR`` writes the machine-readable files without MkDocs.
- ``trustcenter schema`` writes the data files' JSON Schemas for editors.
- ``trustcenter guard SITE`` searches a built site for gated and internal values.
- ``trustcenter build`` validates the data, runs a builder (MkDocs, ProperDocs or
  Zensical) into a fresh folder, runs every after-build step, and only then replaces
  the site; ``trustcenter serve`` previews the site while you edit.

Every command exits 0 on success, 1 when the data (or the site) has a problem, 2 on a
usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from trustcenter.clock import TODAY_VARIABLE, BadDate, build_date
from trustcenter.loader import load
from trustcenter.restricted_files import default_folder, restricted_files
from trustcenter.schema import SCHEMA_DIR, stale_schemas, write_schemas

if TYPE_CHECKING:
    from trustcenter.model import TrustCenter

# Each command imports what only it needs (the gate's cryptography, the exports'
# templates, the diff's git plumbing) when it runs: `trustcenter check` starts fast.

#: The gate secret's variable, as :data:`trustcenter.gate.SECRET_VARIABLE` names it
#: (a test holds the two equal); written here so that help texts need no cryptography.
SECRET_VARIABLE = "TRUSTCENTER_GATE_SECRET"

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with :data:`EXIT_USAGE`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


class _Failed(Exception):
    """A command cannot go on; carries the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help="the data folder (default: data)",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the build date for date-dependent statuses (default: "
        f"${TODAY_VARIABLE}, then $SOURCE_DATE_EPOCH, then today)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="trustcenter", description="A trust center as code.")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    check = commands.add_parser(
        "check",
        help="validate the data folder",
        description="Validate the trust center data and report every problem with its "
        "file, line and column.",
    )
    _data_options(check)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        help="the restricted folder the entries' 'files:' are read from (default: "
        "'restricted' beside the data folder)",
    )
    check.add_argument(
        "--site-url",
        metavar="URL",
        help="the address the site is published at (site_url of mkdocs.yml): also check "
        "that security.txt's Canonical names it and that it serves /.well-known/ at the "
        "host's root, as the build does",
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text (default), or GitHub workflow commands that annotate the "
        "lines of a pull request's diff",
    )

    access = commands.add_parser("access", help="manage access to the gated page")
    actions = access.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=_Parser
    )
    _data_options(actions.add_parser("list", help="list the grants and their expiry (no codes)"))
    code = actions.add_parser(
        "code",
        help="print one grant's access code and link (needs the gate secret)",
        description="Print the access code of one grant and a link that opens the gated "
        f"page with it. Reads the secret from ${SECRET_VARIABLE}.",
    )
    _data_options(code)
    code.add_argument("grant", help="the grant's id in data/access.yml")
    actions.add_parser("new-secret", help=f"print a fresh random value for ${SECRET_VARIABLE}")

    diff = commands.add_parser(
        "diff",
        help="say what a change does to the public site",
        description="Compare the data at OLD and NEW (two git revisions, or two data "
        "folders) and say, in plain words, what changes on the public site. Gated and "
        "internal values are never shown.",
    )
    _data_options(diff)
    diff.add_argument("old", help="a git revision (main, origin/main, HEAD~1) or a folder")
    diff.add_argument("new", help="a git revision or a folder")
    diff.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="text (default) or Markdown, for a job summary",
    )

    export = commands.add_parser(
        "export",
        help="write the machine-readable files without building the site",
        description="Write trust.json and its schema, the Atom feeds, security.txt and the "
        "badges into a folder, from the data alone (no MkDocs needed).",
    )
    _data_options(export)
    export.add_argument("out", type=Path, help="the folder to write into")
    export.add_argument(
        "--site-url",
        required=True,
        metavar="URL",
        help="the site's address, for the absolute links the files carry",
    )

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schemas of the data files, for editors",
        description="Write schema/<file>.schema.json for every data file, generated from "
        "the model; with --check, only say whether the committed ones are up to date.",
    )
    schema.add_argument(
        "--out",
        type=Path,
        default=Path(SCHEMA_DIR),
        metavar="DIR",
        help=f"the folder to write (default: {SCHEMA_DIR})",
    )
    schema.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a schema is missing or out of date",
    )

    guard = commands.add_parser(
        "guard",
        help="search a built site for gated and internal values",
        description="Search every file of a built site for the gated and internal values "
        "of the data; exit 1 naming the file and the field of each one found.",
    )
    _data_options(guard)
    guard.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        help="the restricted folder, whose files must not be in the site either (default: "
        "'restricted' beside the data folder)",
    )
    guard.add_argument("site", type=Path, help="the built site's folder")

    build = commands.add_parser(
        "build",
        help="build the site with a builder, check it, then put it in place",
        description="Validate the data, build the site with the chosen builder into a "
        "fresh folder, write the exports, add the Content-Security-Policy, check every "
        "link and anchor, run the leak guard, and only then replace the site folder. Any "
        "failure leaves the previous site as it was.",
    )
    _site_options(build)
    build.add_argument(
        "--strict",
        action="store_true",
        help="fail on any warning too: the data's, a broken link, the builder's own",
    )
    build.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the build date for date-dependent statuses (default: "
        f"${TODAY_VARIABLE}, then $SOURCE_DATE_EPOCH, then today)",
    )
    build.add_argument(
        "-d", "--site-dir", type=Path, metavar="DIR", help="the output folder (default: site_dir)"
    )

    serve = commands.add_parser(
        "serve",
        help="preview the site while you edit (MkDocs or ProperDocs)",
        description="Check the data, then run the builder's live-reloading preview server. "
        "The preview runs the exports, link check and leak guard after every rebuild, but "
        "not the Content-Security-Policy (the reload script is inline).",
    )
    _site_options(serve)
    serve.add_argument(
        "-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT",
        help="where to serve (default: 127.0.0.1:8000)",
    )  # fmt: skip
    return parser


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--builder",
        choices=("mkdocs", "properdocs", "zensical"),
        default=None,
        help="the static site builder (default: $TRUSTCENTER_BUILDER, else mkdocs)",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        metavar="FILE",
        help="the site's configuration (default: mkdocs.yml)",
    )


def _builder_name(args: argparse.Namespace) -> str:
    name = args.builder or os.environ.get("TRUSTCENTER_BUILDER", "").strip() or "mkdocs"
    if name not in ("mkdocs", "properdocs", "zensical"):
        raise _Failed(
            f"TRUSTCENTER_BUILDER: expected mkdocs, properdocs or zensical, found '{name}'",
            EXIT_USAGE,
        )
    return name


def _build(args: argparse.Namespace) -> int:
    from trustcenter.publish import BuildFailed, build

    if not args.config_file.is_file():
        raise _Failed(f"configuration not found: {args.config_file}", EXIT_USAGE)
    name = _builder_name(args)
    try:
        built = build(
            args.config_file,
            builder_name=name,
            strict=args.strict,
            today=args.today,
            site_dir=args.site_dir,
            say=lambda line: print(line, file=sys.stderr),
            own_process=args.own_process,
        )
    except BuildFailed as error:
        print(f"trustcenter build: failed: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(
        f"trustcenter build: ok: built {built.site_dir} with {built.builder}, "
        f"{built.warnings} warning(s)"
    )
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    name = _builder_name(args)
    if name == "zensical":
        raise _Failed(
            "Zensical's preview server cannot run the after-build steps (exports, link "
            "check, leak guard); preview with --builder mkdocs or properdocs, and build "
            "with 'trustcenter build --builder zensical'",
            EXIT_USAGE,
        )
    if not args.config_file.is_file():
        raise _Failed(f"configuration not found: {args.config_file}", EXIT_USAGE)
    from trustcenter.builders import read_site_config

    try:
        config = read_site_config(args.config_file)
        result = load(config.data_dir, build_date(), config.files_dir)
    except (ValueError, OSError) as error:  # BadDate included
        raise _Failed(str(error), EXIT_USAGE) from None
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    if result.trust_center is None:
        raise _Failed("the data has errors; see above (the preview starts once it is valid)", 1)
    command = [sys.executable, "-m", name, "serve", "-f", str(args.config_file),
               "-a", args.dev_addr]  # fmt: skip
    sys.stdout.flush()
    os.execv(sys.executable, command)
    return EXIT_OK  # pragma: no cover - execv does not return


def _check(args: argparse.Namespace) -> int:
    try:
        today = build_date(args.today)
        site_url = args.site_url.rstrip("/") + "/" if args.site_url else None
        result = load(args.data, today, args.files or default_folder(args.data), site_url=site_url)
    except (BadDate, FileNotFoundError) as error:
        raise _Failed(str(error), EXIT_USAGE) from None
    for problem in result.problems:
        if args.format == "github":  # workflow commands are read from standard output
            print(problem.format_github())
        else:
            print(problem.format(), file=sys.stderr)
    failed = bool(result.errors) or (args.strict and bool(result.warnings))
    errors, warnings = len(result.errors), len(result.warnings)
    verdict = "failed" if failed else "ok"
    strict = " (--strict: warnings count as errors)" if args.strict and warnings else ""
    print(
        f"trustcenter check: {verdict}: {errors} error(s), {warnings} warning(s) in "
        f"{args.data} as of {today.isoformat()}{strict}",
        file=sys.stderr if failed else sys.stdout,
    )
    return EXIT_INVALID if failed else EXIT_OK


def _load_valid(
    args: argparse.Namespace, files_dir: Path | None = None
) -> tuple[TrustCenter, dt.date]:
    """Load the data for a command that needs it valid; raise :class:`_Failed` if not.

    With ``files_dir``, the files the data lists are checked too.
    """
    try:
        today = build_date(args.today)
        result = load(args.data, today, files_dir)
    except (BadDate, FileNotFoundError) as error:
        raise _Failed(str(error), EXIT_USAGE) from None
    if result.trust_center is None:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        raise _Failed("the data has errors; see above, or run 'trustcenter check'", EXIT_INVALID)
    return result.trust_center, today


def _access_list(args: argparse.Namespace) -> int:
    trust_center, today = _load_valid(args)
    grants = sorted(trust_center.access.grants, key=lambda g: g.expires)
    if not grants:
        print(f"no grants in {args.data / 'access.yml'}")
    for grant in grants:
        days = (grant.expires - today).days
        state = f"expired {-days} day(s) ago" if days < 0 else f"active, {days} day(s) left"
        print(f"{grant.id}\t{grant.expires.isoformat()}\t{state}\t{grant.recipient}")
    return EXIT_OK


def _access_code(args: argparse.Namespace) -> int:
    from trustcenter.gate import GateError, GateSettings, access_code

    trust_center, today = _load_valid(args)
    try:
        settings = GateSettings.from_environment()
    except GateError as error:
        raise _Failed(str(error), EXIT_USAGE) from None
    if settings.secret is None:
        raise _Failed(f"{SECRET_VARIABLE} is not set: the codes are derived from it", EXIT_USAGE)
    grant = next((g for g in trust_center.access.grants if g.id == args.grant), None)
    if grant is None:
        known = ", ".join(g.id for g in trust_center.access.grants) or "none"
        raise _Failed(
            f"no grant '{args.grant}' in {args.data / 'access.yml'} (grants: {known})", EXIT_INVALID
        )
    if grant.expires < today:
        raise _Failed(
            f"grant '{grant.id}' expired on {grant.expires.isoformat()}: extend "
            "'expires' and publish before sending a code",
            EXIT_INVALID,
        )
    code = access_code(settings.secret, grant)
    print(f"grant: {grant.id} ({grant.recipient}), valid through {grant.expires.isoformat()}")
    print(f"code:  {code}")
    if trust_center.access.page_url:
        print(f"link:  {trust_center.access.page_url}#code={code}")
    print(
        "Send the code or the link to this recipient only. It opens the gated page until "
        "the grant expires or is removed, from the next published build on."
    )
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from trustcenter.diff import DiffError, summarize

    try:
        today = build_date(args.today)
        summary = summarize(args.old, args.new, args.data, today)
    except BadDate as error:
        raise _Failed(str(error), EXIT_USAGE) from None
    except DiffError as error:
        raise _Failed(str(error), EXIT_INVALID) from None
    print(summary.markdown() if args.format == "markdown" else summary.text(), end="")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from trustcenter.exports import write_exports
    from trustcenter.markup import url_problem
    from trustcenter.render import Links

    trust_center, today = _load_valid(args)
    if url_problem(args.site_url) or not args.site_url.startswith(("https://", "http://")):
        raise _Failed(
            f"--site-url: expected the site's web address, such as "
            f"https://trust.example.com/, found '{args.site_url}'",
            EXIT_USAGE,
        )
    pages = frozenset(p.stem for p in (args.data.parent / "docs").glob("*.md"))
    links = Links(args.site_url.rstrip("/") + "/", pages=pages)  # the pages beside the data
    for path in write_exports(args.out, trust_center, today, links):
        print(f"wrote {path}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_schemas(args.out)
        for name in stale:
            print(
                f"{args.out / name}: missing or out of date; run 'trustcenter schema'",
                file=sys.stderr,
            )
        return EXIT_INVALID if stale else EXIT_OK
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return EXIT_OK


def _guard(args: argparse.Namespace) -> int:
    from trustcenter.guard import file_leaks, restricted_values, scan

    folder = args.files or default_folder(args.data)
    trust_center, _ = _load_valid(args, folder)
    if not args.site.is_dir():
        raise _Failed(f"site folder not found: {args.site}", EXIT_USAGE)
    leaks = scan(args.site, restricted_values(trust_center))
    files = file_leaks(args.site, restricted_files(trust_center, folder))
    for leak in sorted([*leaks, *files], key=lambda leak: leak.file):
        print(leak.format(), file=sys.stderr)
    if leaks or files:
        found = f"{len(leaks)} restricted value(s)"
        found += f" and {len(files)} restricted file(s)" if files else ""
        print(f"trustcenter guard: failed: {found} in {args.site}", file=sys.stderr)
        return EXIT_INVALID
    print(f"trustcenter guard: ok: no gated or internal value in {args.site}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, *, own_process: bool = False) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv``) and return the exit code.

    ``own_process``: the process exits after this command (the console script), so a
    build may let ProperDocs take MkDocs' names in it
    (:meth:`~trustcenter.builders.Builder.runs_here`); a caller that goes on leaves it off.
    """
    args = _parser().parse_args(argv)
    args.own_process = own_process
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "guard":
            return _guard(args)
        if args.command == "diff":
            return _diff(args)
        if args.command == "schema":
            return _schema(args)
        if args.command == "export":
            return _export(args)
        if args.command == "build":
            return _build(args)
        if args.command == "serve":
            return _serve(args)
        if args.action == "new-secret":
            from trustcenter.gate import new_secret

            print(new_secret())
            return EXIT_OK
        return _access_list(args) if args.action == "list" else _access_code(args)
    except _Failed as failure:
        print(f"trustcenter: error: {failure}", file=sys.stderr)
        return failure.code


if __name__ == "__main__":
    sys.exit(main())
