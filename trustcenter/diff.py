"""What a change does to the public site, in plain words, for a pull request's reviewers.

Both sides are loaded and checked like a build would; the summary compares only what
the public site shows (and, for access grants, their ids and expiry dates). A job
summary is readable by anyone who can read the pull request, so no gated or internal
value is ever written: gated and internal entries are only counted.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from trustcenter.exports.atom import id_authority
from trustcenter.exports.security_txt import FIELDS as SECURITY_TXT_FIELDS
from trustcenter.loader import load
from trustcenter.model import (
    Control,
    ControlVisibility,
    Subprocessor,
    TrustCenter,
    subprocessor_events,
)
from trustcenter.model.months import iso
from trustcenter.projection import AttestationView, project
from trustcenter.status import long_date
from trustcenter.transfers import transfer_text

T = TypeVar("T")


class DiffError(Exception):
    """A side of the comparison cannot be read (an unknown revision, data with errors)."""


@dataclass
class Section:
    """One heading of the summary and its lines."""

    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Summary:
    """The change, section by section; empty sections are left out."""

    old: str
    new: str
    sections: list[Section]

    @property
    def empty(self) -> bool:
        """True when the change does nothing to the public site."""
        return not any(section.lines for section in self.sections)

    def markdown(self) -> str:
        """The summary for a GitHub job summary or a pull request comment."""
        out = [f"## What this change does to the trust center ({self.old} → {self.new})", ""]
        if self.empty:
            return "\n".join([*out, "Nothing visible on the public site changes.", ""])
        for section in self.sections:
            if section.lines:
                lines = (f"- {_one_line(html.escape(line, quote=False))}" for line in section.lines)
                out += [f"### {section.title}", "", *lines, ""]
        return "\n".join(out)

    def text(self) -> str:
        """The summary for a terminal."""
        out = [f"What this change does to the trust center ({self.old} -> {self.new}):"]
        if self.empty:
            return "\n".join([*out, "  nothing visible on the public site changes", ""])
        for section in self.sections:
            if section.lines:
                out += [
                    "",
                    f"{section.title}:",
                    *(f"  - {_one_line(line)}" for line in section.lines),
                ]
        return "\n".join(out) + "\n"


def _one_line(text: str) -> str:
    """A value on one line: a line break in the data cannot start a heading of its own."""
    return " ".join(text.split())


# --- reading the two sides -----------------------------------------------------------------


@contextmanager
def data_folder(side: str, data: Path) -> Iterator[Path]:
    """The data folder of ``side``: a folder as given, or ``data`` at a git revision."""
    if Path(side).is_dir():
        yield Path(side)
        return
    root = _git("rev-parse", "--show-toplevel", doing="find the repository").decode().strip()
    try:
        inside = Path(data).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        raise DiffError(
            f"the data folder {data} is not inside the git repository at "
            f"{root}; give two folders instead of revisions"
        ) from None
    archive = _git(
        "-C", root, "archive", "--format=tar", side, "--", inside, doing=f"read {inside} at {side}"
    )
    with tempfile.TemporaryDirectory() as folder, tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
        yield Path(folder) / inside


def _git(*args: str, doing: str) -> bytes:
    """Run git; a failure becomes a :class:`DiffError` that says what was being done."""
    done = subprocess.run(["git", *args], capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(f"git could not {doing}: {message[-1] if message else 'it failed'}")
    return done.stdout


def _load_side(folder: Path, side: str, today: dt.date) -> TrustCenter:
    result = load(folder, today)
    if result.trust_center is None:
        raise DiffError(
            f"the data at {side} has {len(result.errors)} error(s); run "
            "'trustcenter check' on it first"
        )
    return result.trust_center


def summarize(old: str, new: str, data: Path, today: dt.date) -> Summary:
    """Compare the data at ``old`` and ``new`` (folders or git revisions) on ``today``."""
    with data_folder(old, data) as old_dir:
        before = _load_side(old_dir, old, today)
    with data_folder(new, data) as new_dir:
        after = _load_side(new_dir, new, today)
    return compare(before, after, today, old, new)


# --- comparing -----------------------------------------------------------------------------


def _by_id(items: Sequence[T]) -> dict[str, T]:
    return {item.id: item for item in items}  # type: ignore[attr-defined]


def _changed(label: str, before: Any, after: Any, show: Callable[[Any], str] = str) -> str | None:
    if before == after:
        return None

    def shown(value: Any) -> str:
        return "none" if value is None or value == [] else show(value)

    return f"{label}: {shown(before)} → {shown(after)}"


def _date(day: dt.date | None) -> str:
    return long_date(day) if day else "none"


def _as_written(day: dt.date | None) -> tuple[str, dt.date] | None:
    """``day`` with how it was written, so a day that becomes its month is a change."""
    return (iso(day), day) if day else None


def _written_date(value: tuple[str, dt.date]) -> str:
    return long_date(value[1])


def _attestation_summary(card: AttestationView) -> str:
    parts = [card.label.lower(), card.summary, card.item.auditor or ""]
    return f"**{card.title}** ({', '.join(p for p in parts if p)})"


def _standing(card: AttestationView) -> str:
    """The standing and, when known, the day it changes: what the pages say."""
    if card.changes_on and card.next_standing:
        return (
            f"{card.label} (becomes {card.next_standing.label.lower()} on "
            f"{long_date(card.changes_on)})"
        )
    return card.label


def _attestations(before: TrustCenter, after: TrustCenter, today: dt.date) -> Section:
    section = Section("Attestations and certifications")
    # The same projection the pages, trust.json, feeds and badges read.
    old = {v.id: v for v in project(before, today).attestations}
    new = {v.id: v for v in project(after, today).attestations}
    for key in sorted(new.keys() - old.keys()):
        section.lines.append(f"Added {_attestation_summary(new[key])}")
    for key in sorted(old.keys() - new.keys()):
        section.lines.append(f"Removed {_attestation_summary(old[key])}")
    for key in sorted(old.keys() & new.keys()):
        va, vb = old[key], new[key]
        a, b = va.item, vb.item
        changes = [
            c
            for c in (
                _changed("status", a.status.value, b.status.value),
                _changed("standing", _standing(va), _standing(vb)),
                _changed(
                    "kind of assurance",
                    va.kind.value.replace("_", " "),
                    vb.kind.value.replace("_", " "),
                ),
                _changed("report access", a.visibility.value, b.visibility.value),
                _changed("auditor", a.auditor, b.auditor),
                _changed(
                    "standard version",
                    va.version and va.version.label,
                    vb.version and vb.version.label,
                ),
                _changed("programme", va.programme, vb.programme),
                _changed(
                    "period",
                    a.period and (a.period.start, a.period.end),
                    b.period and (b.period.start, b.period.end),
                    lambda p: f"{long_date(p[0])} to {long_date(p[1])}",
                ),
                _changed("as of", a.as_of, b.as_of, _date),
                _changed("issued", _as_written(a.issued), _as_written(b.issued), _written_date),
                _changed("expires", a.expires, b.expires, _date),
                _changed(
                    "expected", _as_written(a.expected), _as_written(b.expected), _written_date
                ),
                _changed(
                    "categories",
                    [c.label for c in a.categories],
                    [c.label for c in b.categories],
                    ", ".join,
                ),
                _changed("name", va.title, vb.title),
                _changed("opinion", a.opinion and a.opinion.value, b.opinion and b.opinion.value),
                _changed("services", a.services, b.services, ", ".join),
                _changed("regions", a.regions, b.regions, ", ".join),
                _changed("legal entities", a.legal_entities, b.legal_entities, ", ".join),
                _changed(
                    "subservice organizations",
                    [f"{o.name} ({o.method.value})" for o in a.subservice_organizations],
                    [f"{o.name} ({o.method.value})" for o in b.subservice_organizations],
                    ", ".join,
                ),
                _changed("certificate number", a.certificate_number, b.certificate_number),
                _changed("public report link", a.public_url, b.public_url),
                _changed("verification link", a.verification_url, b.verification_url),
                "scope edited" if a.scope != b.scope else None,
            )
            if c
        ]
        if changes:
            section.lines.append(f"**{vb.title}** (`{key}`): " + "; ".join(changes))
    return section


def _subprocessor_line(sub: Subprocessor, today: dt.date, verify_days: int) -> str:
    when = f"effective {long_date(sub.added)}"
    if sub.announced:
        when += f", announced {long_date(sub.announced)}"
    mechanism = transfer_text(sub, today, verify_days)
    return f"**{sub.name}** ({when}; {', '.join(sub.locations)}; {mechanism})"


def _subprocessors(before: TrustCenter, after: TrustCenter, today: dt.date) -> Section:
    section = Section("Subprocessors")
    days_a = before.settings.thresholds.dpf_verify_days
    days_b = after.settings.thresholds.dpf_verify_days
    old, new = _by_id(before.subprocessors), _by_id(after.subprocessors)
    for key in sorted(new.keys() - old.keys()):
        section.lines.append(f"Added {_subprocessor_line(new[key], today, days_b)}")
    for key in sorted(old.keys() - new.keys()):
        section.lines.append(
            f"Entry deleted: **{old[key].name}**; set `removed:` instead, so "
            "the list keeps its history and the feed announces it"
        )
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        changes = [
            c
            for c in (
                _changed("removed", a.removed, b.removed, _date),
                _changed("removal announced", a.removal_announced, b.removal_announced, _date),
                _changed("added", a.added, b.added, _date),
                _changed("locations", a.locations, b.locations, ", ".join),
                _changed("data", a.data, b.data, ", ".join),
                _changed(
                    "transfer mechanisms",
                    transfer_text(a, today, days_a),
                    transfer_text(b, today, days_b),
                ),
                _changed("affiliate", a.affiliate, b.affiliate),
                _changed("customer regions", a.customer_regions, b.customer_regions, ", ".join),
                _changed("purpose", a.purpose, b.purpose),
                _changed("announced changes", len(a.changes), len(b.changes)),
                _changed("name", a.name, b.name),
                _changed("website", a.website, b.website),
            )
            if c
        ]
        if changes:
            section.lines.append(f"**{b.name}**: " + "; ".join(changes))
    notice = _changed(
        "notice period (days)",
        before.notice and before.notice.days,
        after.notice and after.notice.days,
    )
    if notice:
        section.lines.append(notice[0].upper() + notice[1:])
    return section


def _controls(before: TrustCenter, after: TrustCenter) -> Section:
    section = Section("Controls")
    old, new = _by_id(before.controls), _by_id(after.controls)

    def public(control: Control | None) -> bool:
        return control is not None and control.visibility is ControlVisibility.PUBLIC

    hidden_changes = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if public(b) and not public(a):
            assert b is not None
            verb = "Added" if a is None else "Now public"
            section.lines.append(f"{verb}: **{b.id}** {b.title} ({b.status.value})")
        elif public(a) and not public(b):
            assert a is not None
            verb = "Removed" if b is None else "No longer public"
            section.lines.append(f"{verb}: **{a.id}** {a.title}")
        elif public(a) and public(b):
            assert a is not None and b is not None
            changes = [
                c
                for c in (
                    _changed("status", a.status.value, b.status.value),
                    _changed("criteria", a.criteria, b.criteria, ", ".join),
                    _changed("title", a.title, b.title),
                    _changed("category", a.category, b.category),
                )
                if c
            ]
            if changes or a.description != b.description:
                changes += ["description edited"] if a.description != b.description else []
                section.lines.append(f"**{b.id}**: " + "; ".join(changes))
        elif (a and a.model_dump()) != (b and b.model_dump()):
            hidden_changes += 1
    if hidden_changes:
        section.lines.append(
            f"{hidden_changes} gated or internal control(s) changed "
            "(not described here: this summary is public)"
        )
    return section


def _security_txt(before: TrustCenter, after: TrustCenter) -> Section:
    section = Section("security.txt")
    a, b = before.security_txt, after.security_txt
    if a is None and b is not None:
        section.lines.append(f"Published, expiring {long_date(b.expires)}")
    elif a is not None and b is None:
        section.lines.append("No longer published")
    elif a is not None and b is not None:
        for key, header in SECURITY_TXT_FIELDS:
            change = _changed(
                header,
                getattr(a, key),
                getattr(b, key),
                lambda v: long_date(v) if isinstance(v, dt.date) else ", ".join(v),
            )
            if change:
                section.lines.append(change)
    return section


def _identifiers(before: TrustCenter, after: TrustCenter) -> Section:
    """Warn when the feed ids' tag authority or date changes: every id is issued again."""
    section = Section("Feed identifiers")
    old, new = id_authority(before), id_authority(after)
    if old != new:
        entries = len(after.updates) + len(subprocessor_events(after.subprocessors))
        was = f"{old[0]}, {old[1].isoformat()}" if old[1] else old[0]
        now = f"{new[0]}, {new[1].isoformat()}" if new[1] else new[0]
        section.lines.append(
            f"Warning: the feed id authority changes from {was} to {now}: every feed entry "
            f"gets a new id, and subscribers will see all {entries} entries again"
        )
    return section


def _grants(before: TrustCenter, after: TrustCenter) -> Section:
    section = Section("Access grants to the gated page (ids and expiry only)")
    old, new = _by_id(before.access.grants), _by_id(after.access.grants)
    for key in sorted(new.keys() - old.keys()):
        section.lines.append(f"Added `{key}`, until {long_date(new[key].expires)}")
    for key in sorted(old.keys() - new.keys()):
        section.lines.append(f"Removed `{key}`: its code stops working at the next build")
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        if a.expires != b.expires:
            section.lines.append(f"`{key}`: until {long_date(a.expires)} → {long_date(b.expires)}")
        if a.rotation != b.rotation:
            section.lines.append(
                f"`{key}`: new code (rotation {a.rotation} → {b.rotation}); "
                "the old code stops working at the next build"
            )
    return section


def _public(model: Any) -> Any:
    """A model's data without any ``internal`` block, at any depth."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "internal"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(model.model_dump())


def _company(before: TrustCenter, after: TrustCenter) -> Section:
    section = Section("Company and system description")
    a, b = _public(before.company), _public(after.company)
    for key, label in (("name", "name"), ("legal_name", "legal name"), ("website", "website")):
        change = _changed(label, a[key], b[key])
        if change:
            section.lines.append(change[0].upper() + change[1:])
    for key in ("description", "commitment", "contacts"):
        if a[key] != b[key]:
            section.lines.append(f"The {key} changed")
    for key, value in a["system"].items():
        if value != b["system"][key]:
            section.lines.append(f"System description: {key.replace('_', ' ')} changed")
    old = {c.id: c.title for c in before.categories}
    new = {c.id: c.title for c in after.categories}
    section.lines += [f"Control category added: {new[k]}" for k in sorted(new.keys() - old.keys())]
    section.lines += [
        f"Control category removed: {old[k]}" for k in sorted(old.keys() - new.keys())
    ]
    section.lines += [
        f"Control category renamed: {old[k]} → {new[k]}"
        for k in sorted(old.keys() & new.keys())
        if old[k] != new[k]
    ]
    return section


def _titled(
    label: str, before: Sequence[Any], after: Sequence[Any], name: Callable[[Any], str]
) -> Section:
    section = Section(label)
    old, new = _by_id(before), _by_id(after)
    section.lines += [f"Added: {name(new[k])}" for k in sorted(new.keys() - old.keys())]
    section.lines += [f"Removed: {name(old[k])}" for k in sorted(old.keys() - new.keys())]
    section.lines += [
        f"Changed: {name(new[k])}"
        for k in sorted(old.keys() & new.keys())
        if _public(old[k]) != _public(new[k])
    ]
    return section


def compare(
    before: TrustCenter, after: TrustCenter, today: dt.date, old: str = "old", new: str = "new"
) -> Summary:
    """The summary of what changes on the public site from ``before`` to ``after``."""
    return Summary(
        old,
        new,
        [
            _company(before, after),
            _attestations(before, after, today),
            _subprocessors(before, after, today),
            _controls(before, after),
            _titled(
                "Documents",
                before.documents,
                after.documents,
                lambda d: f"{d.title} (version {d.version}, {d.access.value})",
            ),
            _titled(
                "Security updates",
                before.updates,
                after.updates,
                lambda u: f"{u.title} ({u.kind.label}, {long_date(u.date)})",
            ),
            _titled("FAQ topics", before.faq, after.faq, lambda t: t.title),
            _security_txt(before, after),
            _identifiers(before, after),
            _grants(before, after),
        ],
    )
