"""How close a built site is to the limits of GitHub Pages, in words a build can warn with.

The limits, from GitHub's documentation ("GitHub Pages limits"; "About large files on
GitHub"): a published site may be no larger than 1 GB, and GitHub refuses a file over
100 MiB in a repository (publishing from a branch) and warns over 50 MiB. What counts
toward the 1 GB is every file of the output as uploaded (the Pages artifact holds the
output folder as it is, hidden files included): pages, theme assets, search index,
exports and the sealed files, which are the files for code holders plus 33 bytes each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

#: Published GitHub Pages sites may be no larger than 1 GB.
SITE_LIMIT_BYTES = 1_000_000_000
#: Warn once the site reaches this share of :data:`SITE_LIMIT_BYTES`.
SITE_WARN_SHARE = 0.8
#: GitHub refuses files over 100 MiB and warns over 50 MiB.
FILE_LIMIT_BYTES = 100 * 1024 * 1024
FILE_WARN_BYTES = 50 * 1024 * 1024


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def limit_warnings(
    site_dir: Path,
    sealed_assets: Iterable[str] = (),
    sizes: Mapping[Path, int] | None = None,
) -> list[str]:
    """Warnings for ``site_dir`` near or over GitHub Pages' limits; empty when far from them.

    ``sealed_assets`` are the sealed files' paths below ``site_dir``, named as such;
    ``sizes`` the size in bytes of every file of the site, when the caller has them
    (the after-build pass does), else they are read from disk.
    """
    sealed_assets = set(sealed_assets)
    warnings: list[str] = []
    if sizes is None:
        sizes = {p: p.stat().st_size for p in site_dir.rglob("*") if p.is_file()}
    total = sum(sizes.values())
    sealed_total = sum(
        size for p, size in sizes.items() if p.relative_to(site_dir).as_posix() in sealed_assets
    )
    if total >= SITE_WARN_SHARE * SITE_LIMIT_BYTES:
        state = "over" if total > SITE_LIMIT_BYTES else "near"
        warnings.append(
            f"the site is {_mb(total)}, {state} GitHub Pages' limit of 1 GB per published "
            f"site (every file of {site_dir} counts; the sealed files for code holders are "
            f"{_mb(sealed_total)} of it): share fewer or smaller files"
        )
    for path, size in sorted(sizes.items()):
        if size <= FILE_WARN_BYTES:
            continue
        what = (
            "the sealed file"
            if path.relative_to(site_dir).as_posix() in sealed_assets
            else "the file"
        )
        state = (
            "over the 100 MiB GitHub refuses"
            if size > FILE_LIMIT_BYTES
            else "over the 50 MiB at which GitHub warns"
        )
        warnings.append(f"{what} {path} is {size / 2**20:.1f} MiB, {state}")
    return warnings
