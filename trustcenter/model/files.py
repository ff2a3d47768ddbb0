"""Files shared with access-code holders only: a report PDF, a bridge letter, a summary.

An attestation or an NDA document names them under ``files:``. Each file lives in the
restricted folder (``restricted/`` beside ``data/`` unless configured), which is never
published as it is and never under ``docs/``; the build seals each file into an opaque
asset that only the gated page's content key opens (see :mod:`trustcenter.filegate`).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from trustcenter.model.base import Model, Text
from trustcenter.problems import RuleError


def _check_relative_path(value: str) -> str:
    if "\\" in value:
        raise RuleError(
            "bad-file-path",
            f"expected a path with '/' between folders, found '{value}'; "
            f"write '{value.replace(chr(92), '/')}'",
        )
    path = PurePosixPath(value)
    if path.is_absolute() or (len(value) > 1 and value[1] == ":"):
        raise RuleError(
            "bad-file-path",
            f"expected a path inside the restricted folder, found the absolute path '{value}'; "
            "write it relative to that folder, for example 'soc2-2026.pdf'",
        )
    if ".." in path.parts:
        raise RuleError(
            "bad-file-path",
            f"expected a path inside the restricted folder, found '{value}', which leaves it "
            "with '..'; move the file into the restricted folder",
        )
    if value.endswith("/") or path.name in ("", "."):
        raise RuleError("bad-file-path", f"expected the path of a file, found the folder '{value}'")
    return value


RestrictedPath = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_check_relative_path),
]
"""A file's path below the restricted folder, with ``/`` between folders."""


class GatedFile(Model):
    """One file a code holder may download from the gated page.

    The downloaded copy is saved under the file's own name (the last part of ``path``).
    """

    path: RestrictedPath
    title: Text

    @property
    def name(self) -> str:
        """The name the file is saved under: ``reports/soc2.pdf`` gives ``soc2.pdf``."""
        return PurePosixPath(self.path).name
