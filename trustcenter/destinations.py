"""Which transfer mechanism covers which destination, and whether a claim stands on a date.

A subprocessor's ``locations`` are where personal data goes; its mechanisms are listed per
exporting regime (EU/EEA, UK, Switzerland; GDPR Chapter V, UK GDPR Chapter V, Swiss FADP
Art. 16). This module reads a location as a country (ISO 3166-1, through ``pycountry``),
knows each regime's area and adequacy list (``catalogue/transfer_law.yaml``, with its
sources and the date it was checked) and works out, per regime, the mechanisms that cover
each location that needs one:

- a mechanism with ``destinations:`` covers exactly those locations;
- otherwise the law decides: ``adequacy`` covers the locations the regime recognizes as
  adequate, a part of the Data Privacy Framework covers the United States, and a
  contractual mechanism (SCCs, the IDTA, the UK Addendum, BCR) written alone covers every
  location that needs a mechanism; beside others it covers the locations no adequacy
  covers and no DPF part covers; when there are none it is the fallback for the DPF's,
  and, when there are none of those either, it covers them all;
- a location left without any mechanism is covered by the regime's adequacy when the law
  recognizes it (the EU's decision for the United Kingdom applies whether or not the data
  says so), else it is uncovered: an error.

The DPF claim's standing on a date follows what the DPF List showed (frameworks.md §9.1,
"DPF upkeep": annual re-certification; a lapsed organisation is "INACTIVE-LAPSE" and
may no longer receive data under it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import enum
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pycountry

from trustcenter.catalogue import package_data
from trustcenter.model import Regime, Subprocessor, Transfer, TransferMechanism

#: Names people write for a country that ISO 3166 spells otherwise.
_ALIASES = {
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "republic of korea": "KR",
    "korea": "KR",
    "russia": "RU",
    "usa": "US",
    "u s": "US",
    "u s a": "US",
    "united states of america": "US",
    "america": "US",
    "holland": "NL",
    "czech republic": "CZ",
    "turkey": "TR",
    "vietnam": "VN",
    "taiwan": "TW",
}
#: Words for the European Union or the EEA as a whole.
_EEA_WORDS = {"eu", "eea", "european union", "european economic area", "europe eea"}
#: The closeness (difflib ratio) from which text is taken as a misspelt country name.
_MISSPELT = 0.8


class PlaceKind(enum.StrEnum):
    """What a location names."""

    COUNTRY = "country"
    EEA = "eea"  # the EU or the EEA as a whole
    OTHER = "other"  # "Global edge network", "Worldwide": no adequacy can cover it
    MISSPELT = "misspelt"  # close to a country's name but not one


@dataclass(frozen=True)
class Place:
    """A location as written, and the country it names (ISO 3166-1 alpha-2), if any."""

    text: str
    kind: PlaceKind
    country: str = ""
    #: For a misspelt one: the country name it is closest to.
    suggestion: str = ""

    @property
    def name(self) -> str:
        """The country's ISO short name (``United Kingdom``), else the text as written."""
        if self.kind is PlaceKind.COUNTRY:
            return country_name(self.country)
        return self.text


def country_name(code: str) -> str:
    """The ISO 3166-1 short name of ``code`` (``GB`` → ``United Kingdom``)."""
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else code


@cache
def _names() -> dict[str, str]:
    """Every lower-case name, official name and common name of a country → its code."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = country.alpha_2
    return names


def _lookup(text: str) -> str:
    said = re.sub(r"^the\s+", "", text.strip().lower())
    plain = re.sub(r"[^a-z0-9]+", " ", said).strip()
    if plain in _ALIASES:
        return _ALIASES[plain]
    if said in _names():
        return _names()[said]
    try:
        return str(pycountry.countries.lookup(said).alpha_2)
    except LookupError:
        return ""


@cache
def place(text: str) -> Place:
    """What the location ``text`` names.

    A country's name, official or common name, ISO code or a usual alias (``UK``,
    ``USA``); or the part after the last comma (``Frankfurt, Germany``) when that is one.
    ``EU``/``EEA`` name the area as a whole. Text close to a country's name but not one
    (``Germnay``) is :attr:`PlaceKind.MISSPELT` with the name it is closest to; any other
    text is :attr:`PlaceKind.OTHER`.
    """
    said = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    if said in _EEA_WORDS:
        return Place(text, PlaceKind.EEA)
    for candidate in (text, text.rsplit(",", 1)[-1]):
        if code := _lookup(candidate):
            return Place(text, PlaceKind.COUNTRY, code)
    close = difflib.get_close_matches(
        re.sub(r"^the\s+", "", text.strip().lower()), list(_names()), n=1, cutoff=_MISSPELT
    )
    if close:
        return Place(text, PlaceKind.MISSPELT, suggestion=country_name(_names()[close[0]]))
    return Place(text, PlaceKind.OTHER)


# --- the transfer law of each regime ------------------------------------------------------


@dataclass(frozen=True)
class Adequacy:
    """One adequacy decision (or regulation) of a regime for one country."""

    country: str
    since: dt.date | None = None
    until: dt.date | None = None
    note: str = ""
    #: The only mechanism that carries it (the United States: that regime's DPF part).
    only_by: TransferMechanism | None = None

    def in_force(self, day: dt.date) -> bool:
        """True while the decision applies on ``day``."""
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True)
class Retirement:
    """A mechanism that may not be relied on after ``after`` (the last day it could)."""

    after: dt.date
    source: str


@dataclass(frozen=True)
class RegimeLaw:
    """A regime's area, adequacy list and retired mechanisms, with source and date."""

    regime: Regime
    area: frozenset[str]
    adequate: dict[str, Adequacy]
    complete: bool
    as_of: dt.date
    source: str
    retired: dict[TransferMechanism, Retirement] = field(default_factory=dict)


@cache
def _transfer_law() -> dict[str, Any]:
    """``catalogue/transfer_law.yaml``, read once."""
    loaded: dict[str, Any] = package_data("transfer_law.yaml")
    return loaded


@cache
def law(regime: Regime) -> RegimeLaw:
    """The transfer law of ``regime`` from ``catalogue/transfer_law.yaml``."""
    entry: dict[str, Any] = _transfer_law()[regime.value]
    adequate = {
        item["country"]: Adequacy(
            country=item["country"],
            since=item.get("since"),
            until=item.get("until"),
            note=item.get("note", ""),
            only_by=TransferMechanism(item["only_by"]) if item.get("only_by") else None,
        )
        for item in entry["adequate"]
    }
    return RegimeLaw(
        regime=regime,
        area=frozenset(entry["area"]),
        adequate=adequate,
        complete=bool(entry["complete"]),
        as_of=entry["as_of"],
        source=" ".join(entry["source"].split()),
        retired={
            TransferMechanism(key): Retirement(value["after"], " ".join(value["source"].split()))
            for key, value in (entry.get("retired") or {}).items()
        },
    )


def inside(regime: Regime, where: Place) -> bool:
    """True when ``where`` lies inside the regime's own area: no transfer happens."""
    if where.kind is PlaceKind.EEA:
        return regime is Regime.EU
    return where.kind is PlaceKind.COUNTRY and where.country in law(regime).area


def adequacy_of(regime: Regime, where: Place, day: dt.date) -> Adequacy | None:
    """The regime's adequacy decision for ``where`` in force on ``day``, if any.

    The EEA as a whole is adequate for the UK and Swiss regimes (each lists every EEA
    state). A decision carried only by a DPF part (the United States) is returned too:
    the caller checks ``only_by``.
    """
    if where.kind is PlaceKind.EEA and regime is not Regime.EU:
        return Adequacy(country="EEA")
    if where.kind is not PlaceKind.COUNTRY:
        return None
    decision = law(regime).adequate.get(where.country)
    return decision if decision is not None and decision.in_force(day) else None


def dpf_available(mechanism: TransferMechanism) -> dt.date | None:
    """The day a DPF part took effect, from its regime's United States entry.

    EU-U.S. DPF 10 July 2023, UK Extension 12 October 2023, Swiss-U.S. DPF 15 September
    2024 (frameworks.md §9.1).
    """
    regime = mechanism.regimes[0]
    decision = law(regime).adequate.get("US")
    return decision.since if decision is not None else None


def unjudged(regime: Regime, where: Place, day: dt.date) -> bool:
    """True when the regime's list is partial and does not name the country ``where``.

    Its adequacy there can be neither confirmed nor refused (the Swiss list, see
    ``catalogue/transfer_law.yaml``).
    """
    return (
        not law(regime).complete
        and where.kind is PlaceKind.COUNTRY
        and adequacy_of(regime, where, day) is None
    )


def can_cover(
    transfer: Transfer, regime: Regime, where: Place, day: dt.date, *, stated: bool = False
) -> bool:
    """True when the law lets ``transfer`` cover a transfer to ``where`` under ``regime``.

    Adequacy covers the countries the regime's list names; a country a partial list does
    not name only where the data states it (``stated``: the check warns that it is not
    judged), never by inference.
    """
    mechanism = transfer.mechanism
    if mechanism is TransferMechanism.NONE_NEEDED:
        return inside(regime, where)
    if inside(regime, where):
        return False
    if mechanism.dpf_part:
        return where.kind is PlaceKind.COUNTRY and where.country == "US"
    if mechanism is TransferMechanism.ADEQUACY:
        decision = adequacy_of(regime, where, day)
        if decision is not None:
            return decision.only_by is None
        return stated and unjudged(regime, where, day)
    return True


# --- which mechanism covers which location ------------------------------------------------


@dataclass(frozen=True)
class Destination:
    """A location that needs a mechanism under one regime, and what covers it."""

    location: str
    place: Place
    #: The mechanisms that cover it, primary first (in the order the data lists them).
    transfers: tuple[Transfer, ...]
    #: True when no mechanism was written for it and the regime's adequacy covers it.
    by_law: bool = False


@dataclass(frozen=True)
class RegimeCover:
    """One regime's mechanisms and the destinations each covers."""

    regime: Regime
    transfers: tuple[Transfer, ...]
    destinations: tuple[Destination, ...]
    #: For each written mechanism (by position), the locations it covers.
    covers: tuple[tuple[str, ...], ...]

    @property
    def uncovered(self) -> list[Destination]:
        """The destinations with no mechanism at all."""
        return [d for d in self.destinations if not d.transfers and not d.by_law]


def cover(
    sub: Subprocessor, regime: Regime, transfers: list[Transfer], day: dt.date
) -> RegimeCover:
    """Which of ``transfers`` (``sub``'s mechanisms under ``regime``) covers which location.

    The rule is in the module's docstring. Destinations written on a mechanism that are
    not among ``sub.locations`` are ignored here (the checks report them).
    """
    places = {loc: place(loc) for loc in sub.locations}
    needing = [loc for loc in sub.locations if not inside(regime, places[loc])]
    covered: dict[int, list[str]] = {i: [] for i in range(len(transfers))}
    for i, transfer in enumerate(transfers):
        if transfer.destinations:
            covered[i] = [d for d in transfer.destinations if d in needing]
    explicit = {loc for i, t in enumerate(transfers) if t.destinations for loc in covered[i]}
    rest = [loc for loc in needing if loc not in explicit] or needing
    implicit = [
        i
        for i, t in enumerate(transfers)
        if not t.destinations and t.mechanism is not TransferMechanism.NONE_NEEDED
    ]
    bound = [i for i in implicit if not transfers[i].mechanism.contractual]
    for i in bound:
        covered[i] = [loc for loc in rest if can_cover(transfers[i], regime, places[loc], day)]
    by_adequacy = {
        loc
        for i in bound
        if transfers[i].mechanism is TransferMechanism.ADEQUACY
        for loc in covered[i]
    }
    by_dpf = {loc for i in bound if transfers[i].mechanism.dpf_part for loc in covered[i]}
    by_law = {
        loc
        for loc in rest
        if (decision := adequacy_of(regime, places[loc], day)) is not None
        and decision.only_by is None
    }
    alone = len(implicit) == 1  # one mechanism: it covers what it was written for
    contractual = (rest if alone else []) or (
        [loc for loc in rest if loc not in by_adequacy | by_dpf | by_law]
        or [loc for loc in rest if loc not in by_adequacy | by_law]
        or [loc for loc in rest if loc not in by_adequacy]
        or rest
    )
    for i in implicit:
        if transfers[i].mechanism.contractual:
            covered[i] = list(contractual)
    destinations = []
    for loc in needing:
        mine = tuple(t for i, t in enumerate(transfers) if loc in covered[i])
        decision = adequacy_of(regime, places[loc], day)
        lawful = not mine and decision is not None and decision.only_by is None
        destinations.append(Destination(loc, places[loc], mine, by_law=lawful))
    return RegimeCover(
        regime,
        tuple(transfers),
        tuple(destinations),
        tuple(tuple(covered[i]) for i in range(len(transfers))),
    )


#: While :func:`covers_kept` runs: (id of a subprocessor, day) -> (it, its covers that day).
_KEPT: ContextVar[
    dict[tuple[int, dt.date], tuple[Subprocessor, tuple[RegimeCover, ...]]] | None
] = ContextVar("trustcenter_covers_kept", default=None)


@contextlib.contextmanager
def covers_kept() -> Iterator[None]:
    """Within it, :func:`covers` works out a subprocessor's covers on a day only once.

    For a step that reads the same data many times and changes none of it (the exports
    say each subprocessor's transfers in trust.json, again in its words, and in every
    feed entry about it). The result is a function of the subprocessor's fields, the
    day and the catalogue's law; each subprocessor is kept (so its id names it alone)
    until the outermost ``with`` ends, and nothing is kept after.
    """
    if _KEPT.get() is not None:  # already inside one
        yield
        return
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def covers(sub: Subprocessor, day: dt.date) -> list[RegimeCover]:
    """Every regime the data names, EU first, with what covers each destination.

    Worked out once per subprocessor and day inside :func:`covers_kept`.
    """
    kept = _KEPT.get()
    if kept is None:
        return [cover(sub, regime, transfers, day) for regime, transfers in sub.transfer_regimes()]
    known = kept.get((id(sub), day))
    if known is None or known[0] is not sub:
        found = tuple(
            cover(sub, regime, transfers, day) for regime, transfers in sub.transfer_regimes()
        )
        known = kept[id(sub), day] = (sub, found)
    return list(known[1])


# --- DPF claims on a date -----------------------------------------------------------------


class ClaimState(enum.StrEnum):
    """What the data says of a DPF claim on the build date."""

    STANDING = "standing"  # verified active, and not past its known end
    UNVERIFIED = "unverified"  # never verified: not known to stand
    OVERDUE = "overdue"  # verified once, but past the re-certification date or the window
    LAPSED = "lapsed"  # the List showed it inactive: it stands no more


@dataclass(frozen=True)
class Claim:
    """A DPF part's claim on a date: its state, and the day that state ends or began."""

    state: ClaimState
    #: STANDING: the last day it is known to stand; OVERDUE: the day it stopped being
    #: known; LAPSED: the day it lapsed.
    day: dt.date | None = None


def dpf_claim(transfer: Transfer, today: dt.date, verify_days: int) -> Claim:
    """The standing of a DPF part's claim on ``today``.

    Lapsed from ``dpf_lapsed`` on. Known to stand until ``dpf_recertification_due`` (the
    day before it) when that is recorded, otherwise for ``verify_days`` after
    ``dpf_verified`` (``data/settings.yml``, ``dpf_verify_days``). Without either, or
    before the day it was verified (a build for an earlier date), the claim is
    unverified.
    """
    if transfer.dpf_lapsed is not None and transfer.dpf_lapsed <= today:
        return Claim(ClaimState.LAPSED, transfer.dpf_lapsed)
    if transfer.dpf_verified is not None and transfer.dpf_verified > today:
        return Claim(ClaimState.UNVERIFIED)
    if transfer.dpf_recertification_due is not None:
        last = transfer.dpf_recertification_due - dt.timedelta(days=1)
    elif transfer.dpf_verified is not None:
        last = transfer.dpf_verified + dt.timedelta(days=verify_days)
    else:
        return Claim(ClaimState.UNVERIFIED)
    if today <= last:
        return Claim(ClaimState.STANDING, last)
    return Claim(ClaimState.OVERDUE, last + dt.timedelta(days=1))


def stands(transfer: Transfer, today: dt.date, verify_days: int) -> bool:
    """False only for a DPF part whose listing lapsed: every other claim is published."""
    return not (
        transfer.mechanism.dpf_part
        and dpf_claim(transfer, today, verify_days).state is ClaimState.LAPSED
    )
