"""Transfer mechanisms in words, per exporting regime and destination (frameworks.md §9).

Kept apart from :mod:`trustcenter.render` so that ``trustcenter check`` can word its
messages without importing the templates. Which mechanism covers which location comes
from :mod:`trustcenter.destinations`; this module only says it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from trustcenter.destinations import ClaimState, covers, dpf_claim, law
from trustcenter.model import (
    Regime,
    Subprocessor,
    SubprocessorChange,
    Transfer,
    TransferMechanism,
)
from trustcenter.status import long_date

#: Each mechanism in words, as its exporting regime's law names it (frameworks.md §9).
TRANSFER_MECHANISMS = {
    TransferMechanism.NONE_NEEDED: "None needed",
    TransferMechanism.ADEQUACY: "Adequacy decision",
    TransferMechanism.SCCS: "Standard Contractual Clauses (2021)",
    TransferMechanism.DPF: "EU-U.S. Data Privacy Framework",
    TransferMechanism.BCR: "Binding Corporate Rules",
    TransferMechanism.UK_IDTA: "UK International Data Transfer Agreement",
    TransferMechanism.UK_ADDENDUM: "UK Addendum to the EU SCCs",
    TransferMechanism.UK_EXTENSION: "UK Extension to the EU-U.S. DPF",
    TransferMechanism.SWISS_DPF: "Swiss-U.S. Data Privacy Framework",
    TransferMechanism.SCCS_2001: "Standard Contractual Clauses of 2001 (Decision 2001/497/EC)",
    TransferMechanism.SCCS_2004: "Standard Contractual Clauses of 2004 (Decision 2004/915/EC)",
    TransferMechanism.SCCS_2010: "Standard Contractual Clauses of 2010 (Decision 2010/87/EU)",
}
#: Words that depend on the regime: whose adequacy, whose SCCs, processed where.
_REGIME_WORDS = {
    (Regime.EU, TransferMechanism.NONE_NEEDED): "None needed (processed in the EEA)",
    (Regime.UK, TransferMechanism.NONE_NEEDED): "None needed (processed in the UK)",
    (Regime.CH, TransferMechanism.NONE_NEEDED): "None needed (processed in Switzerland)",
    (Regime.EU, TransferMechanism.ADEQUACY): "EU adequacy decision",
    (Regime.UK, TransferMechanism.ADEQUACY): "UK adequacy regulations",
    (Regime.CH, TransferMechanism.ADEQUACY): "Swiss adequacy (FADP)",
    (Regime.CH, TransferMechanism.SCCS): "EU SCCs with the Swiss amendments",
}


def mechanism_label(regime: Regime, mechanism: TransferMechanism) -> str:
    """``EU adequacy decision``: one mechanism in words, for its exporting regime."""
    return _REGIME_WORDS.get((regime, mechanism), TRANSFER_MECHANISMS[mechanism])


@dataclass(frozen=True)
class MechanismWords:
    """One mechanism as a reader sees it: its words, and whether it stands today."""

    mechanism: TransferMechanism
    label: str
    #: What the data says of it: the DPF List's dates, the day it retires or lapsed.
    detail: str
    standing: bool

    def text(self, *, primary: bool = False) -> str:
        """``EU-U.S. Data Privacy Framework (primary; active on the DPF List on ...)``."""
        if not self.standing:
            return f"{self.label}: {self.detail}"
        notes = "; ".join(n for n in ("primary" if primary else "", self.detail) if n)
        return f"{self.label} ({notes})" if notes else self.label


@dataclass(frozen=True)
class DestinationWords:
    """The locations one set of mechanisms covers, in words."""

    locations: tuple[str, ...]
    mechanisms: tuple[MechanismWords, ...]

    @property
    def text(self) -> str:
        """``United States: EU-U.S. Data Privacy Framework (primary), Standard ...``."""
        standing = [i for i, m in enumerate(self.mechanisms) if m.standing]
        first = standing[0] if len(standing) > 1 else -1
        words = [m.text(primary=i == first) for i, m in enumerate(self.mechanisms)]
        return (
            f"{', '.join(self.locations)}: {', '.join(words)}"
            if self.locations
            else (", ".join(words))
        )


@dataclass(frozen=True)
class RegimeWords:
    """One exporting regime's mechanisms, per destination."""

    regime: Regime
    destinations: tuple[DestinationWords, ...]

    @property
    def text(self) -> str:
        """``EU/EEA — United Kingdom: EU adequacy decision; India: Standard ...``."""
        return f"{self.regime.label} — {'; '.join(d.text for d in self.destinations)}"


def mechanism_words(
    regime: Regime, transfer: Transfer, today: dt.date, verify_days: int
) -> MechanismWords:
    """What the data says of one mechanism on ``today``.

    A DPF part says what the DPF List showed (active on a day, the re-certification date,
    or the day it lapsed: then it is not standing and says so); a retiring mechanism says
    until when it may be relied on.
    """
    mechanism = transfer.mechanism
    label = mechanism_label(regime, mechanism)
    if mechanism.dpf_part:
        claim = dpf_claim(transfer, today, verify_days)
        verified = transfer.dpf_verified
        due = transfer.dpf_recertification_due
        seen = f"active on the DPF List on {long_date(verified)}" if verified else ""
        if claim.state is ClaimState.LAPSED:
            lapsed = long_date(transfer.dpf_lapsed or today)
            detail = f"not relied on since {lapsed}, when the recipient's listing lapsed"
            return MechanismWords(mechanism, label, detail, False)
        if claim.state is ClaimState.UNVERIFIED:
            return MechanismWords(mechanism, label, "DPF listing not verified", True)
        if claim.state is ClaimState.OVERDUE:
            why = (
                f"re-certification was due on {long_date(due)}, not verified since"
                if due is not None
                else "not verified since"
            )
            return MechanismWords(mechanism, label, "; ".join(p for p in (seen, why) if p), True)
        due_words = f"re-certification due {long_date(due)}" if due else ""
        return MechanismWords(mechanism, label, "; ".join(p for p in (seen, due_words) if p), True)
    retirement = law(regime).retired.get(mechanism)
    if retirement is not None:
        if today > retirement.after:
            detail = f"retired after {long_date(retirement.after)}"
            return MechanismWords(mechanism, label, detail, False)
        return MechanismWords(mechanism, label, f"until {long_date(retirement.after)}", True)
    return MechanismWords(mechanism, label, "", True)


def regime_words(sub: Subprocessor, today: dt.date, verify_days: int = 90) -> list[RegimeWords]:
    """Per regime the data names (EU first), the mechanisms that cover each destination.

    Destinations covered by the same mechanisms are named together; a destination no
    written mechanism covers but the regime's adequacy does is said as such; with no
    destination outside the regime's area, the mechanisms are said alone ("None needed").
    """
    out = []
    for regime_cover in covers(sub, today):
        regime = regime_cover.regime
        groups: dict[tuple[int, ...], list[str]] = {}
        by_law: list[str] = []
        positions = {id(t): i for i, t in enumerate(regime_cover.transfers)}
        for destination in regime_cover.destinations:
            if destination.by_law:
                by_law.append(destination.location)
            elif destination.transfers:
                key = tuple(positions[id(t)] for t in destination.transfers)
                groups.setdefault(key, []).append(destination.location)
        said = [
            DestinationWords(
                tuple(locations),
                tuple(
                    mechanism_words(regime, regime_cover.transfers[i], today, verify_days)
                    for i in key
                ),
            )
            for key, locations in groups.items()
        ]
        if by_law:
            adequacy = MechanismWords(
                TransferMechanism.ADEQUACY,
                mechanism_label(regime, TransferMechanism.ADEQUACY),
                "",
                True,
            )
            said.append(DestinationWords(tuple(by_law), (adequacy,)))
        if not said:
            said = [
                DestinationWords(
                    (),
                    tuple(
                        mechanism_words(regime, t, today, verify_days)
                        for t in regime_cover.transfers
                    ),
                )
            ]
        out.append(RegimeWords(regime, tuple(said)))
    return out


def transfer_text(sub: Subprocessor, today: dt.date, verify_days: int = 90) -> str:
    """Every regime's mechanisms per destination in words, primary first.

    ``EU/EEA — United States: EU-U.S. Data Privacy Framework (active on the DPF List on
    1 October 2026; re-certification due 15 March 2027) (primary), Standard Contractual
    Clauses (2021). UK — United States: UK Extension to the EU-U.S. DPF``.
    """
    return ". ".join(words.text for words in regime_words(sub, today, verify_days))


def filter_values(sub: Subprocessor, today: dt.date, verify_days: int = 90) -> list[str]:
    """The page filter's choices for ``sub``: each standing mechanism with its regime.

    ``EU/EEA: Standard Contractual Clauses (2021)``; a lapsed DPF claim is not one.
    """
    return standing_values(regime_words(sub, today, verify_days))


def standing_values(regimes: Iterable[RegimeWords]) -> list[str]:
    """:func:`filter_values` of a subprocessor whose :func:`regime_words` are ``regimes``."""
    values: list[str] = []
    for words in regimes:
        for destination in words.destinations:
            for mechanism in destination.mechanisms:
                value = f"{words.regime.label}: {mechanism.label}"
                if mechanism.standing and value not in values:
                    values.append(value)
    return values


def transfers_before(sub: Subprocessor, change: SubprocessorChange) -> Subprocessor:
    """``sub`` as it was before ``change``: its mechanisms (and locations) then.

    ``change.transfers_before`` replaces the transfers; ``locations_before``, when the
    change moved the data too, the locations.
    """
    return sub.model_copy(
        update={
            "transfers": change.transfers_before,
            "transfer_mechanism": None,
            "locations": change.locations_before or sub.locations,
        }
    )
