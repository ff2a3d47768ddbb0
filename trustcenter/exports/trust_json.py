"""``/trust.json``: the public facts in one versioned JSON document, with its JSON Schema.

The document is built from its own pydantic models, so the schema published beside it
(``/trust.schema.json``) is generated from the same definitions the document is
validated against: they cannot drift apart. Only public facts are copied in: the models
have no field for anything gated or internal.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from trustcenter.catalogue.frameworks import AssuranceKind
from trustcenter.destinations import covers, dpf_claim
from trustcenter.markup import inline_text
from trustcenter.model import (
    AttestationStandard,
    AttestationStatus,
    CertificationClass,
    ControlStatus,
    DocumentAccess,
    FedrampDesignation,
    FedrampPath,
    ImpactLevel,
    Opinion,
    TrustCenter,
    UpdateKind,
    UpdateSeverity,
    Visibility,
    slug,
)
from trustcenter.model import Subprocessor as SubprocessorModel
from trustcenter.model.months import MonthOrDate
from trustcenter.projection import AttestationView, Projection, project
from trustcenter.render import Links, last_changed
from trustcenter.status import Standing
from trustcenter.transfers import mechanism_words, regime_words, transfer_text

#: The format's version; every change is listed in ``handbook/trust-json.md``.
FORMAT, VERSION = "trustcenter/trust.json", "2.1"
SCHEMA_PATH, DOCUMENT_PATH = "trust.schema.json", "trust.json"


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(_Out):
    """A way to reach the company."""

    purpose: str
    label: str
    url: str


class Company(_Out):
    """The company behind the trust center."""

    name: str
    legal_name: str | None
    website: str
    description: str = Field(description="Plain text, without markup.")
    contacts: list[Contact]


class Period(_Out):
    """An examination period, both days included."""

    start: dt.date
    end: dt.date


class StandardVersion(_Out):
    """The standard version an attestation was made against, from the frameworks catalogue."""

    id: str
    label: str
    retired: dt.date | None
    inferred: bool = Field(
        description="True when the data does not record the version and the attestation's "
        "date allows only this one."
    )
    description: str | None = Field(
        description="One sentence for a buyer when the label is jargon (CAIQ)."
    )


class ReportSubservice(_Out):
    """A subservice organization as one report treats it."""

    name: str
    method: Literal["carve_out", "inclusive"]


class Attestation(_Out):
    """An audit report, certificate or compliance statement, and its standing."""

    id: str
    framework: str
    programme: str = Field(
        description="Attestations with the same programme are one history: the later "
        "issued one supersedes the earlier."
    )
    kind: AssuranceKind = Field(description="What kind of assurance it is.")
    independent: bool = Field(description="False for a self-assessment or an alignment.")
    kind_text: str = Field(description="The kind of assurance and who gave it, in words.")
    title: str
    type: Literal[1, 2] | None
    status: AttestationStatus
    standing: Standing = Field(description="Its standing on the date the file was generated.")
    standing_label: str
    standing_reason: str = Field(description="Why it stands so, in a buyer's words.")
    standing_since: MonthOrDate | None = Field(
        description="The day its standing began; a month (YYYY-MM) when only that is known."
    )
    standing_changes_on: dt.date | None = Field(
        description="The day the standing changes if the data stays as it is."
    )
    next_standing: Standing | None
    superseded_by: str | None
    history: bool = Field(
        description="Kept for the record: superseded, or archived and no longer standing."
    )
    current_until: dt.date | None
    bridge_letter_through: dt.date | None = Field(
        description="The last day the latest bridge letter from management covers (SOC 1 "
        "and SOC 2; the letter itself is shared with the report). When later than the 12 "
        "months after the period, the report is current through it."
    )
    standard_version: StandardVersion | None
    attestation_standard: AttestationStandard | None
    opinion: Opinion | None = Field(description="Public only for a SOC 3.")
    period: Period | None
    as_of: dt.date | None
    issued: MonthOrDate | None = Field(
        description="A date, or a month (YYYY-MM) for an assessment known only to the month."
    )
    expires: dt.date | None
    expected: MonthOrDate | None = Field(description="A date, or only the month (YYYY-MM).")
    initial_certification: MonthOrDate | None = Field(
        description="A date, or only the month (YYYY-MM)."
    )
    auditor: str | None = Field(
        description="Who examined, certified or assessed it (a 3PAO for FedRAMP)."
    )
    accreditation_body: str | None
    authorized_by: str | None
    impact_level: ImpactLevel | None = Field(
        description="FedRAMP: the impact level of a Ready, In Process or Authorized "
        "designation (class_a to class_d are never written: see certification_class)."
    )
    designation: FedrampDesignation | None = Field(
        description="FedRAMP: the Marketplace designation. Only authorized and certified "
        "are authorizations; ready became a legacy designation on 28 July 2026."
    )
    certification_class: CertificationClass | None = Field(
        description="FedRAMP Certified (2026): the Certification Class, A to D."
    )
    path: FedrampPath | None = Field(description="FedRAMP Certified: rev5 or 20x.")
    categories: list[str]
    services: list[str]
    regions: list[str]
    legal_entities: list[str]
    sites: list[str]
    soa_version: str | None
    extensions: list[str]
    subservice_organizations: list[ReportSubservice]
    certificate_number: str | None
    report_access: Literal["public", "nda"]
    public_url: str | None
    verification_url: str | None
    badge: str


class Control(_Out):
    """A public control and the Trust Services Criteria it addresses."""

    id: str
    title: str
    description: str
    category: str
    category_title: str
    criteria: list[str]
    status: ControlStatus
    url: str | None = Field(description="Its anchor on the controls page, if the site has one.")


class TransferClaim(_Out):
    """One mechanism as the data states it, with what it covers and whether it stands."""

    mechanism: str
    label: str = Field(description="The mechanism in words, as on the page.")
    text: str = Field(description="With what the data says of it (DPF List dates, retirement).")
    destinations: list[str] = Field(
        description="The subprocessor's locations this mechanism covers under the regime."
    )
    stated: bool = Field(
        description="True when the data names the destinations; false when the law decides."
    )
    standing: bool = Field(
        description="False for a DPF claim whose listing lapsed or a retired mechanism."
    )
    dpf_state: Literal["standing", "unverified", "overdue", "lapsed"] | None = Field(
        description="For a DPF part: what the DPF List dates say on the build date."
    )
    dpf_verified: dt.date | None
    dpf_recertification_due: dt.date | None
    dpf_lapsed: dt.date | None


class TransferDestination(_Out):
    """One location that needs a mechanism under the regime, and what covers it."""

    location: str = Field(description="As written in 'locations'.")
    country: str | None = Field(description="ISO 3166-1 alpha-2, when the location is one.")
    mechanisms: list[str] = Field(description="The standing mechanisms, primary first.")
    by_law: bool = Field(
        description="True when the regime's adequacy covers it and no mechanism was named."
    )


class Transfer(_Out):
    """The transfer mechanisms for exports under one regime's law."""

    regime: Literal["eu", "uk", "ch"]
    mechanisms: list[str] = Field(description="The standing mechanisms, primary first.")
    claims: list[TransferClaim]
    destinations: list[TransferDestination]
    text: str = Field(description="This regime's mechanisms per destination, in words.")


class Subprocessor(_Out):
    """A subprocessor, current, upcoming or removed."""

    id: str
    name: str
    purpose: str
    data: list[str]
    locations: list[str]
    transfers: list[Transfer] = Field(
        description="Per exporting regime (eu, uk, ch), the mechanisms, primary first."
    )
    transfers_text: str = Field(description="The mechanisms in words, as on the page.")
    affiliate: bool = Field(description="True for an entity of the company's own group.")
    customer_regions: list[str]
    website: str
    state: Literal["current", "upcoming", "removed"]
    added: dt.date
    announced: dt.date | None
    removed: dt.date | None


class Subprocessors(_Out):
    """The list and how changes to it are announced."""

    notice_days: int | None
    last_changed: dt.date | None = Field(
        description="The day the latest addition, removal or change took effect."
    )
    feed: str
    items: list[Subprocessor]


class Document(_Out):
    """A policy or document and how to get it."""

    id: str
    title: str
    version: str
    last_reviewed: dt.date
    access: DocumentAccess
    url: str | None


class Update(_Out):
    """A security update or incident notice."""

    id: str
    date: dt.date
    title: str
    kind: UpdateKind
    severity: UpdateSeverity | None
    resolved: dt.date | None
    url: str | None = Field(description="Its anchor on the updates page, if the site has one.")


class TrustDocument(_Out):
    """The public facts of a trust center (format ``trustcenter/trust.json``, 2.0)."""

    schema_: str = Field(alias="$schema")
    format: Literal["trustcenter/trust.json"]
    version: Literal["2.1"]
    generated: dt.date = Field(description="The build date every standing refers to.")
    trust_center: str
    company: Company
    categories_in_scope: list[str]
    attestations: list[Attestation] = Field(
        description="Every public attestation, superseded history included."
    )
    controls: list[Control]
    subprocessors: Subprocessors
    documents: list[Document]
    updates: list[Update]
    feeds: dict[str, str]
    security_txt: str | None


def _subprocessor_state(
    added: dt.date, removed: dt.date | None, today: dt.date
) -> Literal["current", "upcoming", "removed"]:
    if added > today:
        return "upcoming"
    return "removed" if removed is not None and removed <= today else "current"


def transfer_records(
    sub: SubprocessorModel, today: dt.date, verify_days: int
) -> list[dict[str, Any]]:
    """The records of ``sub``'s transfers in trust.json, one per regime, EU first.

    Each has the standing mechanisms, every claim with what it covers, the destinations
    with what covers each (:mod:`trustcenter.destinations`), and the words.
    """
    words = {w.regime: w for w in regime_words(sub, today, verify_days)}
    records = []
    for regime_cover in covers(sub, today):
        regime = regime_cover.regime
        claims = []
        for transfer, covered in zip(regime_cover.transfers, regime_cover.covers, strict=True):
            said = mechanism_words(regime, transfer, today, verify_days)
            claims.append(
                {
                    "mechanism": transfer.mechanism.value,
                    "label": said.label,
                    "text": said.text(),
                    "destinations": list(covered),
                    "stated": bool(transfer.destinations),
                    "standing": said.standing,
                    "dpf_state": dpf_claim(transfer, today, verify_days).state.value
                    if transfer.mechanism.dpf_part
                    else None,
                    "dpf_verified": transfer.dpf_verified,
                    "dpf_recertification_due": transfer.dpf_recertification_due,
                    "dpf_lapsed": transfer.dpf_lapsed,
                }
            )
        standing = {c["mechanism"] for c in claims if c["standing"]}
        records.append(
            {
                "regime": regime.value,
                "mechanisms": [c["mechanism"] for c in claims if c["standing"]],
                "claims": claims,
                "destinations": [
                    {
                        "location": d.location,
                        "country": d.place.country or None,
                        "mechanisms": [
                            t.mechanism.value for t in d.transfers if t.mechanism.value in standing
                        ]
                        or (["adequacy"] if d.by_law else []),
                        "by_law": d.by_law,
                    }
                    for d in regime_cover.destinations
                ],
                "text": words[regime].text,
            }
        )
    return records


def trust_document(
    tc: TrustCenter,
    today: dt.date,
    links: Links,
    feeds: dict[str, str],
    projection: Projection | None = None,
) -> TrustDocument:
    """The document for ``tc`` on ``today``; every URL is absolute, below ``links.root``.

    ``projection`` is the one judgement of the attestations (made here when not given).
    """
    site_url = links.root
    projection = projection or project(tc, today)
    verify_days = tc.settings.thresholds.dpf_verify_days
    categories = {c.id: c.title for c in tc.categories}
    return TrustDocument.model_validate(
        {
            "$schema": site_url + SCHEMA_PATH,
            "format": FORMAT,
            "version": VERSION,
            "generated": today,
            "trust_center": site_url,
            "company": {
                "name": tc.company.name,
                "legal_name": tc.company.legal_name,
                "website": tc.company.website,
                "description": inline_text(tc.company.description),
                "contacts": [
                    c.model_dump(mode="json", include={"purpose", "label", "url"})
                    for c in tc.company.contacts
                ],
            },
            "categories_in_scope": [c.value for c in projection.categories_in_scope()],
            "attestations": [_attestation(v, site_url) for v in projection.attestations],
            "controls": [
                {
                    "id": c.id,
                    "title": c.title,
                    "description": inline_text(c.description),
                    "category": c.category,
                    "category_title": categories[c.category],
                    "criteria": c.criteria,
                    "status": c.status,
                    "url": links.page("controls", f"control-{slug(c.id)}"),
                }
                for c in tc.public_controls()
            ],
            "subprocessors": {
                "notice_days": tc.notice.days if tc.notice else None,
                "last_changed": last_changed(tc, today),
                "feed": feeds["subprocessors"],
                "items": [
                    {
                        "id": s.id,
                        "name": s.name,
                        "purpose": inline_text(s.purpose),
                        "data": s.data,
                        "locations": s.locations,
                        "transfers": transfer_records(s, today, verify_days),
                        "transfers_text": transfer_text(s, today, verify_days),
                        "affiliate": s.affiliate,
                        "customer_regions": s.customer_regions,
                        "website": s.website,
                        "state": _subprocessor_state(s.added, s.removed, today),
                        "added": s.added,
                        "announced": s.announced,
                        # A removal is public once it is announced, as on the pages.
                        "removed": s.removed
                        if s.removed and (s.removal_announced or s.removed) <= today
                        else None,
                    }
                    for s in tc.subprocessors
                    if (s.announced or s.added) <= today
                ],
            },
            "documents": [
                {
                    "id": d.id,
                    "title": d.title,
                    "version": d.version,
                    "last_reviewed": d.last_reviewed,
                    "access": d.access,
                    "url": d.url,
                }
                for d in tc.documents
            ],
            "updates": [
                {
                    "id": u.id,
                    "date": u.date,
                    "title": u.title,
                    "kind": u.kind,
                    "severity": u.severity,
                    "resolved": u.resolved,
                    "url": links.page("updates", f"update-{slug(u.id)}"),
                }
                for u in tc.updates
                if u.date <= today
            ],
            "feeds": feeds,
            "security_txt": site_url + ".well-known/security.txt" if tc.security_txt else None,
        }
    )


def _attestation(view: AttestationView, site_url: str) -> dict[str, Any]:
    item = view.item
    version = view.version
    return {
        "id": item.id,
        "framework": item.framework.value,
        "programme": view.programme,
        "kind": view.kind,
        "independent": view.kind.independent,
        "kind_text": view.kind_text,
        "title": view.title,
        "type": item.type,
        "status": item.status,
        "standing": view.standing,
        "standing_label": view.label,
        "standing_reason": view.reason,
        "standing_since": view.since,
        "standing_changes_on": view.changes_on,
        "next_standing": view.next_standing,
        "superseded_by": view.superseded_by,
        "history": view.history,
        "current_until": view.current_until,
        "bridge_letter_through": view.bridge_letter_through,
        "standard_version": version
        and {
            "id": version.id,
            "label": version.label,
            "retired": version.retired,
            "inferred": view.version_inferred,
            "description": version.description or None,
        },
        "attestation_standard": item.attestation_standard,
        "opinion": item.opinion,
        "period": item.period and {"start": item.period.start, "end": item.period.end},
        "as_of": item.as_of,
        "issued": item.issued,
        "expires": item.expires,
        "expected": item.expected,
        "initial_certification": item.initial_certification,
        "auditor": item.auditor,
        "accreditation_body": item.accreditation_body,
        "authorized_by": item.authorized_by,
        "impact_level": item.impact_level,
        "designation": item.designation,
        "certification_class": item.certification_class,
        "path": item.path,
        "categories": [c.value for c in item.categories],
        "services": item.services,
        "regions": item.regions,
        "legal_entities": item.legal_entities,
        "sites": item.sites,
        "soa_version": item.soa_version,
        "extensions": [f.value for f in item.extensions],
        "subservice_organizations": [
            {"name": o.name, "method": o.method.value} for o in item.subservice_organizations
        ],
        "certificate_number": item.certificate_number,
        "report_access": "public" if item.visibility is Visibility.PUBLIC else "nda",
        "public_url": item.public_url,
        "verification_url": item.verification_url,
        "badge": f"{site_url}badges/attestations/{item.id}.svg",
    }


def trust_json(document: TrustDocument) -> str:
    """The document as JSON text, keys in a stable order."""
    return document.model_dump_json(by_alias=True, indent=2) + "\n"


#: The document's schema as the model gives it, kept beside this module: a build reads it
#: (0.2 ms) rather than asking pydantic to generate it (about 10 ms on every build).
#: ``tests/unit/test_trust_json_schema.py`` holds it equal to :func:`document_schema`;
#: ``make schemas`` writes it again after the model changes.
DOCUMENT_SCHEMA_FILE = Path(__file__).with_name("trust_document.schema.json")


def document_schema() -> str:
    """The JSON Schema of :class:`TrustDocument` as pydantic generates it, as JSON text."""
    return json.dumps(TrustDocument.model_json_schema(by_alias=True), indent=2) + "\n"


def trust_schema(site_url: str) -> str:
    """The JSON Schema (draft 2020-12) of the document, with its own URL as ``$id``.

    The schema is :data:`DOCUMENT_SCHEMA_FILE` (:func:`document_schema`, committed), with
    ``$schema`` and ``$id`` put first. Raises ``OSError`` when the file cannot be read.
    """
    body = DOCUMENT_SCHEMA_FILE.read_bytes().decode("utf-8")
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + SCHEMA_PATH,
    }
    # The committed text is an object of two-space indented members: the two members go
    # before its first, written as json.dumps writes them there.
    members = "".join(f"  {json.dumps(k)}: {json.dumps(v)},\n" for k, v in head.items())
    return "{\n" + members + body.removeprefix("{\n")


def write_document_schema() -> Path:
    """Write :func:`document_schema` to :data:`DOCUMENT_SCHEMA_FILE`; return its path."""
    DOCUMENT_SCHEMA_FILE.write_text(document_schema(), "utf-8")
    return DOCUMENT_SCHEMA_FILE
