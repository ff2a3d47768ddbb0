"""Rules for ``data/attestations.yml``: fields, dates and the standing's warnings.

Fields must fit the framework and the kind of assurance, dates must be able to be true,
and the standing on the build date gives its warnings.

The standing itself (current, expiring, expired, superseded, retired, ...) is decided by
:mod:`trustcenter.projection`; its findings are reported here, so ``trustcenter check``
warns about exactly what the pages will show. Sources of the rules are in
``trustcenter/catalogue/frameworks.yaml`` and the docstrings below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from trustcenter.catalogue import Category
from trustcenter.catalogue.frameworks import AssuranceKind, RetirementEffect, ValidityRule
from trustcenter.catalogue.frameworks import framework as catalogue_framework
from trustcenter.checks import Checker
from trustcenter.model import (
    Attestation,
    AttestationStandard,
    AttestationStatus,
    Company,
    FedrampDesignation,
    Framework,
    SubserviceMethod,
    Visibility,
)
from trustcenter.model.months import Month, iso
from trustcenter.projection import GATED_FRAMEWORKS, judge
from trustcenter.status import Standing, add_months, kind_of, long_date, reference_date, title

#: A Type 2 period shorter than this is unusual enough to warn about (3 months is the
#: shortest auditors accept: frameworks.md §1.1).
SHORTEST_USUAL_PERIOD_MONTHS = 3
#: A Type 2 period longer than this is unusual (12 months is the usual ceiling, §1.1).
LONGEST_USUAL_PERIOD_MONTHS = 12
#: A report dated this long after its period is unusual (no source gives a typical lag,
#: so this is a warning, never an error).
LATE_REPORT_MONTHS = 6

#: The attestation standards each framework can be performed under (frameworks.md §1.4).
STANDARDS = {
    Framework.SOC1: (
        AttestationStandard.SSAE18,
        AttestationStandard.SSAE21,
        AttestationStandard.ISAE3402,
    ),
    Framework.SOC2: (
        AttestationStandard.SSAE18,
        AttestationStandard.SSAE21,
        AttestationStandard.ISAE3000,
    ),
    Framework.SOC3: (
        AttestationStandard.SSAE18,
        AttestationStandard.SSAE21,
        AttestationStandard.ISAE3000,
    ),
    Framework.C5: (AttestationStandard.ISAE3000,),
}
#: The kinds of assurance whose date of issue may be known only to the month ("assessed
#: in March 2020"): a report, certificate, authorization or self-assessment carries its
#: day (issue 9, item 6).
MONTH_ISSUED_KINDS = (AssuranceKind.ASSESSMENT, AssuranceKind.ALIGNMENT)
#: FedRAMP Marketplace designations that are not authorizations (frameworks.md §4).
NOT_AUTHORIZED = (FedrampDesignation.READY, FedrampDesignation.IN_PROCESS)
#: The standards a 27001 certificate can carry as extensions of one management system.
EXTENSIONS = (Framework.ISO27017, Framework.ISO27018, Framework.ISO27701)

#: Fields whose problems point at the value; the others point at the entry's key.
_VALUE_FIELDS = {
    "type",
    "issued",
    "categories",
    "visibility",
    "expires",
    "certificate_number",
    "period",
    "as_of",
    "kind",
    "standard_version",
    "opinion",
    "attestation_standard",
    "designation",
    "certification_class",
    "path",
    "impact_level",
}


def check_attestations(
    checker: Checker, items: Sequence[Attestation], company: Company | None
) -> None:
    """Every rule of this module over ``items``, reported through ``checker``."""
    for item in items:
        for field, message, hint, rule in _rules(item, company):
            path = field if isinstance(field, tuple) else (field,)
            at_key = path[0] not in _VALUE_FIELDS
            checker.report(item, list(path), message, hint=hint, at_key=at_key, rule=rule)
        for field, message, hint, rule in _date_warnings(item):
            checker.report(item, list(field), message, hint=hint, warning=True, rule=rule)
    company_name = company.name if company else "the company"
    expiring_days = checker.thresholds.attestation_expiring_days
    for view in judge(items, checker.today, company_name, expiring_days):
        for finding in view.findings:
            checker.report(
                view.item,
                list(finding.field),
                finding.message,
                hint=finding.hint,
                warning=True,
                rule=finding.rule,
            )
        if view.item.archived and view.standing.stands:
            checker.report(
                view.item,
                ["archived"],
                f"{view.title} is archived but still stands ({view.label.lower()}); the "
                "site keeps showing it as a card",
                hint="remove 'archived' until it no longer stands",
                warning=True,
                at_key=True,
                rule="archived-current",
            )
        # A lapsed letter matters once the report itself is going or gone out of date.
        if view.standing in (Standing.EXPIRING, Standing.EXPIRED) and not view.history:
            _bridge_letter_ran_out(checker, view.item)
        # History and alignments are judged by no version: only what stands or lapsed.
        if view.standing not in (Standing.SUPERSEDED, Standing.WITHDRAWN, Standing.ALIGNED):
            for field, message, hint, rule in _missing_version(view.item):
                checker.report(view.item, list(field), message, hint=hint, warning=True, rule=rule)


def _bridge_letter_ran_out(checker: Checker, item: Attestation) -> None:
    letters = item.gated.bridge_letters if item.gated else []
    if not letters:
        return
    latest = max(range(len(letters)), key=lambda i: letters[i].covers_through)
    through = letters[latest].covers_through
    if through < checker.today:
        checker.report(
            item,
            ["gated", "bridge_letters", latest, "covers_through"],
            f"the bridge letter of {title(item)} ran out on {long_date(through)} "
            f"(build date {checker.today.isoformat()})",
            hint="issue a new bridge letter, or publish the next report",
            warning=True,
            rule="bridge-letter-lapsed",
        )


def _a(kind: AssuranceKind) -> str:
    """``an examination``, ``a certification``: the kind with its article."""
    words = kind.value.replace("_", " ")
    return ("an " if words[0] in "aeiou" else "a ") + words


#: (field or path, message, hint, rule id of :mod:`trustcenter.rules`)
Rule = tuple[str | tuple[str | int, ...], str, str, str]


def _rules(item: Attestation, company: Company | None) -> Iterator[Rule]:
    yield from _framework_rules(item)
    yield from _kind_rules(item)
    yield from _fedramp_rules(item)
    yield from _version_rules(item)
    yield from _report_rules(item)
    yield from _scope_rules(item, company)


def _framework_rules(item: Attestation) -> Iterator[Rule]:
    """Type, period and categories agree with the framework (AICPA SOC report types)."""
    framework, issued = item.framework, item.status is AttestationStatus.ISSUED
    entry = catalogue_framework(framework.value)
    if framework is Framework.OTHER and not item.name:
        yield "framework", "expected a 'name' for a framework of 'other'", "", "framework-name"
    if framework.is_soc:
        if item.type is None:
            yield (
                "framework",
                "expected 'type: 1' or 'type: 2' for a SOC report",
                "",
                "attestation-type",
            )
        elif framework is Framework.SOC3 and item.type == 1:
            yield (
                "type",
                "a SOC 3 reports on controls over a period, as a Type 2 "
                "examination does: expected 'type: 2'",
                "",
                "attestation-type",
            )
        elif item.type == 1 and item.period is not None:
            yield (
                "period",
                "a Type 1 report is as of one date: expected 'as_of', found 'period'",
                "",
                "attestation-type",
            )
        elif item.type == 2 and item.as_of is not None:
            yield (
                "as_of",
                "a Type 2 report covers a period: expected 'period', found 'as_of'",
                "",
                "attestation-type",
            )
        elif issued and item.type == 1 and item.as_of is None:
            yield (
                "type",
                "expected 'as_of' (the date the Type 1 report speaks of) once issued",
                "",
                "attestation-type",
            )
        elif issued and item.type == 2 and item.period is None:
            yield (
                "type",
                "expected 'period' with 'start' and 'end' for an issued Type 2 report",
                "",
                "attestation-type",
            )
    elif item.type is not None and not entry.typed:
        yield (
            "type",
            f"'type' applies to SOC reports only, not to {framework.value}",
            "",
            "attestation-type",
        )
    if framework.uses_criteria:
        if Category.SECURITY not in item.categories:
            yield (
                "categories",
                "expected 'security' among the categories: it is in the "
                "scope of every SOC 2 and SOC 3",
                "",
                "attestation-categories",
            )
    elif item.categories:
        yield (
            "categories",
            "'categories' are Trust Services Criteria categories, used by "
            f"SOC 2 and SOC 3 only, not by {framework.value}",
            "",
            "attestation-categories",
        )
    if framework is Framework.SOC3 and item.visibility is not Visibility.PUBLIC:
        yield (
            "visibility",
            "a SOC 3 is a general-use report: expected 'visibility: public'",
            "",
            "soc3-visibility",
        )
    if item.period is not None and item.period.end <= item.period.start:
        yield (
            ("period", "end"),
            "expected the period's end after its start "
            f"({item.period.start.isoformat()}), found {item.period.end.isoformat()}",
            "check the two dates",
            "date-order",
        )
    ref = reference_date(item)
    if issued and item.issued is not None and ref is not None and item.issued < ref:
        yield (
            "issued",
            f"expected the report date on or after {long_date(ref)}, found "
            f"{long_date(item.issued)}",
            "a report is issued after the period or date it covers",
            "date-order",
        )
    if item.expires and item.issued and item.expires <= item.issued:
        yield (
            "expires",
            f"expected 'expires' after 'issued' ({iso(item.issued)}), "
            f"found {item.expires.isoformat()}",
            "",
            "date-order",
        )


def _kind_rules(item: Attestation) -> Iterator[Rule]:
    """Who gave the assurance, worded as what it is (frameworks.md §4, §5, §7)."""
    entry = catalogue_framework(item.framework.value)
    kind, issued = kind_of(item), item.status is AttestationStatus.ISSUED
    if item.kind is not None and item.kind not in entry.kinds:
        yield (
            "kind",
            f"{entry.name} cannot be {_a(item.kind)}: "
            f"expected one of {', '.join(k.value for k in entry.kinds)}",
            "",
            "assurance-kind",
        )
        return
    if kind is AssuranceKind.SELF_ASSESSMENT and item.auditor:
        yield (
            "auditor",
            "a self-assessment has no auditor: nobody independent reviewed it",
            "remove 'auditor'; if a third party did assess it, it is not a "
            "self-assessment: set 'kind' accordingly",
            "self-assessment-auditor",
        )
    if kind is AssuranceKind.ALIGNMENT and item.auditor:
        yield (
            "auditor",
            f"an alignment with {entry.name} was assessed by nobody, so it has no auditor",
            "if a third party assessed it, write 'kind: assessment'",
            "self-assessment-auditor",
        )
    if (
        issued
        and kind
        in (
            AssuranceKind.EXAMINATION,
            AssuranceKind.CERTIFICATION,
            AssuranceKind.ASSESSMENT,
            AssuranceKind.AUTHORIZATION,
        )
        and not item.auditor
        and item.designation is not FedrampDesignation.IN_PROCESS
    ):
        who = {
            AssuranceKind.EXAMINATION: "the audit firm",
            AssuranceKind.CERTIFICATION: "the certification body",
            AssuranceKind.ASSESSMENT: "the assessor",
            AssuranceKind.AUTHORIZATION: "the independent assessor, a 3PAO for FedRAMP",
        }[kind]
        hint = (
            "for CSA STAR Level 1 (no auditor) write 'kind: self_assessment'"
            if AssuranceKind.SELF_ASSESSMENT in entry.kinds
            else ""
        )
        yield (
            "status",
            f"expected 'auditor' ({who}) for an issued {kind.value.replace('_', ' ')}",
            hint,
            "issued-fields",
        )
    if (
        isinstance(item.issued, Month)
        and kind not in MONTH_ISSUED_KINDS
        and item.status is not AttestationStatus.PLANNED
    ):
        yield (
            "issued",
            f"{_a(kind)} is dated to the day on its report or certificate: expected "
            f"'issued' as YYYY-MM-DD, found the month {item.issued.month_iso()}",
            "write the day given on the document; only an assessment or an alignment "
            "known to the month may be written as YYYY-MM",
            "month-not-allowed",
        )
    if issued and kind is not AssuranceKind.ALIGNMENT and item.issued is None:
        yield (
            "status",
            "expected 'issued' (the date of the report, certificate or assessment)",
            "",
            "issued-fields",
        )
    if kind is AssuranceKind.AUTHORIZATION:
        granted = item.designation not in NOT_AUTHORIZED
        if issued and granted and not item.authorized_by:
            yield (
                "status",
                "expected 'authorized_by' (the agency or board that granted the "
                "authorization; the 3PAO only assesses)",
                "",
                "authorization-fields",
            )
    else:
        for field in ("authorized_by", "impact_level"):
            if getattr(item, field):
                yield (
                    field,
                    f"'{field}' applies to an authorization (FedRAMP), not to {_a(kind)}",
                    f"remove '{field}'",
                    "authorization-fields",
                )
    rule = entry.validity_of(kind)
    if issued and rule.rule is ValidityRule.EXPIRY and item.expires is None:
        yield (
            "status",
            "expected 'expires' (the end of the certificate's validity)",
            "",
            "issued-fields",
        )
    if (
        rule.max_months
        and item.issued
        and not isinstance(item.issued, Month)  # already an error: a certificate has a day
        and item.expires
        and item.expires > add_months(item.issued, rule.max_months)
    ):
        latest = add_months(item.issued, rule.max_months)
        article = "an" if entry.name[0] in "AEIOUH" else "a"
        yield (
            "expires",
            f"{article} {entry.name} certificate is valid for at most "
            f"{rule.max_months} months (its certification cycle): expected 'expires' on "
            f"or before {latest.isoformat()}, found {item.expires.isoformat()}",
            "check the dates on the certificate",
            "certificate-cycle",
        )
    if kind is not AssuranceKind.CERTIFICATION:
        for field in (
            "accreditation_body",
            "initial_certification",
            "soa_version",
            "certificate_number",
        ):
            if getattr(item, field):
                yield (
                    field,
                    f"'{field}' belongs to a certificate; "
                    f"{_a(kind)} has none, so it would not be shown",
                    f"remove '{field}'",
                    "certificate-fields",
                )
        if item.sites:
            yield (
                "sites",
                "'sites' belong to a certificate's scope",
                "remove 'sites'",
                "certificate-fields",
            )
    if item.initial_certification and item.issued and item.initial_certification > item.issued:
        yield (
            "initial_certification",
            "expected the initial certification on or before "
            f"'issued' ({iso(item.issued)}), found "
            f"{iso(item.initial_certification)}",
            "the initial certification date stays the same across recertifications",
            "date-order",
        )
    if item.extensions:
        if item.framework is not Framework.ISO27001:
            yield (
                "extensions",
                "only an ISO/IEC 27001 certificate carries extensions",
                "remove 'extensions'",
                "certificate-extensions",
            )
        for index, extension in enumerate(item.extensions):
            if extension not in EXTENSIONS:
                yield (
                    ("extensions", index),
                    f"expected one of "
                    f"{', '.join(e.value for e in EXTENSIONS)} as an extension of a 27001 "
                    f"certificate, found '{extension.value}'",
                    "",
                    "certificate-extensions",
                )


def _fedramp_rules(item: Attestation) -> Iterator[Rule]:
    """The FedRAMP Marketplace designation and its level or class (frameworks.md §4)."""
    fields = ("designation", "certification_class", "path")
    if item.framework is not Framework.FEDRAMP:
        for field in fields:
            if getattr(item, field) is not None:
                yield (
                    field,
                    f"'{field}' is a FedRAMP Marketplace fact, not one of "
                    f"{catalogue_framework(item.framework.value).name}",
                    f"remove '{field}'",
                    "fedramp-designation",
                )
        return
    if item.impact_level is not None and item.impact_level.value.startswith("class_"):
        letter = item.impact_level.value[-1].upper()
        yield (
            "impact_level",
            f"the 2026 Certification Classes replaced the impact levels: expected "
            f"'certification_class: {letter}' with 'designation: certified', found "
            f"'impact_level: {item.impact_level.value}'",
            f"write 'certification_class: {letter}'",
            "fedramp-designation",
        )
    designation = item.designation
    if designation is None:
        if item.status is AttestationStatus.ISSUED:
            yield (
                "status",
                "expected 'designation' (the FedRAMP Marketplace's: ready, in_process, "
                "authorized or certified): the site never guesses that a listing is an "
                "authorization",
                "",
                "fedramp-designation",
            )
        return
    if designation is FedrampDesignation.CERTIFIED:
        if item.impact_level is not None and not item.impact_level.value.startswith("class_"):
            yield (
                "impact_level",
                "a FedRAMP Certified service has a Certification Class (A to D), not an "
                "impact level",
                "write 'certification_class' instead",
                "fedramp-designation",
            )
        if item.certification_class is None and item.status is AttestationStatus.ISSUED:
            yield (
                "designation",
                "expected 'certification_class' (A, B, C or D) for FedRAMP Certified",
                "",
                "fedramp-designation",
            )
    else:
        for field in ("certification_class", "path"):
            if getattr(item, field) is not None:
                yield (
                    field,
                    f"'{field}' belongs to the 2026 'FedRAMP Certified' designation, "
                    f"not to '{designation.value}'",
                    "write 'designation: certified', or remove it",
                    "fedramp-designation",
                )
        if (
            designation is FedrampDesignation.AUTHORIZED
            and item.impact_level is None
            and item.status is AttestationStatus.ISSUED
        ):
            yield (
                "designation",
                "expected 'impact_level' (li_saas, low, moderate or high) for FedRAMP Authorized",
                "",
                "fedramp-designation",
            )
    if designation in NOT_AUTHORIZED and item.authorized_by:
        yield (
            "authorized_by",
            f"a service listed as '{designation.value}' is not authorized, so nobody authorized it",
            "remove 'authorized_by'; write 'designation: authorized' once it is",
            "fedramp-designation",
        )


def _version_rules(item: Attestation) -> Iterator[Rule]:
    """The standard version exists and could be used on the attestation's date."""
    entry = catalogue_framework(item.framework.value)
    if item.standard_version is None:
        return
    if not entry.versions:
        yield (
            "standard_version",
            f"the frameworks catalogue knows no versions of {entry.name}",
            "remove 'standard_version', or give the version in 'name'",
            "unknown-version",
        )
        return
    version = entry.version(item.standard_version)
    if version is None:
        known = ", ".join(f"'{v.id}'" for v in entry.versions)
        yield (
            "standard_version",
            f"unknown {entry.version_label} of {entry.name}: "
            f"expected one of {known}, found '{item.standard_version}'",
            "",
            "unknown-version",
        )
        return
    made = reference_date(item) or item.issued
    if (
        version.retired
        and version.effect is RetirementEffect.NO_NEW
        and made
        and made >= version.retired
    ):
        yield (
            "standard_version",
            f"{version.label} was retired on "
            f"{long_date(version.last_day or version.retired)}: no attestation dated "
            f"{long_date(made)} can be made against it",
            version.source,
            "retired-version",
        )


def _missing_version(item: Attestation) -> Iterator[tuple[tuple[str, ...], str, str, str]]:
    """Warn when an issued attestation does not record its standard version.

    Where the catalogue knows every version usable on the attestation's date
    (:meth:`~trustcenter.catalogue.frameworks.FrameworkEntry.versions_on`): one possible
    version is inferred and shown as such, with a warning asking to record it; two
    possible versions are a warning and no guess. Elsewhere, the warning fires when a
    version retired with effect "invalidates" could have been used (its standing depends
    on it); for other frameworks the version changes no standing.
    """
    entry = catalogue_framework(item.framework.value)
    made = reference_date(item) or item.issued
    if item.status is not AttestationStatus.ISSUED or item.standard_version or made is None:
        return
    known = ", ".join(f"'{v.id}'" for v in entry.versions)
    possible = entry.versions_on(made)
    if possible is not None and len(possible) == 1:
        [version] = possible
        yield (
            ("framework",),
            f"{title(item)} does not record its {entry.version_label}: the site infers "
            f"{version.label}, the only one usable on {long_date(made)}, and says it was "
            "inferred",
            f"record it: standard_version: '{version.id}'",
            "version-missing",
        )
        return
    if possible:
        yield (
            ("framework",),
            f"expected 'standard_version' ({entry.version_label}) for {title(item)}: on "
            f"{long_date(made)} {' or '.join(v.label for v in possible)} could be used, "
            "so the site names none",
            f"one of {', '.join(repr(v.id) for v in possible)}",
            "version-missing",
        )
        return
    risky = [
        v
        for v in entry.versions
        if v.effect is RetirementEffect.INVALIDATES and v.retired and made < v.retired
    ]
    if risky:
        yield (
            ("framework",),
            f"expected 'standard_version' ({entry.version_label}) for {title(item)}: "
            f"without it the site cannot tell whether it was made against "
            f"{risky[0].label}, retired on {long_date(risky[0].last_day or dt.date.min)}",
            f"one of {known}",
            "version-missing",
        )


def _report_rules(item: Attestation) -> Iterator[Rule]:
    """What a SOC report holds (frameworks.md §1.3, §1.4, §1.6)."""
    framework = item.framework
    if item.attestation_standard is not None:
        allowed = STANDARDS.get(framework, ())
        if item.attestation_standard not in allowed:
            expected = (
                f"one of {', '.join(s.value for s in allowed)}"
                if allowed
                else "none: it applies to SOC reports and C5"
            )
            yield (
                "attestation_standard",
                f"{title(item)} is not performed under "
                f"{item.attestation_standard.value}: expected {expected}",
                "",
                "attestation-standard",
            )
    if item.opinion is not None and framework is not Framework.SOC3:
        yield (
            "opinion",
            "only a SOC 3's opinion is public; the opinion of a restricted "
            "report goes under 'gated:'",
            "move it to 'gated: opinion:'",
            "public-opinion",
        )
    if item.subservice_organizations and not framework.is_soc and framework is not Framework.C5:
        yield (
            "subservice_organizations",
            "subservice organizations are part of a SOC report",
            "remove 'subservice_organizations'",
            "subservice-not-soc",
        )
    gated = item.gated
    if gated is None:
        return
    if framework not in GATED_FRAMEWORKS:
        if framework is Framework.SOC3 and gated.opinion is not None:
            yield (
                ("gated", "opinion"),
                "a SOC 3 is a general-use report: its opinion is public, so it cannot be gated",
                "write 'opinion:' at the top level of the entry, outside 'gated:'",
                "public-opinion",
            )
        else:
            yield (
                "gated",
                f"'gated:' details are shown only for SOC 1 and SOC 2 reports, "
                f"so those of {title(item)} would never be shown",
                "remove 'gated:', or move public facts to the top level",
                "gated-not-shown",
            )
        return
    if gated.exceptions is not None and item.type == 1:
        yield (
            ("gated", "exceptions"),
            "a Type 1 report tests no operating effectiveness, "
            "so it has no exceptions from testing",
            "remove 'exceptions'",
            "type1-exceptions",
        )
    if gated.complementary_subservice_organization_controls and not any(
        o.method is SubserviceMethod.CARVE_OUT for o in item.subservice_organizations
    ):
        yield (
            ("gated", "complementary_subservice_organization_controls"),
            "complementary subservice organization controls are those a report assumes "
            "at a carved-out subservice organization: expected one with 'method: "
            "carve_out' under the entry's 'subservice_organizations'",
            "list the report's subservice organizations",
            "csoc-without-carve-out",
        )
    ref = reference_date(item)
    for index, letter in enumerate(gated.bridge_letters):
        if ref is None:
            continue
        if letter.issued < ref:
            yield (
                ("gated", "bridge_letters", index, "issued"),
                "a bridge letter covers the "
                f"time after the report's {'period' if item.period else 'date'}: expected "
                f"it issued after {ref.isoformat()}, found {letter.issued.isoformat()}",
                "check the letter's date",
                "bridge-letter-dates",
            )
        if letter.covers_through <= ref:
            yield (
                ("gated", "bridge_letters", index, "covers_through"),
                "a bridge letter "
                f"covers a date after the report's {'period' if item.period else 'date'}: "
                f"expected a date after {ref.isoformat()}, found "
                f"{letter.covers_through.isoformat()}",
                "check the letter's dates",
                "bridge-letter-dates",
            )


def _scope_rules(item: Attestation, company: Company | None) -> Iterator[Rule]:
    """Services and legal entities in scope name those of company.yml."""
    if company is None:
        return
    services = [s.id for s in company.system.services if s.id]
    for index, service in enumerate(item.services):
        if service not in services:
            hint = (
                f"expected one of {', '.join(services)}"
                if services
                else "give the services in company.yml an 'id'"
            )
            yield (("services", index), f"unknown service '{service}'", hint, "unknown-service")
    entities = [e.id for e in company.legal_entities]
    for index, entity in enumerate(item.legal_entities):
        if entity not in entities:
            hint = (
                f"expected one of {', '.join(entities)}"
                if entities
                else "list the legal entities under 'legal_entities:' in company.yml"
            )
            yield (
                ("legal_entities", index),
                f"unknown legal entity '{entity}'",
                hint,
                "unknown-legal-entity",
            )


def _date_warnings(item: Attestation) -> Iterator[tuple[tuple[str | int, ...], str, str, str]]:
    """Dates that are possible but unusual enough to be a typing mistake."""
    if item.period is not None:
        start, end = item.period.start, item.period.end
        if end <= start:
            return
        if end < add_months(start, SHORTEST_USUAL_PERIOD_MONTHS) - dt.timedelta(days=1):
            yield (
                ("period", "end"),
                f"the period lasts {(end - start).days + 1} days, under "
                f"{SHORTEST_USUAL_PERIOD_MONTHS} months, the shortest Type 2 period "
                "auditors accept",
                "",
                "short-period",
            )
        elif end >= add_months(start, LONGEST_USUAL_PERIOD_MONTHS):
            yield (
                ("period", "end"),
                f"the period lasts {(end - start).days + 1} days, over "
                f"{LONGEST_USUAL_PERIOD_MONTHS} months, the usual longest Type 2 period",
                "check the two dates",
                "long-period",
            )
    ref = reference_date(item)
    issued = item.issued if item.status is AttestationStatus.ISSUED else None
    if issued and ref and issued > add_months(ref, LATE_REPORT_MONTHS):
        yield (
            ("issued",),
            f"the report is dated {long_date(issued)}, more than {LATE_REPORT_MONTHS} "
            f"months after the {'period' if item.period else 'date'} it covers "
            f"({long_date(ref)})",
            "check the report date",
            "late-report",
        )
