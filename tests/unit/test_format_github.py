"""``check --format github``: problems as GitHub Actions workflow commands."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.unit.unit_support import VALID_DATA, DataFolder
from trustcenter.cli import main
from trustcenter.problems import Problem, Severity

TODAY = ["--today", "2026-06-01"]
CATGORY_ERROR = (
    "::error file=data/controls.yml,line=11,col=5,title=trustcenter error (unknown-key)::"
    "unknown key 'catgory': did you mean 'category'? (unknown-key)"
)
SHORT_PERIOD_WARNING = (
    "::warning file=data/attestations.yml,line=10,col=12,title=trustcenter warning "
    "(short-period)::"
    "the period lasts 78 days, under 3 months, the shortest Type 2 period auditors accept "
    "(short-period)"
)


# --- Problem.format_github -----------------------------------------------------------------


def test_error_command() -> None:
    problem = Problem("data/controls.yml", 11, 5, "unknown key 'catgory'",
                      hint="did you mean 'category'?", rule="unknown-key")
    assert problem.format_github() == CATGORY_ERROR


def test_warning_command_with_hint() -> None:
    problem = Problem("data/documents.yml", 27, 20, "'DPA' was last reviewed on 1 May 2025",
                      severity=Severity.WARNING, hint="review it and update 'last_reviewed'")
    assert problem.format_github() == (
        "::warning file=data/documents.yml,line=27,col=20,title=trustcenter warning::"
        "'DPA' was last reviewed on 1 May 2025; review it and update 'last_reviewed'"
    )


def test_command_without_hint() -> None:
    problem = Problem("data/company.yml", 1, 1, "missing data file company.yml")
    assert problem.format_github() == (
        "::error file=data/company.yml,line=1,col=1,title=trustcenter error::"
        "missing data file company.yml"
    )


def test_message_escapes_percent_and_line_breaks_only() -> None:
    problem = Problem("data/faq.yml", 3, 7, "100% sure:\r\nfound 'a, b'", hint="see %0A")
    assert problem.format_github() == (
        "::error file=data/faq.yml,line=3,col=7,title=trustcenter error::"
        "100%25 sure:%0D%0Afound 'a, b'; see %250A"
    )


def test_file_property_escapes_colon_comma_percent_and_line_breaks() -> None:
    problem = Problem("C:/data, v2/50%\nodd.yml", 2, 4, "bad: value, here",
                      severity=Severity.WARNING)
    assert problem.format_github() == (
        "::warning file=C%3A/data%2C v2/50%25%0Aodd.yml,line=2,col=4,"
        "title=trustcenter warning::bad: value, here"
    )


def test_a_multi_line_message_stays_one_command_line() -> None:
    problem = Problem("data/x.yml", 1, 1, "one\ntwo\rthree\r\n", hint="four\nfive")
    command = problem.format_github()
    assert "\n" not in command and "\r" not in command
    assert command.startswith("::error file=data/x.yml,line=1,col=1,title=trustcenter error::")


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(text: str) -> str:
    return _unescape_data(text.replace("%3A", ":").replace("%2C", ","))


_COMMAND = re.compile(r"^::(error|warning) ([^:]*)::(.*)$", re.DOTALL)


def _parse(command: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command the way the Actions runner does."""
    found = _COMMAND.match(command)
    assert found is not None, command
    properties = {}
    for pair in found.group(2).split(","):
        key, _, value = pair.partition("=")
        properties[key] = _unescape_property(value)
    return found.group(1), properties, _unescape_data(found.group(3))


@pytest.mark.parametrize(
    ("file", "message", "hint"),
    [
        ("data/a,b.yml", "found 'x: y'", ""),
        ("data/%0A.yml", "50%0D%", "did you mean 'a%2Cb'?"),
        ("da:ta/x=y.yml", "line\nbreak\r\nand, commas: colons", "hint\rhere"),
        ("data/ünïcode ✓.yml", "::error:: injected", "::warning file=x::"),
    ],
)
def test_the_runner_reads_back_exactly_what_was_written(file: str, message: str,
                                                        hint: str) -> None:
    for severity in Severity:
        problem = Problem(file, 12, 34, message, severity=severity, hint=hint)
        command = problem.format_github()
        assert "\n" not in command and "\r" not in command
        assert _parse(command) == (
            severity.value,
            {"file": file, "line": "12", "col": "34", "title": f"trustcenter {severity.value}"},
            problem.text,
        )


# --- trustcenter check --format github -----------------------------------------------------


def test_errors_go_to_stdout_as_commands_and_exit_1(
    data: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    data.edit("controls.yml", "    category: access", "    catgory: access")
    data.edit("attestations.yml", "start: 2025-01-01", "start: 2025-10-15")
    assert main(["check", "--format", "github", *TODAY]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [SHORT_PERIOD_WARNING, CATGORY_ERROR]
    assert err == (
        "trustcenter check: failed: 1 error(s), 1 warning(s) in data as of 2026-06-01\n"
    )


def test_warnings_only_exit_0(data: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    data.edit("attestations.yml", "start: 2025-01-01", "start: 2025-10-15")
    assert main(["check", "--format", "github", *TODAY]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        SHORT_PERIOD_WARNING,
        "trustcenter check: ok: 0 error(s), 1 warning(s) in data as of 2026-06-01",
    ]
    assert err == ""


def test_warnings_exit_1_under_strict(data: DataFolder,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    data.edit("attestations.yml", "start: 2025-01-01", "start: 2025-10-15")
    assert main(["check", "--format", "github", "--strict", *TODAY]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [SHORT_PERIOD_WARNING]
    assert err == (
        "trustcenter check: failed: 0 error(s), 1 warning(s) in data as of 2026-06-01 "
        "(--strict: warnings count as errors)\n"
    )


def test_valid_data_prints_no_command(data: DataFolder,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "github", *TODAY]) == 0
    out, err = capsys.readouterr()
    assert out == "trustcenter check: ok: 0 error(s), 0 warning(s) in data as of 2026-06-01\n"
    assert err == ""


def test_text_format_keeps_problems_on_stderr(data: DataFolder,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data.edit("controls.yml", "    category: access", "    catgory: access")
    assert main(["check", "--format", "text", *TODAY]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "::" not in err
    assert err.splitlines()[0] == (
        "data/controls.yml:11:5: error: unknown key 'catgory': did you mean 'category'? "
        "(unknown-key)"
    )


def test_data_folder_name_is_escaped_in_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(VALID_DATA, tmp_path / "data, 100%")
    target = tmp_path / "data, 100%" / "controls.yml"
    target.write_text(target.read_text().replace("    category: access", "    catgory: access"))
    assert main(["check", "--format", "github", "--data", "data, 100%", *TODAY]) == 1
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        "::error file=data%2C 100%25/controls.yml,line=11,col=5,"
        "title=trustcenter error (unknown-key)::"
        "unknown key 'catgory': did you mean 'category'? (unknown-key)"
    ]


def test_unknown_format_is_a_usage_error(data: DataFolder,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "--format", "gitlab", *TODAY])
    assert caught.value.code == 2
    assert "invalid choice: 'gitlab'" in capsys.readouterr().err
