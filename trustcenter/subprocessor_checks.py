"""Rules for the transfer mechanisms of ``data/subprocessors.yml`` (GDPR Chapter V).

Each exporting regime has its own tools (frameworks.md §9): the UK IDTA, the UK Addendum
and the UK Extension to the DPF are UK GDPR tools; the Swiss-U.S. DPF is Swiss; the EU
SCCs serve the EU and, with the Swiss amendments, Switzerland, but not the UK alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from trustcenter.checks import Checker
from trustcenter.model import Regime, Subprocessor, TransferMechanism
from trustcenter.transfers import mechanism_label


def check_transfers(checker: Checker, subprocessors: Sequence[Subprocessor]) -> None:
    """Every subprocessor states its mechanisms once, each under a regime that has it."""
    for sub in subprocessors:
        if sub.transfer_mechanism is None and sub.transfers is None:
            checker.report(
                sub,
                ["id"],
                "expected 'transfer_mechanism' (exports from the EU/EEA) or 'transfers' "
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
                (regime, mechanisms, ["transfers", regime.value], True)
                for regime, mechanisms in (
                    (Regime.EU, sub.transfers.eu),
                    (Regime.UK, sub.transfers.uk),
                    (Regime.CH, sub.transfers.ch),
                )
            ]
        else:
            single = sub.transfer_mechanism
            many = isinstance(single, list)
            mechanisms = single if isinstance(single, list) else [single] if single else []
            lists = [(Regime.EU, mechanisms, ["transfer_mechanism"], many)]
        for regime, mechanisms, base, indexed in lists:
            _one_regime(checker, sub, regime, mechanisms, base, indexed)


def _one_regime(
    checker: Checker,
    sub: Subprocessor,
    regime: Regime,
    mechanisms: list[TransferMechanism],
    base: list[str],
    indexed: bool,
) -> None:
    def where(index: int) -> list[str | int]:
        return [*base, index] if indexed else list(base)

    seen: set[TransferMechanism] = set()
    for index, mechanism in enumerate(mechanisms):
        path = where(index)
        if regime not in mechanism.regimes:
            home = ", ".join(r.label for r in mechanism.regimes)
            checker.report(
                sub,
                path,
                f"{mechanism_label(mechanism.regimes[0], mechanism)} is a tool of {home} law: "
                f"it cannot cover exports from the {regime.label}",
                hint=(
                    "write it under 'transfers: uk:' (UK GDPR)"
                    if Regime.UK in mechanism.regimes
                    else "write it under 'transfers: ch:'"
                    if Regime.CH in mechanism.regimes
                    else ""
                ),
                rule="transfer-regime",
            )
        if mechanism in seen:
            checker.report(
                sub, path, f"'{mechanism.value}' is listed twice", rule="transfer-regime"
            )
        seen.add(mechanism)
        if mechanism is TransferMechanism.NONE_NEEDED and len(mechanisms) > 1:
            checker.report(
                sub,
                path,
                "'none_needed' says no transfer happens, so it cannot stand beside other "
                "mechanisms",
                hint="list only the mechanisms the transfer relies on, primary first",
                rule="transfer-regime",
            )
