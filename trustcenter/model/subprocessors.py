"""``data/subprocessors.yml``: third parties processing personal data (GDPR Art. 28)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url
from trustcenter.problems import RuleError


class Regime(enum.StrEnum):
    """The law a transfer is made under: who exports the data (frameworks.md §9)."""

    EU = "eu"  # GDPR, from the EU/EEA
    UK = "uk"  # UK GDPR
    CH = "ch"  # the Swiss FADP

    @property
    def label(self) -> str:
        """``EU/EEA``, ``UK``, ``Switzerland``."""
        return {Regime.EU: "EU/EEA", Regime.UK: "UK", Regime.CH: "Switzerland"}[self]

    @property
    def origin(self) -> str:
        """``the EU/EEA``, ``the UK``, ``Switzerland``: where exports start, in a sentence."""
        return {Regime.EU: "the EU/EEA", Regime.UK: "the UK", Regime.CH: "Switzerland"}[self]

    @property
    def adjective(self) -> str:
        """``EU``, ``UK``, ``Swiss``: whose adequacy decision or law."""
        return {Regime.EU: "EU", Regime.UK: "UK", Regime.CH: "Swiss"}[self]


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
    #: The pre-2021 EU SCCs (Decisions 2001/497/EC, 2004/915/EC, 2010/87/EU): retired.
    SCCS_2001 = "sccs_2001"
    SCCS_2004 = "sccs_2004"
    SCCS_2010 = "sccs_2010"

    @property
    def regimes(self) -> tuple[Regime, ...]:
        """The exporting regimes whose law offers this mechanism.

        The UK IDTA, the UK Addendum and the UK Extension to the DPF are UK GDPR tools;
        the Swiss-U.S. DPF is Swiss; the EU SCCs serve the EU and, with the Swiss
        amendments, Switzerland (for the UK they need the UK Addendum). The pre-2021 SCCs
        served the EU and, until 21 March 2024, the UK (frameworks.md §9.1).
        """
        return _REGIMES[self]

    @property
    def dpf_part(self) -> bool:
        """True for a part of the Data Privacy Framework (EU-U.S., UK Extension, Swiss-U.S.).

        Its claim stands only while the recipient is active on the DPF List for that part.
        """
        return self in _DPF_PARTS

    @property
    def legacy_sccs(self) -> bool:
        """True for the pre-2021 EU Standard Contractual Clauses."""
        return self in _LEGACY_SCCS

    @property
    def contractual(self) -> bool:
        """True for a mechanism that can cover any destination (clauses, BCR, the IDTA)."""
        return self not in (
            TransferMechanism.NONE_NEEDED,
            TransferMechanism.ADEQUACY,
            *_DPF_PARTS,
        )


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
    TransferMechanism.SCCS_2001: (Regime.EU, Regime.UK),
    TransferMechanism.SCCS_2004: (Regime.EU, Regime.UK),
    TransferMechanism.SCCS_2010: (Regime.EU, Regime.UK),
}
_DPF_PARTS = (TransferMechanism.DPF, TransferMechanism.UK_EXTENSION, TransferMechanism.SWISS_DPF)
_LEGACY_SCCS = (
    TransferMechanism.SCCS_2001,
    TransferMechanism.SCCS_2004,
    TransferMechanism.SCCS_2010,
)

#: What people write for a mechanism, and its id here (lower case, punctuation dropped).
_SAYINGS = {
    "scc": "sccs",
    "standard contractual clauses": "sccs",
    "standard contractual clauses 2021": "sccs",
    "eu sccs": "sccs",
    "eu standard contractual clauses": "sccs",
    "model clauses": "sccs",
    "data privacy framework": "dpf",
    "eu us dpf": "dpf",
    "eu us data privacy framework": "dpf",
    "eu u s data privacy framework": "dpf",
    "eu u s dpf": "dpf",
    "adequacy decision": "adequacy",
    "adequate": "adequacy",
    "bcrs": "bcr",
    "binding corporate rules": "bcr",
    "idta": "uk_idta",
    "international data transfer agreement": "uk_idta",
    "uk addendum": "uk_addendum",
    "addendum": "uk_addendum",
    "uk extension": "uk_extension",
    "uk us data bridge": "uk_extension",
    "data bridge": "uk_extension",
    "swiss us dpf": "swiss_dpf",
    "swiss dpf": "swiss_dpf",
    "none": "none_needed",
    "n a": "none_needed",
    "not needed": "none_needed",
    "sccs 2010": "sccs_2010",
    "2010 87 eu": "sccs_2010",
    "2010 87": "sccs_2010",
}
#: Mechanisms that no longer exist, and why: refused with the reason.
_GONE = {
    "privacy shield": "the EU-U.S. Privacy Shield was invalidated by the CJEU on 16 July 2020 "
    "(Schrems II); write 'dpf' if the recipient is active on the Data Privacy Framework List",
    "safe harbor": "Safe Harbor was invalidated by the CJEU on 6 October 2015 (Schrems I); "
    "write 'dpf' if the recipient is active on the Data Privacy Framework List",
}


def _mechanism_id(value: Any) -> Any:
    """A mechanism as written: ids pass; a name people use is refused with the id to write.

    Raises :class:`~trustcenter.problems.RuleError` (``unknown-value``) for a name that is
    not an id (``Standard Contractual Clauses``, ``SCCs``, ``scc``) and for a mechanism
    that no longer exists (``Privacy Shield``); anything else is left to the enum's own
    "expected one of" error.
    """
    if not isinstance(value, str) or value in TransferMechanism._value2member_map_:
        return value
    said = re.sub(r"[^a-z0-9]+", " ", value.lower()).strip()
    if said in _GONE:
        raise RuleError("unknown-value", f"found {value!r}: {_GONE[said]}")
    wanted = _SAYINGS.get(said)
    if wanted is None and said.replace(" ", "_") in TransferMechanism._value2member_map_:
        wanted = said.replace(" ", "_")
    if wanted is not None:
        raise RuleError(
            "unknown-value",
            f"expected a mechanism id ({', '.join(m.value for m in TransferMechanism)}); "
            f"found {value!r}: write '{wanted}'",
        )
    return value


class Transfer(Model):
    """One transfer mechanism under one exporting regime, and the destinations it covers.

    Written as the mechanism alone (``sccs``) or as a mapping. ``destinations`` names the
    subprocessor's locations this mechanism covers; without it the destinations follow
    from the law (see :mod:`trustcenter.destinations`). A part of the Data Privacy
    Framework (``dpf``, ``uk_extension``, ``swiss_dpf``) records what the DPF List showed:
    ``dpf_verified`` (the day the recipient was seen active for this part),
    ``dpf_recertification_due`` (the "next certification due date" the List showed) and
    ``dpf_lapsed`` (the day the List showed the part inactive: the claim stands no more).
    """

    mechanism: TransferMechanism
    destinations: list[Text] = []
    dpf_verified: dt.date | None = None
    dpf_recertification_due: dt.date | None = None
    dpf_lapsed: dt.date | None = None

    @field_validator("mechanism", mode="before")
    @classmethod
    def _known_names(cls, value: Any) -> Any:
        return _mechanism_id(value)


def _as_transfer(value: Any) -> Any:
    """``sccs`` as ``{mechanism: sccs}``: the short form of one mechanism."""
    return {"mechanism": value} if isinstance(value, str) else value


def _as_list(value: Any) -> Any:
    """One mechanism (short or mapping) as a list of one."""
    return [value] if isinstance(value, str | dict) else value


#: One mechanism, short (``sccs``) or as a mapping with its destinations.
TransferItem = Annotated[
    Transfer, BeforeValidator(_as_transfer, json_schema_input_type=TransferMechanism | Transfer)
]


class Transfers(Model):
    """The mechanisms per exporting regime, each list primary first."""

    eu: list[TransferItem] = []
    uk: list[TransferItem] = []
    ch: list[TransferItem] = []

    def by_regime(self) -> list[tuple[Regime, list[Transfer]]]:
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
    #: The transfer mechanisms before the change (per regime, as ``transfers:``).
    transfers_before: Transfers | None = None


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
    transfer_mechanism: (
        Annotated[
            list[TransferItem],
            BeforeValidator(
                _as_list,
                json_schema_input_type=TransferMechanism
                | Transfer
                | list[TransferMechanism | Transfer],
            ),
        ]
        | None
    ) = None
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

    def transfer_regimes(self) -> list[tuple[Regime, list[Transfer]]]:
        """The mechanisms per regime, whichever form the data uses, EU first."""
        if self.transfers is not None:
            return self.transfers.by_regime()
        if not self.transfer_mechanism:
            return []
        return [(Regime.EU, list(self.transfer_mechanism))]

    def engaged_on(self, day: dt.date) -> bool:
        """True while the subprocessor is engaged on ``day``."""
        return self.added <= day and (self.removed is None or day < self.removed)


class EventKind(enum.StrEnum):
    """What happened to a subprocessor."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    #: A Data Privacy Framework part the data relied on lapsed (``dpf_lapsed``).
    LAPSED = "lapsed"


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
    #: What else tells two events of one kind and day apart (a lapse: the DPF part).
    part: str = ""

    @property
    def key(self) -> str:
        """A stable identifier of the event, for feed entries and anchors."""
        key = f"{self.subprocessor.id}/{self.kind.value}/{self.effective.isoformat()}"
        return f"{key}/{self.part}" if self.part else key


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


#: The DPF parts as the DPF List names them, for the lapse events' words.
_DPF_PART_NAMES = {
    TransferMechanism.DPF: "EU-U.S. Data Privacy Framework",
    TransferMechanism.UK_EXTENSION: "UK Extension to the EU-U.S. DPF",
    TransferMechanism.SWISS_DPF: "Swiss-U.S. Data Privacy Framework",
}


def _lapses(sub: Subprocessor) -> list[SubprocessorEvent]:
    """One event per DPF part whose listing lapsed (``dpf_lapsed``): a change of mechanism.

    It is not announced ahead (the company does not choose it): its announcement day is
    the day it lapsed.
    """
    events = []
    for regime, transfers in sub.transfer_regimes():
        for index, transfer in enumerate(transfers):
            if transfer.dpf_lapsed is None or not transfer.mechanism.dpf_part:
                continue
            base: tuple[str | int, ...] = (
                ("transfers", regime.value)
                if sub.transfers is not None
                else ("transfer_mechanism",)
            )
            events.append(
                SubprocessorEvent(
                    EventKind.LAPSED,
                    sub,
                    transfer.dpf_lapsed,
                    transfer.dpf_lapsed,
                    f"The listing of {sub.name} on the Data Privacy Framework List lapsed for "
                    f"the {_DPF_PART_NAMES[transfer.mechanism]}: transfers from "
                    f"{regime.origin} no longer rely on it.",
                    (*base, index, "dpf_lapsed"),
                    transfer.mechanism.value,
                )
            )
    return events


def subprocessor_events(subprocessors: list[Subprocessor]) -> list[SubprocessorEvent]:
    """Every addition, removal and change, newest effective date first.

    A change is one written under ``changes:``, or a DPF part whose listing lapsed.
    """
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
        events += _lapses(sub)
    return sorted(events, key=lambda e: (e.effective, e.key), reverse=True)
