"""Render the public sections of the trust center as HTML fragments.

Each section is a Jinja template in ``trustcenter/templates/`` rendered with autoescaping
on, so every value from the data is text: ``<script>`` in a company name comes out as
``&lt;script&gt;``. Descriptions go through the safe Markdown subset of
:mod:`trustcenter.markup`. Nothing here knows about MkDocs; the macros only call it.

Only public facts reach the public templates: the views below hand them public entries,
and no template reads an ``internal`` block. The one exception is
:meth:`Renderer.gated_content`, whose output only ever leaves :meth:`Renderer.gate`
encrypted.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from trustcenter.catalogue import Category, criteria, criteria_of
from trustcenter.filegate import SealedFile, assets_digest
from trustcenter.gate import GateSettings, Holder, seal
from trustcenter.markup import render_inline, render_markdown
from trustcenter.model import (
    AttestationStandard,
    Contact,
    ContactPurpose,
    Control,
    ControlCategory,
    ControlStatus,
    DocumentAccess,
    Framework,
    Opinion,
    Subprocessor,
    SubprocessorChange,
    TrustCenter,
    Visibility,
    slug,
    subprocessor_events,
)
from trustcenter.model.months import iso
from trustcenter.projection import Projection, project
from trustcenter.status import framework_name, long_date
from trustcenter.tables import label_cells
from trustcenter.transfers import regime_words, standing_values, transfer_text, transfers_before

#: Where the build writes each Atom feed, below the site's root.
FEEDS = {
    "attestations": "feeds/attestations.xml",
    "subprocessors": "feeds/subprocessors.xml",
    "updates": "feeds/updates.xml",
}

OPINIONS = {
    Opinion.UNMODIFIED: "Unmodified: the auditor's opinion carries no reservation",
    Opinion.QUALIFIED: "Qualified: the auditor's opinion carries a reservation about "
    "specific matters",
    Opinion.ADVERSE: "Adverse: the auditor found the controls not suitably designed or "
    "not operating effectively",
    Opinion.DISCLAIMER: "Disclaimer: the auditor could not form an opinion",
}

#: The attestation standards, with the AT-C section a SOC 1 (320) or SOC 2/3 (205) uses.
ATTESTATION_STANDARDS = {
    AttestationStandard.SSAE18: "SSAE 18",
    AttestationStandard.SSAE21: "SSAE 21",
    AttestationStandard.ISAE3402: "ISAE 3402",
    AttestationStandard.ISAE3000: "ISAE 3000 (Revised)",
}


@cache
def _environment() -> Environment:
    # Compiled templates are kept between builds by Jinja's own bytecode cache (in the
    # user's temporary folder, created private; an entry is used only while its
    # template's source is unchanged): compiling the 24 templates is ~60 ms a build.
    env = Environment(
        loader=PackageLoader("trustcenter", "templates"),
        bytecode_cache=FileSystemBytecodeCache(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        markdown=render_markdown,
        inline=render_inline,
        long_date=long_date,
        iso=iso,
        slug=slug,
        criteria_list=criteria_list,
    )
    env.globals.update(status_labels=STATUS_LABELS)
    return env


#: Each control status as the tables show it ("in_progress": "In progress").
STATUS_LABELS = {
    status.value: status.value.replace("_", " ").capitalize() for status in ControlStatus
}


@cache
def _criterion_abbrs() -> dict[str, Markup]:
    """Each criterion as a table names it: its identifier, with its topic as the title."""
    return {
        criterion.id: Markup('<abbr title="{}">{}</abbr>').format(criterion.topic, criterion.id)
        for criterion in criteria().values()
    }


def criteria_list(ids: Iterable[str]) -> Markup:
    """``CC6.1, CC6.2``: the criteria ``ids`` named as :func:`_criterion_abbrs` does."""
    abbrs = _criterion_abbrs()
    return Markup(", ").join(abbrs[criterion_id] for criterion_id in ids)


def control_reference(control: Control, href: str | None) -> Markup:
    """A control named in a table: a link to ``href`` (its row), or its identifier alone.

    The control's title shows on hover; without a page to link to, the identifier is an
    ``<abbr>``. Every value is escaped.
    """
    title, name = escape(control.title), escape(control.id)
    if href:
        return Markup(f'<a href="{escape(href)}" title="{title}">{name}</a>')
    return Markup(f'<abbr title="{title}">{name}</abbr>')


def _render(template: str, **context: Any) -> Markup:
    """Render one template into a block of HTML with no blank lines.

    Python-Markdown passes a raw HTML block through untouched only while the block has no
    blank line, so blank lines are dropped (they carry no meaning in HTML).
    """
    html = label_cells(_environment().get_template(template).render(**context))
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


@dataclass(frozen=True)
class Links:
    """URLs of the site's pages relative to the page being rendered.

    ``root`` leads from the current page to the site's root (``../`` from
    ``controls/``); ``pages`` are the pages that exist, so a section never links to a
    page an adopter removed.
    """

    root: str = "./"
    directory_urls: bool = True
    pages: frozenset[str] = frozenset()

    def page(self, name: str, anchor: str = "") -> str | None:
        """The URL of page ``name`` (``controls``), with ``#anchor``, or None without it."""
        if name not in self.pages:
            return None
        path = f"{name}/" if self.directory_urls else f"{name}.html"
        return f"{self.root}{path}" + (f"#{anchor}" if anchor else "")

    def file(self, path: str) -> str:
        """The URL of a file the build writes (``feeds/updates.xml``)."""
        return f"{self.root}{path}"


class Renderer:
    """The public sections of one trust center, as of one build date."""

    def __init__(self, trust_center: TrustCenter, today: dt.date) -> None:
        self.tc = trust_center
        self.today = today
        #: What each attestation stands as today: the one judgement every section reads.
        self.projection = project(trust_center, today)
        self._subprocessors: Markup | None = None

    def _access_contact(self) -> Contact | None:
        return self.tc.company.contact(ContactPurpose.ACCESS_REQUESTS)

    def request_target(self, links: Links | None) -> str | None:
        """Where "Request access" leads on this site (:func:`request_target`)."""
        return request_target(self.tc, self.projection, links)

    def company_intro(self) -> Markup:
        """What the company does, its commitment, and how to reach it."""
        return _render("company_intro.html", company=self.tc.company)

    def contacts(self) -> Markup:
        """The company's contacts as a list of links."""
        return _render("contacts.html", contacts=self.tc.company.contacts)

    def attestation_cards(self, links: Links | None = None) -> Markup:
        """One card per public attestation that is not history, with its standing."""
        return _render(
            "attestation_cards.html",
            cards=self.projection.cards(),
            today=self.today,
            access=self._access_contact(),
            request=self.request_target(links),
            services=self._service_names(),
            entities=self._entity_names(),
            opinions=OPINIONS,
            standards=ATTESTATION_STANDARDS,
            extension_names=extension_names,
            nda=Visibility.NDA,
            public=Visibility.PUBLIC,
        )

    def _service_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.tc.company.system.services if s.id}

    def _entity_names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.tc.company.legal_entities}

    def system_description(self) -> Markup:
        """The SOC 3-style description of the system."""
        return _render("system_description.html", system=self.tc.company.system)

    def criteria_in_scope(self) -> Markup:
        """The five TSC categories, which are in scope today, and of which reports."""
        rows = []
        for category in Category:
            reports = [
                view.title if view.standing.stands else f"{view.title} ({view.label.lower()})"
                for view in self.projection.reports_in_scope(category)
            ]
            rows.append((category, criteria_of(category), reports))
        # The criteria version is said from the data, never typed into a page.
        versions = {
            view.version.label: None
            for category in Category
            for view in self.projection.reports_in_scope(category)
            if view.version is not None
        }
        return _render("criteria_in_scope.html", rows=rows, versions=list(versions))

    def controls_by_category(self) -> Markup:
        """Public controls, grouped under their categories, in the order of the data."""
        groups = _group(self.tc.categories, self.tc.public_controls())
        return _render("controls_by_category.html", groups=groups)

    def controls_summary(self, links: Links) -> Markup:
        """Per category, how many public controls operate, with a link to each group."""
        rows = []
        for category, controls in _group(self.tc.categories, self.tc.public_controls()):
            counts = {s.value: sum(c.status is s for c in controls) for s in ControlStatus}
            rows.append((category, controls, counts))
        return _render("controls_summary.html", rows=rows, links=links)

    def criteria_coverage(self, links: Links) -> Markup:
        """Each criterion of the categories in scope, with the public controls that cover it."""
        # Which controls cover each criterion, from one pass over the controls (not one
        # per criterion), each control once per criterion, in the order of the data;
        # each control named once (control_reference), not once per criterion.
        covering: dict[str, list[Markup]] = {}
        for control in self.tc.public_controls():
            href = links.page("controls", "control-" + slug(control.id))
            reference = control_reference(control, href)
            for criterion_id in dict.fromkeys(control.criteria):
                covering.setdefault(criterion_id, []).append(reference)
        gated = Counter(
            criterion_id
            for control in self.tc.gated_controls()
            for criterion_id in set(control.criteria)
        )
        groups = []
        for category in self.projection.categories_in_scope():
            rows = [
                (criterion, covering.get(criterion.id, []), gated[criterion.id])
                for criterion in criteria_of(category)
            ]
            groups.append((category, rows))
        return _render("criteria_coverage.html", groups=groups)

    def subprocessors(self) -> Markup:
        """The subprocessors engaged on the build date, and when the list last changed.

        Each row says per regime which mechanism covers which destination; its filter
        values are the standing mechanisms with their regime (``EU/EEA: Standard ...``).
        """
        if self._subprocessors is None:  # the same list on every page that shows it
            verify_days = self.tc.settings.thresholds.dpf_verify_days
            rows = []
            for sub in self.tc.current_subprocessors(self.today):
                regimes = regime_words(sub, self.today, verify_days)
                rows.append((sub, regimes, standing_values(regimes)))
            self._subprocessors = _render(
                "subprocessors.html", rows=rows, last_changed=last_changed(self.tc, self.today)
            )
        return self._subprocessors

    def subprocessor_changes(self, links: Links) -> Markup:
        """The notice period, how to follow changes, then upcoming and past changes."""
        events = subprocessor_events(self.tc.subprocessors)
        announced = [e for e in events if (e.announced or e.effective) <= self.today]
        return _render(
            "subprocessor_changes.html",
            notice=self.tc.notice,
            upcoming=[e for e in announced if e.effective > self.today],
            past=[e for e in announced if e.effective <= self.today],
            feed=links.file(FEEDS["subprocessors"]),
            mechanisms_before=self._mechanisms_before,
        )

    def _mechanisms_before(self, sub: Subprocessor, change: SubprocessorChange) -> str:
        """The transfer mechanisms ``sub`` had the day before ``change`` took effect."""
        day = change.effective - dt.timedelta(days=1)
        verify_days = self.tc.settings.thresholds.dpf_verify_days
        return transfer_text(transfers_before(sub, change), day, verify_days)

    def documents(self, links: Links | None = None) -> Markup:
        """Policies and documents, with their version, review date and how to get them.

        A document under NDA shows a lock and a button to the request form (or, on a site
        without one, to the access-request contact).
        """
        request = self.request_target(links)
        return _render("documents.html", documents=self.tc.documents, request=request)

    def faq(self, links: Links) -> Markup:
        """Questions grouped by topic, each with an anchor and its related controls."""
        return _render(
            "faq.html", topics=self.tc.faq, links=links, public=self.tc.public_control_ids()
        )

    def updates(self, links: Links, limit: int | None = None, level: int = 2) -> Markup:
        """Security updates and incident notices, newest first (``limit`` of them).

        Each update is a heading of ``level``: 2 on a page of its own, 3 in a section.
        """
        published = [u for u in self.tc.updates if u.date <= self.today]
        return _render(
            "updates.html",
            updates=published[:limit],
            links=links,
            feed=links.file(FEEDS["updates"]),
            complete=limit is None,
            level=level,
        )

    def reports_overview(self, links: Links | None = None) -> Markup:
        """The public part of the reports page: the reports, their history, access.

        The words name only the reports the data has, and say whether code holders can
        download them here.
        """
        details = self.projection.gated_details()
        return _render(
            "reports_overview.html",
            names=self.projection.gated_report_names(),
            reports=self.projection.gated_reports(),
            history=self.projection.history(),
            access=self._access_contact(),
            request=self.request_target(links),
            downloads=any(v.item.files for v in details),
            all_downloadable=all(v.item.files for v in details),
        )

    def gated_content(self, files: Sequence[SealedFile] = (), root: str = "./") -> Markup:
        """The gated page's plaintext: report details, files and gated controls (only sealed).

        ``files`` are the sealed files (each with its key) and ``root`` leads from the
        gated page to the site's root, where their assets are.
        """
        listed = _file_views(files, root)
        return _render(
            "gated_reports.html",
            reports=self.projection.gated_details(),
            opinions=OPINIONS,
            standards=ATTESTATION_STANDARDS,
            gated_groups=_group(self.tc.categories, self.tc.gated_controls()),
            access=self._access_contact(),
            files=listed,
            documents=[d for d in self.tc.documents if f"document/{d.id}" in listed],
        )

    def gate(
        self, page_path: str, settings: GateSettings, files: Sequence[SealedFile] = ()
    ) -> Markup:
        """The gated content sealed for every active grant, with its files' keys inside.

        Each grant's slot carries its label (or id) and expiry, sealed. Without
        the secret (a preview), a notice instead: the content is not rendered.
        """
        payload = None
        if settings.secret is not None:
            holders = [Holder.of(settings.secret, g) for g in self.tc.active_grants(self.today)]
            root = "../" * page_path.count("/") or "./"
            payload = seal(str(self.gated_content(files, root)), page_path, holders)
        # A digest of the assets' names (it tells nothing, not even how many), so the
        # after-build step can prove it wrote the very files this page lists.
        assets = assets_digest(sealed.asset for sealed in files) if payload and files else ""
        return _render("gate.html", payload=payload, access=self._access_contact(), assets=assets)


def _file_views(files: Sequence[SealedFile], root: str) -> dict[str, list[dict[str, Any]]]:
    """The sealed files by owner (``attestation/<id>``), as the file list shows them."""
    listed: dict[str, list[dict[str, Any]]] = {}
    for sealed in files:
        owner = sealed.file.identity.rsplit("/", 1)[0]
        listed.setdefault(owner, []).append(
            {
                "title": sealed.file.title,
                "name": sealed.file.name,
                "size": sealed.file.size,
                "sha256": sealed.file.sha256,
                "identity": sealed.file.identity,
                "href": f"{root}{sealed.asset}",
                "key": base64.b64encode(sealed.key).decode("ascii"),
            }
        )
    return listed


def _group(
    categories: Iterable[ControlCategory], controls: list[Control]
) -> list[tuple[ControlCategory, list[Control]]]:
    """Each category with its controls, in the order of each; categories without any left out."""
    categories = list(categories)
    members: dict[str, list[Control]] = {cat.id: [] for cat in categories}
    for control in controls:  # one pass, not one per category
        if control.category in members:
            members[control.category].append(control)
    return [(cat, members[cat.id]) for cat in categories if members[cat.id]]


def last_changed(tc: TrustCenter, today: dt.date) -> dt.date | None:
    """The day the subprocessor list last changed, on or before ``today``.

    That is the day the latest addition, removal or change took effect; None for a list
    that never changed.
    """
    days = [e.effective for e in subprocessor_events(tc.subprocessors) if e.effective <= today]
    return max(days, default=None)


def extension_names(extensions: Iterable[Framework]) -> str:
    """``ISO/IEC 27017 and ISO/IEC 27018``: the extensions of one certificate, in words."""
    names = [framework_name(f) for f in extensions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


#: The page with the request form, and the form's anchor on it.
REQUEST_PAGE = "request-access"
REQUEST_ANCHOR = "request-form"


def requestable(trust_center: TrustCenter, projection: Projection) -> list[str]:
    """What a prospect may ask for: the gated reports' titles, then documents under NDA."""
    items = [v.title for v in projection.gated_details()]
    items += [d.title for d in trust_center.documents if d.access is DocumentAccess.NDA]
    return list(dict.fromkeys(items))


def request_target(
    trust_center: TrustCenter, projection: Projection, links: Links | None
) -> str | None:
    """Where every "Request access" link leads, or None when nothing leads anywhere.

    The form (``request-access/#request-form``) when the site has the page and the form
    is on it (``request_access`` is set and something can be requested); else the
    access-request contact's address (which falls back to the security contact, always
    present in valid data); else the request page itself, when the site has it.
    One rule for the hero, the cards, the documents and the reports page, so no link
    names an anchor the page does not have.
    """
    settings = trust_center.company.request_access
    if links is not None and settings is not None and requestable(trust_center, projection):
        form = links.page(REQUEST_PAGE, REQUEST_ANCHOR)
        if form is not None:
            return form
    contact = trust_center.company.contact(ContactPurpose.ACCESS_REQUESTS)
    if contact is not None:
        return contact.url
    return links.page(REQUEST_PAGE) if links is not None else None
