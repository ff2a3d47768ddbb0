"""The company's logo: checked against the data folder, and published with the site.

The logo is a file in the data folder (``data/logo.svg``), named in ``company.yml``, so
an adopter changes only ``data/``. The build copies it to ``assets/brand/`` below the
site's root, where the header and the overview's hero show it: self-hosted, never
fetched from another origin.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from trustcenter.model import Company
from trustcenter.problems import Problem
from trustcenter.yamlsource import SourceFile

#: Where the logo is published, below the site's root (its file name is kept).
BRAND_DIR = "assets/brand"


def logo_path(company: Company) -> str | None:
    """The logo's path below the site's root (``assets/brand/logo.svg``), or None."""
    if company.logo is None:
        return None
    return f"{BRAND_DIR}/{PurePosixPath(company.logo.file).name}"


def logo_problems(
    company: Company | None, data_dir: Path, source: SourceFile | None
) -> list[Problem]:
    """An error, at ``logo.file`` in ``company.yml``, when the named logo file is missing."""
    if company is None or company.logo is None or source is None:
        return []
    path = data_dir / company.logo.file
    if path.is_file():
        return []
    assert company._source is not None, "the loader marks entries with their source"
    return [
        source.problem(
            (*company._source[1], "logo", "file"),
            f"expected the logo file '{company.logo.file}' in the data folder, found no such file",
            hint=f"put the image at {path.as_posix()} or correct the name",
            rule="logo-missing",
        )
    ]


def write_logo(site_dir: Path, company: Company, data_dir: Path) -> Path | None:
    """Copy the logo into the site (``<site>/assets/brand/<name>``); return its path.

    Raises :class:`FileNotFoundError` if the file went missing after the data was checked.
    """
    published = logo_path(company)
    if published is None or company.logo is None:
        return None
    target = site_dir / published
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(data_dir / company.logo.file, target)
    return target
