"""``data/subprocessors.yml``: third parties processing personal data (GDPR Art. 28)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from pydantic import (
    Field,
)

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url


class Regime(enum.StrEnum):
    """The law a transfer is made under: who exports the data (frameworks.md §9)."""

    EU = "eu"  # GDPR, from the EU/EEA
    UK = "uk"  # UK GDPR
    CH = "ch"  # the Swiss FADP

    @property
    def label(self) -> str:
        """``EU/EEA``, ``UK``, ``Switzerland``."""
        return {Regime.EU: "EU/EEA", Regime.UK: "UK", Regime.CH: "Switzerland"}[self]


class TransferMechanism(enum.StrEnum):
    """A lawful basis for personal data to leave its exporting regime (frameworks.md §9)."""

    NONE_NEEDED = "none_needed"
    ADEQUACY = "adequacy"
    SCCS = "sccs"
    DPF = "dpf"
    BCR = "bcr"
    UK_IDTA = "uk_idta"
    UK_ADDENDUM = "uk_addendum"
    UK_EXTENSION = "uk_extension"
    SWISS_DPF = "swiss_dpf"

    @property
    def regimes(self) -> tuple[Regime, ...]:
        """The exporting regimes whose law offers this mechanism.

        The UK IDTA, the UK Addendum and the UK Extension to the DPF are UK GDPR tools;
        the Swiss-U.S. DPF is Swiss; the EU SCCs serve the EU and, with the Swiss
        amendments, Switzerland (for the UK they need the UK Addendum).
        """
        return _REGIMES[self]


_ALL = (Regime.EU, Regime.UK, Regime.CH)
_REGIMES: dict[TransferMechanism, tuple[Regime, ...]] = {
    TransferMechanism.NONE_NEEDED: _ALL,
    TransferMechanism.ADEQUACY: _ALL,
    TransferMechanism.SCCS: (Regime.EU, Regime.CH),
    TransferMechanism.DPF: (Regime.EU,),
    TransferMechanism.BCR: _ALL,
    TransferMechanism.UK_IDTA: (Regime.UK,),
    TransferMechanism.UK_ADDENDUM: (Regime.UK,),
    TransferMechanism.UK_EXTENSION: (Regime.UK,),
    TransferMechanism.SWISS_DPF: (Regime.CH,),
}


class Transfers(Model):
    """The mechanisms per exporting regime, each list primary first."""

    eu: list[TransferMechanism] = []
    uk: list[TransferMechanism] = []
    ch: list[TransferMechanism] = []

    def by_regime(self) -> list[tuple[Regime, list[TransferMechanism]]]:
        """(regime, mechanisms) for each regime the data names, EU first."""
        pairs = [(Regime.EU, self.eu), (Regime.UK, self.uk), (Regime.CH, self.ch)]
        return [(regime, mechanisms) for regime, mechanisms in pairs if mechanisms]


class SubprocessorChange(Model):
    """A change to an engaged subprocessor (a new location, a new purpose), announced ahead.

    A rename or a change of locations also says what was before (``renamed_from``,
    ``locations_before``), so the history keeps it while the entry shows what is now.
    """

    announced: dt.date
    effective: dt.date
    summary: MarkdownText
    renamed_from: Text | None = None
    locations_before: list[Text] = []


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
    #: One mechanism or several, primary first, for exports from the EU/EEA; the
    #: short form of ``transfers: {eu: [...]}``.
    transfer_mechanism: TransferMechanism | list[TransferMechanism] | None = None
    #: The mechanisms per exporting regime (EU, UK, Swiss), primary first.
    transfers: Transfers | None = None
    #: An entity of the company's own group (intra-group transfer).
    affiliate: bool = False
    #: The customer regions (data residency) whose data this subprocessor processes.
    customer_regions: list[Text] = []
    website: Url
    added: dt.date
    announced: dt.date | None = None
    removed: dt.date | None = None
    removal_announced: dt.date | None = None
    changes: list[SubprocessorChange] = []
    internal: Internal | None = None

    def transfer_regimes(self) -> list[tuple[Regime, list[TransferMechanism]]]:
        """The mechanisms per regime, whichever form the data uses, EU first."""
        if self.transfers is not None:
            return self.transfers.by_regime()
        if self.transfer_mechanism is None:
            return []
        single = self.transfer_mechanism
        return [(Regime.EU, single if isinstance(single, list) else [single])]

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
