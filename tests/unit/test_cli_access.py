from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.unit.unit_support import DataFolder
from trustcenter.cli import main
from trustcenter.gate import SECRET_VARIABLE, GateSettings, access_code, normalize_code
from trustcenter.model import Grant

TODAY = ["--today", "2026-06-01"]
#: Between the two grants' expiry dates (2027-10-31 and 2028-01-31).
LATER = ["--today", "2027-12-01"]
SECRET = "0123456789abcdef0123456789abcdef-cli-secret"
NOTES = "Code resent after the first mail bounced at the recipient"


def grant_of(data: DataFolder, grant_id: str) -> Grant:
    trust_center = data.load().trust_center
    assert trust_center is not None
    [grant] = [g for g in trust_center.access.grants if g.id == grant_id]
    return grant


def all_codes(data: DataFolder) -> list[str]:
    trust_center = data.load().trust_center
    assert trust_center is not None
    return [access_code(SECRET.encode(), g) for g in trust_center.access.grants]


def active_grants(data: DataFolder, today: str) -> list[Grant]:
    trust_center = data.load().trust_center
    assert trust_center is not None
    return trust_center.active_grants(dt.date.fromisoformat(today))


# --- access list -------------------------------------------------------------------------------


def test_access_list_sorted_by_expiry(data, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["access", "list", *TODAY]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "contoso-renewal\t2027-10-31\tactive, 517 day(s) left\tContoso Procurement and Risk Office",
        "northwind-review\t2028-01-31\tactive, 609 day(s) left\t"
        "Northwind Traders security review team",
        "acme-pilot\t2028-06-30\tactive, 760 day(s) left\t"
        "Acme Robotics information security office",
    ]
    assert err == ""


def test_access_list_shows_expired_grants(data, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["access", "list", *LATER]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "contoso-renewal\t2027-10-31\texpired 31 day(s) ago\tContoso Procurement and Risk Office",
        "northwind-review\t2028-01-31\tactive, 61 day(s) left\t"
        "Northwind Traders security review team",
        "acme-pilot\t2028-06-30\tactive, 212 day(s) left\t"
        "Acme Robotics information security office",
    ]


def test_access_list_expiry_day_is_still_active(data, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["access", "list", "--today", "2027-10-31"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("contoso-renewal\t2027-10-31\tactive, 0 day(s) left")
    assert [g.id for g in active_grants(data, "2027-10-31")] == [
        "northwind-review",
        "contoso-renewal",
        "acme-pilot",
    ]


def test_access_list_never_prints_a_code(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    for today in (TODAY, LATER):
        assert main(["access", "list", *today]) == 0
        out, err = capsys.readouterr()
        for code in all_codes(data):
            for form in (code, normalize_code(code), code.lower()):
                assert form not in out + err
        assert SECRET not in out + err


def test_access_list_without_grants(data, capsys: pytest.CaptureFixture[str]) -> None:
    data.remove("access.yml")
    assert main(["access", "list", *TODAY]) == 0
    assert capsys.readouterr().out == "no grants in data/access.yml\n"


# --- access code -------------------------------------------------------------------------------


@pytest.mark.parametrize("grant_id", ["northwind-review", "contoso-renewal", "acme-pilot"])
def test_access_code_prints_code_and_link(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, grant_id: str
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    assert main(["access", "code", grant_id, *TODAY]) == 0
    out, err = capsys.readouterr()
    code = access_code(SECRET.encode(), grant_of(data, grant_id))
    lines = out.splitlines()
    assert lines[0].startswith(f"grant: {grant_id} (")
    assert lines[1] == f"code:  {code}"
    assert lines[2] == f"link:  https://example.com/trust/reports/#code={code}"
    assert SECRET not in out
    assert err == ""


def test_access_code_uses_the_rotation(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    assert main(["access", "code", "contoso-renewal", *TODAY]) == 0
    before = capsys.readouterr().out.splitlines()[1]
    data.edit("access.yml", "rotation: 1", "rotation: 2")
    assert main(["access", "code", "contoso-renewal", *TODAY]) == 0
    after = capsys.readouterr().out.splitlines()[1]
    assert before != after
    assert after == f"code:  {access_code(SECRET.encode(), grant_of(data, 'contoso-renewal'))}"


def test_access_code_without_page_url_prints_no_link(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    data.edit("access.yml", "page_url: https://example.com/trust/reports/\n", "")
    assert main(["access", "code", "northwind-review", *TODAY]) == 0
    out = capsys.readouterr().out
    assert "code:  " in out
    assert "link:" not in out
    assert "#code=" not in out


def test_access_code_on_expiry_day(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    assert main(["access", "code", "contoso-renewal", "--today", "2027-10-31"]) == 0
    assert "code:  " in capsys.readouterr().out


def test_access_code_without_secret_exits_2(data, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["access", "code", "northwind-review", *TODAY]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("trustcenter: error: TRUSTCENTER_GATE_SECRET is not set")


def test_access_code_with_short_secret_exits_2(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, "too-short")
    assert main(["access", "code", "northwind-review", *TODAY]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "TRUSTCENTER_GATE_SECRET is 9 characters long" in err


def test_access_code_unknown_grant_exits_1(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    assert main(["access", "code", "nobody", *TODAY]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "trustcenter: error: no grant 'nobody' in data/access.yml "
        "(grants: northwind-review, contoso-renewal, acme-pilot)\n"
    )


def test_access_code_expired_grant_exits_1(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    assert main(["access", "code", "contoso-renewal", *LATER]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("trustcenter: error: grant 'contoso-renewal' expired on 2027-10-31")
    for code in all_codes(data):
        assert code not in err


def test_access_code_missing_grant_argument_exits_2(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    with pytest.raises(SystemExit) as raised:
        main(["access", "code", *TODAY])
    assert raised.value.code == 2
    assert capsys.readouterr().out == ""


# --- access new-secret -------------------------------------------------------------------------


def test_new_secret_is_usable(
    data, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["access", "new-secret"]) == 0
    first = capsys.readouterr().out
    assert first.endswith("\n")
    assert len(first.splitlines()) == 1
    secret = first.strip()
    assert len(secret) >= 43
    assert (
        GateSettings.from_environment(
            {SECRET_VARIABLE: secret, "TRUSTCENTER_BUILD_MODE": "publish"}
        ).secret
        == secret.encode()
    )
    assert main(["access", "new-secret"]) == 0
    assert capsys.readouterr().out.strip() != secret
    monkeypatch.setenv(SECRET_VARIABLE, secret)
    assert main(["access", "code", "northwind-review", *TODAY]) == 0
    code = access_code(secret.encode(), grant_of(data, "northwind-review"))
    assert f"code:  {code}" in capsys.readouterr().out


# --- guard -------------------------------------------------------------------------------------


def site_with(tmp_path: Path, text: str) -> Path:
    site = tmp_path / "site"
    (site / "reports").mkdir(parents=True)
    (site / "index.html").write_text(
        "<html><body><h1>Example Ledger</h1><p>Daily encrypted backups, restored every "
        "quarter as a test.</p></body></html>",
        encoding="utf-8",
    )
    (site / "reports" / "index.html").write_text(
        f"<html><body><p>{text}</p></body></html>", encoding="utf-8"
    )
    return site


def test_guard_clean_site_exits_0(data, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site_with(tmp_path, "The reports are available under NDA.")
    assert main(["guard", "site", *TODAY]) == 0
    out, err = capsys.readouterr()
    assert out == "trustcenter guard: ok: no gated or internal value in site\n"
    assert err == ""


def test_guard_finds_an_internal_value(
    data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site_with(tmp_path, f"Note: {NOTES}.")
    assert main(["guard", "site", *TODAY]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "site/reports/index.html: contains the restricted value of "
        "data/access.yml: grants[1].internal.notes",
        "trustcenter guard: failed: 1 restricted value(s) in site",
    ]


def test_guard_finds_a_gated_value(
    data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = "<a href='https://example.com/trust/request'>the request form</a>"
    site_with(tmp_path, f"Ask through {link}.")
    (tmp_path / "site" / "recipients.txt").write_text(
        "Northwind Traders security review team\n", encoding="utf-8"
    )
    assert main(["guard", "site", *TODAY]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "site/recipients.txt: contains the restricted value of "
        "data/access.yml: grants[0].recipient",
        "site/reports/index.html: contains the restricted value of "
        "data/attestations.yml: attestations[0].gated.how_to_obtain",
        "trustcenter guard: failed: 2 restricted value(s) in site",
    ]


def test_guard_finds_a_restricted_files_bytes(
    data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data.edit("attestations.yml", "    issued: 2026-02-15\n",
              "    issued: 2026-02-15\n    files:\n      - path: soc2.pdf\n"
              "        title: SOC 2 report\n")
    (tmp_path / "restricted").mkdir()
    (tmp_path / "restricted" / "soc2.pdf").write_bytes(b"%PDF-1.4 the restricted report\n")
    site = site_with(tmp_path, "The reports are available under NDA.")
    (site / "soc2.pdf").write_bytes(b"%PDF-1.4 the restricted report\n")
    assert main(["guard", "site", *TODAY]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "site/soc2.pdf: contains the bytes of the restricted file soc2.pdf "
        "(attestation/soc2-2025/soc2.pdf)",
        "trustcenter guard: failed: 0 restricted value(s) and 1 restricted file(s) in site",
    ]
    (site / "soc2.pdf").unlink()
    assert main(["guard", "site", *TODAY]) == 0


def test_guard_missing_site_exits_2(data, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guard", "no-such-site", *TODAY]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "trustcenter: error: site folder not found: no-such-site\n"


def test_guard_site_that_is_a_file_exits_2(
    data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "site.zip").write_bytes(NOTES.encode())
    assert main(["guard", "site.zip", *TODAY]) == 2
    assert "site folder not found" in capsys.readouterr().err


# --- invalid data --------------------------------------------------------------------------------


def break_access(data: DataFolder) -> None:
    data.edit(
        "access.yml",
        "    recipient: Northwind Traders security review team",
        "    recipent: Northwind Traders security review team",
    )


@pytest.mark.parametrize(
    "command",
    [
        ["access", "list"],
        ["access", "code", "northwind-review"],
        ["guard", "site"],
    ],
)
def test_invalid_data_exits_1_with_located_errors(
    data,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, SECRET)
    site_with(tmp_path, "clean")
    break_access(data)
    assert main([*command, *TODAY]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "data/access.yml:4:5: error: unknown key 'recipent': did you mean 'recipient'? "
        "(unknown-key)",
        "trustcenter: error: the data has errors; see above, or run 'trustcenter check'",
    ]


def test_invalid_data_in_another_file(
    data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site_with(tmp_path, "clean")
    data.edit("controls.yml", "    category: access", "    catgory: access")
    assert main(["guard", "site", *TODAY]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        "data/controls.yml:11:5: error: unknown key 'catgory': did you mean 'category'? "
        "(unknown-key)"
    )


def test_missing_data_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["access", "list", *TODAY]) == 2
    assert "data folder not found" in capsys.readouterr().err
