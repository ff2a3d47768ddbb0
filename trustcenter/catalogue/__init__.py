"""The AICPA 2017 Trust Services Criteria, shipped as package data (identifiers and our own topics).

The topics in ``tsc2017.yaml`` are short paraphrases written for this project; the AICPA
criterion text is copyrighted and is not reproduced.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from trustcenter.yamlresolver import LOADER


class Category(enum.StrEnum):
    """The five trust services categories; security (CC1 to CC9) is in every SOC 2 and SOC 3."""

    SECURITY = "security"
    AVAILABILITY = "availability"
    PROCESSING_INTEGRITY = "processing_integrity"
    CONFIDENTIALITY = "confidentiality"
    PRIVACY = "privacy"

    @property
    def label(self) -> str:
        """The category's name as a reader expects it."""
        return _CATEGORY_TITLES[self]

    @property
    def prefix(self) -> str:
        """The identifier prefix of the category's criteria (CC, A, C, PI, P)."""
        return _CATEGORY_PREFIXES[self]


_CATEGORY_TITLES = {
    Category.SECURITY: "Security",
    Category.AVAILABILITY: "Availability",
    Category.PROCESSING_INTEGRITY: "Processing integrity",
    Category.CONFIDENTIALITY: "Confidentiality",
    Category.PRIVACY: "Privacy",
}
_CATEGORY_PREFIXES = {
    Category.SECURITY: "CC",
    Category.AVAILABILITY: "A",
    Category.PROCESSING_INTEGRITY: "PI",
    Category.CONFIDENTIALITY: "C",
    Category.PRIVACY: "P",
}


@dataclass(frozen=True)
class Criterion:
    """One criterion: its identifier (``CC6.1``), category and a short topic in our words."""

    id: str
    category: Category
    topic: str


def package_data(name: str) -> Any:
    """The YAML file ``name`` of this folder (``frameworks.yaml``), parsed.

    The one reader of the catalogue's files (the criteria, the frameworks, the transfer
    law): by path, next to this module, where the installed package keeps them, and
    with libyaml's parser (:data:`trustcenter.yamlresolver.LOADER`: the values PyYAML's
    safe loader gives, several times faster). Raises ``OSError`` when the file is
    missing.
    """
    return yaml.load((Path(__file__).parent / name).read_text("utf-8"), Loader=LOADER)


@cache
def criteria() -> dict[str, Criterion]:
    """All 61 criteria by identifier, in the order of the TSC document."""
    rows = package_data("tsc2017.yaml")
    return {
        row["id"]: Criterion(row["id"], Category(row["category"]), row["topic"]) for row in rows
    }


def criterion_hint(wrong: str) -> str:
    """Help for an identifier that is not a criterion: the right case, or its family."""
    upper = wrong.strip().upper()
    if upper in criteria():
        return f"did you mean '{upper}'?"
    family = [c for c in criteria() if c.split(".")[0] == upper.split(".")[0]]
    if family:
        return f"{upper.split('.')[0]} has {family[0]} to {family[-1]}"
    return "criteria are CC1.1 to CC9.2, A1.1 to A1.3, C1.1 to C1.2, PI1.1 to PI1.5, P1.1 to P8.1"


def criteria_of(category: Category) -> list[Criterion]:
    """The criteria of one category, in document order."""
    return [c for c in criteria().values() if c.category is category]
