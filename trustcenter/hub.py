"""The buyer's path as HTML fragments: hero, section cards, Subscribe, request form.

A prospect's security reviewer lands on the overview and must reach the audit reports,
the request form, the subprocessors and the FAQ in one click on any screen width, with
or without JavaScript. Everything here is plain HTML (links and, for an endpoint, a
form that posts natively); the request form's e-mail mode is the one progressive
enhancement (``overrides/assets/javascripts/request-access.js``), with a plain
``mailto:`` link that carries the same subject and body for readers without JavaScript.

Like :mod:`trustcenter.render`, nothing here knows about MkDocs, and every value from the
data is escaped by the templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from trustcenter.branding import logo_path
from trustcenter.model import (
    ContactPurpose,
    TrustCenter,
    subprocessor_events,
)
from trustcenter.projection import Projection, project
from trustcenter.render import (
    FEEDS,
    REQUEST_ANCHOR,
    REQUEST_PAGE,
    Links,
    _render,
    request_target,
    requestable,
)

#: Characters ``encodeURIComponent`` leaves as they are, so Python and the browser script
#: compose byte-identical ``mailto:`` URLs (RFC 6068 section 2 allows both).
_URI_COMPONENT_SAFE = "-_.!~*'()"


def last_change(tc: TrustCenter, today: dt.date) -> dt.date | None:
    """The newest dated public fact on or before ``today``, or None when there is none.

    What counts: a security update (published or resolved), a subprocessor change
    (announced or in effect), an attestation's issue date, a document's review date.
    Future-dated entries are left out: they are not published yet.
    """
    dates: list[dt.date] = []
    for update in tc.updates:
        dates += [d for d in (update.date, update.resolved) if d is not None]
    for event in subprocessor_events(tc.subprocessors):
        dates += [d for d in (event.announced, event.effective) if d is not None]
    dates += [a.issued for a in tc.public_attestations() if a.issued is not None]
    dates += [d.last_reviewed for d in tc.documents]
    published = [d for d in dates if d <= today]
    return max(published, default=None)


def mailto(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL with ``subject`` and ``body`` (RFC 6068), lines joined by CRLF.

    Percent-encoding matches the browser's ``encodeURIComponent``, so the URL the script
    composes from a filled-in form and this one are the same for the same text.
    """
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{address}?subject={quote(subject, safe=_URI_COMPONENT_SAFE)}"
        f"&body={quote(body, safe=_URI_COMPONENT_SAFE)}"
    )


def request_body(
    name: str, company: str, email: str, items: list[str], reason: str, terms_page: str
) -> str:
    """The e-mail a request composes: the fields, one a line, then the terms accepted.

    ``request-access.js`` builds the same lines in the browser (its ``compose``).
    """
    lines = [
        f"Name: {name}",
        f"Company: {company}",
        f"Work e-mail: {email}",
        "Reports and documents requested:",
    ]
    lines += [f"- {item}" for item in items]
    lines += [f"Why we need them: {reason}", f"I accept the terms shown on {terms_page}"]
    return "\n".join(lines)


def _reports_summary(count: int) -> str:
    if count == 0:
        return "Our SOC reports and how to obtain them"
    reports = "report" if count == 1 else "reports"
    return f"{count} SOC {reports}: what each covers, and how to obtain it under NDA"


@dataclass(frozen=True)
class Destination:
    """A section card: the page it leads to, its title and what a reviewer finds there."""

    href: str
    title: str
    summary: str


class Hub:
    """The overview's hub and the request form of one trust center, as of one build date."""

    def __init__(
        self,
        trust_center: TrustCenter,
        today: dt.date,
        site_url: str,
        projection: Projection | None = None,
    ) -> None:
        self.tc = trust_center
        self.today = today
        #: The one judgement of the attestations on ``today`` (the renderer's, when given).
        self.projection = projection or project(trust_center, today)
        #: The site's absolute address, ending in ``/``: named in the e-mail a request sends.
        self.site_url = site_url

    def hero(self, links: Links) -> Markup:
        """Logo, one-line commitment, badges, the last change, and the calls to action."""
        company = self.tc.company
        badges = [
            (v, links.file(f"badges/attestations/{v.id}.svg")) for v in self.projection.cards()
        ]
        logo = logo_path(company)
        return _render(
            "hero.html",
            company=company,
            logo=links.file(logo) if logo else None,
            badges=badges,
            today=self.today,
            last_change=last_change(self.tc, self.today),
            reports=links.page("reports"),
            request=request_target(self.tc, self.projection, links),
        )

    def sections(self, links: Links) -> Markup:
        """One card per page of the site, so every section is one click away."""
        tc = self.tc
        public = tc.public_controls()
        current = tc.current_subprocessors(self.today)
        questions = sum(len(t.questions) for t in tc.faq)
        candidates = [
            (
                "reports",
                "Audit reports",
                _reports_summary(len(self.projection.gated_reports())),
            ),
            (REQUEST_PAGE, "Request access", "Ask for the reports and documents under NDA"),
            (
                "controls",
                "Controls",
                f"{len(public)} controls in {len({c.category for c in public})} categories",
            ),
            ("criteria", "Criteria coverage", "From each Trust Services Criterion to our controls"),
            (
                "subprocessors",
                "Subprocessors",
                f"{len(current)} third parties that process personal data, and their changes",
            ),
            ("documents", "Documents", f"{len(tc.documents)} policies and documents"),
            ("faq", "FAQ", f"{questions} answers to the questions reviewers ask"),
            ("updates", "Updates", "Security updates and incident notices"),
        ]
        cards = [
            Destination(href, title, summary)
            for page, title, summary in candidates
            if (href := links.page(page)) is not None
        ]
        return _render("sections.html", cards=cards)

    def subscribe(self, links: Links) -> Markup:
        """The ways to follow changes: the Atom feeds, e-mail notices, trust.json."""
        notice = self.tc.notice
        return _render(
            "subscribe.html",
            subprocessors_feed=links.file(FEEDS["subprocessors"]),
            updates_feed=links.file(FEEDS["updates"]),
            attestations_feed=links.file(FEEDS["attestations"]),
            email=notice.subscribe if notice else None,
            trust_json=links.file("trust.json"),
        )

    def request_access(self, links: Links) -> Markup:
        """The request form, the terms before it, and the plain ``mailto:`` link."""
        settings = self.tc.company.request_access
        contact = self.tc.company.contact(ContactPurpose.ACCESS_REQUESTS)
        items = requestable(self.tc, self.projection)
        here = self.site_url + (
            f"{REQUEST_PAGE}/" if links.directory_urls else f"{REQUEST_PAGE}.html"
        )
        plain = None
        if settings is not None and settings.email is not None:
            blank = request_body("", "", "", items, "", here)
            plain = mailto(settings.email, settings.subject, blank)
        return _render(
            "request_access.html",
            settings=settings,
            contact=contact,
            items=items,
            plain=plain,
            terms_page=here,
            anchor=REQUEST_ANCHOR,
        )
