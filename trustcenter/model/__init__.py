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

from trustcenter.model.access import (
    AccessFile,
    Grant,
)
from trustcenter.model.attestations import (
    Attestation,
    AttestationsFile,
    AttestationStandard,
    AttestationStatus,
    BridgeLetter,
    CertificationClass,
    FedrampDesignation,
    FedrampPath,
    Framework,
    GatedReportDetails,
    ImpactLevel,
    Opinion,
    Period,
    ReportException,
    ReportSubservice,
    Visibility,
)
from trustcenter.model.base import (
    ID_PATTERN,
    CriterionId,
    Identifier,
    Internal,
    MarkdownText,
    Model,
    Text,
    Url,
    describe,
    slug,
)
from trustcenter.model.company import (
    Company,
    Components,
    Contact,
    ContactPurpose,
    LegalEntity,
    Service,
    SubserviceMethod,
    SubserviceOrganization,
    SystemDescription,
)
from trustcenter.model.controls import (
    Control,
    ControlCategory,
    ControlsFile,
    ControlStatus,
    ControlVisibility,
)
from trustcenter.model.documents import (
    Document,
    DocumentAccess,
    DocumentsFile,
)
from trustcenter.model.faq import (
    FaqFile,
    Question,
    Topic,
)
from trustcenter.model.files import (
    GatedFile,
    RestrictedPath,
)
from trustcenter.model.security_txt import (
    SecurityTxt,
)
from trustcenter.model.settings import Identifiers, Settings, Thresholds
from trustcenter.model.subprocessors import (
    ChangeNotice,
    EventKind,
    Regime,
    Subprocessor,
    SubprocessorChange,
    SubprocessorEvent,
    SubprocessorsFile,
    Transfer,
    TransferMechanism,
    Transfers,
    subprocessor_events,
)
from trustcenter.model.trustcenter import (
    DATA_FILES,
    TrustCenter,
)
from trustcenter.model.updates import (
    Update,
    UpdateKind,
    UpdateSeverity,
    UpdatesFile,
)

__all__ = [
    "DATA_FILES",
    "ID_PATTERN",
    "AccessFile",
    "Attestation",
    "AttestationStandard",
    "AttestationStatus",
    "AttestationsFile",
    "BridgeLetter",
    "CertificationClass",
    "ChangeNotice",
    "Company",
    "Components",
    "Contact",
    "ContactPurpose",
    "Control",
    "ControlCategory",
    "ControlStatus",
    "ControlVisibility",
    "ControlsFile",
    "CriterionId",
    "Document",
    "DocumentAccess",
    "DocumentsFile",
    "EventKind",
    "FaqFile",
    "FedrampDesignation",
    "FedrampPath",
    "Framework",
    "GatedFile",
    "GatedReportDetails",
    "Grant",
    "Identifier",
    "Identifiers",
    "ImpactLevel",
    "Internal",
    "LegalEntity",
    "MarkdownText",
    "Model",
    "Opinion",
    "Period",
    "Question",
    "Regime",
    "ReportException",
    "ReportSubservice",
    "RestrictedPath",
    "SecurityTxt",
    "Service",
    "Settings",
    "Subprocessor",
    "SubprocessorChange",
    "SubprocessorEvent",
    "SubprocessorsFile",
    "SubserviceMethod",
    "SubserviceOrganization",
    "SystemDescription",
    "Text",
    "Thresholds",
    "Topic",
    "Transfer",
    "TransferMechanism",
    "Transfers",
    "TrustCenter",
    "Update",
    "UpdateKind",
    "UpdateSeverity",
    "UpdatesFile",
    "Url",
    "Visibility",
    "describe",
    "slug",
    "subprocessor_events",
]
