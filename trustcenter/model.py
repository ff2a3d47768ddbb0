"""The validated model of a trust center: one pydantic model per data file and per entry.

Field names are the YAML keys. Every model forbids unknown keys (so a misspelt key is
an error with a suggestion, never silently ignored). Two nested blocks set the audience
of what they hold:

- ``gated:``: details only for the gated page (opinion, exceptions, bridge letters, ...);
- ``internal:``: facts for the team only (owner, evidence, notes). Nothing under
  ``internal:`` is ever rendered, exported or written into the site.

The models check types and the form of single values (a URL's scheme, a criterion's
identifier); rules that relate several values (a Type 2 report has a period whose end
follows its start, ids are unique) are in :mod:`trustcenter.checks`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
)

from trustcenter.catalogue import Category, criteria, criterion_hint
from trustcenter.markup import markdown_problems, url_problem

# --- value types -------------------------------------------------------------------------

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def _check_url(value: str) -> str:
    if (problem := url_problem(value)) is not None:
        raise ValueError(problem)
    return value


def _check_markdown(value: str) -> str:
    if problems := markdown_problems(value):
        raise ValueError("; ".join(problems))
    return value


def _check_criterion(value: str) -> str:
    if value not in criteria():
        raise ValueError(
            f"expected a Trust Services Criteria identifier, found '{value}' "
            f"({criterion_hint(value)})"
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Plain text, shown escaped; never empty."""

MarkdownText = Annotated[Text, AfterValidator(_check_markdown)]
"""Text in the safe Markdown subset of :mod:`trustcenter.markup`."""

Url = Annotated[str, AfterValidator(_check_url)]
"""An https, http or mailto URL."""

Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""A stable identifier used in anchors and links: letters, digits, '.', '_', '-'."""

CriterionId = Annotated[str, AfterValidator(_check_criterion)]
"""A Trust Services Criteria identifier such as ``CC6.1``."""


class Model(BaseModel):
    """Base of every data model: unknown keys are errors; remembers where it was written."""

    model_config = ConfigDict(extra="forbid", validate_default=True)

    #: The entry's file and location, set by the loader, for checks that span entries.
    _source: tuple[str, tuple[str | int, ...]] | None = PrivateAttr(default=None)


# --- internal-only blocks ------------------------------------------------------------------


class Internal(Model):
    """Facts for the security team only; never rendered, exported or published."""

    owner: Text | None = None
    evidence: list[Text] = []
    last_tested: dt.date | None = None
    notes: Text | None = None


# --- company.yml ---------------------------------------------------------------------------


class ContactPurpose(enum.StrEnum):
    """What a contact is for; ``access_requests`` is where a prospect asks for gated reports."""

    SECURITY = "security"
    PRIVACY = "privacy"
    ACCESS_REQUESTS = "access_requests"
    SALES = "sales"
    SUPPORT = "support"
    LEGAL = "legal"


class Contact(Model):
    """A way to reach the company about its security program."""

    purpose: ContactPurpose
    label: Text
    url: Url


class Service(Model):
    """A service covered by the system description."""

    name: Text
    description: MarkdownText


class Components(Model):
    """The five components of a system, as a SOC 2 or SOC 3 system description names them."""

    infrastructure: MarkdownText
    software: MarkdownText
    people: MarkdownText
    procedures: MarkdownText
    data: MarkdownText


class SubserviceMethod(enum.StrEnum):
    """How the auditor treated a subservice organization's controls."""

    CARVE_OUT = "carve_out"
    INCLUSIVE = "inclusive"


class SubserviceOrganization(Model):
    """A vendor whose controls the system relies on (for example the hosting provider)."""

    name: Text
    services: MarkdownText
    method: SubserviceMethod


class SystemDescription(Model):
    """The SOC 3-style description: services, boundaries, components, commitments."""

    services: list[Service] = Field(min_length=1)
    boundaries: MarkdownText
    components: Components
    commitments: list[MarkdownText] = Field(min_length=1)
    system_requirements: list[MarkdownText] = Field(min_length=1)
    subservice_organizations: list[SubserviceOrganization] = []


class Company(Model):
    """``data/company.yml``: who the company is, its system, and how to reach it."""

    name: Text
    legal_name: Text | None = None
    website: Url
    description: MarkdownText
    commitment: MarkdownText
    contacts: list[Contact] = Field(min_length=1)
    system: SystemDescription
    internal: Internal | None = None

    def contact(self, purpose: ContactPurpose) -> Contact | None:
        """The first contact for ``purpose``, falling back to the security contact."""
        for wanted in (purpose, ContactPurpose.SECURITY):
            for contact in self.contacts:
                if contact.purpose is wanted:
                    return contact
        return None


# --- attestations.yml ----------------------------------------------------------------------


class Framework(enum.StrEnum):
    """The audit, certification and compliance frameworks a trust center lists."""

    SOC1 = "soc1"
    SOC2 = "soc2"
    SOC3 = "soc3"
    ISO27001 = "iso27001"
    ISO27017 = "iso27017"
    ISO27018 = "iso27018"
    ISO27701 = "iso27701"
    PCI_DSS = "pci_dss"
    CSA_STAR = "csa_star"
    CYBER_ESSENTIALS = "cyber_essentials"
    CYBER_ESSENTIALS_PLUS = "cyber_essentials_plus"
    TISAX = "tisax"
    FEDRAMP = "fedramp"
    HIPAA = "hipaa"
    GDPR = "gdpr"
    NIST_CSF = "nist_csf"
    OTHER = "other"

    @property
    def is_soc(self) -> bool:
        """SOC 1, SOC 2 and SOC 3 are attestation reports with a type and a period."""
        return self in (Framework.SOC1, Framework.SOC2, Framework.SOC3)

    @property
    def uses_criteria(self) -> bool:
        """SOC 2 and SOC 3 report on Trust Services Criteria categories; SOC 1 does not."""
        return self in (Framework.SOC2, Framework.SOC3)

    @property
    def is_certification(self) -> bool:
        """Frameworks that lead to a certificate with an expiry date."""
        return self in (
            Framework.ISO27001,
            Framework.ISO27017,
            Framework.ISO27018,
            Framework.ISO27701,
            Framework.CYBER_ESSENTIALS,
            Framework.CYBER_ESSENTIALS_PLUS,
        )

    @property
    def has_no_certification(self) -> bool:
        """Laws and frameworks nobody can be certified against (HIPAA, GDPR, NIST CSF)."""
        return self in (Framework.HIPAA, Framework.GDPR, Framework.NIST_CSF)


class AttestationStatus(enum.StrEnum):
    """Where an audit or certification stands in its life."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    ISSUED = "issued"
    WITHDRAWN = "withdrawn"


class Visibility(enum.StrEnum):
    """Who may see a report itself: anyone, a prospect under NDA, or only the team."""

    PUBLIC = "public"
    NDA = "nda"
    INTERNAL = "internal"


class Period(Model):
    """A Type 2 examination period, both days included."""

    start: dt.date
    end: dt.date


class Opinion(enum.StrEnum):
    """The auditor's opinion; exceptions found in testing are reported separately."""

    UNMODIFIED = "unmodified"
    QUALIFIED = "qualified"
    ADVERSE = "adverse"
    DISCLAIMER = "disclaimer"


class ReportException(Model):
    """A deviation the auditor found while testing a control."""

    control: Text | None = None
    summary: MarkdownText
    management_response: MarkdownText | None = None


class BridgeLetter(Model):
    """Management's letter covering the gap between a period's end and today."""

    covers_through: dt.date
    issued: dt.date
    signed_by: Text


class GatedReportDetails(Model):
    """Details shown only on the gated page, to holders of an access code."""

    opinion: Opinion | None = None
    exceptions: list[ReportException] = []
    bridge_letters: list[BridgeLetter] = []
    control_objectives: list[MarkdownText] = []
    complementary_user_entity_controls: list[MarkdownText] = []
    how_to_obtain: MarkdownText | None = None


class Attestation(Model):
    """An audit report, certificate or compliance statement the company holds or plans."""

    id: Identifier
    framework: Framework
    name: Text | None = None
    type: Literal[1, 2] | None = None
    status: AttestationStatus
    visibility: Visibility
    auditor: Text | None = None
    as_of: dt.date | None = None
    period: Period | None = None
    issued: dt.date | None = None
    expires: dt.date | None = None
    expected: dt.date | None = None
    categories: list[Category] = []
    scope: MarkdownText | None = None
    certificate_number: Text | None = None
    public_url: Url | None = None
    verification_url: Url | None = None
    gated: GatedReportDetails | None = None
    internal: Internal | None = None


class AttestationsFile(Model):
    """``data/attestations.yml``."""

    attestations: list[Attestation] = []


# --- controls.yml --------------------------------------------------------------------------


class ControlStatus(enum.StrEnum):
    """Whether a control operates today."""

    IMPLEMENTED = "implemented"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"


class ControlVisibility(enum.StrEnum):
    """Where a control may be shown: the public site, the gated page, or nowhere."""

    PUBLIC = "public"
    GATED = "gated"
    INTERNAL = "internal"


class ControlCategory(Model):
    """A heading under which controls are grouped (for example "Access control")."""

    id: Identifier
    title: Text
    description: MarkdownText | None = None


class Control(Model):
    """One control: what it does, where it maps in the TSC, and whether it operates."""

    id: Identifier
    title: Text
    description: MarkdownText
    category: Identifier
    criteria: list[CriterionId] = Field(min_length=1)
    status: ControlStatus
    visibility: ControlVisibility
    internal: Internal | None = None


class ControlsFile(Model):
    """``data/controls.yml``: the control categories, then the controls."""

    categories: list[ControlCategory] = Field(min_length=1)
    controls: list[Control] = []


# --- subprocessors.yml ---------------------------------------------------------------------


class TransferMechanism(enum.StrEnum):
    """How personal data may lawfully leave the EEA for this subprocessor."""

    NONE_NEEDED = "none_needed"
    ADEQUACY = "adequacy"
    SCCS = "sccs"
    DPF = "dpf"
    BCR = "bcr"
    UK_IDTA = "uk_idta"


class Subprocessor(Model):
    """A third party that processes customer personal data (GDPR Art. 28)."""

    id: Identifier
    name: Text
    purpose: MarkdownText
    data: list[Text] = Field(min_length=1)
    locations: list[Text] = Field(min_length=1)
    transfer_mechanism: TransferMechanism
    website: Url
    added: dt.date
    internal: Internal | None = None


class SubprocessorsFile(Model):
    """``data/subprocessors.yml``."""

    subprocessors: list[Subprocessor] = []


# --- access.yml ----------------------------------------------------------------------------


class Grant(Model):
    """Permission for one recipient to open the gated page until a date.

    The repository holds the grant (who, why, until when), never the access code: the
    code is derived from the grant's id and ``rotation`` with the secret CI holds.
    """

    id: Identifier
    recipient: Text
    reason: Text
    expires: dt.date
    #: Raise to give the recipient a new code; the old one stops working at the next build.
    rotation: int = Field(default=0, ge=0)
    internal: Internal | None = None


class AccessFile(Model):
    """``data/access.yml``: where the gated page lives and who may open it."""

    page_url: Url | None = None
    grants: list[Grant] = []


# --- the whole trust center ----------------------------------------------------------------


class TrustCenter(BaseModel):
    """Everything loaded from ``data/``, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    company: Company
    attestations: list[Attestation]
    categories: list[ControlCategory]
    controls: list[Control]
    subprocessors: list[Subprocessor]
    access: AccessFile = AccessFile()

    def public_attestations(self) -> list[Attestation]:
        """Attestations the public site lists (all but those marked internal)."""
        return [a for a in self.attestations if a.visibility is not Visibility.INTERNAL]

    def public_controls(self) -> list[Control]:
        """Controls the public site lists."""
        return [c for c in self.controls if c.visibility is ControlVisibility.PUBLIC]

    def gated_controls(self) -> list[Control]:
        """Controls shown only on the gated page."""
        return [c for c in self.controls if c.visibility is ControlVisibility.GATED]

    def gated_reports(self) -> list[Attestation]:
        """SOC 1 and SOC 2 reports whose details the gated page describes."""
        return [
            a for a in self.public_attestations() if a.framework in (Framework.SOC1, Framework.SOC2)
        ]

    def active_grants(self, today: dt.date) -> list[Grant]:
        """Grants that open the gated page on ``today`` (the expiry day included)."""
        return [g for g in self.access.grants if g.expires >= today]

    def categories_in_scope(self) -> list[Category]:
        """TSC categories covered by a public SOC 2 or SOC 3 that is issued or under way."""
        found: set[Category] = set()
        for item in self.public_attestations():
            if item.framework.uses_criteria and item.status is not AttestationStatus.WITHDRAWN:
                found.update(item.categories)
        return [c for c in Category if c in found]


#: The data files, their model and whether a trust center needs them.
DATA_FILES: dict[str, tuple[type[Model], bool]] = {
    "company.yml": (Company, True),
    "attestations.yml": (AttestationsFile, True),
    "controls.yml": (ControlsFile, True),
    "subprocessors.yml": (SubprocessorsFile, False),
    "access.yml": (AccessFile, False),
}


def slug(text: str) -> str:
    """A lower-case anchor fragment for ``text`` (``AC-01`` becomes ``ac-01``)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def describe(value: Any) -> str:
    """Name a YAML value for an error message: its kind and, if short, the value itself."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.datetime | dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dict):
        return "a mapping of keys to values"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text}'" if len(text) <= 60 else f"'{text[:57]}...'"
