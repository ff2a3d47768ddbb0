"""The ``trustcenter`` command in a process of its own: the console script, ``-m trustcenter``.

A command other than ``serve`` runs once and exits, and nearly everything it makes (the
data's model, the pages, the output's bytes) lives until then. CPython's cyclic garbage
collector walks those long-lived objects again each time enough new ones pile up, and
finds almost nothing to free, so such a process runs with it switched off: reference
counting still frees every object the moment nothing refers to it; only objects in a
reference cycle wait for the process to end. ``trustcenter serve`` runs for hours and
keeps the collector. Measured with ``gc.callbacks`` (1 December 2026): with the
collector on, ``trustcenter check`` of the example spends about 15 ms in it (73
collections), a build of the benchmark's 5,000-control company about 0.43 s (687); with
it off, that build's peak memory is 167 MB instead of 160 MB.

For the same reason a build here may run ProperDocs in this process
(:meth:`trustcenter.builders.Builder.runs_here`), which from then on answers every
``import mkdocs``. :func:`trustcenter.cli.main`, called in a process that goes on (the
tests), leaves the collector as it is and runs ProperDocs in a subprocess.
"""

from __future__ import annotations

import gc
import sys
from typing import NoReturn

#: The command that runs until it is stopped, and keeps the collector.
LONG_RUNNING = "serve"


def run(argv: list[str] | None = None) -> NoReturn:
    """Run the command line of ``argv`` (default: ``sys.argv[1:]``) and exit with its code.

    The collector is switched off before anything is imported, unless ``argv`` holds
    ``serve`` anywhere (as a command, or as an option's value: in doubt, it stays on).
    """
    args = sys.argv[1:] if argv is None else argv
    if LONG_RUNNING not in args:
        gc.disable()
    from trustcenter.cli import main

    sys.exit(main(args, own_process=True))


if __name__ == "__main__":
    run()
