"""The page a preview shows instead of the site while the data has errors.

Under ``mkdocs serve`` a data error used to stop the rebuild, so the browser kept the
old page (or waited forever) while the message went only to the terminal. The preview
instead replaces every page with this one: each problem with its ``file:line:column``,
what was expected and found, and the fix. The server's live reload brings the real
page back as soon as the data is fixed. A build (``mkdocs build``) never gets here: it
fails on the first data error, as before, so a site with errors is never published.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from trustcenter.problems import Problem
from trustcenter.render import _render


def problems_page(problems: Sequence[Problem], title: str) -> str:
    """A complete, self-contained HTML document listing ``problems`` (escaped).

    ``title`` names the site (``Lanternfish Labs Trust Center``). Errors come first,
    then warnings, each in file and line order as the loader sorted them.
    """
    ordered = sorted(problems, key=lambda p: not p.is_error)
    errors = sum(p.is_error for p in problems)
    html: Markup = _render(
        "problems_page.html",
        problems=ordered,
        title=title,
        errors=errors,
        warnings=len(problems) - errors,
    )
    return "<!doctype html>\n" + str(html) + "\n"


def replace_pages(site_dir: Path, page: str) -> int:
    """Write ``page`` over every HTML file under ``site_dir``; return how many.

    Whatever address the browser shows, it shows the problems; nothing else is changed.
    """
    count = 0
    for path in site_dir.rglob("*.html"):
        path.write_text(page, "utf-8")
        count += 1
    return count
