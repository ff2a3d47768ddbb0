"""Transfer mechanisms in words, per exporting regime (frameworks.md §9).

Kept apart from :mod:`trustcenter.render` so that ``trustcenter check`` can word its
messages without importing the templates.
"""

from __future__ import annotations

from trustcenter.model import Regime, Subprocessor, TransferMechanism

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


def transfer_text(sub: Subprocessor) -> str:
    """Every regime's mechanisms in words, primary first.

    ``EU/EEA: EU-U.S. Data Privacy Framework (primary), Standard Contractual Clauses
    (2021); UK: UK Addendum to the EU SCCs``.
    """
    parts = []
    for regime, mechanisms in sub.transfer_regimes():
        words = [mechanism_label(regime, m) for m in mechanisms]
        if len(words) > 1:
            words[0] += " (primary)"
        parts.append(f"{regime.label}: {', '.join(words)}")
    return "; ".join(parts)
