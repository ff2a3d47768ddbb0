"""``data/attestations.yml``: audit reports, certificates and compliance statements."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Literal

from trustcenter.catalogue import Category
from trustcenter.catalogue.frameworks import AssuranceKind
from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url
from trustcenter.model.company import SubserviceMethod
from trustcenter.model.files import GatedFile
from trustcenter.model.months import MonthOrDate


class Framework(enum.StrEnum):
    """The audit, certification and compliance frameworks a trust center lists."""

    SOC1 = "soc1"
    SOC2 = "soc2"
    SOC3 = "soc3"
    ISO27001 = "iso27001"
    ISO27017 = "iso27017"
    ISO27018 = "iso27018"
    ISO27701 = "iso27701"
    ISO9001 = "iso9001"
    PCI_DSS = "pci_dss"
    PA_DSS = "pa_dss"
    CSA_STAR = "csa_star"
    CYBER_ESSENTIALS = "cyber_essentials"
    CYBER_ESSENTIALS_PLUS = "cyber_essentials_plus"
    TISAX = "tisax"
    FEDRAMP = "fedramp"
    HITRUST = "hitrust"
    IRAP = "irap"
    C5 = "c5"
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
            Framework.ISO9001,
            Framework.HITRUST,
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


class AttestationStandard(enum.StrEnum):
    """The standard an examination was performed under (AICPA SSAE, IAASB ISAE)."""

    SSAE18 = "ssae18"
    SSAE21 = "ssae21"
    ISAE3402 = "isae3402"
    ISAE3000 = "isae3000"


class ImpactLevel(enum.StrEnum):
    """A FedRAMP impact level (the baselines before 2026).

    ``class_a`` to ``class_d`` are kept readable for trust.json 2.0 readers but refused in
    the data: the 2026 classes are written as ``certification_class``.
    """

    LI_SAAS = "li_saas"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    CLASS_A = "class_a"
    CLASS_B = "class_b"
    CLASS_C = "class_c"
    CLASS_D = "class_d"


class FedrampDesignation(enum.StrEnum):
    """A cloud service's designation on the FedRAMP Marketplace (frameworks.md §4).

    ``ready``, ``in_process`` and ``authorized`` are the legacy statuses; ``certified``
    is the 2026 label ("FedRAMP Certified", with a Certification Class).
    """

    READY = "ready"
    IN_PROCESS = "in_process"
    AUTHORIZED = "authorized"
    CERTIFIED = "certified"


class CertificationClass(enum.StrEnum):
    """A FedRAMP Certification Class (2026), which replaced the impact levels."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class FedrampPath(enum.StrEnum):
    """How a FedRAMP certification was reached: the Rev5 baselines or FedRAMP 20x."""

    REV5 = "rev5"
    FEDRAMP_20X = "20x"


class ReportSubservice(Model):
    """A subservice organization as one SOC report treats it: carved out or inclusive."""

    name: Text
    method: SubserviceMethod
    services: MarkdownText | None = None


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
    #: None: the data says nothing about exceptions; ``[]``: the report notes none.
    exceptions: list[ReportException] | None = None
    bridge_letters: list[BridgeLetter] = []
    control_objectives: list[MarkdownText] = []
    complementary_user_entity_controls: list[MarkdownText] = []
    complementary_subservice_organization_controls: list[MarkdownText] = []
    how_to_obtain: MarkdownText | None = None


class Attestation(Model):
    """An audit report, certificate or compliance statement the company holds or plans."""

    id: Identifier
    framework: Framework
    #: Two attestations of one framework and programme are one history: the later
    #: issued one supersedes the earlier. Only a company with two programmes of one
    #: framework (two SOC 2s for two products) needs to name them.
    programme: Identifier | None = None
    kind: AssuranceKind | None = None
    #: Kept for the record although nothing supersedes it (a closed programme, a lapsed
    #: certificate not renewed): listed in the history, with its true standing, and no
    #: freshness warning. Only for what no longer stands.
    archived: bool = False
    name: Text | None = None
    type: Literal[1, 2] | None = None
    status: AttestationStatus
    visibility: Visibility
    standard_version: Text | None = None
    attestation_standard: AttestationStandard | None = None
    auditor: Text | None = None
    accreditation_body: Text | None = None
    authorized_by: Text | None = None
    impact_level: ImpactLevel | None = None
    #: FedRAMP only: the Marketplace designation, its 2026 class and path.
    designation: FedrampDesignation | None = None
    certification_class: CertificationClass | None = None
    path: FedrampPath | None = None
    opinion: Opinion | None = None
    as_of: dt.date | None = None
    period: Period | None = None
    #: The date of the report, certificate or assessment; an assessment or alignment
    #: known only to the month may give ``YYYY-MM`` (:mod:`trustcenter.model.months`).
    issued: MonthOrDate | None = None
    expires: dt.date | None = None
    #: When a planned or running one is expected: a day, or only the month.
    expected: MonthOrDate | None = None
    #: The first certification of the management system: a day, or only the month.
    initial_certification: MonthOrDate | None = None
    categories: list[Category] = []
    scope: MarkdownText | None = None
    services: list[Identifier] = []
    regions: list[Text] = []
    legal_entities: list[Identifier] = []
    sites: list[Text] = []
    soa_version: Text | None = None
    extensions: list[Framework] = []
    subservice_organizations: list[ReportSubservice] = []
    certificate_number: Text | None = None
    public_url: Url | None = None
    verification_url: Url | None = None
    gated: GatedReportDetails | None = None
    #: Files for code holders only (the report PDF, a bridge letter), sealed by the build.
    files: list[GatedFile] = []
    internal: Internal | None = None


class AttestationsFile(Model):
    """``data/attestations.yml``."""

    attestations: list[Attestation] = []
