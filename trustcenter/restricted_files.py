"""The restricted folder: where the files for code holders live, and the checks on them.

An attestation or an NDA document lists files under ``files:`` (see
:mod:`trustcenter.model.files`); each path is read below the restricted folder,
``restricted/`` beside ``data/`` unless configured (``--files`` for ``trustcenter check``,
``files_dir`` of the ``trustcenter`` plugin in ``mkdocs.yml``). That folder is never published as it
is: the build seals each file (:mod:`trustcenter.filegate`) and the leak guard fails a
build whose output holds a file's bytes (:mod:`trustcenter.guard`).

Limits come from GitHub Pages and GitHub itself (docs.github.com, "GitHub Pages limits"
and "About large files on GitHub"): a published site may be no larger than 1 GB, and
GitHub refuses files over 100 MiB in a repository and warns over 50 MiB. A sealed asset
is its file plus 33 bytes, so the per-file limits apply to the file itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trustcenter.checks import Checker
from trustcenter.model import (
    Attestation,
    AttestationStatus,
    Document,
    DocumentAccess,
    Framework,
    GatedFile,
    TrustCenter,
    Visibility,
)
from trustcenter.projection import project

#: The restricted folder's name beside ``data/``, unless configured.
DEFAULT_FOLDER = "restricted"
#: A file larger than this is an error: GitHub refuses files over 100 MiB.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: A file larger than this gets a warning: GitHub warns about files over 50 MiB.
WARN_FILE_BYTES = 50 * 1024 * 1024


def default_folder(data_dir: Path) -> Path:
    """The restricted folder for ``data_dir`` when none is configured: ``restricted/`` beside it."""
    return data_dir.parent / DEFAULT_FOLDER


@dataclass(frozen=True)
class RestrictedFile:
    """A file for code holders, found and read: what sealing and the leak guard need.

    ``identity`` is ``attestation/<id>/<name>`` or ``document/<id>/<name>``: unique in a
    trust center, and bound into the sealed asset so it cannot pass for another file.
    """

    identity: str
    title: str
    name: str
    source: Path
    size: int
    sha256: str
    #: The bytes as read and hashed, when the reader kept them (:func:`restricted_files`
    #: with ``keep=True``), so one build step reads each file once.
    data: bytes | None = field(default=None, repr=False, compare=False)

    def read(self) -> bytes:
        """The file's bytes; raises :class:`ValueError` if it changed since it was checked.

        The bytes kept when it was read, if any (they are the ones hashed); else read again.
        """
        if self.data is not None:
            return self.data
        data = self.source.read_bytes()
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise ValueError(f"{self.source} changed during the build; build again")
        return data


def shares_files(item: Attestation | Document) -> str | None:
    """Why ``item`` may not list files (the gated page would not show them), or None."""
    if isinstance(item, Document):
        if item.access is not DocumentAccess.NDA:
            return (
                "files are shared with code holders only; only an 'access: nda' document has them"
            )
        return None
    if item.framework not in (Framework.SOC1, Framework.SOC2):
        return (
            "files are shared on the gated page, which describes SOC 1 and SOC 2 reports only; "
            f"this entry's framework is '{item.framework.value}'"
        )
    if item.visibility is Visibility.INTERNAL:
        return "an internal attestation is on no page, so its files would be on none either"
    if item.status is not AttestationStatus.ISSUED:
        return (
            "the gated page describes issued reports only; add the files once the status is "
            "'issued'"
        )
    return None


def owners(trust_center: TrustCenter) -> list[tuple[str, Attestation | Document]]:
    """Every entry that lists files, with its kind (``attestation`` or ``document``)."""
    found: list[tuple[str, Attestation | Document]] = []
    found += [("attestation", a) for a in trust_center.attestations if a.files]
    found += [("document", d) for d in trust_center.documents if d.files]
    return found


def identity(kind: str, entry: Attestation | Document, file: GatedFile) -> str:
    """The file's identity: ``attestation/soc2-2026/soc2-2026.pdf``."""
    return f"{kind}/{entry.id}/{file.name}"


def _shown(path: Path) -> Path:
    """``path`` relative to the working directory when it is below it, as editors link it."""
    absolute = path.absolute()
    return absolute.relative_to(Path.cwd()) if absolute.is_relative_to(Path.cwd()) else path


def locate(folder: Path, file: GatedFile) -> tuple[Path | None, str, str]:
    """Find ``file`` below ``folder``: (path, problem, hint); path is None on a problem.

    The path must stay inside the folder once links are followed, name a regular
    file, be readable, not be empty and not exceed :data:`MAX_FILE_BYTES`.
    """
    root = folder.resolve()
    where = _shown(folder / file.path)
    if not root.is_dir():
        return (
            None,
            f"the restricted folder {folder} does not exist",
            (
                f"create it and put '{file.path}' in it (it is never published), or set the "
                "folder with --files, or files_dir of the trustcenter plugin in mkdocs.yml"
            ),
        )
    try:
        real = where.resolve()
    except (OSError, RuntimeError) as error:  # a loop of links
        return None, f"cannot read {where}: {error}", "fix the path or the link"
    if not real.is_relative_to(root):
        return (
            None,
            f"{where} leads outside the restricted folder {folder}",
            "copy the file into the folder instead of linking to it",
        )
    if not real.exists():
        close = sorted(p.name for p in where.parent.glob("*") if p.is_file())[:5]
        hint = f"files there: {', '.join(close)}" if close else "put the file there"
        return None, f"expected a file at {where}, found nothing", hint
    if not real.is_file():
        return (
            None,
            f"expected a file at {where}, found a folder or a special file",
            "name a file, not a folder",
        )
    try:
        size = real.stat().st_size
        with real.open("rb") as handle:
            handle.read(1)
    except OSError as error:
        return (
            None,
            f"cannot read {where}: {error.strerror or error}",
            "check the file's permissions",
        )
    if size == 0:
        return None, f"{where} is empty", "put the real file there"
    if size > MAX_FILE_BYTES:
        return (
            None,
            (
                f"{where} is {size / 2**20:.1f} MiB; expected at most "
                f"{MAX_FILE_BYTES // 2**20} MiB (GitHub refuses larger files)"
            ),
            "compress the PDF or split it",
        )
    return real, "", ""


def check_files(
    checker: Checker, entries: Iterable[Attestation | Document], folder: Path | None
) -> None:
    """Report every problem with the files of ``entries`` through ``checker``.

    Without ``folder`` only the data is checked (which entries may list files, names
    unique per entry); with it, each file too (see :func:`locate`), and a file over
    :data:`WARN_FILE_BYTES` gets a warning.
    """
    for entry in entries:
        if not entry.files:
            continue
        if (why := shares_files(entry)) is not None:
            hint = "remove 'files' from this entry"
            checker.report(entry, ["files"], why, hint=hint, at_key=True, rule="files-not-allowed")
            continue
        names: dict[str, int] = {}
        for index, file in enumerate(entry.files):
            field: list[str | int] = ["files", index, "path"]
            if file.name in names:
                checker.report(
                    entry,
                    field,
                    f"two files of '{entry.id}' would be saved as '{file.name}' "
                    f"(the first is files[{names[file.name]}])",
                    hint="rename one of them",
                    rule="file-name-clash",
                )
                continue
            names[file.name] = index
            if folder is None:
                continue
            real, problem, hint = locate(folder, file)
            if real is None:
                checker.report(entry, field, problem, hint=hint, rule="file-unreadable")
            elif (size := real.stat().st_size) > WARN_FILE_BYTES:
                checker.report(
                    entry,
                    field,
                    f"{folder / file.path} is {size / 2**20:.1f} MiB: over the "
                    f"{WARN_FILE_BYTES // 2**20} MiB at which GitHub warns, and a reader's "
                    "browser holds it in memory twice while it decrypts",
                    hint="compress the PDF if you can",
                    warning=True,
                    rule="file-large",
                )


def restricted_files(
    trust_center: TrustCenter, folder: Path, *, keep: bool = False
) -> list[RestrictedFile]:
    """Every file for code holders, read and hashed, in data order.

    With ``keep``, each keeps its bytes (:attr:`RestrictedFile.data`): the after-build
    step that seals the files and guards the output reads each file once.

    Raises :class:`FileNotFoundError` or :class:`ValueError` for a file the check would
    reject (the loader reports those as located problems first).
    """
    found: list[RestrictedFile] = []
    for kind, entry in owners(trust_center):
        for file in entry.files:
            real, problem, _hint = locate(folder, file)
            if real is None:
                raise FileNotFoundError(problem)
            data = real.read_bytes()
            found.append(
                RestrictedFile(
                    identity(kind, entry, file),
                    file.title,
                    file.name,
                    real,
                    len(data),
                    hashlib.sha256(data).hexdigest(),
                    data if keep else None,
                )
            )
    return found


def published_overlap(folder: Path, published: Iterable[Path]) -> str | None:
    """Why ``folder`` would be copied into the site, or None when it is safe.

    ``published`` are the folders a builder copies into its output as they are (the
    docs folder, the theme's folders); the restricted folder must be neither inside
    one nor hold one.
    """
    root = folder.resolve()
    for other in published:
        place = other.resolve()
        if root == place or root.is_relative_to(place) or place.is_relative_to(root):
            return (
                f"the restricted folder {folder} overlaps {other}, which the builder copies "
                "into the site as it is; move the restricted folder beside data/, outside "
                "docs/ and the theme's folders"
            )
    return None


def check_listed_files(checker: Checker, trust_center: TrustCenter, today: dt.date) -> None:
    """Report files on a report the gated page does not describe on ``today``.

    The gated page describes the SOC 1 and SOC 2 reports that stand (not superseded by
    a later report on the same programme, not withdrawn); files on any other report
    would be sealed and shown nowhere, so they are an error (rule ``files-not-allowed``).
    Runs once the data is valid, since supersession is judged across entries.
    """
    projection = project(trust_center, today)
    shown = {view.item.id for view in projection.gated_details()}
    views = {view.item.id: view for view in projection.attestations}
    for item in trust_center.attestations:
        if not item.files or item.id in shown or shares_files(item) is not None:
            continue
        view = views.get(item.id)
        why = (
            f"superseded by '{view.superseded_by}'"
            if view and view.superseded_by
            else f"{view.standing.value if view else 'not listed'} on {today.isoformat()}"
        )
        checker.report(
            item,
            ["files"],
            f"the gated page does not describe '{item.id}' ({why}), so its files would be "
            "shown nowhere",
            hint="move the files to the report that replaced it, or remove 'files'",
            at_key=True,
            rule="files-not-allowed",
        )
