"""Rules for the transfer mechanisms of ``data/subprocessors.yml`` (GDPR Chapter V).

Each exporting regime has its own tools (frameworks.md §9): the UK IDTA, the UK Addendum
and the UK Extension to the DPF are UK GDPR tools; the Swiss-U.S. DPF is Swiss; the EU
SCCs serve the EU and, with the Swiss amendments, Switzerland, but not the UK alone.
Per destination (:mod:`trustcenter.destinations`): every location that needs a mechanism
under a regime the data names has one; a mechanism names only the subprocessor's
locations; adequacy only where the regime recognizes it; a DPF part only for the United
States. Retired mechanisms (the pre-2021 SCCs: EU after 27 December 2022, UK after 21
March 2024) are errors after their date and warnings before; a DPF claim no longer known
to stand on the build date is a warning.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence

from trustcenter.checks import Checker
from trustcenter.destinations import (
    ClaimState,
    PlaceKind,
    RegimeCover,
    adequacy_of,
    can_cover,
    cover,
    dpf_available,
    dpf_claim,
    inside,
    law,
    place,
    stands,
    unjudged,
)
from trustcenter.model import Regime, Subprocessor, Transfer, TransferMechanism
from trustcenter.status import long_date
from trustcenter.transfers import mechanism_label


def check_transfers(checker: Checker, subprocessors: Sequence[Subprocessor]) -> None:
    """Check every subprocessor's locations and transfer mechanisms, with located problems.

    Each mechanism is stated once under a regime that has it, each location that needs
    one is covered, and every claim can stand on the build date (see the module).
    """
    for sub in subprocessors:
        misspelt = False
        for index, location in enumerate(sub.locations):
            where = place(location)
            if where.kind is PlaceKind.MISSPELT:
                misspelt = True
                checker.report(
                    sub,
                    ["locations", index],
                    f"expected a country; found {location!r}, which is no country's name",
                    hint=f"write {where.suggestion!r} if that is meant: a country's name as "
                    "ISO 3166 spells it (Germany, United States, United Kingdom), or a "
                    "description such as 'Global edge network'",
                    rule="location-country",
                )
        for number, change in enumerate(sub.changes):
            for index, location in enumerate(change.locations_before):
                where = place(location)
                if where.kind is PlaceKind.MISSPELT:
                    checker.report(
                        sub,
                        ["changes", number, "locations_before", index],
                        f"expected a country; found {location!r}, which is no country's name",
                        hint=f"write {where.suggestion!r} if that is meant: a country's name "
                        "as ISO 3166 spells it",
                        rule="location-country",
                    )
        if misspelt:
            # Which mechanism covers which location is judged once the locations are
            # countries: a misspelt one would only repeat its error as a wrong fix.
            continue
        if not sub.transfer_regimes() and not (
            sub.transfer_mechanism is not None and sub.transfers is not None
        ):
            written = "transfers" if sub.transfers is not None else "transfer_mechanism"
            empty = sub.transfers is not None or sub.transfer_mechanism is not None
            checker.report(
                sub,
                [written] if empty else ["id"],
                f"'{written}' lists no mechanism"
                if empty
                else "expected 'transfer_mechanism' (exports from the EU/EEA) or 'transfers' "
                "(per regime: eu, uk, ch)",
                hint="add 'transfer_mechanism: none_needed' if the data stays where it is",
                at_key=True,
                rule="transfer-missing",
            )
            continue
        if sub.transfer_mechanism is not None and sub.transfers is not None:
            checker.report(
                sub,
                ["transfer_mechanism"],
                "'transfer_mechanism' and 'transfers' say the same thing twice",
                hint="keep 'transfers' and write the EU/EEA mechanisms under 'transfers: eu:'",
                at_key=True,
                rule="transfer-twice",
            )
            continue
        if sub.transfers is not None:
            lists = [
                (regime, transfers, ["transfers", regime.value])
                for regime, transfers in (
                    (Regime.EU, sub.transfers.eu),
                    (Regime.UK, sub.transfers.uk),
                    (Regime.CH, sub.transfers.ch),
                )
            ]
        else:
            lists = [(Regime.EU, list(sub.transfer_mechanism or []), ["transfer_mechanism"])]
        for regime, transfers, base in lists:
            if transfers:
                _one_regime(checker, sub, regime, transfers, base)


def _one_regime(
    checker: Checker,
    sub: Subprocessor,
    regime: Regime,
    transfers: list[Transfer],
    base: list[str],
) -> None:
    today = checker.today
    verify_days = checker.thresholds.dpf_verify_days
    seen: set[TransferMechanism] = set()
    refused = False  # a mechanism that cannot be used here: skip the coverage errors
    for index, transfer in enumerate(transfers):
        path: list[str | int] = [*base, index]
        mechanism = transfer.mechanism
        label = mechanism_label(mechanism.regimes[0], mechanism)
        if regime not in mechanism.regimes:
            home = " and ".join(r.adjective for r in mechanism.regimes)
            checker.report(
                sub,
                [*path, "mechanism"],
                f"{label} is a tool of {home} law: it cannot cover exports from {regime.origin}",
                hint=(
                    "write it under 'transfers: uk:' (UK GDPR)"
                    if Regime.UK in mechanism.regimes
                    else "write it under 'transfers: ch:'"
                    if Regime.CH in mechanism.regimes
                    else ""
                ),
                rule="transfer-regime",
            )
            refused = True
            continue
        if mechanism in seen:
            checker.report(
                sub,
                [*path, "mechanism"],
                f"'{mechanism.value}' is listed twice",
                hint="list each mechanism once; name all the countries it covers under "
                "its 'destinations:'",
                rule="transfer-regime",
            )
        seen.add(mechanism)
        if mechanism is TransferMechanism.NONE_NEEDED and len(transfers) > 1:
            checker.report(
                sub,
                [*path, "mechanism"],
                "'none_needed' says no transfer happens, so it cannot stand beside other "
                "mechanisms",
                hint="list only the mechanisms the transfer relies on, primary first",
                rule="transfer-regime",
            )
            refused = True
            continue
        bad = _retired(checker, sub, regime, transfer, path, today)
        bad |= _destinations(checker, sub, regime, transfer, path, today)
        refused |= bad
        _dpf(checker, sub, transfer, path, today, verify_days, judge=not bad)
    if refused:
        return
    _coverage(checker, sub, base, cover(sub, regime, transfers, today), today, verify_days)


def _retired(
    checker: Checker,
    sub: Subprocessor,
    regime: Regime,
    transfer: Transfer,
    path: list[str | int],
    today: dt.date,
) -> bool:
    """The pre-2021 SCCs: an error after the regime's last day, a warning before."""
    retirement = law(regime).retired.get(transfer.mechanism)
    if retirement is None:
        return False
    label = mechanism_label(regime, transfer.mechanism)
    replacement = (
        "the 2021 SCCs ('sccs')"
        if regime is Regime.EU
        else "the IDTA ('uk_idta') or the UK Addendum to the 2021 SCCs ('uk_addendum')"
    )
    if today > retirement.after:
        checker.report(
            sub,
            [*path, "mechanism"],
            f"{label} may not be relied on for exports from {regime.origin} after "
            f"{long_date(retirement.after)} (build date {today.isoformat()})",
            hint=f"write {replacement}, which replaced them ({retirement.source})",
            rule="transfer-retired",
        )
        return True
    checker.report(
        sub,
        [*path, "mechanism"],
        f"{label} may be relied on for exports from {regime.origin} only until "
        f"{long_date(retirement.after)}",
        hint=f"sign {replacement} before then ({retirement.source})",
        warning=True,
        rule="transfer-retiring",
    )
    return False


def _destinations(
    checker: Checker,
    sub: Subprocessor,
    regime: Regime,
    transfer: Transfer,
    path: list[str | int],
    today: dt.date,
) -> bool:
    """Each written destination is a location of ``sub`` the mechanism can cover.

    With no destinations written, a mechanism bound to places (adequacy, a DPF part)
    must be able to cover at least one location. True when the mechanism is refused.
    """
    mechanism = transfer.mechanism
    label = mechanism_label(regime, mechanism)
    refused = False
    if mechanism.dpf_part and (available := dpf_available(mechanism)) and today < available:
        checker.report(
            sub,
            [*path, "mechanism"],
            f"the {label} applies from {long_date(available)}; the build date is "
            f"{today.isoformat()}",
            hint="name the mechanism the transfer relied on before then",
            rule="transfer-not-in-force",
        )
        return True
    targets: list[tuple[int | None, str]] = [*enumerate(transfer.destinations)] or [
        (None, loc) for loc in sub.locations
    ]
    fits = []
    for index, location in targets:
        at: list[str | int] = [*path, "destinations", index] if index is not None else path
        if index is not None and location not in sub.locations:
            checker.report(
                sub,
                at,
                f"{location!r} is not among the locations of {sub.name} "
                f"({', '.join(sub.locations)})",
                hint=(
                    f"did you mean {close[0]!r}?"
                    if (close := difflib.get_close_matches(location, sub.locations, n=1))
                    else "name one of its locations exactly as written under 'locations:', "
                    "or add the location there"
                ),
                rule="transfer-destination",
            )
            refused = True
            continue
        where = place(location)
        if can_cover(transfer, regime, where, today, stated=index is not None):
            fits.append(location)
            if mechanism is TransferMechanism.ADEQUACY and unjudged(regime, where, today):
                checker.report(
                    sub,
                    at,
                    f"{location} is not on the part of the {regime.adjective} adequacy list this "
                    f"version knows (as of {long_date(law(regime).as_of)}): its adequacy is not "
                    "judged",
                    hint="check Annex 1 of the Swiss Data Protection Ordinance; if the "
                    "country is not there, name the clauses that cover it",
                    warning=True,
                    rule="transfer-adequacy-unjudged",
                )
        elif index is not None:
            _cannot(checker, sub, regime, transfer, at, location, today)
            refused = True
    if transfer.destinations or refused:
        return refused
    if mechanism is TransferMechanism.NONE_NEEDED:
        outside = [loc for loc in sub.locations if not inside(regime, place(loc))]
        if outside:
            _cannot(checker, sub, regime, transfer, path, outside[0], today)
            return True
        return False
    if not fits:
        needing = [loc for loc in sub.locations if not inside(regime, place(loc))]
        _cannot(checker, sub, regime, transfer, path, (needing or sub.locations)[0], today)
        return True
    return False


def _cannot(
    checker: Checker,
    sub: Subprocessor,
    regime: Regime,
    transfer: Transfer,
    at: list[str | int],
    location: str,
    today: dt.date,
) -> None:
    """Why ``transfer`` cannot cover ``location`` under ``regime``, at ``at``."""
    mechanism = transfer.mechanism
    label = mechanism_label(regime, mechanism)
    where = place(location)
    area = {Regime.EU: "the EEA", Regime.UK: "the UK", Regime.CH: "Switzerland"}[regime]
    if mechanism is TransferMechanism.NONE_NEEDED:
        checker.report(
            sub,
            at,
            f"'none_needed' says the data stays in {area}, but {location} is outside it",
            hint="name the mechanism that covers it (adequacy, sccs, dpf...)",
            rule="transfer-destination",
        )
    elif mechanism.dpf_part:
        checker.report(
            sub,
            at,
            f"the {label} covers transfers to the United States only; found {location}",
            hint=f"{location} is in {area}: write 'none_needed' if every location is"
            if inside(regime, where)
            else "name the mechanism that covers it: adequacy where "
            f"{regime.adjective} law recognizes it, otherwise the clauses (sccs, uk_idta...)",
            rule="transfer-dpf-destination",
        )
    elif inside(regime, where):
        checker.report(
            sub,
            at,
            f"{location} is in {area}: exports from {regime.origin} there need no "
            f"mechanism, so the {label} does not cover it",
            hint="name only the destinations outside "
            f"{area}; write 'none_needed' if every location is inside",
            rule="transfer-destination",
        )
    else:
        decision = adequacy_of(regime, where, today)
        if decision is not None and decision.only_by is not None:
            message = (
                f"{regime.adjective} law recognizes {location} as adequate only for recipients "
                f"certified under the Data Privacy Framework"
            )
            hint = f"write '{decision.only_by.value}' (with the DPF List's dates) instead"
        else:
            checked = law(regime)
            message = (
                f"{location} has no {regime.adjective} adequacy decision in force on "
                f"{long_date(today)} (list as of {long_date(checked.as_of)})"
            )
            hint = "name the clauses that cover it (sccs, uk_idta, uk_addendum, bcr)"
        checker.report(sub, at, message, hint=hint, rule="transfer-adequacy")


def _dpf(
    checker: Checker,
    sub: Subprocessor,
    transfer: Transfer,
    path: list[str | int],
    today: dt.date,
    verify_days: int,
    *,
    judge: bool = True,
) -> None:
    """A DPF part's dates from the DPF List; they are an error on any other mechanism.

    With ``judge`` false (the mechanism is refused already), its claim is not judged.
    """
    dates = {
        "dpf_verified": transfer.dpf_verified,
        "dpf_recertification_due": transfer.dpf_recertification_due,
        "dpf_lapsed": transfer.dpf_lapsed,
    }
    label = mechanism_label(transfer.mechanism.regimes[0], transfer.mechanism)
    if not transfer.mechanism.dpf_part:
        for key, value in dates.items():
            if value is not None:
                checker.report(
                    sub,
                    [*path, key],
                    f"'{key}' records what the Data Privacy Framework List showed; the "
                    f"{label} is not on it",
                    hint="remove it, or write it under the DPF part (dpf, uk_extension, "
                    "swiss_dpf) it belongs to",
                    at_key=True,
                    rule="dpf-fields",
                )
        return
    verified, due = transfer.dpf_verified, transfer.dpf_recertification_due
    if verified is not None and due is not None and due <= verified:
        checker.report(
            sub,
            [*path, "dpf_recertification_due"],
            f"the next re-certification date {due.isoformat()} is not after the day the "
            f"listing was verified ({verified.isoformat()})",
            hint="copy the 'next certification due date' the DPF List showed that day",
            rule="dpf-fields",
        )
        return
    lapsed = transfer.dpf_lapsed
    if verified is not None and lapsed is not None and lapsed <= verified:
        checker.report(
            sub,
            [*path, "dpf_lapsed"],
            f"the listing cannot have lapsed on {lapsed.isoformat()}, on or before the day it "
            f"was verified active ({verified.isoformat()})",
            hint="if it was re-certified after the lapse, remove 'dpf_lapsed'; otherwise "
            "correct the dates",
            rule="dpf-fields",
        )
        return
    if verified is not None and due is not None and due > _a_year_after(verified):
        checker.report(
            sub,
            [*path, "dpf_recertification_due"],
            f"the next re-certification date {due.isoformat()} is more than a year after the "
            f"day the listing was verified ({verified.isoformat()}); DPF participants "
            "re-certify every year",
            hint="copy the 'next certification due date' the DPF List showed on the day you "
            "verified it",
            rule="dpf-fields",
        )
        return
    if not judge:
        return
    claim = dpf_claim(transfer, today, verify_days)
    if claim.state is ClaimState.UNVERIFIED:
        checker.report(
            sub,
            [*path, "mechanism"],
            f"the {label} claim for {sub.name} is not known to stand: no day the DPF List "
            "showed the recipient active for this part is recorded",
            hint=f"look {sub.name} up on the DPF List and write "
            f"'- {{mechanism: {transfer.mechanism.value}, dpf_verified: YYYY-MM-DD, "
            "dpf_recertification_due: YYYY-MM-DD}' (the List's next certification due date)",
            warning=True,
            rule="dpf-unverified",
        )
    elif claim.state is ClaimState.OVERDUE:
        why = (
            f"its re-certification was due on {long_date(transfer.dpf_recertification_due)}"
            if transfer.dpf_recertification_due is not None
            else f"it was last verified on {long_date(verified or today)}, more than "
            f"{verify_days} days ago (dpf_verify_days)"
        )
        checker.report(
            sub,
            [*path, "dpf_recertification_due" if due is not None else "dpf_verified"],
            f"the {label} claim for {sub.name} is no longer known to stand on "
            f"{long_date(today)}: {why}",
            hint="look it up on the DPF List again: if it is active, update 'dpf_verified' and "
            "'dpf_recertification_due'; if it shows INACTIVE, write 'dpf_lapsed' with the date",
            warning=True,
            rule="dpf-unverified",
        )


def _a_year_after(day: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _coverage(
    checker: Checker,
    sub: Subprocessor,
    base: list[str],
    regime_cover: RegimeCover,
    today: dt.date,
    verify_days: int,
) -> None:
    """Every location that needs a mechanism under the regime has one that stands."""
    regime = regime_cover.regime
    for destination in regime_cover.destinations:
        index = sub.locations.index(destination.location)
        if destination.by_law:
            continue
        standing = [t for t in destination.transfers if stands(t, today, verify_days)]
        if standing:
            continue
        if destination.transfers:
            lapsed = destination.transfers[0]
            message = (
                f"{destination.location} has no standing mechanism for exports from "
                f"{regime.origin}: the recipient's DPF listing lapsed on "
                f"{long_date(lapsed.dpf_lapsed or today)}"
            )
        else:
            message = f"{destination.location} has no mechanism for exports from {regime.origin}"
        checker.report(
            sub,
            ["locations", index],
            message,
            hint=f"add the mechanism that covers it under '{'.'.join(base)}' (sccs, "
            "uk_idta, bcr...), with 'destinations: [" + destination.location + "]' if "
            "other mechanisms cover other locations",
            rule="transfer-uncovered",
        )
