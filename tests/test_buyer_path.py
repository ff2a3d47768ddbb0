"""The buyer's path in Debian's Chromium: from the overview to what a reviewer came for,
and the request form sending exactly what the data configures, and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, Route

from tests.quality import visit
from tests.sitebuild import REPO, copy_scenario, run_build, serve
from trustcenter.hub import mailto, request_body
from trustcenter.loader import load
from trustcenter.model import TrustCenter

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
#: Where a new visitor wants to go from the overview, and the heading that proves arrival.
DESTINATIONS = {
    "reports/": "Audit reports",
    "request-access/": "Request access",
    "subprocessors/": "Subprocessors",
    "faq/": "Frequently asked questions",
}
ENDPOINT = "https://forms.canary.example/trust-requests"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = run_build(REPO, site=tmp_path_factory.mktemp("buyer") / "site")
    assert build.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


@pytest.fixture(scope="module")
def data() -> TrustCenter:
    result = load(REPO / "data", dt.date(2026, 11, 26))
    assert result.trust_center is not None
    return result.trust_center


#: Indexes of the links a person can see and reach without opening anything: rendered,
#: not hidden, and within the page's width (the closed drawer is off to the left).
_REACHABLE_LINKS = """(target) => [...document.querySelectorAll("a[href]")].flatMap((a, i) => {
  const url = new URL(a.getAttribute("href"), location.href);
  url.hash = "";
  if (url.href !== target) return [];
  if (!a.checkVisibility({checkOpacity: true, visibilityProperty: true})) return [];
  const box = a.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= innerWidth ? [i] : [];
})"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("target", DESTINATIONS)
def test_each_destination_is_one_click_from_the_overview(
    browser: Browser, example: str, width: str, javascript: bool, target: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS[width], java_script_enabled=javascript)
    page = context.new_page()
    page.goto(example, wait_until="networkidle")
    reachable = page.evaluate(_REACHABLE_LINKS, example + target)
    assert reachable, f"no visible link to {target} on the overview at {width}"
    page.locator("a[href]").nth(reachable[0]).click()  # the one click
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == urlsplit(example + target).path
    assert page.locator("h1").first.inner_text().rstrip("¶") == DESTINATIONS[target]
    context.close()


def _fill(page: Page, items: int) -> None:
    page.fill("#tc-request-name", "Ada Reviewer")
    page.fill("#tc-request-company", "Northwind & Sons")
    page.fill("#tc-request-email", "ada@northwind.example")
    for box in page.locator("input[name='reports']").all()[:items]:
        box.check()
    page.fill("#tc-request-reason", "Vendor review: 100% of #payments")
    page.check("#tc-request-terms")


def test_the_form_composes_exactly_the_configured_email_and_sends_nothing(
    browser: Browser, example: str, data: TrustCenter
) -> None:
    settings = data.company.request_access
    assert settings is not None and settings.email is not None
    with visit(browser, example) as seen:
        page = seen.page
        page.goto(example + "request-access/", wait_until="networkidle")
        after: list[str] = []
        page.on("request", lambda request: after.append(request.url))
        _fill(page, items=2)
        chosen = [b.get_attribute("value") or "" for b in
                  page.locator("input[name='reports']").all()[:2]]
        page.click("#tc-request-form button[type='submit']")
        page.wait_for_selector("#tc-request-result:not([hidden])")
        expected = mailto(settings.email, settings.subject, request_body(
            "Ada Reviewer", "Northwind & Sons", "ada@northwind.example", chosen,
            "Vendor review: 100% of #payments",
            "https://trust.lanternfish.example/request-access/"))
        assert after == [expected]  # the e-mail program is asked to open, and nothing else
        assert page.locator("#tc-request-open").get_attribute("href") == expected
        query = {k: v[0] for k, v in parse_qs(urlsplit(expected).query).items()}
        assert query["subject"] == settings.subject
        # A textarea's value has its line breaks normalized to LF (HTML, "API value").
        assert page.input_value("#tc-request-body") == query["body"].replace("\r\n", "\n")
        assert seen.problems() == {"console": [], "csp": [], "other origins": []}


def test_the_form_wants_a_report_and_the_terms_before_composing(
    browser: Browser, example: str
) -> None:
    with visit(browser, example) as seen:
        page = seen.page
        page.goto(example + "request-access/", wait_until="networkidle")
        after: list[str] = []
        page.on("request", lambda request: after.append(request.url))
        _fill(page, items=0)
        page.click("#tc-request-form button[type='submit']")
        page.uncheck("#tc-request-terms")
        page.locator("input[name='reports']").first.check()
        page.click("#tc-request-form button[type='submit']")
        assert after == []
        assert page.locator("#tc-request-result").is_hidden()


def test_without_javascript_a_plain_link_carries_the_subject(
    browser: Browser, example: str, data: TrustCenter
) -> None:
    settings = data.company.request_access
    assert settings is not None and settings.email is not None
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example + "request-access/", wait_until="networkidle")
    assert page.locator("#tc-request-form").is_hidden()
    assert page.locator(".tc-request__terms").is_visible()
    link = page.locator(".tc-request__plain a")
    assert link.is_visible()
    parts = urlsplit(link.get_attribute("href") or "")
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert (parts.scheme, parts.path) == ("mailto", settings.email)
    assert query["subject"] == settings.subject
    assert query["body"].startswith("Name: \r\nCompany: \r\n")
    context.close()


@pytest.fixture(scope="module")
def endpoint_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_scenario("overview", tmp_path_factory.mktemp("endpoint"))
    company = project / "data" / "company.yml"
    company.write_text(company.read_text("utf-8").replace("contacts:", (
        "request_access:\n"
        f"  endpoint: {ENDPOINT}\n"
        "  subject: Canary report request\n"
        "  terms: Use the reports only to assess Canary Widgets.\n"
        "contacts:"), 1), "utf-8")
    (project / "docs" / "request-access.md").write_text(
        "---\ntitle: Request access\nrequest_form: true\n---\n\n# Request access\n\n"
        "{{ request_access() }}\n", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "  - Request access: request-access.md\n")
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert f"form-action 'self' {ENDPOINT}" in build.page("request-access/index.html")
    with serve(build.site) as url:
        yield url


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_endpoint_form_posts_exactly_the_fields_to_the_endpoint(
    browser: Browser, endpoint_site: str, javascript: bool
) -> None:
    with visit(browser, endpoint_site, java_script_enabled=javascript) as seen:
        page = seen.page
        page.goto(endpoint_site + "request-access/", wait_until="networkidle")
        sent: list[Request] = []

        def receive(route: Route) -> None:  # stands in for the form service, offline
            sent.append(route.request)
            route.fulfill(status=200, content_type="text/html",
                          body="<!doctype html><title>Thanks</title>")

        page.route(ENDPOINT, receive)
        _fill(page, items=1)
        chosen = page.locator("input[name='reports']").first.get_attribute("value")
        with page.expect_navigation():
            page.click("#tc-request-form button[type='submit']")
        assert [(r.method, r.url) for r in sent] == [("POST", ENDPOINT)]
        fields = parse_qs(sent[0].post_data or "")
        assert fields == {
            "subject": ["Canary report request"], "name": ["Ada Reviewer"],
            "company": ["Northwind & Sons"], "email": ["ada@northwind.example"],
            "reports": [chosen],
            "reason": ["Vendor review: 100% of #payments"], "terms": ["accepted"],
        }
        problems = seen.problems() if javascript else {"console": seen.console_errors,
                                                        "csp": [], "other origins": []}
        assert problems == {"console": [], "csp": [], "other origins": []}


def test_filters_narrow_a_complete_table(browser: Browser, example: str) -> None:
    with visit(browser, example) as seen:
        page = seen.page
        page.goto(example + "controls/", wait_until="networkidle")
        rows = page.locator(".tc-controls tbody tr")
        total = rows.count()
        assert page.locator(".tc-filter__count").inner_text() == f"{total} shown"
        page.select_option(".tc-filter select >> nth=1", "In progress")
        shown = [r for r in rows.all() if r.is_visible()]
        assert 0 < len(shown) < total
        assert all("In progress" in r.inner_text() for r in shown)
        page.select_option(".tc-filter select >> nth=1", "")
        page.fill(".tc-filter input[type='search']", "phishing")
        shown = [r for r in rows.all() if r.is_visible()]
        assert 0 < len(shown) < total
        assert all("phishing" in r.inner_text().lower() for r in shown)
        # A category with no row left is hidden whole.
        assert page.locator(".tc-control-group:visible").count() < page.locator(
            ".tc-control-group").count()
        page.goto(example + "subprocessors/", wait_until="networkidle")
        page.select_option(".tc-filter select >> nth=0", "Portugal")
        shown = [r for r in page.locator(".tc-subprocessors tbody tr").all() if r.is_visible()]
        assert shown and all("Portugal" in r.inner_text() for r in shown)
        assert seen.problems() == {"console": [], "csp": [], "other origins": []}


def test_subprocessors_filter_by_mechanism_per_regime(browser: Browser, example: str) -> None:
    """The transfer filter offers each mechanism under its regime, not whole sentences."""
    with visit(browser, example) as seen:
        page = seen.page
        page.goto(example + "subprocessors/", wait_until="networkidle")
        mechanism = page.locator(".tc-filter select >> nth=2")
        assert page.locator(".tc-filter label >> nth=3").inner_text() == "Transfer mechanisms"
        groups = mechanism.locator("optgroup")
        assert [groups.nth(i).get_attribute("label") for i in range(groups.count())] == [
            "EU/EEA", "UK", "Switzerland"]
        assert groups.nth(0).locator("option").all_inner_texts() == [
            "EU adequacy decision", "EU-U.S. Data Privacy Framework",
            "None needed (processed in the EEA)",
            "Standard Contractual Clauses (2021)"]
        mechanism.select_option("UK: UK International Data Transfer Agreement")
        rows = page.locator(".tc-subprocessors tbody tr")
        assert [r.get_attribute("id") for r in rows.all() if r.is_visible()] == [
            "subprocessor-ledgerlight"]
        mechanism.select_option("EU/EEA: Standard Contractual Clauses (2021)")
        shown = [r.get_attribute("id") for r in rows.all() if r.is_visible()]
        assert shown == [f"subprocessor-{key}" for key in (
            "cirrusvault", "edgeward", "quillpost", "tollbridge", "ledgerlight", "driftlog")]
        # The facets combine: the EU's SCCs and a location in India.
        page.locator(".tc-filter select >> nth=0").select_option("India")
        assert [r.get_attribute("id") for r in rows.all() if r.is_visible()] == [
            "subprocessor-ledgerlight"]
        assert seen.problems() == {"console": [], "csp": [], "other origins": []}


def test_subprocessors_without_javascript_show_every_mechanism(
    browser: Browser, example: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example + "subprocessors/", wait_until="networkidle")
    assert page.locator(".tc-filter").count() == 0
    row = page.locator("#subprocessor-ledgerlight")
    assert row.is_visible()
    assert "EU/EEA — United Kingdom: EU adequacy decision; India: Standard Contractual " \
        "Clauses (2021)" in " ".join(row.inner_text().split())
    context.close()


def test_without_javascript_every_row_is_there(browser: Browser, example: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example + "controls/", wait_until="networkidle")
    assert page.locator(".tc-filter").count() == 0
    assert all(r.is_visible() for r in page.locator(".tc-controls tbody tr").all())
    context.close()


def test_faq_answers_fold_and_open_at_their_anchor(browser: Browser, example: str) -> None:
    page = browser.new_page()
    page.goto(example + "faq/", wait_until="networkidle")
    item = page.locator("details.tc-faq__item").first
    anchor = item.get_attribute("id")
    assert item.get_attribute("open") is None
    item.locator("summary").click()
    assert item.get_attribute("open") is not None
    page.goto(f"{example}faq/#{anchor}")
    page.reload(wait_until="networkidle")
    assert page.locator(f"#{anchor}").get_attribute("open") is not None
    page.close()


def test_documents_under_nda_show_a_lock_and_a_request_button(
    browser: Browser, example: str
) -> None:
    page = browser.new_page()
    page.goto(example + "documents/", wait_until="networkidle")
    locked = page.locator(".tc-documents tbody tr", has=page.locator(".tc-lock"))
    assert locked.count() >= 1
    for row in locked.all():
        button = row.locator("a.tc-request-button")
        assert button.get_attribute("href") == "../request-access/#request-form"
    page.close()
