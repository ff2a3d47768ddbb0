"""Files for code holders in the data: where they may be listed, and the checks on each file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from tests.unit.unit_support import TODAY, DataFolder, assert_problem
from trustcenter import restricted_files
from trustcenter.cli import main
from trustcenter.guard import restricted_values
from trustcenter.loader import load
from trustcenter.restricted_files import published_overlap
from trustcenter.restricted_files import restricted_files as read_files

FILES = """\
    files:
      - path: soc2-2025.pdf
        title: SOC 2 Type 2 report, 2025
"""
PDF = b"%PDF-1.4\n% sample\n"
#: Where the path of the first file is written once FILES is added.
PATH_AT = "data/attestations.yml:13:15: error"


def _with_file(data: DataFolder, path: str = "soc2-2025.pdf", content: bytes | None = PDF) -> Path:
    data.edit("attestations.yml", "    issued: 2026-02-15\n",
              "    issued: 2026-02-15\n" + FILES.replace("soc2-2025.pdf", path))
    folder = data.root / "restricted"
    folder.mkdir(exist_ok=True)
    if content is not None:
        (folder / "soc2-2025.pdf").write_bytes(content)
    return folder


def _errors(data: DataFolder) -> list:
    return load(data.path, TODAY, Path("restricted")).problems


def test_a_readable_file_is_valid_and_read_with_its_digest(data: DataFolder) -> None:
    _with_file(data)
    result = load(data.path, TODAY, Path("restricted"))
    assert result.problems == []
    assert result.trust_center is not None
    [found] = read_files(result.trust_center, Path("restricted"))
    assert found.identity == "attestation/soc2-2025/soc2-2025.pdf"
    assert (found.title, found.name, found.size) == ("SOC 2 Type 2 report, 2025", "soc2-2025.pdf",
                                                     len(PDF))
    assert found.sha256 == hashlib.sha256(PDF).hexdigest()
    assert found.read() == PDF


def test_check_reads_the_restricted_folder_beside_the_data(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_file(data, content=None)
    assert main(["check", "--today", "2026-06-01"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{PATH_AT}: expected a file at restricted/soc2-2025.pdf, found nothing")
    (data.root / "elsewhere").mkdir()
    (data.root / "elsewhere" / "soc2-2025.pdf").write_bytes(PDF)
    assert main(["check", "--today", "2026-06-01", "--files", "elsewhere"]) == 0


@pytest.mark.parametrize(
    ("path", "content", "message", "hint"),
    [
        pytest.param("soc2-2025.pdf", None, "expected a file at restricted/soc2-2025.pdf, "
                     "found nothing", "put the file there", id="missing"),
        pytest.param("soc2-2025.PDF", PDF, "expected a file at restricted/soc2-2025.PDF, "
                     "found nothing", "files there: soc2-2025.pdf", id="wrong-case"),
        pytest.param("soc2-2025.pdf", b"", "restricted/soc2-2025.pdf is empty", None,
                     id="empty"),
        pytest.param(".", PDF, "expected the path of a file, found the folder '.'", None,
                     id="folder"),
        pytest.param("/etc/passwd", PDF, "found the absolute path '/etc/passwd'",
                     None, id="absolute"),
        pytest.param("../data/company.yml", PDF, "which leaves it with '..'", None,
                     id="parent"),
        pytest.param("reports\\\\soc2.pdf", PDF, "expected a path with '/' between folders",
                     None, id="backslash"),
    ],
)
def test_a_bad_file_is_a_located_error(
    data: DataFolder, path: str, content: bytes | None, message: str, hint: str | None
) -> None:
    _with_file(data, path, content)
    [problem] = _errors(data)
    assert_problem(problem, PATH_AT, message, hint)


def test_a_folder_is_not_a_file(data: DataFolder) -> None:
    folder = _with_file(data, "reports")
    (folder / "reports").mkdir()
    [problem] = _errors(data)
    assert_problem(problem, PATH_AT, "found a folder or a special file")


def test_a_link_out_of_the_folder_is_an_error(data: DataFolder) -> None:
    folder = _with_file(data, "secret.pdf")
    (folder / "secret.pdf").symlink_to(data.root / "data" / "company.yml")
    [problem] = _errors(data)
    assert_problem(problem, PATH_AT, "leads outside the restricted folder",
                   "copy the file into the folder")


def test_a_missing_folder_is_an_error(data: DataFolder) -> None:
    folder = _with_file(data, content=None)
    folder.rmdir()
    [problem] = _errors(data)
    assert_problem(problem, PATH_AT, "the restricted folder restricted does not exist",
                   "it is never published")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads every file whatever its permissions")
def test_an_unreadable_file_is_an_error(data: DataFolder) -> None:
    folder = _with_file(data)
    (folder / "soc2-2025.pdf").chmod(0)
    [problem] = _errors(data)
    assert_problem(problem, PATH_AT, "cannot read restricted/soc2-2025.pdf",
                   "check the file's permissions")


def test_a_file_the_build_cannot_open_is_an_error(
    data: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, permissions do not stop a read: the refusal is simulated at open()."""
    _with_file(data)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "soc2-2025.pdf":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    [problem] = _errors(data)
    assert_problem(problem, PATH_AT, "cannot read restricted/soc2-2025.pdf: Permission denied",
                   "check the file's permissions")


def test_size_limits(data: DataFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_file(data)
    monkeypatch.setattr(restricted_files, "WARN_FILE_BYTES", len(PDF) - 1)
    [warning] = _errors(data)
    assert_problem(warning, PATH_AT.replace("error", "warning"), "at which GitHub warns")
    monkeypatch.setattr(restricted_files, "MAX_FILE_BYTES", len(PDF) - 1)
    [error] = _errors(data)
    assert_problem(error, PATH_AT, "expected at most 0 MiB (GitHub refuses larger files)",
                   "compress the PDF")


def test_two_files_saved_under_one_name(data: DataFolder) -> None:
    _with_file(data)
    data.edit("attestations.yml", "        title: SOC 2 Type 2 report, 2025\n",
              "        title: SOC 2 Type 2 report, 2025\n"
              "      - path: old/soc2-2025.pdf\n        title: The older copy\n")
    [problem] = _errors(data)
    assert_problem(problem, "data/attestations.yml:15:15: error",
                   "two files of 'soc2-2025' would be saved as 'soc2-2025.pdf' (the first is "
                   "files[0])", "rename one of them")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param("status: issued\n    visibility: nda\n    auditor",
                     "status: in_progress\n    visibility: nda\n    auditor",
                     "the gated page describes issued reports only", id="not-issued"),
        pytest.param("visibility: nda\n    auditor", "visibility: internal\n    auditor",
                     "an internal attestation is on no page", id="internal"),
    ],
)
def test_files_only_where_the_gated_page_shows_them(
    data: DataFolder, old: str, new: str, message: str
) -> None:
    _with_file(data)
    data.edit("attestations.yml", old, new)
    problems = [p for p in _errors(data) if "files" in p.message]
    assert len(problems) == 1, problems
    assert_problem(problems[0], "data/attestations.yml:12:5: error", message,
                   "remove 'files' from this entry")


def test_a_certificate_has_no_files(data: DataFolder) -> None:
    _with_file(data)
    data.edit("attestations.yml", "    expected: 2027-06-30\n",
              "    expected: 2027-06-30\n" + FILES)
    [problem] = _errors(data)
    assert_problem(problem, "data/attestations.yml:26:5: error",
                   "describes SOC 1 and SOC 2 reports only; this entry's framework is "
                   "'iso27001'")


DOCUMENT = """\
documents:
  - id: pentest-summary
    title: Penetration test summary
    description: What the yearly test covered and found.
    version: "2026"
    last_reviewed: 2026-05-01
    access: {access}
{url}    files:
      - path: pentest-2026.pdf
        title: Penetration test summary, 2026
"""


@pytest.mark.parametrize(
    ("access", "url", "problems"),
    [
        pytest.param("nda", "", [], id="nda"),
        pytest.param("public", "    url: https://example.com/p.pdf\n",
                     ["data/documents.yml:9:5: error: files are shared with code holders only; "
                      "only an 'access: nda' document has them; remove 'files' from this entry "
                      "(files-not-allowed)"],
                     id="public"),
    ],
)
def test_an_nda_document_may_list_files(
    data: DataFolder, access: str, url: str, problems: list[str]
) -> None:
    data.write("documents.yml", DOCUMENT.format(access=access, url=url).encode())
    (data.root / "restricted").mkdir()
    (data.root / "restricted" / "pentest-2026.pdf").write_bytes(PDF)
    result = load(data.path, TODAY, Path("restricted"))
    assert [p.format() for p in result.problems] == problems
    if not problems:
        assert result.trust_center is not None
        [found] = read_files(result.trust_center, Path("restricted"))
        assert found.identity == "document/pentest-summary/pentest-2026.pdf"


def test_data_alone_is_checked_without_a_folder(data: DataFolder) -> None:
    _with_file(data, content=None)
    assert load(data.path, TODAY).problems == []  # diff and export read no file


def test_the_folder_may_not_be_published() -> None:
    assert published_overlap(Path("restricted"), [Path("docs"), Path("overrides")]) is None
    assert "overlaps docs" in (published_overlap(Path("docs/reports"), [Path("docs")]) or "")
    assert "overlaps docs" in (published_overlap(Path("."), [Path("docs")]) or "")


LATER_REPORT = """\
  - id: soc2-2026
    framework: soc2
    type: 2
    status: issued
    visibility: nda
    auditor: Example Audit LLP
    period:
      start: 2026-01-01
      end: 2026-12-31
    issued: 2027-02-15
    categories:
      - security
      - availability
"""


def test_files_on_a_superseded_report_are_an_error(data: DataFolder) -> None:
    _with_file(data)
    data.edit("attestations.yml", "  - id: iso27001\n", LATER_REPORT + "  - id: iso27001\n")
    later = dt.date(2027, 3, 1)
    result = load(data.path, later, Path("restricted"))
    errors = [p for p in result.problems if p.is_error]
    assert result.trust_center is None
    [problem] = errors
    assert_problem(problem, "data/attestations.yml:12:5: error",
                   "the gated page does not describe 'soc2-2025' (superseded by 'soc2-2026'), "
                   "so its files would be shown nowhere", "move the files to the report")


def test_the_guard_searches_a_files_path_not_its_title(data: DataFolder) -> None:
    _with_file(data, "soc2-type2-report-2025.pdf", None)
    trust_center = load(data.path, TODAY).trust_center
    assert trust_center is not None
    searched = {value.text: value.field for value in restricted_values(trust_center)}
    assert searched["soc2-type2-report-2025.pdf"].endswith("attestations[0].files[0].path")
    assert "SOC 2 Type 2 report, 2025" not in searched  # a label public pages may say too
