"""The registry of rule ids: one stable, short, kebab-case name per kind of problem.

Every :class:`~trustcenter.problems.Problem` carries one of these ids, shown at the end of
its message as ``(rule-id)`` the way yamllint shows its rules, so a team can search for a
rule, read about it in ``handbook/rules.md`` (a bad and a good example of each), and
recognise the same finding across runs. An id never changes meaning once published; a
new kind of problem gets a new id. Add yours here with a one-line summary: a Problem
with an id that is not in :data:`RULES` cannot be built, and a test checks that every id
is documented in the handbook.
"""

from __future__ import annotations

from types import MappingProxyType

_RULES: dict[str, str] = {
    # --- reading the file (trustcenter.yamlsource, trustcenter.loader) -------------------
    "missing-file": "a data file the trust center needs is not in the data folder",
    "unknown-file": "a .yml file in the data folder that is not read (a misspelt name?)",
    "not-utf8": "the file has bytes that are not UTF-8 text",
    "control-character": "a control character (often pasted from a word processor)",
    "yaml-syntax": "the text is not valid YAML (indentation, quotes, brackets, tabs)",
    "unclosed-quote": "a quoted value opened and never closed (reported at its opening quote)",
    "unclosed-bracket": "a flow list '[' or mapping '{' not closed on its line",
    "merge-conflict": "a leftover git merge conflict (<<<<<<<, =======, >>>>>>>)",
    "empty-file": "the file is empty or holds only null",
    "key-not-text": "a list or mapping used as a mapping key",
    "merge-key": "a YAML merge key '<<', which hides values from a reviewer",
    "duplicate-key": "the same key twice in one mapping; YAML would keep only the last",
    "impossible-date": "a date that does not exist, such as 2026-02-30",
    # --- YAML 1.1's silent conversions (trustcenter.yamltypes, trustcenter.validation) ----
    "yaml-octal": "a number with a leading zero (030), which YAML 1.1 reads as octal",
    "yaml-sexagesimal": "digits joined by ':' (1:20), which YAML 1.1 reads as base 60",
    "yaml-number-form": "a number YAML 1.1 reads as another value (0x1F, 1_000, 1.10, +5, .inf)",
    "yaml-boolean": "yes/no/on/off/true/false where text or a number is meant",
    "yaml-null": "~ or null where a value is meant",
    "yaml-timestamp": "a date and time where a date (or text) is meant",
    "yaml-binary": "a !!binary (base64) value, which a reviewer cannot read",
    # --- the shape of the data (trustcenter.validation) ------------------------------
    "missing-key": "a required key is missing",
    "unknown-key": "a key the model does not have (often a misspelling)",
    "unknown-value": "a value outside the allowed choices",
    "wrong-type": "a value of the wrong kind (text, number, list, mapping)",
    "empty-text": "an empty value where text is needed",
    "bad-identifier": "an id with characters that cannot make a stable link",
    "bad-date": "a value that is not a date in the form YYYY-MM-DD",
    "too-few": "a list with fewer entries than required",
    "bad-link": "a link that is not an https:, http: or mailto: URL with a host or address",
    "unknown-criterion": "a Trust Services Criteria identifier that does not exist",
    "invalid-value": "a value a model rule refuses",
    "bad-file-path": "a restricted file's path that is absolute, uses '\\' or '..', or is a folder",
    # --- rules across fields, entries and files (trustcenter.checks) ------------------
    "duplicate-id": "two entries of a list with the same id or the same link anchor",
    "unknown-category": "a control names a category that is not defined",
    "security-contact": "no contact with purpose: security",
    "date-order": "two dates of one entry in an impossible order",
    "grant-expired": "an access grant whose code no longer opens the gated page",
    "grant-expiring": "an access grant that expires soon",
    "removal-date-missing": "removal_announced without removed",
    "announcement-missing": "a subprocessor change with no announcement date",
    "notice-below-floor": "a DPA notice period under the floor set in settings.yml",
    "notice-too-short": "a subprocessor change announced with less than the notice period",
    "document-url-missing": "a public document without a url",
    "document-nda-url": "an NDA document with a public url",
    "review-overdue": "a document not reviewed for longer than the review interval",
    "faq-unknown-control": "an FAQ answer links to a control that does not exist",
    "faq-hidden-control": "an FAQ answer links to a gated or internal control",
    "severity-missing": "an incident or vulnerability notice without a severity",
    "security-txt-uri": "a security.txt URI of a scheme or form RFC 9116 does not allow there",
    "security-txt-language": "a Preferred-Languages value that is not an RFC 5646 tag",
    "security-txt-canonical": "security.txt's Canonical does not list where the build serves it",
    "security-txt-not-at-root": "a site under a path: security.txt is not at the host's root",
    "security-txt-expired": "security.txt's Expires date has passed",
    "security-txt-expiring": "security.txt expires soon",
    "security-txt-expires-far": "security.txt's Expires is more than a year ahead",
    "coverage-gap": "a criterion in a report's scope that no control maps to",
    "framework-name": "a framework of 'other' without a name",
    "attestation-type": "a report type (1 or 2) or period/as_of that does not fit",
    "attestation-categories": "TSC categories that do not fit the framework",
    "certificate-number": "a certificate number for a framework with no certification",
    "issued-fields": "an issued report or certificate without auditor, date or expiry",
    "soc3-visibility": "a SOC 3 that is not public",
    "short-period": "a Type 2 period shorter than auditors accept",
    "report-stale": "a SOC report older than buyers accept, with no bridge letter",
    "report-expiring": "a SOC report that goes stale soon",
    "certificate-expiring": "a certificate that expires soon",
    "certificate-expired": "a certificate past its validity",
    "expected-date-passed": "a planned report's expected date has passed",
    "bridge-letter-lapsed": "the latest bridge letter ran out",
    # --- attestations: kinds, versions, report contents (trustcenter.attestation_checks) --
    "assurance-kind": "a kind of assurance the framework cannot be (see the catalogue)",
    "self-assessment-auditor": "an auditor on a self-assessment or an alignment",
    "authorization-fields": "an authorization without authorized_by, or its fields elsewhere",
    "certificate-cycle": "a certificate valid for longer than its certification cycle",
    "certificate-fields": "certificate fields (body, SoA, sites) on what is not a certificate",
    "certificate-extensions": "extensions on what is not a 27001 certificate, or unknown ones",
    "unknown-version": "a standard version the frameworks catalogue does not know",
    "retired-version": "an attestation dated after its standard version was retired",
    "version-missing": "an issued attestation that does not say its standard version",
    "attestation-retired": "an attestation no longer valid: its version or programme retired",
    "attestation-retiring": "an attestation whose version retires soon",
    "not-judged": "an issued attestation no rule of the catalogue can date",
    "attestation-standard": "an attestation standard the report cannot be performed under",
    "public-opinion": "a SOC 3 opinion under gated:, or a restricted report's opinion public",
    "gated-not-shown": "gated: details on an attestation the gated page does not describe",
    "type1-exceptions": "exceptions from testing on a Type 1 report",
    "csoc-without-carve-out": "CSOCs on a report with no carved-out subservice organization",
    "subservice-not-soc": "subservice organizations on what is not a SOC report",
    "bridge-letter-dates": "a bridge letter issued, or ending, before the report's period ends",
    "long-period": "a Type 2 period longer than 12 months",
    "late-report": "a report dated long after the period it covers",
    "unknown-service": "an attestation's scope names a service company.yml does not have",
    "unknown-legal-entity": "an attestation's scope names an unknown legal entity",
    "archived-current": "an attestation marked archived that still stands",
    "bad-month": "a date or month written in another form than YYYY-MM-DD or YYYY-MM",
    "month-not-allowed": "a month (YYYY-MM) where the document gives the day",
    "fedramp-designation": "a FedRAMP entry without its Marketplace designation, or mismatched",
    # --- subprocessors' transfers (trustcenter.subprocessor_checks) ------------------------
    "transfer-missing": "a subprocessor without any transfer mechanism",
    "transfer-twice": "both transfer_mechanism and transfers on one subprocessor",
    "transfer-regime": "a mechanism under a regime whose law does not have it, or repeated",
    "location-country": "a location close to a country's name but not one (misspelt)",
    "transfer-uncovered": "a location outside the regime's area with no standing mechanism",
    "transfer-destination": "a mechanism naming a destination it cannot cover or not listed",
    "transfer-adequacy": "adequacy claimed for a country the regime does not recognize",
    "transfer-adequacy-unjudged": "Swiss adequacy stated for a country our partial list lacks",
    "transfer-dpf-destination": "a Data Privacy Framework part for a destination not in the US",
    "transfer-not-in-force": "a DPF part before the day it took effect",
    "transfer-retired": "pre-2021 SCCs after their last day (EU 2022-12-27, UK 2024-03-21)",
    "transfer-retiring": "pre-2021 SCCs before their regime's last day (a warning)",
    "dpf-unverified": "a DPF claim not known to stand on the build date (a warning)",
    "dpf-fields": "DPF List dates on another mechanism, or dates that cannot be true",
    # --- files for code holders (trustcenter.restricted_files) --------------------------
    "files-not-allowed": "'files' on an entry that cannot carry restricted files",
    "file-name-clash": "two files of one entry that would be saved under the same name",
    "file-unreadable": "a restricted file that is missing, unreadable, empty or outside",
    "file-large": "a restricted file over the size at which GitHub warns",
    # --- the site's presentation (trustcenter.branding) -------------------------------
    "logo-missing": "the logo file company.yml names is not in the data folder",
}

#: Every rule id and its one-line summary, in a stable order. Read-only.
RULES = MappingProxyType(_RULES)


def summary(rule: str) -> str:
    """The one-line summary of ``rule``; raises :class:`KeyError` for an unknown id."""
    return RULES[rule]


def is_known(rule: str) -> bool:
    """True when ``rule`` is a registered rule id."""
    return rule in RULES
