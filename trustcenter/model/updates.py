"""``data/updates.yml``: dated security updates and incident notices."""

from __future__ import annotations

import datetime as dt
import enum

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text


class UpdateKind(enum.StrEnum):
    """What an update is about."""

    INCIDENT = "incident"
    VULNERABILITY = "vulnerability"
    ADVISORY = "advisory"
    COMPLIANCE = "compliance"
    ANNOUNCEMENT = "announcement"

    @property
    def label(self) -> str:
        """The kind as a reader expects it."""
        return self.value.capitalize()

    @property
    def needs_severity(self) -> bool:
        """Incidents and vulnerabilities say how severe they are."""
        return self in (UpdateKind.INCIDENT, UpdateKind.VULNERABILITY)


class UpdateSeverity(enum.StrEnum):
    """How severe an incident or vulnerability is."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Update(Model):
    """One dated entry of the updates page and its feed."""

    id: Identifier
    date: dt.date
    title: Text
    kind: UpdateKind
    severity: UpdateSeverity | None = None
    summary: MarkdownText
    resolved: dt.date | None = None
    internal: Internal | None = None


class UpdatesFile(Model):
    """``data/updates.yml``."""

    updates: list[Update] = []
