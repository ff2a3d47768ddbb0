"""``data/subprocessors.yml``: third parties processing personal data (GDPR Art. 28)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from pydantic import (
    Field,
)

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url


class TransferMechanism(enum.StrEnum):
    """How personal data may lawfully leave the EEA for this subprocessor."""

    NONE_NEEDED = "none_needed"
    ADEQUACY = "adequacy"
    SCCS = "sccs"
    DPF = "dpf"
    BCR = "bcr"
    UK_IDTA = "uk_idta"


class SubprocessorChange(Model):
    """A change to an engaged subprocessor (a new location, a new purpose), announced ahead."""

    announced: dt.date
    effective: dt.date
    summary: MarkdownText


class Subprocessor(Model):
    """A third party that processes customer personal data (GDPR Art. 28).

    An entry is never deleted: a subprocessor that is no longer used gets ``removed``,
    so the list keeps its history and the change feed can say when it left.
    """

    id: Identifier
    name: Text
    purpose: MarkdownText
    data: list[Text] = Field(min_length=1)
    locations: list[Text] = Field(min_length=1)
    transfer_mechanism: TransferMechanism
    website: Url
    added: dt.date
    announced: dt.date | None = None
    removed: dt.date | None = None
    removal_announced: dt.date | None = None
    changes: list[SubprocessorChange] = []
    internal: Internal | None = None

    def engaged_on(self, day: dt.date) -> bool:
        """True while the subprocessor is engaged on ``day``."""
        return self.added <= day and (self.removed is None or day < self.removed)


class EventKind(enum.StrEnum):
    """What happened to a subprocessor."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class SubprocessorEvent:
    """One change to the list, with the day it was announced and the day it takes effect."""

    kind: EventKind
    subprocessor: Subprocessor
    effective: dt.date
    announced: dt.date | None
    summary: str
    #: Where in the entry the change is written, for problems: ("added",), ("changes", 0)...
    field: tuple[str | int, ...]

    @property
    def key(self) -> str:
        """A stable identifier of the event, for feed entries and anchors."""
        return f"{self.subprocessor.id}/{self.kind.value}/{self.effective.isoformat()}"


class ChangeNotice(Model):
    """How the company announces subprocessor changes: the notice its DPA promises."""

    days: int = Field(ge=0)
    since: dt.date | None = None
    subscribe: Url | None = None
    objections: Url | None = None


class SubprocessorsFile(Model):
    """``data/subprocessors.yml``."""

    notice: ChangeNotice | None = None
    subprocessors: list[Subprocessor] = []


def subprocessor_events(subprocessors: list[Subprocessor]) -> list[SubprocessorEvent]:
    """Every addition, removal and change, newest effective date first."""
    events: list[SubprocessorEvent] = []
    for sub in subprocessors:
        events.append(
            SubprocessorEvent(
                EventKind.ADDED,
                sub,
                sub.added,
                sub.announced,
                f"{sub.name} added as a subprocessor",
                ("added",),
            )
        )
        if sub.removed is not None:
            events.append(
                SubprocessorEvent(
                    EventKind.REMOVED,
                    sub,
                    sub.removed,
                    sub.removal_announced,
                    f"{sub.name} removed as a subprocessor",
                    ("removed",),
                )
            )
        for index, change in enumerate(sub.changes):
            events.append(
                SubprocessorEvent(
                    EventKind.CHANGED,
                    sub,
                    change.effective,
                    change.announced,
                    change.summary,
                    ("changes", index),
                )
            )
    return sorted(events, key=lambda e: (e.effective, e.key), reverse=True)
