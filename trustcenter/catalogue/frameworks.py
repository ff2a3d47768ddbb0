"""The frameworks catalogue (``frameworks.yaml``): how each attestation ages, by its rules.

One entry per framework: the kinds of assurance it can be, the rule that says how long an
issued attestation stands (each with its source), its standard versions and which of them
are retired, and when. The facts and their sources come from the project's reference
``frameworks.md``; facts its sources disagree on are not encoded as hard rules.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from trustcenter.catalogue import package_data


class AssuranceKind(enum.StrEnum):
    """What kind of assurance an attestation is: who looked, and what they concluded."""

    EXAMINATION = "examination"  # independent examination or audit (SOC, PCI ROC)
    CERTIFICATION = "certification"  # certificate by a (usually accredited) body (ISO)
    AUTHORIZATION = "authorization"  # granted by an authority, assessed by another (FedRAMP)
    SELF_ASSESSMENT = "self_assessment"  # the company assessed itself (CSA STAR L1, PCI SAQ)
    ASSESSMENT = "assessment"  # a third party assessed, no certificate exists (TISAX, IRAP)
    ALIGNMENT = "alignment"  # the company aligns with it; nobody certifies it (HIPAA)

    @property
    def independent(self) -> bool:
        """True when someone other than the company assessed it."""
        return self not in (AssuranceKind.SELF_ASSESSMENT, AssuranceKind.ALIGNMENT)


class ValidityRule(enum.StrEnum):
    """How long an issued attestation stands; see ``frameworks.yaml``."""

    AFTER_REFERENCE = "after_reference"
    AFTER_ISSUED = "after_issued"
    EXPIRY = "expiry"
    UNTIL_WITHDRAWN = "until_withdrawn"
    NONE = "none"
    NONE_CONFIRMED = "none_confirmed"


class RetirementEffect(enum.StrEnum):
    """What a version's retirement does to attestations made against it."""

    INVALIDATES = "invalidates"
    NO_NEW = "no_new"


@dataclass(frozen=True)
class Validity:
    """The validity rule of a framework (or of one kind of it), with its source."""

    rule: ValidityRule
    source: str
    months: int | None = None
    max_months: int | None = None
    bridge_letters: bool = False


@dataclass(frozen=True)
class Version:
    """A standard version (an edition, a criteria version), retired or not."""

    id: str
    label: str
    source: str
    retired: dt.date | None = None
    effect: RetirementEffect | None = None
    #: The first day a new attestation could be made against it, when the catalogue knows.
    available: dt.date | None = None
    #: One line for a buyer, shown where the label alone is jargon (``CAIQ v4``).
    description: str = ""

    @property
    def last_day(self) -> dt.date | None:
        """The last day it could be used: the day before ``retired`` (as sources say it)."""
        return self.retired - dt.timedelta(days=1) if self.retired else None

    def usable_on(self, day: dt.date) -> bool:
        """True when a new attestation dated ``day`` could be made against it."""
        return (self.available is None or self.available <= day) and (
            self.retired is None or day < self.retired
        )


@dataclass(frozen=True)
class Designation:
    """A designation a framework's register gives (FedRAMP Ready, Authorized...)."""

    id: str
    label: str
    description: str
    source: str
    retired: dt.date | None = None


@dataclass(frozen=True)
class FrameworkEntry:
    """One framework of the catalogue."""

    id: str
    name: str
    kinds: tuple[AssuranceKind, ...]
    validity: Validity
    kind_validity: dict[AssuranceKind, Validity] = field(default_factory=dict)
    versions: tuple[Version, ...] = ()
    version_label: str = "version"
    typed: bool = False
    criteria: bool = False
    closed: dt.date | None = None
    closed_source: str = ""
    no_certification: str = ""
    designations: tuple[Designation, ...] = ()
    #: From this day the catalogue lists every version an attestation could be made
    #: against (see :meth:`versions_on`); None: never inferred.
    versions_complete_from: dt.date | None = None
    #: FedRAMP's 2026 Certification Classes, each with a buyer's one-line explanation.
    classes: dict[str, str] = field(default_factory=dict)
    classes_source: str = ""

    def designation(self, designation_id: str) -> Designation | None:
        """The designation ``designation_id`` (``ready``), or None if unknown."""
        return next((d for d in self.designations if d.id == designation_id), None)

    def versions_on(self, day: dt.date) -> tuple[Version, ...] | None:
        """The versions a new attestation dated ``day`` could be made against.

        None when the catalogue cannot tell (before ``versions_complete_from``, or a
        framework whose version dates its sources do not settle).
        """
        if self.versions_complete_from is None or day < self.versions_complete_from:
            return None
        return tuple(v for v in self.versions if v.available is not None and v.usable_on(day))

    def version(self, version_id: str) -> Version | None:
        """The version ``version_id`` (``"2022"``, ``"4.0.1"``), or None if unknown."""
        return next((v for v in self.versions if v.id == version_id), None)

    def validity_of(self, kind: AssuranceKind) -> Validity:
        """The validity rule for an attestation of ``kind`` under this framework."""
        return self.kind_validity.get(kind, self.validity)


def _validity(raw: dict[str, Any]) -> Validity:
    return Validity(
        rule=ValidityRule(raw["rule"]),
        source=" ".join(str(raw["source"]).split()),
        months=raw.get("months"),
        max_months=raw.get("max_months"),
        bridge_letters=bool(raw.get("bridge_letters", False)),
    )


def _entry(framework_id: str, raw: dict[str, Any]) -> FrameworkEntry:
    return FrameworkEntry(
        id=framework_id,
        name=raw["name"],
        kinds=tuple(AssuranceKind(k) for k in raw["kinds"]),
        validity=_validity(raw["validity"]),
        kind_validity={
            AssuranceKind(k): _validity(v) for k, v in (raw.get("kind_validity") or {}).items()
        },
        versions=tuple(
            Version(
                id=str(v["id"]),
                label=v["label"],
                source=" ".join(str(v["source"]).split()),
                retired=v.get("retired"),
                effect=RetirementEffect(v["effect"]) if v.get("effect") else None,
                available=v.get("available"),
                description=" ".join(str(v.get("description", "")).split()),
            )
            for v in raw.get("versions") or []
        ),
        version_label=raw.get("version_label", "version"),
        typed=bool(raw.get("typed", False)),
        criteria=bool(raw.get("criteria", False)),
        closed=raw.get("closed"),
        closed_source=" ".join(str(raw.get("closed_source", "")).split()),
        no_certification=" ".join(str(raw.get("no_certification", "")).split()),
        designations=tuple(
            Designation(
                id=str(d["id"]),
                label=d["label"],
                description=" ".join(str(d["description"]).split()),
                source=" ".join(str(d["source"]).split()),
                retired=d.get("retired"),
            )
            for d in raw.get("designations") or []
        ),
        classes={str(k): str(v) for k, v in (raw.get("classes") or {}).items()},
        classes_source=str(raw.get("classes_source", "")),
        versions_complete_from=raw.get("versions_complete_from"),
    )


@cache
def frameworks() -> dict[str, FrameworkEntry]:
    """Every framework of the catalogue, by id (``soc2``, ``iso27001``), in file order."""
    raw = package_data("frameworks.yaml")["frameworks"]
    return {key: _entry(key, value) for key, value in raw.items()}


def framework(framework_id: str) -> FrameworkEntry:
    """The catalogue entry of ``framework_id``; raises KeyError for an unknown id."""
    return frameworks()[framework_id]
