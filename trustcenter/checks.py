"""Rules that relate several values, entries or files, and the date-dependent warnings.

Each check returns problems pinned to the key or value that breaks the rule. Errors make
the data unusable; warnings (a stale report, a short period) are shown and only fail a
build under ``--strict``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from trustcenter.catalogue import criteria_of
from trustcenter.model import (
    Attestation,
    ChangeNotice,
    Company,
    ContactPurpose,
    Control,
    ControlCategory,
    ControlVisibility,
    Document,
    DocumentAccess,
    EventKind,
    Grant,
    Model,
    SecurityTxt,
    Subprocessor,
    SubprocessorEvent,
    Thresholds,
    Topic,
    Update,
    UpdateKind,
    Visibility,
    slug,
    subprocessor_events,
)
from trustcenter.problems import Problem, Severity
from trustcenter.status import Standing, long_date, title
from trustcenter.yamlsource import SourceFile


class Checker:
    """Runs the checks over validated entries, turning findings into located problems."""

    def __init__(
        self,
        sources: dict[str, SourceFile],
        today: dt.date,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.sources = sources
        self.today = today
        #: When warnings start (data/settings.yml, see trustcenter.settings).
        self.thresholds = thresholds or Thresholds()
        self.problems: list[Problem] = []

    def report(
        self,
        entry: Model,
        field: Sequence[str | int],
        message: str,
        *,
        rule: str,
        hint: str = "",
        warning: bool = False,
        at_key: bool = False,
    ) -> None:
        """Record a problem at ``field`` of ``entry``, which the loader marked with its source.

        ``rule`` is the problem's id in :mod:`trustcenter.rules`.
        """
        assert entry._source is not None, "entries are marked with their source when loaded"
        name, loc = entry._source
        severity = Severity.WARNING if warning else Severity.ERROR
        self.problems.append(
            self.sources[name].problem(
                (*loc, *field),
                message,
                hint=hint,
                severity=severity,
                at_key=at_key,
                rule=rule,
            )
        )

    # --- across entries ---------------------------------------------------------------

    def unique_ids(self, entries: Iterable[Any], what: str) -> None:
        """Every entry of a list has its own id, and its own link anchor.

        Ids that differ only in case or punctuation (``GOV-01``, ``gov.01``) make the
        same anchor, so they count as the same id.
        """
        seen: dict[str, Any] = {}
        for entry in entries:
            key = slug(entry.id)
            if key in seen:
                first_entry = seen[key]
                first = first_entry._source
                line = self.sources[first[0]].position((*first[1], "id")) if first else None
                where = f" (first used at line {line.line})" if line else ""
                same = (
                    ""
                    if first_entry.id == entry.id
                    else (f"; it makes the same link as '{first_entry.id}'")
                )
                self.report(
                    entry,
                    ["id"],
                    f"duplicate {what} id '{entry.id}'{where}{same}",
                    hint="give each entry its own id; ids make stable links",
                    rule="duplicate-id",
                )
            else:
                seen[key] = entry

    def control_categories(
        self,
        controls: Iterable[Control],
        categories: Sequence[ControlCategory],
        written: Iterable[str] = (),
    ) -> None:
        """Every control names a category defined under ``categories:``.

        ``written`` adds the ids of category entries that failed validation (and were
        reported already), so that their controls are not reported a second time.
        """
        known = [c.id for c in categories]
        allowed = set(known) | set(written)
        for control in controls:
            if control.category not in allowed:
                close = difflib.get_close_matches(control.category, known, n=1, cutoff=0.6)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else ("expected one of: " + ", ".join(known))
                )
                self.report(
                    control,
                    ["category"],
                    f"unknown control category '{control.category}'",
                    hint=hint,
                    rule="unknown-category",
                )

    def company(self, company: Company) -> None:
        """The company can be reached about security."""
        if not any(c.purpose is ContactPurpose.SECURITY for c in company.contacts):
            self.report(
                company,
                ["contacts"],
                "expected a contact with 'purpose: security'",
                hint="security reviewers and researchers need a way to reach you",
                rule="security-contact",
            )

    def grant(self, grant: Grant) -> None:
        """Warn about a grant that no longer opens the gated page, or soon will not."""
        days = (grant.expires - self.today).days
        if days < 0:
            self.report(
                grant,
                ["expires"],
                f"access grant '{grant.id}' expired on {long_date(grant.expires)}; "
                "its code no longer opens the gated page",
                hint="remove the grant, or extend 'expires' if access should continue",
                warning=True,
                rule="grant-expired",
            )
        elif days <= self.thresholds.grant_warn_days:
            self.report(
                grant,
                ["expires"],
                f"access grant '{grant.id}' expires on {long_date(grant.expires)}, "
                f"in {days} day(s); its code stops working at the first build after",
                hint="extend 'expires' if the recipient still needs access",
                warning=True,
                rule="grant-expiring",
            )

    # --- subprocessors, documents, FAQ, updates, security.txt ---------------------------

    def subprocessor_history(
        self, subprocessors: Sequence[Subprocessor], notice: ChangeNotice | None
    ) -> None:
        """Dates of a subprocessor's history are in order and respect the notice period."""
        for sub in subprocessors:
            if sub.removed is not None and sub.removed <= sub.added:
                self.report(
                    sub,
                    ["removed"],
                    f"expected 'removed' after 'added' ({sub.added.isoformat()}), "
                    f"found {sub.removed.isoformat()}",
                    rule="date-order",
                )
            if sub.removal_announced is not None and sub.removed is None:
                self.report(
                    sub,
                    ["removal_announced"],
                    "'removal_announced' without 'removed': expected the date the "
                    "removal takes effect",
                    hint="add 'removed:' with that date",
                    rule="removal-date-missing",
                )
        floor = self.thresholds.notice_days_floor
        if notice is not None and notice.days < floor:
            self.report(
                notice,
                ["days"],
                f"the notice period is {notice.days} days, under the {floor} days set as "
                "the floor in data/settings.yml",
                hint="check the notice period your DPA promises",
                warning=True,
                rule="notice-below-floor",
            )
        for event in subprocessor_events(list(subprocessors)):
            self._announcement(event, notice)

    def _announcement(self, event: SubprocessorEvent, notice: ChangeNotice | None) -> None:
        if event.kind is EventKind.LAPSED:
            return  # a lapsed DPF listing is not the company's choice: no notice applies
        where = (
            ("announced",)
            if event.kind is EventKind.ADDED
            else (
                ("removal_announced",)
                if event.kind is EventKind.REMOVED
                else (*event.field, "announced")
            )
        )
        if event.announced is not None and event.announced > event.effective:
            self.report(
                event.subprocessor,
                where,
                f"announced on {long_date(event.announced)}, after the change took "
                f"effect on {long_date(event.effective)}",
                rule="date-order",
            )
            return
        if notice is None or (notice.since is not None and event.effective < notice.since):
            return
        if event.announced is None:
            if notice.since is not None:
                self.report(
                    event.subprocessor,
                    event.field,
                    f"a change effective {long_date(event.effective)} has no "
                    f"announcement date; the notice period is {notice.days} days",
                    hint="add the date it was announced",
                    warning=True,
                    rule="announcement-missing",
                )
            return
        given = (event.effective - event.announced).days
        if given < notice.days:
            self.report(
                event.subprocessor,
                where,
                f"{event.summary} takes effect {given} day(s) after it was announced, "
                f"sooner than the {notice.days}-day notice period",
                hint="move the effective date, or record the customers' consent",
                warning=True,
                rule="notice-too-short",
            )

    def document(self, document: Document) -> None:
        """A document's access and review date make sense on the build date."""
        if document.access is DocumentAccess.PUBLIC and document.url is None:
            self.report(
                document,
                ["access"],
                "expected 'url' for a public document",
                hint="add the link, or set 'access: nda'",
                rule="document-url-missing",
            )
        if document.access is DocumentAccess.NDA and document.url is not None:
            self.report(
                document,
                ["url"],
                "an NDA document has no public 'url'",
                hint="remove 'url'; readers get a request-access link instead",
                rule="document-nda-url",
            )
        if document.last_reviewed > self.today:
            self.report(
                document,
                ["last_reviewed"],
                f"expected a review date on or before the build date "
                f"({self.today.isoformat()}), found {document.last_reviewed}",
                rule="date-order",
            )
        elif (self.today - document.last_reviewed).days > self.thresholds.document_review_days:
            self.report(
                document,
                ["last_reviewed"],
                f"'{document.title}' was last reviewed on "
                f"{long_date(document.last_reviewed)}, "
                + (
                    "more than a year ago"
                    if self.thresholds.document_review_days == 365
                    else f"more than {self.thresholds.document_review_days} days ago"
                ),
                hint="review it and update 'last_reviewed' and 'version'",
                warning=True,
                rule="review-overdue",
            )

    def faq_links(
        self, topics: Sequence[Topic], controls: Sequence[Control], written: Iterable[str] = ()
    ) -> None:
        """An answer links only to controls that exist and are public.

        ``written`` are the ids of control entries that failed validation (reported
        already): a link to one of them is not reported a second time.
        """
        by_id = {c.id: c for c in controls}
        public = [c.id for c in controls if c.visibility is ControlVisibility.PUBLIC]
        skip = set(written) - set(by_id)
        for topic in topics:
            for question in topic.questions:
                for index, control_id in enumerate(question.controls):
                    control = by_id.get(control_id)
                    if control is None and control_id in skip:
                        continue
                    if control is None:
                        close = difflib.get_close_matches(control_id, public, n=1)
                        self.report(
                            question,
                            ["controls", index],
                            f"unknown control '{control_id}'",
                            hint=f"did you mean '{close[0]}'?" if close else "",
                            rule="faq-unknown-control",
                        )
                    elif control.visibility is not ControlVisibility.PUBLIC:
                        self.report(
                            question,
                            ["controls", index],
                            f"control '{control_id}' is {control.visibility.value}: "
                            "a public answer cannot link to it",
                            rule="faq-hidden-control",
                        )

    def update(self, update: Update) -> None:
        """An incident or vulnerability says how severe it is; dates are in order."""
        if update.kind.needs_severity and update.severity is None:
            self.report(
                update,
                ["kind"],
                f"expected 'severity' (low, medium, high or critical) for an "
                f"{update.kind.value} notice"
                if update.kind is UpdateKind.INCIDENT
                else "expected 'severity' (low, medium, high or critical) for a "
                f"{update.kind.value} notice",
                rule="severity-missing",
            )
        if update.resolved is not None and update.resolved < update.date:
            self.report(
                update,
                ["resolved"],
                f"expected 'resolved' on or after the date ({update.date.isoformat()})"
                f", found {update.resolved.isoformat()}",
                rule="date-order",
            )

    def security_txt(self, fields: SecurityTxt) -> None:
        """RFC 9116 section 2.5.5: an Expires ahead, less than a year ahead.

        The URI schemes of each field are the model's (``model/security_txt.py``).
        """
        days = (fields.expires - self.today).days
        if days < 0:
            self.report(
                fields,
                ["expires"],
                f"security.txt expired on {long_date(fields.expires)}; a stale file "
                "must not be used",
                hint="review the file and set a new date less than a year ahead",
                rule="security-txt-expired",
            )
        elif days <= self.thresholds.security_txt_warn_days:
            self.report(
                fields,
                ["expires"],
                f"security.txt expires in {days} day(s), on {long_date(fields.expires)}",
                hint="review the file and set a new date less than a year ahead",
                warning=True,
                rule="security-txt-expiring",
            )
        elif days > 365:
            self.report(
                fields,
                ["expires"],
                f"'expires' is {days} days ahead; RFC 9116 recommends less than a year",
                warning=True,
                rule="security-txt-expires-far",
            )

    def security_txt_address(self, fields: SecurityTxt, site_url: str) -> None:
        """security.txt is served where RFC 9116 says, and its Canonical names that place.

        ``site_url`` is the site's address (``mkdocs.yml``), ending in ``/``. The build
        writes the file to ``<site_url>.well-known/security.txt``. RFC 9116 section 3
        has clients look for it at the host's root only, so a site under a path
        (``https://org.github.io/trust-center/``) gets a warning; and section 2.5.2
        wants Canonical to list the URI the file is served at.
        """
        served = site_url.rstrip("/") + "/.well-known/security.txt"
        parts = urlsplit(served)
        root = f"{parts.scheme}://{parts.netloc}/.well-known/security.txt"
        if served != root:
            self.report(
                fields,
                ["contact"],
                f"site_url {site_url} has a path, so security.txt is written to {served}; "
                f"RFC 9116 has clients look only at {root}, where no one will find it",
                hint=(
                    "serve the site at a custom domain, or publish /.well-known/security.txt "
                    "from the root site of the host; see handbook/security-txt.md"
                ),
                warning=True,
                at_key=True,
                rule="security-txt-not-at-root",
            )
        if served not in fields.canonical:
            listed = ", ".join(fields.canonical) or "nothing"
            self.report(
                fields,
                ["canonical"] if fields.canonical else ["contact"],
                f"expected 'canonical' to list {served}, where this build serves "
                f"security.txt (RFC 9116, section 2.5.2); it lists {listed}",
                hint=f"add '- {served}' under 'canonical:'",
                warning=True,
                at_key=True,
                rule="security-txt-canonical",
            )

    def coverage(self, attestations: Sequence[Attestation], controls: Sequence[Control]) -> None:
        """Warn about a criterion in scope that no control maps to.

        Only reports that count today (the projection's "in scope") are looked at.
        """
        from trustcenter.projection import judge  # the one judgement of standing

        mapped = {criterion for control in controls for criterion in control.criteria}
        warned: set[str] = set()
        in_scope = (Standing.CURRENT, Standing.EXPIRING, Standing.IN_PROGRESS, Standing.PLANNED)
        expiring_days = self.thresholds.attestation_expiring_days
        for view in judge(attestations, self.today, expiring_days=expiring_days):
            item = view.item
            if (
                not item.framework.uses_criteria
                or item.visibility is Visibility.INTERNAL
                or view.standing not in in_scope
            ):
                continue
            for category in item.categories:
                missing = [
                    c.id for c in criteria_of(category) if c.id not in mapped and c.id not in warned
                ]
                if missing:
                    warned.update(missing)
                    self.report(
                        item,
                        ["categories"],
                        f"no control maps to {', '.join(missing)}, in the scope of "
                        f"{title(item)} ({category.label})",
                        hint="map a control to each criterion in scope",
                        warning=True,
                        rule="coverage-gap",
                    )
