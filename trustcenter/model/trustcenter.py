"""The whole trust center: every data file, validated and cross-checked, in one model."""

from __future__ import annotations

import datetime as dt

from pydantic import (
    BaseModel,
    ConfigDict,
)

from trustcenter.model.access import AccessFile, Grant
from trustcenter.model.attestations import (
    Attestation,
    AttestationsFile,
    Visibility,
)
from trustcenter.model.base import Model
from trustcenter.model.company import Company
from trustcenter.model.controls import Control, ControlCategory, ControlsFile, ControlVisibility
from trustcenter.model.documents import Document, DocumentsFile
from trustcenter.model.faq import FaqFile, Topic
from trustcenter.model.security_txt import SecurityTxt
from trustcenter.model.settings import Settings
from trustcenter.model.subprocessors import ChangeNotice, Subprocessor, SubprocessorsFile
from trustcenter.model.updates import Update, UpdatesFile


class TrustCenter(BaseModel):
    """Everything loaded from ``data/``, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    company: Company
    attestations: list[Attestation]
    categories: list[ControlCategory]
    controls: list[Control]
    subprocessors: list[Subprocessor]
    notice: ChangeNotice | None = None
    access: AccessFile = AccessFile()
    documents: list[Document] = []
    faq: list[Topic] = []
    updates: list[Update] = []
    security_txt: SecurityTxt | None = None
    settings: Settings = Settings()

    def public_attestations(self) -> list[Attestation]:
        """Attestations the public site lists (all but those marked internal).

        What each of them stands as on a build date is decided by
        :mod:`trustcenter.projection` alone.
        """
        return [a for a in self.attestations if a.visibility is not Visibility.INTERNAL]

    def public_controls(self) -> list[Control]:
        """Controls the public site lists."""
        return [c for c in self.controls if c.visibility is ControlVisibility.PUBLIC]

    def gated_controls(self) -> list[Control]:
        """Controls shown only on the gated page."""
        return [c for c in self.controls if c.visibility is ControlVisibility.GATED]

    def current_subprocessors(self, today: dt.date) -> list[Subprocessor]:
        """Subprocessors engaged on ``today``."""
        return [s for s in self.subprocessors if s.engaged_on(today)]

    def public_control_ids(self) -> set[str]:
        """Ids of the controls the public site shows, for links from other pages."""
        return {c.id for c in self.public_controls()}

    def active_grants(self, today: dt.date) -> list[Grant]:
        """Grants that open the gated page on ``today`` (the expiry day included)."""
        return [g for g in self.access.grants if g.expires >= today]


#: The data files, their model and whether a trust center needs them.
DATA_FILES: dict[str, tuple[type[Model], bool]] = {
    "company.yml": (Company, True),
    "attestations.yml": (AttestationsFile, True),
    "controls.yml": (ControlsFile, True),
    "subprocessors.yml": (SubprocessorsFile, False),
    "access.yml": (AccessFile, False),
    "documents.yml": (DocumentsFile, False),
    "faq.yml": (FaqFile, False),
    "updates.yml": (UpdatesFile, False),
    "security_txt.yml": (SecurityTxt, False),
    "settings.yml": (Settings, False),
}
