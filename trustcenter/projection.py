"""One projection of the trust center on a build date: what is public, and what stands.

Every page, trust.json, the Atom feeds, the badges, ``trustcenter diff`` and the
freshness checks read the standing of an attestation from here, so they cannot disagree.

The rules, in the order they are applied to one attestation (each with its source in the
frameworks catalogue, :mod:`trustcenter.catalogue.frameworks`):

1. ``status`` planned, in progress or withdrawn is that standing.
2. **Supersession.** Two attestations belong to the *same programme* when they have the
   same ``framework``, the same kind of assurance (where the framework has several) and
   the same ``programme`` (empty unless written): see :func:`programme_key`. Within a
   programme, an issued attestation whose reference date (a SOC report's period end or
   "as of" date, otherwise its date of issue) is later supersedes every earlier one,
   whatever their type (a Type 2 supersedes the Type 1 before it), from the day it was
   issued. A superseded attestation is history: no card among the current ones, nothing
   "in scope today", no freshness warning.
3. An alignment (HIPAA, GDPR, NIST CSF with no third party) is "aligned, not certified".
4. A closed programme (PA-DSS) or a version whose retirement *invalidates* attestations
   made against it (ISO/IEC 27001:2013 after 31 October 2025) is "retired version" from
   that day, unless it had expired by its own rule before.
5. The framework's validity rule gives the last day it is current; within
   ``attestation_expiring_days`` (default 90) of that day it is "expiring soon", after it "expired".
   A framework with no confirmed rule is "not judged", with a warning, never current.
6. **Bridge letters** (SOC 1 and SOC 2, frameworks.md §1.3 and §13): a report stays
   current through the day the latest valid bridge letter covers, when that is later
   than its 12 months (valid: issued by the build date, on or after the period's end,
   covering a day after it; :func:`bridge_letter_through`). The day a letter covers
   through is public (the standing depends on it, and dates of coverage are not
   confidential); the letter itself, who signed it and when, stays on the gated page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from trustcenter.catalogue import Category
from trustcenter.catalogue.frameworks import (
    AssuranceKind,
    FrameworkEntry,
    RetirementEffect,
    ValidityRule,
    Version,
)
from trustcenter.catalogue.frameworks import framework as catalogue_framework
from trustcenter.model import (
    Attestation,
    AttestationStatus,
    BridgeLetter,
    FedrampDesignation,
    Framework,
    TrustCenter,
    Visibility,
)
from trustcenter.status import (
    Standing,
    add_months,
    deadline,
    framework_name,
    kind_of,
    long_date,
    on_date,
    reference_date,
    title,
)

#: How many days before the end of its currency a card says "expiring soon", unless
#: ``thresholds.attestation_expiring_days`` in ``data/settings.yml`` says otherwise.
DEFAULT_EXPIRING_DAYS = 90
#: The frameworks whose details the gated page describes (restricted-use SOC reports).
GATED_FRAMEWORKS = (Framework.SOC1, Framework.SOC2)


@dataclass(frozen=True)
class Finding:
    """Something the checks report about an attestation's standing (always a warning)."""

    field: tuple[str | int, ...]
    message: str
    hint: str
    #: Its id in :mod:`trustcenter.rules`.
    rule: str


@dataclass(frozen=True)
class AttestationView:
    """One attestation as the site tells it on the build date.

    ``since`` is the day the standing began (when known), ``changes_on`` the day it will
    change to ``next_standing`` if the data stays as it is.
    """

    item: Attestation
    standing: Standing
    title: str
    kind: AssuranceKind
    kind_text: str
    summary: str
    reason: str
    label: str
    current_until: dt.date | None
    since: dt.date | None
    changes_on: dt.date | None
    next_standing: Standing | None
    programme: str
    version: Version | None
    superseded_by: str | None = None
    #: True when ``version`` was inferred from the date (the data does not record it).
    version_inferred: bool = False

    @property
    def version_note(self) -> str:
        """The sentence a card adds after its summary when the version label is jargon.

        ``The CAIQ is the Cloud Security Alliance's questionnaire ...``: from the
        catalogue's one-line description; empty when the label speaks for itself.
        """
        return self.version.description if self.version else ""

    #: The last day the latest valid bridge letter covers (public; the letter is gated).
    bridge_letter_through: dt.date | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def id(self) -> str:
        """The attestation's id."""
        return self.item.id

    @property
    def public(self) -> bool:
        """True when the public site lists it (anything not marked internal)."""
        return self.item.visibility is not Visibility.INTERNAL

    @property
    def history(self) -> bool:
        """True for the record only: superseded, or archived once it no longer stands."""
        return self.standing is Standing.SUPERSEDED or (
            self.item.archived and not self.standing.stands
        )

    @property
    def self_assessed(self) -> bool:
        """True for a self-assessment: nobody independent looked."""
        return self.kind is AssuranceKind.SELF_ASSESSMENT

    @property
    def badge_class(self) -> str:
        """The CSS modifier of its status badge: the standing, or ``self``.

        A self-assessment that stands never gets the green of an independent one.
        """
        return "self" if self.self_assessed and self.standing.stands else self.standing.value


def programme_key(item: Attestation) -> str:
    """``soc2``, ``soc2/payments``, ``csa_star:self_assessment``: an attestation's programme.

    The framework, then the kind of assurance where the framework has several (a CSA
    STAR Level 1 self-assessment is not replaced by a Level 2 attestation, nor a PCI DSS
    self-assessment questionnaire by a Report on Compliance), then ``programme``.
    """
    key = item.framework.value
    if len(catalogue_framework(key).kinds) > 1:
        key += f":{kind_of(item).value}"
    return key + (f"/{item.programme}" if item.programme else "")


def _ordering_date(item: Attestation) -> dt.date | None:
    return reference_date(item) or item.issued


def _successor(item: Attestation, items: Sequence[Attestation]) -> Attestation | None:
    """The earliest later issued attestation of the same programme, if any."""
    mine = _ordering_date(item)
    if mine is None or item.status is not AttestationStatus.ISSUED:
        return None
    later = [
        other
        for other in items
        if other is not item
        and other.status is AttestationStatus.ISSUED
        and programme_key(other) == programme_key(item)
        and (theirs := _ordering_date(other)) is not None
        and theirs > mine
    ]
    return min(later, key=lambda o: (_ordering_date(o), o.id), default=None)


def _designation_standing(
    item: Attestation, entry: FrameworkEntry, name: str, today: dt.date
) -> _Judgement:
    """FedRAMP Ready or In Process: never an authorization, never current (§4).

    Ready moved to legacy on 28 July 2026 (the catalogue's ``retired``): from that day
    it is a retired designation, with a warning.
    """
    assert item.designation is not None
    designation = entry.designation(item.designation.value)
    assert designation is not None
    if item.designation is FedrampDesignation.IN_PROCESS:
        return _Judgement(
            Standing.IN_PROGRESS,
            f"Listed as In Process on the FedRAMP Marketplace: {designation.description}.",
            since=item.issued,
        )
    retired = designation.retired
    if retired is not None and today >= retired:
        return _Judgement(
            Standing.RETIRED,
            f"{designation.label} became a legacy designation on {long_date(retired)}; "
            "it was never an authorization.",
            since=retired,
            findings=[
                Finding(
                    ("designation",),
                    f"{name} is listed as FedRAMP Ready, a legacy designation since "
                    f"{long_date(retired)} (build date {today.isoformat()})",
                    "record the authorization or certification when it is granted, or set "
                    "'archived: true' to keep the listing for the record",
                    "attestation-retired",
                )
            ],
        )
    return _Judgement(
        Standing.READY,
        f"{designation.label}: {designation.description}.",
        since=item.issued,
        changes_on=retired,
        next_standing=Standing.RETIRED if retired else None,
    )


def bridge_letter_through(item: Attestation, today: dt.date) -> dt.date | None:
    """The last day the latest valid bridge letter of ``item`` covers, or None.

    A letter counts when its framework takes bridge letters (SOC 1, SOC 2: the
    catalogue's ``bridge_letters``), it was issued by ``today``, on or after the
    report's period end (or "as of" date), and it covers a day after that
    (frameworks.md §1.3). A letter that breaks the last two is a located error
    (``bridge-letter-dates``) and never counts.
    """
    letter = _bridge_letter(item, today)
    return letter.covers_through if letter else None


def _retired_version_text(
    entry: FrameworkEntry, version: Version | None, inferred: bool, today: dt.date
) -> str:
    """`` It was made against PCI DSS v3.2.1, retired on 31 March 2024: ...``, or nothing.

    Said of an expired attestation whose version no new attestation can use any more
    (frameworks.md §3: renewed only on the current version).
    """
    if version is None or version.retired is None or today < version.retired:
        return ""
    assert version.last_day is not None
    text = f" It was made against {version_text(version, inferred)}, retired on "
    text += f"{long_date(version.last_day)}"
    now = entry.versions_on(today) or tuple(
        v for v in entry.versions if v.retired is None or today < v.retired
    )
    if now:
        text += f"; a renewal is made against {' or '.join(v.label for v in now)}"
    return text + "."


def _bridge_letter(item: Attestation, today: dt.date) -> BridgeLetter | None:
    entry = catalogue_framework(item.framework.value)
    ref = reference_date(item)
    if ref is None or item.gated is None or not entry.validity_of(kind_of(item)).bridge_letters:
        return None
    valid = [
        letter
        for letter in item.gated.bridge_letters
        if ref <= letter.issued <= today and letter.covers_through > ref
    ]
    return max(valid, key=lambda letter: (letter.covers_through, letter.issued), default=None)


def _validity_end(
    item: Attestation, entry: FrameworkEntry, kind: AssuranceKind
) -> tuple[ValidityRule, dt.date | None]:
    """The rule that judges ``item`` and the last day it is current under it."""
    rule = entry.validity_of(kind)
    if rule.rule is ValidityRule.AFTER_REFERENCE:
        ref = reference_date(item)
        return rule.rule, add_months(ref, rule.months or 12) if ref else None
    if rule.rule is ValidityRule.AFTER_ISSUED:
        return rule.rule, add_months(item.issued, rule.months or 12) if item.issued else None
    if rule.rule is ValidityRule.EXPIRY:
        return rule.rule, item.expires
    if rule.rule is ValidityRule.NONE_CONFIRMED and item.expires is not None:
        return ValidityRule.EXPIRY, item.expires
    return rule.rule, None


def attestation_version(item: Attestation) -> tuple[Version | None, bool]:
    """The standard version ``item`` was made against, and whether it was inferred.

    As recorded in ``standard_version``; otherwise, for an issued attestation whose date
    (a report's period end or "as of" date, else its date of issue) allows exactly one
    version of the catalogue (:meth:`FrameworkEntry.versions_on`: a PCI DSS AOC of
    January 2019 can only be v3.2.1), that version, inferred. Where two were possible,
    or the catalogue cannot tell, None: the site never guesses.
    """
    entry = catalogue_framework(item.framework.value)
    if item.standard_version:
        return entry.version(item.standard_version), False
    made = reference_date(item) or item.issued
    if item.status is not AttestationStatus.ISSUED or made is None:
        return None, False
    possible = entry.versions_on(made)
    if possible is not None and len(possible) == 1:
        return possible[0], True
    return None, False


def version_text(version: Version, inferred: bool) -> str:
    """``PCI DSS v3.2.1``, with ``(inferred from the date of the attestation)`` if so."""
    return version.label + (" (inferred from the date of the attestation)" if inferred else "")


def _retirement(
    item: Attestation, entry: FrameworkEntry, version: Version | None
) -> tuple[dt.date, str] | None:
    """The day ``item`` stops being valid because its version or programme retired."""
    if entry.closed is not None:
        return entry.closed, f"the {entry.name} programme closed on {long_date(entry.closed)}"
    if version and version.retired and version.effect is RetirementEffect.INVALIDATES:
        assert version.last_day is not None
        return version.retired, f"{version.label} was retired on {long_date(version.last_day)}"
    return None


def _kind_text(item: Attestation, kind: AssuranceKind, entry: FrameworkEntry, company: str) -> str:
    by = f" ({item.auditor})" if item.auditor else ""
    if kind is AssuranceKind.EXAMINATION:
        if item.framework.is_soc:
            return f"Attestation report by an independent CPA firm{by}"
        if item.framework is Framework.PCI_DSS:
            return f"Assessed by a Qualified Security Assessor{by}: Report on Compliance"
        return f"Independent examination{by}"
    if kind is AssuranceKind.CERTIFICATION:
        text = f"Certificate issued by {item.auditor}" if item.auditor else "Certification"
        if item.accreditation_body:
            text += f", accredited by {item.accreditation_body}"
        return text
    if kind is AssuranceKind.AUTHORIZATION:
        return _authorization_text(item, entry)
    if kind is AssuranceKind.SELF_ASSESSMENT:
        return f"Self-assessment by {company}: no auditor or assessor reviewed it"
    if kind is AssuranceKind.ASSESSMENT:
        text = f"Assessed by {item.auditor}" if item.auditor else "Third-party assessment"
        if item.issued:
            text += f" {on_date(item.issued)}"
        if entry.no_certification:
            text += f"; no certification exists for {entry.name}"
        return text
    return f"Aligned with {entry.name}: a statement by {company}, not an audit"


def _authorization_text(item: Attestation, entry: FrameworkEntry) -> str:
    """``FedRAMP Authorized, Moderate impact level; authorized by X; assessed by Y (3PAO)``.

    Worded by the Marketplace designation (frameworks.md §4): only "Authorized" and
    "Certified" say who authorized; "Ready" and "In Process" say they are not
    authorizations. Never "certified ATO": an ATO is each agency's own decision.
    """
    designation = entry.designation(item.designation.value) if item.designation else None
    assessor = f"{item.auditor}, the independent assessor (3PAO)" if item.auditor else ""
    if designation is None:  # an authorization of another framework, or none given
        text = (
            f"Authorization granted by {item.authorized_by}"
            if item.authorized_by
            else "Authorization"
        )
        return text + (f"; assessed by {assessor}" if assessor else "")
    text = designation.label
    if item.certification_class is not None:
        text += f", Class {item.certification_class.value}"
        explained = entry.classes.get(item.certification_class.value)
        if explained:
            text += f" ({explained})"
    elif item.impact_level is not None:
        text += f", {_impact_level(item)} impact level"
    if item.path is not None:
        text += f", {'FedRAMP 20x' if item.path.value == '20x' else 'Rev5'} path"
    if item.designation in (FedrampDesignation.READY, FedrampDesignation.IN_PROCESS):
        text += f": {designation.description}"
        if item.designation is FedrampDesignation.READY and assessor:
            text += f"; readiness assessed by {assessor}"
        return text
    if item.authorized_by:
        verb = "certified" if item.designation is FedrampDesignation.CERTIFIED else "authorized"
        text += f"; {verb} by {item.authorized_by}"
    if assessor:
        text += f"; assessed by {assessor}"
    return text


def _impact_level(item: Attestation) -> str:
    """``Moderate``, ``Low (LI-SaaS)``: an impact level in a buyer's words."""
    if item.impact_level is None:
        return ""
    if item.impact_level.value == "li_saas":
        return "Low (LI-SaaS)"
    return item.impact_level.value.capitalize()


def _summary(
    item: Attestation, standing: Standing, version: Version | None, inferred: bool = False
) -> str:
    parts: list[str] = []
    if standing in (Standing.PLANNED, Standing.IN_PROGRESS):
        if item.expected:
            parts.append(f"expected by {item.expected:%B %Y}")
    elif item.period is not None:
        parts.append(f"period {long_date(item.period.start)} to {long_date(item.period.end)}")
    elif item.as_of is not None:
        parts.append(f"as of {long_date(item.as_of)}")
    if version is not None:
        parts.append(version_text(version, inferred))
    if standing not in (Standing.PLANNED, Standing.IN_PROGRESS):
        if item.certificate_number:
            parts.append(f"certificate {item.certificate_number}")
        if item.issued is not None and kind_of(item) is AssuranceKind.ASSESSMENT:
            pass  # the kind of assurance says who assessed it, and when
        elif item.issued is not None and item.designation is not None:
            verb = {
                FedrampDesignation.AUTHORIZED: "authorized",
                FedrampDesignation.CERTIFIED: "certified",
            }.get(item.designation, "listed")
            parts.append(f"{verb} {long_date(item.issued)}")
        elif item.issued is not None and not item.framework.is_soc:
            parts.append(f"issued {long_date(item.issued)}")
        elif item.issued is not None:
            parts.append(f"report dated {long_date(item.issued)}")
    return ", ".join(parts)


def _label(standing: Standing, kind: AssuranceKind, item: Attestation) -> str:
    if item.designation is FedrampDesignation.IN_PROCESS and standing is Standing.IN_PROGRESS:
        return "In process, not authorized"
    if item.designation is FedrampDesignation.READY and standing is Standing.RETIRED:
        return "Retired designation"
    if kind is AssuranceKind.SELF_ASSESSMENT and standing.stands:
        return (
            "Self-assessed, current"
            if standing is Standing.CURRENT
            else ("Self-assessed, expiring soon")
        )
    return standing.label


@dataclass
class _Judgement:
    standing: Standing
    reason: str
    current_until: dt.date | None = None
    since: dt.date | None = None
    changes_on: dt.date | None = None
    next_standing: Standing | None = None
    superseded_by: str | None = None
    #: The report's own last day when a bridge letter keeps it current beyond it.
    bridged_from: dt.date | None = None
    findings: list[Finding] = field(default_factory=list)


def _judge_one(
    item: Attestation,
    items: Sequence[Attestation],
    today: dt.date,
    company: str,
    expiring_days: int,
) -> _Judgement:
    """The standing of ``item``, and the first later day it changes with the data as is.

    Besides the day its own rule gives, a standing changes the day a later report of
    the programme is issued (superseded) or a bridge letter dated ahead is issued: each
    such day is judged as a build date would be, and the first whose standing differs
    is the one announced.
    """
    judgement = _judge_standing(item, items, today, company, expiring_days)
    if judgement.standing is Standing.WITHDRAWN:
        return judgement
    successor = _successor(item, items)
    days = {d for d in (judgement.changes_on,) if d is not None}
    if successor is not None and successor.issued is not None and successor.issued > today:
        days.add(successor.issued)
    if item.gated is not None:
        days.update(b.issued for b in item.gated.bridge_letters if b.issued > today)
    seen: set[dt.date] = set()
    while days:
        day = min(days)
        days.discard(day)
        seen.add(day)
        later = _judge_standing(item, items, day, company, expiring_days)
        if later.standing is not judgement.standing:
            judgement.changes_on, judgement.next_standing = day, later.standing
            return judgement
        if later.changes_on is not None and later.changes_on not in seen:
            days.add(later.changes_on)
    judgement.changes_on = judgement.next_standing = None
    return judgement


def _judge_standing(
    item: Attestation,
    items: Sequence[Attestation],
    today: dt.date,
    company: str,
    expiring_days: int,
) -> _Judgement:
    entry = catalogue_framework(item.framework.value)
    kind = kind_of(item)
    name = title(item)
    if item.status is AttestationStatus.WITHDRAWN:
        return _Judgement(Standing.WITHDRAWN, f"{name} was withdrawn: it no longer stands.")
    if item.status in (AttestationStatus.PLANNED, AttestationStatus.IN_PROGRESS):
        planned = item.status is AttestationStatus.PLANNED
        # The summary says when it is expected; the standing line says only where it is.
        words = "Planned" if planned else "Under way"
        judgement = _Judgement(
            Standing.PLANNED if planned else Standing.IN_PROGRESS, words + ": not issued yet."
        )
        if item.expected is not None and deadline(item.expected) < today:
            judgement.findings.append(
                Finding(
                    ("expected",),
                    f"the expected date {long_date(item.expected)} has passed "
                    f"(build date {today.isoformat()})",
                    "update 'expected', or the status if the report is out",
                    "expected-date-passed",
                )
            )
        return judgement
    successor = _successor(item, items)
    if successor is not None and successor.issued is not None and successor.issued <= today:
        return _Judgement(
            Standing.SUPERSEDED,
            f"Superseded by the later {title(successor)} issued on "
            f"{long_date(successor.issued)}; kept as history.",
            since=successor.issued,
            superseded_by=successor.id,
        )
    if kind is AssuranceKind.ALIGNMENT:
        return _Judgement(
            Standing.ALIGNED,
            f"No certification exists for {entry.name}, and no third party assessed "
            "this programme.",
        )
    if item.designation in (FedrampDesignation.READY, FedrampDesignation.IN_PROCESS):
        return _designation_standing(item, entry, name, today)
    rule, until = _validity_end(item, entry, kind)
    version, inferred = attestation_version(item)
    retirement = _retirement(item, entry, version)
    letter = _bridge_letter(item, today)
    bridge = letter.covers_through if letter else None
    bridged_from = None
    if letter is not None and until is not None and letter.covers_through > until:
        bridged_from, until = until, letter.covers_through
    # The last day it is current, and what it becomes the day after.
    end, after = until, Standing.EXPIRED
    if retirement is not None and (end is None or retirement[0] <= end):
        end, after = retirement[0] - dt.timedelta(days=1), Standing.RETIRED
    if end is None:
        if rule is ValidityRule.UNTIL_WITHDRAWN:
            return _Judgement(
                Standing.CURRENT,
                f"Stands until it is withdrawn: {entry.name} has no printed expiry.",
                since=item.issued,
            )
        if rule is ValidityRule.NONE and kind is AssuranceKind.ASSESSMENT:
            return _Judgement(
                Standing.ASSESSED,
                f"{entry.name} has no certification, so nothing makes the assessment "
                "current or expired: check its date.",
                since=item.issued,
            )
        on = f" {on_date(item.issued)}" if item.issued else ""
        return _Judgement(
            Standing.NOT_JUDGED,
            f"Issued{on}; no rule we know says how long it stands: ask {company} whether "
            "it is current.",
            since=item.issued,
            # A rule whose date is missing is a data error reported by the checks.
            findings=[]
            if rule not in (ValidityRule.NONE, ValidityRule.NONE_CONFIRMED)
            else [
                Finding(
                    ("framework",),
                    f"no rule says how long {name} stands, so the site calls it 'not "
                    "judged', never current",
                    "add 'expires' if it has a validity date",
                    "not-judged",
                )
            ],
        )
    if today > end:
        since = end + dt.timedelta(days=1)
        if after is Standing.RETIRED:
            assert retirement is not None
            return _Judgement(
                Standing.RETIRED,
                f"No longer valid: {retirement[1]}.",
                since=since,
                findings=[
                    Finding(
                        ("standard_version",) if entry.closed is None else ("framework",),
                        f"{name} is no longer valid: {retirement[1]} (build date "
                        f"{today.isoformat()})",
                        "record the attestation made against the current version, or set "
                        "'status: withdrawn'",
                        "attestation-retired",
                    )
                ],
            )
        return _Judgement(
            Standing.EXPIRED,
            _expired_reason(item, entry, rule, end, bridged_from)
            + _retired_version_text(entry, version, inferred, today),
            since=since,
            bridged_from=bridged_from,
            findings=[_expired_finding(item, name, rule, end, today, bridged_from)],
        )
    reason = _current_reason(item, entry, rule, end, after, retirement, bridged_from, today)
    if bridge is not None and bridged_from is None:
        # A letter within the report's own 12 months: said, and it changes nothing.
        reason += (
            f" A bridge letter from management covers through {long_date(bridge)} "
            "(shared with the report)."
        )
    expiring_from = end - dt.timedelta(days=expiring_days) + dt.timedelta(days=1)
    if today >= expiring_from:
        judgement = _Judgement(
            Standing.EXPIRING,
            reason,
            current_until=end,
            # A bridge letter that extends the report restarts its standing when issued.
            since=max(expiring_from, letter.issued) if bridged_from and letter else expiring_from,
            changes_on=end + dt.timedelta(days=1) if end < dt.date.max else None,
            next_standing=after,
            bridged_from=bridged_from,
        )
        # A letter that covers today answers the warning; one that ran out does not.
        if bridge is None or bridge < today:
            judgement.findings.append(_expiring_finding(item, name, rule, end, after, today))
    else:
        judgement = _Judgement(
            Standing.CURRENT,
            reason,
            current_until=end,
            since=letter.issued if bridged_from and letter else item.issued,
            changes_on=expiring_from,
            next_standing=Standing.EXPIRING,
            bridged_from=bridged_from,
        )
    return judgement


def _current_reason(
    item: Attestation,
    entry: FrameworkEntry,
    rule: ValidityRule,
    end: dt.date,
    after: Standing,
    retirement: tuple[dt.date, str] | None,
    bridged_from: dt.date | None,
    today: dt.date,
) -> str:
    if after is Standing.RETIRED and retirement is not None:
        return f"Valid until {long_date(end)}: {retirement[1]}."
    if bridged_from is not None:
        ended = "ended" if bridged_from < today else "end"
        return (
            f"Treated as current until {long_date(end)}: a bridge letter from management "
            f"covers through that day (shared with the report); the 12 months buyers rely "
            f"on a {entry.name} report for {ended} on {long_date(bridged_from)}."
        )
    if rule is ValidityRule.AFTER_REFERENCE:
        what = "period" if item.period else "date"
        return (
            f"Treated as current until {long_date(end)}: buyers rely on a {entry.name} "
            f"report for about 12 months after the {what} it covers."
        )
    if rule is ValidityRule.AFTER_ISSUED:
        months = entry.validity_of(kind_of(item)).months or 12
        return f"Valid until {long_date(end)}: {entry.name} is renewed every {months} months."
    return f"Valid until {long_date(end)}."


def _expired_reason(
    item: Attestation,
    entry: FrameworkEntry,
    rule: ValidityRule,
    end: dt.date,
    bridged_from: dt.date | None = None,
) -> str:
    if bridged_from is not None:
        return (
            f"No longer current since {long_date(end + dt.timedelta(days=1))}: the "
            f"12 months buyers rely on a {entry.name} report for ended on "
            f"{long_date(bridged_from)}, and the latest bridge letter covered through "
            f"{long_date(end)}."
        )
    if rule is ValidityRule.AFTER_REFERENCE:
        return (
            f"No longer current since {long_date(end + dt.timedelta(days=1))}: buyers rely "
            f"on a {entry.name} report for about 12 months after the period it covers."
        )
    if rule is ValidityRule.AFTER_ISSUED:
        months = entry.validity_of(kind_of(item)).months or 12
        return (
            f"Expired on {long_date(end)}: {entry.name} is valid for {months} months from "
            "its date and must be renewed."
        )
    return f"Expired on {long_date(end)}."


def _expired_finding(
    item: Attestation,
    name: str,
    rule: ValidityRule,
    end: dt.date,
    today: dt.date,
    bridged_from: dt.date | None = None,
) -> Finding:
    build = f"build date {today.isoformat()}"
    if bridged_from is not None:
        return Finding(
            ("period",) if item.period else ("as_of",),
            f"{name} is stale: its 12 months ended on {long_date(bridged_from)} and the "
            f"latest bridge letter covered through {long_date(end)} ({build})",
            "publish the next report, or add a new bridge letter under 'gated: bridge_letters:'",
            "report-stale",
        )
    if rule is ValidityRule.AFTER_REFERENCE:
        return Finding(
            ("period",) if item.period else ("as_of",),
            f"{name} is stale: buyers treat a SOC report as current for 12 months "
            f"after the date it covers, that is until {long_date(end)} ({build})",
            "publish the next report, or add a bridge letter under 'gated: bridge_letters:'",
            "report-stale",
        )
    where = ("expires",) if rule is ValidityRule.EXPIRY else ("issued",)
    why = ""
    if rule is ValidityRule.AFTER_ISSUED:
        months = catalogue_framework(item.framework.value).validity_of(kind_of(item)).months
        why = f": it stands for {months} months from its date"
    return Finding(
        where,
        f"{name} expired on {long_date(end)}{why} ({build})",
        "record the renewed attestation, or set 'status: withdrawn'",
        "certificate-expired",
    )


def _expiring_finding(
    item: Attestation, name: str, rule: ValidityRule, end: dt.date, after: Standing, today: dt.date
) -> Finding:
    build = f"build date {today.isoformat()}"
    if after is Standing.RETIRED:
        return Finding(
            ("standard_version",),
            f"{name} stops being valid on {long_date(end + dt.timedelta(days=1))}, when its "
            f"version retires ({build})",
            "record the attestation made against the current version",
            "attestation-retiring",
        )
    if rule is ValidityRule.AFTER_REFERENCE:
        return Finding(
            ("period",) if item.period else ("as_of",),
            f"{name} goes stale on {long_date(end)} and no later report or bridge letter "
            f"follows it ({build})",
            "schedule the next examination, or add a bridge letter",
            "report-expiring",
        )
    return Finding(
        ("expires",) if rule is ValidityRule.EXPIRY else ("issued",),
        f"{name} expires on {long_date(end)}, in {(end - today).days} day(s) ({build})",
        "record the renewed attestation when it is issued",
        "certificate-expiring",
    )


def judge(
    items: Sequence[Attestation],
    today: dt.date,
    company: str = "the company",
    expiring_days: int = DEFAULT_EXPIRING_DAYS,
) -> list[AttestationView]:
    """Each attestation of ``items`` (internal ones too) as it stands on ``today``.

    ``items`` is the whole list, since a later attestation of the same programme
    supersedes an earlier one. ``company`` names who stated a self-assessment.
    ``expiring_days`` is how many days before the end of its currency an attestation
    is "expiring soon" and warned about (``thresholds.attestation_expiring_days``).
    """
    views = []
    for item in items:
        entry = catalogue_framework(item.framework.value)
        kind = kind_of(item)
        version, inferred = attestation_version(item)
        judgement = _judge_one(item, items, today, company, expiring_days)
        if item.archived and not judgement.standing.stands:
            judgement.findings = []  # kept for the record on purpose
        views.append(
            AttestationView(
                item=item,
                standing=judgement.standing,
                title=title(item),
                kind=kind,
                kind_text=_kind_text(item, kind, entry, company),
                summary=_summary(item, judgement.standing, version, inferred),
                reason=judgement.reason,
                label=_label(judgement.standing, kind, item),
                current_until=judgement.current_until,
                since=judgement.since,
                changes_on=judgement.changes_on,
                next_standing=judgement.next_standing,
                programme=programme_key(item),
                version=version,
                version_inferred=inferred,
                superseded_by=judgement.superseded_by,
                bridge_letter_through=bridge_letter_through(item, today)
                if judgement.standing not in (Standing.SUPERSEDED, Standing.WITHDRAWN)
                else None,
                findings=tuple(judgement.findings),
            )
        )
    return views


@dataclass(frozen=True)
class Projection:
    """The public attestations of a trust center on one build date, judged once."""

    today: dt.date
    #: Every public attestation, in the order of the data.
    attestations: tuple[AttestationView, ...]

    def view(self, attestation_id: str) -> AttestationView:
        """The public attestation ``attestation_id``; raises KeyError when there is none."""
        for view in self.attestations:
            if view.id == attestation_id:
                return view
        raise KeyError(attestation_id)

    def cards(self) -> list[AttestationView]:
        """What the overview shows as cards: all but the history.

        The history is what is superseded, or archived and no longer standing.
        """
        return [v for v in self.attestations if not v.history]

    def history(self) -> list[tuple[str, list[AttestationView]]]:
        """Per programme with superseded reports: its name and issued reports.

        Reports newest first; programmes in the order they first appear in the data.
        """
        groups: dict[str, list[AttestationView]] = {}
        for view in self.attestations:
            groups.setdefault(view.programme, []).append(view)
        out = []
        for _key, views in groups.items():
            if not any(v.history for v in views):
                continue
            issued = [v for v in views if v.item.status is AttestationStatus.ISSUED or v.history]
            issued.sort(key=lambda v: _ordering_date(v.item) or dt.date.min, reverse=True)
            name = framework_name(views[0].item.framework)
            if views[0].item.programme:
                name += f" ({views[0].item.programme})"
            out.append((name, issued))
        return out

    def in_scope(self, view: AttestationView) -> bool:
        """True when ``view`` counts in what is "in scope today".

        It stands, or is under way or planned; never superseded, expired, retired,
        withdrawn or archived (an abandoned plan kept for the record is history).
        """
        return not view.history and view.standing in (
            Standing.CURRENT,
            Standing.EXPIRING,
            Standing.IN_PROGRESS,
            Standing.PLANNED,
        )

    def reports_in_scope(self, category: Category) -> list[AttestationView]:
        """The SOC 2 and SOC 3 reports that cover ``category`` today."""
        return [
            v
            for v in self.attestations
            if v.item.framework.uses_criteria and category in v.item.categories and self.in_scope(v)
        ]

    def categories_in_scope(self) -> list[Category]:
        """TSC categories a SOC 2 or SOC 3 covers today (standing, under way or planned)."""
        return [c for c in Category if self.reports_in_scope(c)]

    def gated_reports(self) -> list[AttestationView]:
        """The SOC 1 and SOC 2 reports the reports page lists (not superseded history)."""
        return [v for v in self.cards() if v.item.framework in GATED_FRAMEWORKS]

    def gated_details(self) -> list[AttestationView]:
        """The issued reports whose details the gated page describes."""
        return [
            v
            for v in self.gated_reports()
            if v.item.status is AttestationStatus.ISSUED and v.standing is not Standing.WITHDRAWN
        ]

    def gated_report_names(self) -> list[str]:
        """``["SOC 2"]`` or ``["SOC 1", "SOC 2"]``: the restricted reports that exist."""
        present = {v.item.framework for v in self.gated_reports()}
        return [framework_name(f) for f in GATED_FRAMEWORKS if f in present]


def project(tc: TrustCenter, today: dt.date) -> Projection:
    """The projection of ``tc`` on ``today``: every public attestation, judged once."""
    expiring_days = tc.settings.thresholds.attestation_expiring_days
    views = judge(tc.attestations, today, tc.company.name, expiring_days)
    return Projection(today, tuple(v for v in views if v.public))
