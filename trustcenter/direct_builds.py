"""Stop a direct ``zensical build`` while it reads ``mkdocs.yml``, before it writes anything.

Zensical drops the plugins it does not know, so on its own it would publish the pages
without the exports, the Content-Security-Policy, the link check and the leak guard.
The page macros refuse to run under it (:mod:`trustcenter.site_macros`), but by the time
Zensical renders a page it has already written its own files (``404.html``, ``assets/``,
``search.json``, ``sitemap.xml``) into the output folder.

What runs earlier is the reading of the configuration: MkDocs, ProperDocs and Zensical
all read ``mkdocs.yml`` with PyYAML's full loader, which resolves a
``!!python/name:module.name`` tag by importing ``module``. So ``mkdocs.yml`` names
:data:`REQUIRED` with that tag (under ``extra:``, which every builder accepts), and
importing this module fails, with the message
:data:`trustcenter.pipeline.ZENSICAL_OUTSIDE_PIPELINE`, when the
import comes from Zensical's configuration reader (a ``zensical.*`` frame on the stack)
and ``trustcenter build`` is not the one running Zensical
(:func:`trustcenter.pipeline.run_by_pipeline`). Zensical then stops with "Encountered
an error parsing the configuration file", having written nothing: not the output
folder, not its ``.cache/``. (Zensical 0.0.73: ``zensical/config.py``,
``parse_mkdocs_config`` → ``_yaml_load``, ``yaml.load(..., Loader=yaml.Loader)``,
called before the output folder is known.) MkDocs and ProperDocs import it
without complaint and put the text ``trustcenter build`` in ``extra``.

A failed import leaves nothing in :data:`sys.modules`, so every reading checks again.
"""

from __future__ import annotations

import sys
from types import FrameType

from trustcenter.pipeline import ZENSICAL_OUTSIDE_PIPELINE, run_by_pipeline


def read_by_zensical() -> bool:
    """True when a ``zensical`` module is on the call stack (Zensical reading its config)."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if str(frame.f_globals.get("__name__", "")).startswith("zensical"):
            return True
        frame = frame.f_back
    return False


if read_by_zensical() and not run_by_pipeline():
    raise ImportError(ZENSICAL_OUTSIDE_PIPELINE)

#: What ``mkdocs.yml`` names (``extra.trustcenter: !!python/name:...REQUIRED``).
REQUIRED = "trustcenter build"
