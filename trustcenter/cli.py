"""The ``trustcenter`` command line.

``trustcenter check`` validates ``data/`` and exits 0 when it is valid, 1 when it has
errors (or warnings under ``--strict``), 2 on a usage error. Problems go to stderr, one
per line, as ``file:line:column: severity: message; hint``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from trustcenter.clock import TODAY_VARIABLE, BadDate, build_date
from trustcenter.loader import load

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with :data:`EXIT_USAGE`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="trustcenter", description="A trust center as code.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate the data folder",
        description="Validate the trust center data and report every problem with its "
        "file, line and column.",
    )
    check.add_argument(
        "--data",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help="the data folder (default: data)",
    )
    check.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=f"the build date for date-dependent statuses (default: "
        f"${TODAY_VARIABLE}, then $SOURCE_DATE_EPOCH, then today)",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    return parser


def _check(args: argparse.Namespace) -> int:
    try:
        today = build_date(args.today)
        result = load(args.data, today)
    except (BadDate, FileNotFoundError) as error:
        print(f"trustcenter: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    for problem in result.problems:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv``) and return the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "check":
        return _check(args)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
