from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trustcenter.cli import main

TODAY = ["--today", "2026-06-01"]


def test_valid_data_exits_0(data, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *TODAY]) == 0
    out, err = capsys.readouterr()
    assert out == "trustcenter check: ok: 0 error(s), 0 warning(s) in data as of 2026-06-01\n"
    assert err == ""


def test_data_option(data, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert main(["check", "--data", "../data", *TODAY]) == 0
    assert "ok: 0 error(s)" in capsys.readouterr().out


def test_errors_exit_1_with_located_lines_on_stderr(
    data, capsys: pytest.CaptureFixture[str]
) -> None:
    data.edit("controls.yml", "    category: access", "    catgory: access")
    data.edit("subprocessors.yml", "- Germany", "- NO")
    assert main(["check", *TODAY]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "data/controls.yml:11:5: error: unknown key 'catgory': did you mean 'category'? "
        "(unknown-key)",
        "data/subprocessors.yml:8:9: error: expected text, found NO, which YAML 1.1 reads "
        "as the boolean false; put it in quotes: 'NO' (yaml-boolean)",
        "trustcenter check: failed: 2 error(s), 0 warning(s) in data as of 2026-06-01",
    ]


@pytest.mark.parametrize(
    ("strict", "code"),
    [([], 0), (["--strict"], 1)],
)
def test_warnings_fail_only_under_strict(
    data, capsys: pytest.CaptureFixture[str], strict: list[str], code: int
) -> None:
    data.edit("attestations.yml", "start: 2025-01-01", "start: 2025-10-15")
    assert main(["check", *TODAY, *strict]) == code
    out, err = capsys.readouterr()
    assert err.splitlines()[0].startswith(
        "data/attestations.yml:10:12: warning: the period lasts 78 days, under 3 months"
    )
    summary = "0 error(s), 1 warning(s) in data as of 2026-06-01"
    if strict:
        assert out == ""
        assert err.splitlines()[-1] == (
            f"trustcenter check: failed: {summary} (--strict: warnings count as errors)"
        )
    else:
        assert out == f"trustcenter check: ok: {summary}\n"


def test_build_date_from_environment(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTCENTER_TODAY", "2027-01-15")
    assert main(["check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "data/attestations.yml:9:7: warning: SOC 2 Type 2 is stale" in err
    assert "as of 2027-01-15" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--today", "2026-02-30"],
         "trustcenter: error: --today: expected a date in the form YYYY-MM-DD, "
         "found '2026-02-30'\n"),
        (["check", "--data", "nowhere", *TODAY],
         "trustcenter: error: data folder not found: nowhere\n"),
    ],
)
def test_usage_errors_exit_2(
    data, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == message


def test_bad_environment_date_exits_2(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTCENTER_TODAY", "soon")
    assert main(["check"]) == 2
    assert "TRUSTCENTER_TODAY: expected a date in the form YYYY-MM-DD, found 'soon'" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["publish"], "invalid choice: 'publish'"),
        ([], "the following arguments are required: COMMAND"),
        (["check", "--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_argument_errors_exit_2(
    data, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: trustcenter")
    assert message in err


def test_installed_console_script(data) -> None:
    script = Path(sys.executable).with_name("trustcenter")
    data.edit("controls.yml", "- CC6.2", "- CC6.9")
    env = {k: v for k, v in os.environ.items()
           if k not in ("TRUSTCENTER_TODAY", "SOURCE_DATE_EPOCH")}
    run = subprocess.run(
        [str(script), "check", "--today", "2026-06-01"],
        cwd=data.root, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        "data/controls.yml:14:9: error: expected a Trust Services Criteria identifier, "
        "found 'CC6.9' (CC6 has CC6.1 to CC6.8) (unknown-criterion)",
        "trustcenter check: failed: 1 error(s), 0 warning(s) in data as of 2026-06-01",
    ]


def test_the_cli_names_the_gate_secret_as_the_gate_does() -> None:
    from trustcenter import cli, gate

    assert cli.SECRET_VARIABLE == gate.SECRET_VARIABLE


def test_check_imports_neither_cryptography_nor_the_templates() -> None:
    """`trustcenter check` must start fast: the gate and the renderer load only when used."""
    import subprocess
    import sys

    code = ("import sys, trustcenter.cli; "
            "print(sorted(m for m in ('cryptography', 'jinja2', 'trustcenter.gate', "
            "'trustcenter.render', 'trustcenter.diff', 'trustcenter.exports', 'mkdocs') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
