"""The buyer's path in the core: the request e-mail, the last change, the new company fields."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.unit.unit_support import DataFolder, assert_problem
from trustcenter.csp import policy_for
from trustcenter.hub import Hub, last_change, mailto, request_body
from trustcenter.render import Links


def test_mailto_encodes_as_encode_uri_component() -> None:
    url = mailto("trust@example.com", "Reports & terms: 100% (NDA)", "a=b\nc#d!*'()~")
    # encodeURIComponent leaves - _ . ! ~ * ' ( ) and escapes the rest; lines end in CRLF.
    assert url == ("mailto:trust@example.com?subject=Reports%20%26%20terms%3A%20100%25%20(NDA)"
                   "&body=a%3Db%0D%0Ac%23d!*'()~")
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert parts.path == "trust@example.com"
    assert query == {"subject": "Reports & terms: 100% (NDA)", "body": "a=b\r\nc#d!*'()~"}


def test_request_body_lists_every_field_and_the_terms_page() -> None:
    body = request_body("Ada", "Northwind", "ada@northwind.example", ["SOC 2 Type 2", "DPA"],
                        "Vendor review", "https://trust.example.com/request-access/")
    assert body.splitlines() == [
        "Name: Ada", "Company: Northwind", "Work e-mail: ada@northwind.example",
        "Reports and documents requested:", "- SOC 2 Type 2", "- DPA",
        "Why we need them: Vendor review",
        "I accept the terms shown on https://trust.example.com/request-access/",
    ]


REQUEST = """request_access:
  email: trust@example.com
  subject: Request for reports
  terms: Use the reports only to assess us.
contacts:"""


def test_request_access_settings_load_and_the_plain_link_has_the_subject(data: DataFolder) -> None:
    data.edit("company.yml", "contacts:", REQUEST)
    result = data.load()
    assert result.errors == []
    assert result.trust_center is not None
    hub = Hub(result.trust_center, dt.date(2026, 6, 1), "https://trust.example.com/")
    html = str(hub.request_access(Links("../", True, frozenset({"request-access"}))))
    assert 'data-to="trust@example.com"' in html
    plain = html.split('class="tc-request__plain">Or write to <a href="', 1)[1].split('"', 1)[0]
    query = parse_qs(urlsplit(plain.replace("&amp;", "&")).query)
    assert query["subject"] == ["Request for reports"]
    assert unquote(plain).startswith("mailto:trust@example.com?")


@pytest.mark.parametrize(("settings", "location", "message"), [
    ("  email: mailto:trust@example.com\n", "data/company.yml:7:10: error",
     "without 'mailto:'"),
    ("  email: trust@example.com\n  endpoint: https://forms.example.com/x\n",
     "data/company.yml:7:3: error", "exactly one of 'email'"),
    ("  endpoint: http://forms.example.com/x\n", "data/company.yml:7:13: error",
     "https:// address"),
])
def test_bad_request_access_settings_are_located_errors(
    data: DataFolder, settings: str, location: str, message: str
) -> None:
    data.edit("company.yml", "contacts:", "request_access:\n" + settings
              + "  subject: S\n  terms: T\ncontacts:")
    errors = data.load().errors
    assert len(errors) == 1, [e.format() for e in errors]
    assert_problem(errors[0], location, message)


@pytest.mark.parametrize(("file", "message"), [
    ("../secrets/logo.svg", "inside the data folder"),
    ("/etc/logo.svg", "inside the data folder"),
    ("logo.gif", "of type .svg, .png, .webp"),
    ("missing.svg", "found no such file"),
])
def test_a_bad_logo_is_a_located_error(data: DataFolder, file: str, message: str) -> None:
    data.edit("company.yml", "contacts:", f"logo:\n  file: {file}\n  alt: Example\ncontacts:")
    errors = data.load().errors
    assert len(errors) == 1, [e.format() for e in errors]
    assert_problem(errors[0], "data/company.yml:7:9: error", message)


def test_a_logo_in_the_data_folder_loads(data: DataFolder) -> None:
    data.write("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    data.edit("company.yml", "contacts:", "logo:\n  file: logo.svg\n  alt: Example\ncontacts:")
    assert data.load().problems == []


def test_last_change_is_the_newest_published_date(data: DataFolder) -> None:
    result = data.load()
    assert result.trust_center is not None
    tc = result.trust_center
    newest = last_change(tc, dt.date(2026, 6, 1))
    assert newest is not None and newest <= dt.date(2026, 6, 1)
    # A day before the newest, that fact is not published yet: an earlier date is shown.
    earlier = last_change(tc, newest - dt.timedelta(days=1))
    assert earlier is None or earlier < newest
    assert last_change(tc, dt.date(1990, 1, 1)) is None


@pytest.mark.parametrize("endpoint", [
    "https://forms.example.com/x; script-src *", "https://a.example/x y", "http://a.example/x",
])
def test_a_form_endpoint_cannot_add_to_the_policy(endpoint: str) -> None:
    with pytest.raises(ValueError, match="not usable as a CSP source"):
        policy_for("<html></html>", [endpoint])


def test_the_form_endpoint_is_allowed_exactly() -> None:
    policy = policy_for("<html></html>", ["https://forms.example.com/trust"])
    assert "form-action 'self' https://forms.example.com/trust" in policy
    assert policy_for("<html></html>").endswith("form-action 'self'")
