"""The one pass over a built site: every file read once, every page step and check on it.

:func:`trustcenter.pipeline.after_build` first writes what the builder cannot (staged
files, exports, sealed files), then hands the output to :func:`review`, which walks it
once. Each file is read once; each HTML page is

1. given its print-only link references (:func:`trustcenter.printing.with_print_links`)
   and, unless ``csp`` is off, the Content-Security-Policy ``<meta>``
   (:func:`trustcenter.csp.with_policy`), and written back once if that changed it;
2. read for its ids and links (:func:`trustcenter.links.page_references`), resolved
   against the list of files when the walk is done (a link may point to a later file);
3. searched by the leak guard (:class:`trustcenter.guard.Guard`) as it now is, and for
   the digest of the sealed files it lists (``data-tc-files``).

Every other file (exports, sealed files, the search index, theme assets) is searched
by the leak guard for restricted values and for the restricted files' bytes, over every
byte. The files' sizes, from the same walk, feed the warnings near GitHub Pages' limits.
Nothing is skipped: a file the walk cannot read, or a page that is not UTF-8 (it could
not be given its policy), stops the build.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trustcenter.csp import with_policy
from trustcenter.filegate import assets_digest, listed_digests
from trustcenter.guard import Guard, Leak
from trustcenter.links import BrokenLink, PageReferences, check_links, page_references
from trustcenter.pages_limits import limit_warnings
from trustcenter.pipeline import PipelineError
from trustcenter.printing import with_print_links

_CSP_MARK = "Content-Security-Policy"


@dataclass
class Review:
    """What the pass did and found.

    ``policy_pages``: pages given the CSP; ``print_pages``: pages given print links;
    ``leaks`` (values, restricted files' bytes, and pages listing other sealed files than
    were written: kind ``unwritten``) must stop the build; ``broken_links`` and
    ``warnings`` (GitHub Pages' limits) are warnings.
    """

    files: int = 0
    policy_pages: int = 0
    print_pages: int = 0
    leaks: list[Leak] = field(default_factory=list)
    broken_links: list[BrokenLink] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _walk(site_dir: Path) -> list[Path]:
    """Every file below ``site_dir`` (hidden ones too: ``.well-known/``), sorted by path."""
    found = []
    for folder, _, names in os.walk(site_dir):
        found += [Path(folder, name) for name in names]
    return sorted(found)


def review(
    site_dir: Path,
    guard: Guard,
    *,
    base_path: str = "/",
    csp: bool = True,
    form_actions: Sequence[str] = (),
    sealed_assets: Sequence[str] = (),
    known: Mapping[Path, bytes] | None = None,
) -> Review:
    """Walk ``site_dir`` once: page steps, then every check, on each file as it is read.

    ``base_path``: where the site is served (see :func:`trustcenter.links.broken_links`);
    ``csp`` false only for a live preview (its reload script changes on every build);
    ``form_actions``: the request form's endpoint, allowed by the CSP; ``sealed_assets``:
    the sealed files written (paths below ``site_dir``), which every gated page must list
    exactly; ``known``: files the caller has just written, with their bytes, which are not
    read again. Raises :class:`OSError` when a file cannot be read or written, and
    :class:`~trustcenter.pipeline.PipelineError` for a page that is not UTF-8.
    """
    result = Review()
    expected = assets_digest(sealed_assets)
    pages: dict[str, PageReferences] = {}
    sizes: dict[Path, int] = {}
    written = {os.path.abspath(path): data for path, data in (known or {}).items()}
    for path in _walk(site_dir):
        absolute = os.path.abspath(path)
        data = written.get(absolute)
        if data is None:
            data = path.read_bytes()
        relative = path.relative_to(site_dir)
        text = None
        if path.suffix.lower() == ".html":
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                raise PipelineError(
                    f"{path}: the page is not UTF-8 ({error.reason} at byte {error.start}), "
                    "so it cannot be given its Content-Security-Policy or checked"
                ) from None
            changed = with_print_links(text)
            result.print_pages += changed != text
            if csp and _CSP_MARK not in changed:
                changed = with_policy(changed, form_actions)
                result.policy_pages += 1
            if changed != text:
                text, data = changed, changed.encode("utf-8")
                path.write_bytes(data)
            pages[absolute] = page_references(text)
            result.leaks += [
                Leak(str(path), "", "unwritten")
                for listed in listed_digests(text)
                if listed != expected
            ]
        sizes[path] = len(data)
        result.files += 1
        result.leaks += guard.value_leaks(path, relative, data, text)
        result.leaks += guard.file_leaks(path, data)
    files = {os.path.abspath(path) for path in sizes}
    result.broken_links = check_links(site_dir, pages, files, base_path)
    result.warnings = limit_warnings(site_dir, sealed_assets, sizes)
    return result
