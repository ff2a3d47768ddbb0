"""Feed ids fixed in data, the settings file, and security.txt to the letter of RFC 9116."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.unit.unit_support import DataFolder
from trustcenter.diff import summarize
from trustcenter.exports.atom import feed_id, id_authority, tag_uri
from trustcenter.loader import load
from trustcenter.model.security_txt import uri_problem
from trustcenter.problems import DataError
from trustcenter.settings import Thresholds, read_settings

TODAY = dt.date(2026, 6, 1)
SETTINGS = "identifiers:\n  authority: example.com\n  since: 2020-05-01\n"


# --- ids ---------------------------------------------------------------------------------


def test_the_authority_comes_from_the_data_never_from_site_url(data: DataFolder) -> None:
    center = data.load().trust_center
    assert center is not None
    assert id_authority(center) == ("example.com", None)
    data.write("settings.yml", SETTINGS.replace("example.com", "ids.example.org").encode())
    pinned = data.load().trust_center
    assert pinned is not None
    assert id_authority(pinned) == ("ids.example.org", dt.date(2020, 5, 1))
    assert tag_uri("ids.example.org", dt.date(2026, 1, 2), "updates/x") == (
        "tag:ids.example.org,2026-01-02:updates/x"
    )
    assert feed_id(pinned, "updates", [], "https://x/") == (
        "tag:ids.example.org,2020-05-01:feeds/updates"
    )
    assert feed_id(center, "updates", [dt.date(2025, 3, 1), dt.date(2024, 1, 9)], "u") == (
        "tag:example.com,2024-01-09:feeds/updates"
    )
    assert feed_id(center, "updates", [], "https://site/feeds/updates.xml") == (
        "https://site/feeds/updates.xml"
    )


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (None, SETTINGS.replace("example.com", "example.org"),
         "example.com to example.org, 2020-05-01"),
        (SETTINGS, SETTINGS.replace("2020-05-01", "2021-05-01"),
         "example.com, 2020-05-01 to example.com, 2021-05-01"),
    ],
)
def test_diff_warns_when_every_feed_id_would_be_issued_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str | None, new: str, line: str
) -> None:
    monkeypatch.chdir(tmp_path)
    before, after = DataFolder(tmp_path / "old"), DataFolder(tmp_path / "new")
    if old is not None:
        before.write("settings.yml", old.encode())
    after.write("settings.yml", new.encode())
    text = summarize("old/data", "new/data", Path("data"), TODAY).text()
    assert f"Warning: the feed id authority changes from {line}: every feed entry gets a " in text
    assert "subscribers will see all" in text


def test_pinning_the_same_authority_changes_no_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    DataFolder(tmp_path / "old")
    after = DataFolder(tmp_path / "new")
    after.write("settings.yml", b"thresholds:\n  grant_warn_days: 30\n")
    assert "feed id authority" not in summarize("old/data", "new/data", Path("data"), TODAY).text()


# --- settings ------------------------------------------------------------------------------


def test_settings_default_without_a_file(tmp_path: Path) -> None:
    assert read_settings(tmp_path) == read_settings(tmp_path / "missing")
    assert read_settings(tmp_path).thresholds == Thresholds()
    assert Thresholds().security_txt_warn_days == 30


def test_a_bad_setting_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "settings.yml").write_text("thresholds:\n  grant_warn_day: 30\n")
    with pytest.raises(DataError) as caught:
        read_settings(Path("."))
    assert [p.format() for p in caught.value.problems] == [
        "settings.yml:2:3: error: unknown key 'grant_warn_day': did you mean "
        "'grant_warn_days'? (unknown-key)"
    ]


@pytest.mark.parametrize(
    ("setting", "today", "rule"),
    [
        ("grant_warn_days: 0", None, None),
        ("notice_days_floor: 45", None, "notice-below-floor"),
        ("document_review_days: 30", None, "review-overdue"),
    ],
)
def test_thresholds_move_the_warnings(
    example: DataFolder, setting: str, today: dt.date | None, rule: str | None
) -> None:
    key = setting.split(":")[0]
    example.edit("settings.yml", f"  {key}: ", f"  {setting}\n  # was: ")
    rules = {p.rule for p in example.load(today).problems}
    if rule is None:
        assert rules == set()
    else:
        assert rule in rules


def test_security_txt_warning_days_are_tunable(example: DataFolder) -> None:
    today = dt.date(2027, 5, 20)  # 41 days before Expires 2027-06-30
    assert "security-txt-expiring" not in {p.rule for p in example.load(today).problems}
    example.edit("settings.yml", "  security_txt_warn_days: 30", "  security_txt_warn_days: 60")
    [problem] = [p for p in example.load(today).problems if p.rule == "security-txt-expiring"]
    assert problem.format().startswith("data/security_txt.yml:22:10: warning: security.txt "
                                       "expires in 41 day(s), on 30 June 2027")


# --- security.txt, field by field (RFC 9116 section 2.5) --------------------------------


@pytest.mark.parametrize(
    ("field", "uri"),
    [
        ("contact", "mailto:security@example.com"),
        ("contact", "https://example.com/report"),
        ("contact", "tel:+1-201-555-0123"),
        ("contact", "TEL:+44.20.7946.0000"),
        ("encryption", "https://example.com/key.asc"),
        ("encryption", "openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f"),
        ("encryption", "dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY"),
        ("canonical", "https://example.com/.well-known/security.txt"),
        ("policy", "https://example.com/policy"),
        ("hiring", "https://example.com/jobs"),
        ("acknowledgments", "https://example.com/thanks"),
        ("csaf", "https://example.com/.well-known/csaf/provider-metadata.json"),
    ],
)
def test_each_field_takes_what_rfc_9116_allows(field: str, uri: str) -> None:
    assert uri_problem(field, uri) is None


@pytest.mark.parametrize(
    ("field", "uri", "message"),
    [
        ("contact", "http://example.com/report",
         "expected an https:, mailto: or tel: URI for 'contact' (RFC 9116, section 2.5.3), "
         "found a 'http:' URI ('http://example.com/report')"),
        ("contact", "javascript:alert(1)",
         "expected an https:, mailto: or tel: URI for 'contact' (RFC 9116, section 2.5.3), "
         "found a 'javascript:' URI ('javascript:alert(1)')"),
        ("contact", "tel:555-0123",
         "expected an international phone number after 'tel:' (RFC 3966), such as "
         "tel:+1-201-555-0123, found 'tel:555-0123'"),
        ("contact", "mailto:security",
         "expected an e-mail address after 'mailto:', found 'mailto:security'"),
        ("encryption", "openpgp4fpr:5f2de552",
         "expected the key's fingerprint (40 or 64 hexadecimal digits) after 'openpgp4fpr:', "
         "found 'openpgp4fpr:5f2de552'"),
        ("encryption", "tel:+1-201-555-0123",
         "expected an https:, dns: or openpgp4fpr: URI for 'encryption' (RFC 9116, section "
         "2.5.4), found a 'tel:' URI ('tel:+1-201-555-0123')"),
        ("encryption", "dns:",
         "expected a DNS name after 'dns:', such as "
         "dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY, found 'dns:'"),
        ("canonical", "http://example.com/.well-known/security.txt",
         "expected an https: URI for 'canonical' (RFC 9116, section 2.5.2), found a 'http:' "
         "URI ('http://example.com/.well-known/security.txt')"),
        ("policy", "mailto:a@example.com",
         "expected an https: URI for 'policy' (RFC 9116, section 2.5.7), found a 'mailto:' "
         "URI ('mailto:a@example.com')"),
        ("hiring", "example.com/jobs",
         "expected an https: URI for 'hiring' (RFC 9116, section 2.5.6), found a URI with no "
         "scheme ('example.com/jobs')"),
        ("acknowledgments", "https:///thanks",
         "expected a web address with a host name, such as https://example.com, found "
         "'https:///thanks'"),
        ("csaf", "dns:example.com",
         "expected an https: URI for 'csaf' (RFC 9116, section 2.5 and CSAF 2.0, 7.1.8), "
         "found a 'dns:' URI ('dns:example.com')"),
        ("contact", "https://example.com/a b",
         "expected a URI without spaces, found 'https://example.com/a b'"),
    ],
)
def test_each_field_refuses_the_rest_with_the_section(field: str, uri: str, message: str) -> None:
    assert uri_problem(field, uri) == message


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        ("[en, pt, pt-BR, de-CH-1996, zh-Hant]", None),
        ("[english]", "data/security_txt.yml:27:23: error: expected a language tag (RFC 5646) "
         "such as en, pt or pt-BR, found 'english' (security-txt-language)"),
        ("[en, en_US]", "data/security_txt.yml:27:27: error: expected a language tag (RFC 5646) "
         "such as en, pt or pt-BR, found 'en_US'; write 'en-US' (security-txt-language)"),
        ("[en, zz]", "data/security_txt.yml:27:27: error: expected a language tag (RFC 5646) "
         "such as en, pt or pt-BR, found 'zz' (security-txt-language)"),
        ("[en, 'no']", None),
        ("[en, no]", "data/security_txt.yml:27:27: error: expected text, found no, which "
         "YAML 1.1 reads as the boolean false; put it in quotes: 'no' (yaml-boolean)"),
    ],
)
def test_preferred_languages_are_rfc_5646_tags(
    example: DataFolder, languages: str, expected: str | None
) -> None:
    example.edit("security_txt.yml", "preferred_languages: [en, pt]",
                 f"preferred_languages: {languages}")
    errors = [p.format() for p in example.load().errors]
    assert errors == ([] if expected is None else [expected])


def test_check_with_site_url_compares_canonical(example: DataFolder) -> None:
    good = load(example.path, example.today, site_url="https://trust.lanternfish.example/")
    assert good.problems == []
    moved = load(example.path, example.today, site_url="https://trust.example.net/")
    assert [p.rule for p in moved.problems] == ["security-txt-canonical"]


def test_check_takes_the_site_url_as_the_build_does(
    example: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    from trustcenter.cli import main

    main(["check", "--today", "2026-11-26", "--site-url", "https://example-org.github.io/tc"])
    err = capsys.readouterr().err
    assert (
        "data/security_txt.yml:19:1: warning: site_url https://example-org.github.io/tc/ has a "
        "path, so security.txt is written to https://example-org.github.io/tc/.well-known/"
        "security.txt; RFC 9116 has clients look only at "
        "https://example-org.github.io/.well-known/security.txt, where no one will find it"
    ) in err
    assert "(security-txt-canonical)" in err


def _attestation_ids(example: DataFolder) -> list[str]:
    import xml.etree.ElementTree as ET

    from trustcenter.exports import exported_files
    from trustcenter.render import Links

    center = example.load().trust_center
    assert center is not None
    files = exported_files(center, example.today, Links("https://trust.example.com/", True))
    root = ET.fromstring(files["feeds/attestations.xml"])
    return [node.text or "" for node in root.iter("{http://www.w3.org/2005/Atom}id")]


def test_an_attestation_keeps_its_feed_id_when_its_dates_move(example: DataFolder) -> None:
    before = _attestation_ids(example)
    example.edit("attestations.yml", "    expected: 2027-06", "    expected: 2027-08-31")
    assert _attestation_ids(example) == before
    assert all(i.startswith("tag:lanternfish.example,2021-01-01:") for i in before), before
