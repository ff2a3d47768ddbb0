"""A Content-Security-Policy for every page, delivered as an early ``<meta>`` tag.

GitHub Pages sends no custom headers, so the policy goes into each page's ``<head>``,
before any script. Scripts run only from the site's own files, plus the theme's inline
scripts, allowed one by one by the SHA-256 hash of their exact text, computed from the
built page: no ``'unsafe-inline'`` for scripts, and no hash typed by hand. Inline
*styles* stay allowed (Material sets a few style attributes); they cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

#: The policy without the script hashes, directive by directive.
POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD_START = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.I)
_META = '<meta http-equiv="Content-Security-Policy" content="{}">'


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-...'`` sources for every inline script the browser would run."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _JAVASCRIPT_TYPES:
            continue  # a data block (JSON), never executed
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(html: str, form_actions: Sequence[str] = ()) -> str:
    """The policy for one page, its inline scripts' hashes included.

    ``form_actions`` are the exact addresses a form may post to besides the site itself
    (the request form's endpoint named in the data): CSP Level 3, ``form-action``.
    """
    directives = dict(POLICY)
    directives["script-src"] = [*POLICY["script-src"], *inline_script_hashes(html)]
    directives["form-action"] = [*POLICY["form-action"], *map(_source, form_actions)]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _source(url: str) -> str:
    """A URL as a CSP source expression: exactly that address, no wildcard.

    Characters a policy cannot hold (``;``, ``,``, spaces, quotes) are refused, so data
    can never add a directive.
    """
    if not url.startswith("https://") or any(c in url for c in ";, '\"\t\n"):
        raise ValueError(f"not usable as a CSP source: {url!r}")
    return url


def with_policy(html: str, form_actions: Sequence[str] = ()) -> str:
    """``html`` with the policy's ``<meta>`` as the first element of ``<head>``.

    It follows the charset declaration, which must come first.
    """
    meta = _META.format(policy_for(html, form_actions))
    match = _HEAD_START.search(html)
    if match is None:
        return html
    return html[: match.end()] + "\n    " + meta + html[match.end() :]


def apply_policy(site_dir: Path, form_actions: Sequence[str] = ()) -> int:
    """Add the policy to every HTML page under ``site_dir``; return how many pages.

    ``form_actions``: see :func:`policy_for`.
    """
    pages = 0
    for path in site_dir.rglob("*.html"):
        html = path.read_text("utf-8")
        if "Content-Security-Policy" not in html:
            path.write_text(with_policy(html, form_actions), "utf-8")
            pages += 1
    return pages
