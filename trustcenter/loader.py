"""Load a ``data/`` folder: read each YAML file, validate it, cross-check, and build the model.

This is the one entry point the CLI and the MkDocs macros share, so ``trustcenter check``
and ``mkdocs build`` report exactly the same problems.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustcenter.attestation_checks import check_attestations
from trustcenter.branding import logo_problems
from trustcenter.checks import Checker
from trustcenter.gcpause import paused_collection
from trustcenter.model import (
    DATA_FILES,
    AccessFile,
    Attestation,
    AttestationsFile,
    Company,
    ControlsFile,
    Document,
    DocumentsFile,
    FaqFile,
    SecurityTxt,
    Settings,
    SubprocessorsFile,
    Thresholds,
    TrustCenter,
    UpdatesFile,
)
from trustcenter.problems import DataError, Problem, Severity, sort_problems
from trustcenter.restricted_files import check_files, check_listed_files
from trustcenter.subprocessor_checks import check_transfers
from trustcenter.validation import validate
from trustcenter.yamlsource import SourceFile, parse_yaml


@dataclass
class LoadResult:
    """What loading found: the trust center (when there is no error) and every problem."""

    trust_center: TrustCenter | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the data unusable."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are shown but do not fail unless asked."""
        return [p for p in self.problems if not p.is_error]


def display_name(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, as editors link it."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:  # not below the working directory
        return str(absolute)


def _unknown_files(data_dir: Path) -> list[Problem]:
    problems = []
    for path in sorted(data_dir.iterdir()):
        if path.suffix in (".yml", ".yaml") and path.name not in DATA_FILES:
            close = difflib.get_close_matches(path.name, list(DATA_FILES), n=1, cutoff=0.6)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else ("expected one of: " + ", ".join(DATA_FILES))
            )
            problems.append(
                Problem(
                    display_name(path),
                    1,
                    1,
                    f"unknown data file '{path.name}' is not read",
                    severity=Severity.WARNING,
                    hint=hint,
                    rule="unknown-file",
                )
            )
    return problems


def load(
    data_dir: Path,
    today: dt.date,
    files_dir: Path | None = None,
    *,
    site_url: str | None = None,
) -> LoadResult:
    """Load and check every data file in ``data_dir`` as of the build date ``today``.

    ``files_dir`` is the restricted folder the entries' ``files:`` are read from (see
    :mod:`trustcenter.restricted_files`); without it those files are not looked at,
    which suits commands that publish no file (``diff``, ``export``). ``site_url`` is
    the address the site is published at (``site_url`` of ``mkdocs.yml``); with it, the
    facts that must agree with it are checked too (security.txt's Canonical and place).

    Raises :class:`FileNotFoundError` when ``data_dir`` is not a folder; every problem in
    the data itself is returned in the result, in file and line order. Runs with the
    cyclic garbage collector paused (see :mod:`trustcenter.gcpause`).
    """
    with paused_collection():
        return _load(data_dir, today, files_dir, site_url)


def _load(
    data_dir: Path, today: dt.date, files_dir: Path | None, site_url: str | None
) -> LoadResult:
    if not data_dir.is_dir():
        raise FileNotFoundError(f"data folder not found: {display_name(data_dir)}")
    problems = _unknown_files(data_dir)
    sources: dict[str, SourceFile] = {}  # by the name shown in problems
    models: dict[str, Any] = {}  # by file name, as in DATA_FILES
    for filename, (model, required) in DATA_FILES.items():
        path = data_dir / filename
        name = display_name(path)
        if not path.is_file():
            if required:
                problems.append(
                    Problem(
                        name,
                        1,
                        1,
                        f"missing data file {filename}",
                        hint=f"create {name}",
                        rule="missing-file",
                    )
                )
            continue
        source, read_problems = parse_yaml(path.read_bytes(), name)
        sources[name] = source
        problems += read_problems
        if source.value is None:
            continue
        models[filename], invalid = validate(model, source)
        problems += invalid
    settings: Settings = models.get("settings.yml") or Settings()
    problems += _cross_check(models, sources, today, files_dir, settings.thresholds)
    security_txt: SecurityTxt | None = models.get("security_txt.yml")
    if site_url is not None and security_txt is not None:
        placement = Checker(sources, today, settings.thresholds)
        placement.security_txt_address(security_txt, site_url)
        problems += placement.problems
    problems += logo_problems(
        models.get("company.yml"), data_dir, sources.get(display_name(data_dir / "company.yml"))
    )
    if any(p.is_error for p in problems):
        return LoadResult(None, sort_problems(problems))
    trust_center = _assemble(models)
    # Coverage speaks of the whole data: only judged once every entry is valid, so a
    # control dropped for a type error does not also show up as a gap.
    coverage = Checker(sources, today, settings.thresholds)
    coverage.coverage(trust_center.attestations, trust_center.controls)
    check_listed_files(coverage, trust_center, today)  # supersession spans entries too
    problems = sort_problems(problems + coverage.problems)
    if any(p.is_error for p in coverage.problems):
        return LoadResult(None, problems)
    return LoadResult(trust_center, problems)


def _cross_check(
    models: dict[str, Any],
    sources: dict[str, SourceFile],
    today: dt.date,
    files_dir: Path | None = None,
    thresholds: Thresholds | None = None,
) -> list[Problem]:
    checker = Checker(sources, today, thresholds)
    company: Company | None = models.get("company.yml")
    if company is not None:
        checker.company(company)
    attestations: AttestationsFile | None = models.get("attestations.yml")
    if attestations is not None:
        checker.unique_ids(attestations.attestations, "attestation")
        check_attestations(checker, attestations.attestations, company)
    controls: ControlsFile | None = models.get("controls.yml")
    if controls is not None:
        checker.unique_ids(controls.categories, "category")
        checker.unique_ids(controls.controls, "control")
        # A category entry with a type error is reported already; its id still counts.
        written = _written_ids(sources, "controls.yml", "categories")
        checker.control_categories(controls.controls, controls.categories, written)
    subprocessors: SubprocessorsFile | None = models.get("subprocessors.yml")
    if subprocessors is not None:
        checker.unique_ids(subprocessors.subprocessors, "subprocessor")
        checker.subprocessor_history(subprocessors.subprocessors, subprocessors.notice)
        check_transfers(checker, subprocessors.subprocessors)
    documents: DocumentsFile | None = models.get("documents.yml")
    if documents is not None:
        checker.unique_ids(documents.documents, "document")
        for document in documents.documents:
            checker.document(document)
    faq: FaqFile | None = models.get("faq.yml")
    if faq is not None:
        checker.unique_ids(faq.topics, "topic")
        checker.unique_ids([q for topic in faq.topics for q in topic.questions], "question")
        if controls is not None:
            written_controls = _written_ids(sources, "controls.yml", "controls")
            checker.faq_links(faq.topics, controls.controls, written_controls)
    updates: UpdatesFile | None = models.get("updates.yml")
    if updates is not None:
        checker.unique_ids(updates.updates, "update")
        for update in updates.updates:
            checker.update(update)
    security_txt: SecurityTxt | None = models.get("security_txt.yml")
    if security_txt is not None:
        checker.security_txt(security_txt)
    access: AccessFile | None = models.get("access.yml")
    if access is not None:
        checker.unique_ids(access.grants, "grant")
        for grant in access.grants:
            checker.grant(grant)
    sharing: list[Attestation | Document] = [*(attestations.attestations if attestations else [])]
    sharing += documents.documents if documents else []
    check_files(checker, sharing, files_dir)
    return checker.problems


def _written_ids(sources: dict[str, SourceFile], filename: str, key: str) -> set[str]:
    """The ids written in the entries under ``key``, whether or not the entries are valid."""
    found: set[str] = set()
    for source in sources.values():
        if Path(source.name).name == filename and isinstance(source.value, dict):
            entries = source.value.get(key)
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    found.add(entry["id"])
    return found


def _assemble(models: dict[str, Any]) -> TrustCenter:
    controls: ControlsFile = models["controls.yml"]
    subprocessors = models.get("subprocessors.yml") or SubprocessorsFile()
    access = models.get("access.yml") or AccessFile()
    documents = models.get("documents.yml") or DocumentsFile()
    faq = models.get("faq.yml") or FaqFile()
    updates = models.get("updates.yml") or UpdatesFile()
    return TrustCenter(
        company=models["company.yml"],
        attestations=models["attestations.yml"].attestations,
        categories=controls.categories,
        controls=controls.controls,
        subprocessors=subprocessors.subprocessors,
        notice=subprocessors.notice,
        access=access,
        documents=documents.documents,
        faq=faq.topics,
        updates=sorted(updates.updates, key=lambda u: (u.date, u.id), reverse=True),
        security_txt=models.get("security_txt.yml"),
        settings=models.get("settings.yml") or Settings(),
    )


def load_or_raise(data_dir: Path, today: dt.date) -> tuple[TrustCenter, list[Problem]]:
    """Like :func:`load`, but raise :class:`DataError` when there is an error.

    Returns the trust center and the warnings.
    """
    result = load(data_dir, today)
    if result.trust_center is None:
        raise DataError(result.problems)
    return result.trust_center, result.warnings
