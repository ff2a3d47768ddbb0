"""``data/attestations.yml``: audit reports, certificates and compliance statements."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Literal

from trustcenter.catalogue import Category
from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url
from trustcenter.model.files import GatedFile


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
    #: Files for code holders only (the report PDF, a bridge letter), sealed by the build.
    files: list[GatedFile] = []
    internal: Internal | None = None


class AttestationsFile(Model):
    """``data/attestations.yml``."""

    attestations: list[Attestation] = []
