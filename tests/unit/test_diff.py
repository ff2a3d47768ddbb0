"""``trustcenter diff``: what a change does to the public site, never a gated value."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.unit.unit_support import VALID_DATA, DataFolder
from trustcenter.cli import main
from trustcenter.diff import summarize
from trustcenter.guard import restricted_values
from trustcenter.loader import load

TODAY = dt.date(2026, 6, 1)
TODAY_ARGS = ["--today", "2026-06-01"]
OLD, NEW = "old/data", "new/data"
GRANTS_HEADING = "Access grants to the gated page (ids and expiry only)"
HIDDEN_LINE = (
    "{} gated or internal control(s) changed (not described here: this summary is public)"
)
DELETED_LINE = (
    "Entry deleted: **{}**; set `removed:` instead, so the list keeps its history and "
    "the feed announces it"
)

Sections = list[tuple[str, list[str]]]


# --- helpers -------------------------------------------------------------------------------


@dataclass
class Pair:
    """Two writable copies of the valid data: ``old/data`` and ``new/data``."""

    old: DataFolder
    new: DataFolder


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Pair:
    monkeypatch.chdir(tmp_path)
    return Pair(DataFolder(tmp_path / "old"), DataFolder(tmp_path / "new"))


def append(folder: DataFolder, name: str, text: str) -> None:
    target = folder.root / "data" / name
    target.write_bytes(target.read_bytes() + text.encode("utf-8"))


def both(pair: Pair, name: str, text: str) -> None:
    """Append ``text`` to ``name`` on both sides (context that does not change)."""
    append(pair.old, name, text)
    append(pair.new, name, text)


def expected_text(sections: Sections, old: str = OLD, new: str = NEW) -> str:
    out = [f"What this change does to the trust center ({old} -> {new}):"]
    for heading, lines in sections:
        out += ["", f"{heading}:", *(f"  - {line}" for line in lines)]
    return "\n".join(out) + "\n"


def expected_markdown(sections: Sections, old: str = OLD, new: str = NEW) -> str:
    out = [f"## What this change does to the trust center ({old} → {new})", ""]
    for heading, lines in sections:
        out += [f"### {heading}", "", *(f"- {line}" for line in lines), ""]
    return "\n".join(out)


def nothing_text(old: str = OLD, new: str = NEW) -> str:
    return (
        f"What this change does to the trust center ({old} -> {new}):\n"
        "  nothing visible on the public site changes\n"
    )


def nothing_markdown(old: str = OLD, new: str = NEW) -> str:
    return (
        f"## What this change does to the trust center ({old} → {new})\n\n"
        "Nothing visible on the public site changes.\n"
    )


def assert_summary(sections: Sections) -> None:
    """The diff of old/data and new/data is exactly ``sections``, in both formats."""
    summary = summarize(OLD, NEW, Path("data"), TODAY)
    assert summary.text() == expected_text(sections)
    assert summary.markdown() == expected_markdown(sections)
    assert not summary.empty


def assert_nothing_visible() -> None:
    summary = summarize(OLD, NEW, Path("data"), TODAY)
    assert summary.text() == nothing_text()
    assert summary.markdown() == nothing_markdown()
    assert summary.empty


# --- the two formats -----------------------------------------------------------------------


def test_identical_folders_change_nothing(pair: Pair) -> None:
    assert_nothing_visible()


def test_both_formats_literally(pair: Pair) -> None:
    pair.new.edit("access.yml", "expires: 2028-01-31", "expires: 2028-03-31")
    pair.new.edit("controls.yml", "      - CC6.2\n    status: implemented",
                  "      - CC6.2\n    status: in_progress")
    summary = summarize(OLD, NEW, Path("data"), TODAY)
    assert summary.text() == (
        "What this change does to the trust center (old/data -> new/data):\n"
        "\n"
        "Controls:\n"
        "  - **AC-01**: status: implemented → in_progress\n"
        "\n"
        "Access grants to the gated page (ids and expiry only):\n"
        "  - `northwind-review`: until 31 January 2028 → 31 March 2028\n"
    )
    assert summary.markdown() == (
        "## What this change does to the trust center (old/data → new/data)\n"
        "\n"
        "### Controls\n"
        "\n"
        "- **AC-01**: status: implemented → in_progress\n"
        "\n"
        "### Access grants to the gated page (ids and expiry only)\n"
        "\n"
        "- `northwind-review`: until 31 January 2028 → 31 March 2028\n"
    )


def test_cli_diff_of_two_folders(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    pair.new.edit("access.yml", "expires: 2028-01-31", "expires: 2028-03-31")
    sections = [(GRANTS_HEADING, ["`northwind-review`: until 31 January 2028 → 31 March 2028"])]
    assert main(["diff", OLD, NEW, *TODAY_ARGS]) == 0
    assert capsys.readouterr() == (expected_text(sections), "")
    assert main(["diff", OLD, NEW, *TODAY_ARGS, "--format", "markdown"]) == 0
    assert capsys.readouterr() == (expected_markdown(sections), "")


def test_cli_diff_with_nothing_visible(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", OLD, NEW, *TODAY_ARGS]) == 0
    assert capsys.readouterr() == (nothing_text(), "")
    assert main(["diff", OLD, NEW, *TODAY_ARGS, "--format", "markdown"]) == 0
    assert capsys.readouterr() == (nothing_markdown(), "")


def test_sections_keep_their_order(pair: Pair) -> None:
    """Attestations, subprocessors, controls, documents, updates, FAQ, security.txt, grants."""
    pair.new.write("security_txt.yml", b"contact: [mailto:security@example.com]\n"
                                       b"expires: 2027-03-31\n")
    pair.new.edit("access.yml", "    rotation: 1\n", "    rotation: 2\n")
    pair.new.edit("faq.yml", "    title: Access\n", "    title: Access to data\n")
    pair.new.edit("updates.yml", "title: Delayed notification e-mails",
                  "title: Delayed notification e-mails (resolved)")
    pair.new.write("documents.yml", b"documents:\n  - id: dpa\n    title: DPA\n"
                                    b"    description: Our DPA.\n    version: '1'\n"
                                    b"    last_reviewed: 2026-05-01\n    access: nda\n")
    pair.new.edit("controls.yml", "title: Backups", "title: Backups and restores")
    pair.new.edit("subprocessors.yml", "- Germany", "- Austria")
    pair.new.edit("attestations.yml", "expected: 2027-06-30", "expected: 2027-09-30")
    assert_summary([
        ("Attestations and certifications",
         ["**ISO/IEC 27001** (`iso27001`): expected: 30 June 2027 → 30 September 2027"]),
        ("Subprocessors", ["**Example Hosting**: locations: Germany → Austria"]),
        ("Controls", ["**OP-01**: title: Backups → Backups and restores"]),
        ("Documents", ["Added: DPA (version 1, nda)"]),
        ("Security updates",
         ["Changed: Delayed notification e-mails (resolved) (Incident, 20 January 2026)"]),
        ("FAQ topics", ["Changed: Access to data"]),
        ("security.txt", ["Published, expiring 31 March 2027"]),
        (GRANTS_HEADING, ["`contoso-renewal`: new code (rotation 1 → 2); "
                          "the old code stops working at the next build"]),
    ])


# --- attestations --------------------------------------------------------------------------

SOC3 = """\
  - id: soc3-2025
    framework: soc3
    type: 2
    status: issued
    visibility: public
    auditor: Example Audit LLP
    period:
      start: 2025-01-01
      end: 2025-12-31
    issued: 2026-02-15
    categories:
      - security
"""
ISO_BLOCK = """\
  - id: iso27001
    framework: iso27001
    status: planned
    visibility: public
    expected: 2027-06-30
"""


def test_attestation_added(pair: Pair) -> None:
    append(pair.new, "attestations.yml", SOC3)
    assert_summary([("Attestations and certifications", [
        "Added **SOC 3** (current, period 1 January 2025 to 31 December 2025, "
        "report dated 15 February 2026, Example Audit LLP)",
    ])])


def test_attestation_removed(pair: Pair) -> None:
    pair.new.edit("attestations.yml", ISO_BLOCK, "")
    assert_summary([("Attestations and certifications", [
        "Removed **ISO/IEC 27001** (planned, expected by June 2027)",
    ])])


def test_attestation_made_internal_is_removed_from_the_site(pair: Pair) -> None:
    pair.new.edit("attestations.yml", "visibility: nda", "visibility: internal")
    assert_summary([("Attestations and certifications", [
        "Removed **SOC 2 Type 2** (current, period 1 January 2025 to 31 December 2025, "
        "report dated 15 February 2026, Example Audit LLP)",
    ])])


def test_a_date_written_as_its_month_is_a_change(pair: Pair) -> None:
    pair.old.edit("attestations.yml", "expected: 2027-06-30", "expected: 2027-06-01")
    pair.new.edit("attestations.yml", "expected: 2027-06-30", "expected: 2027-06")
    assert_summary([("Attestations and certifications", [
        "**ISO/IEC 27001** (`iso27001`): expected: 1 June 2027 → June 2027",
    ])])


def test_attestation_status_changed(pair: Pair) -> None:
    pair.new.edit("attestations.yml", "status: planned", "status: in_progress")
    pair.new.edit("attestations.yml", "expected: 2027-06-30", "expected: 2027-03-31")
    assert_summary([("Attestations and certifications", [
        "**ISO/IEC 27001** (`iso27001`): status: planned → in_progress; "
        "standing: Planned → In progress; expected: 30 June 2027 → 31 March 2027",
    ])])


def test_attestation_withdrawn(pair: Pair) -> None:
    pair.new.edit("attestations.yml", "status: issued", "status: withdrawn")
    assert_summary([("Attestations and certifications", [
        "**SOC 2 Type 2** (`soc2-2025`): status: issued → withdrawn; "
        "standing: Current (becomes expiring soon on 3 October 2026) → Withdrawn",
    ])])


def test_attestation_period_auditor_and_access_changed(pair: Pair) -> None:
    pair.new.edit("attestations.yml", "start: 2025-01-01", "start: 2025-04-01")
    pair.new.edit("attestations.yml", "auditor: Example Audit LLP",
                  "auditor: Northwind Assurance LLP")
    pair.new.edit("attestations.yml", "visibility: nda", "visibility: public")
    assert_summary([("Attestations and certifications", [
        "**SOC 2 Type 2** (`soc2-2025`): report access: nda → public; "
        "auditor: Example Audit LLP → Northwind Assurance LLP; "
        "period: 1 January 2025 to 31 December 2025 → 1 April 2025 to 31 December 2025",
    ])])


def test_attestation_categories_changed(pair: Pair) -> None:
    pair.new.edit("attestations.yml", "      - availability\n", "")
    assert_summary([("Attestations and certifications", [
        "**SOC 2 Type 2** (`soc2-2025`): categories: Security, Availability → Security",
    ])])


def test_attestation_goes_stale_only_by_its_dates(pair: Pair) -> None:
    """The standing is judged on the one build date, for both sides."""
    pair.new.edit("attestations.yml", "end: 2025-12-31", "end: 2025-03-31")
    pair.new.edit("attestations.yml", "start: 2025-01-01", "start: 2024-04-01")
    pair.new.edit("attestations.yml", "issued: 2026-02-15", "issued: 2025-05-15")
    assert_summary([("Attestations and certifications", [
        "**SOC 2 Type 2** (`soc2-2025`): standing: Current (becomes expiring soon on "
        "3 October 2026) → Expired; "
        "period: 1 January 2025 to 31 December 2025 → 1 April 2024 to 31 March 2025; "
        "issued: 15 February 2026 → 15 May 2025",
    ])])


MORE_ATTESTATIONS = """\
  - id: pci
    framework: pci_dss
    status: planned
    visibility: public
  - id: gdpr
    framework: gdpr
    status: in_progress
    visibility: public
  - id: hipaa
    framework: hipaa
    status: in_progress
    visibility: public
"""


def test_added_attestations_are_listed_in_a_stable_order(pair: Pair) -> None:
    append(pair.new, "attestations.yml", MORE_ATTESTATIONS)
    script = Path(sys.executable).with_name("trustcenter")
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        env = {k: v for k, v in os.environ.items()
               if k not in ("TRUSTCENTER_TODAY", "SOURCE_DATE_EPOCH")}
        env["PYTHONHASHSEED"] = seed
        run = subprocess.run(
            [str(script), "diff", OLD, NEW, *TODAY_ARGS],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout)
    assert outputs == {expected_text([("Attestations and certifications", [
        "Added **GDPR** (in progress)",
        "Added **HIPAA** (in progress)",
        "Added **PCI DSS** (planned)",
    ])])}


# --- subprocessors -------------------------------------------------------------------------

NEW_SUBPROCESSORS = """\
  - id: example-search
    name: Example Search
    purpose: Full-text search of ledgers.
    data:
      - Customer ledgers
    locations:
      - Germany
    transfer_mechanism: none_needed
    website: https://search.example.net
    added: 2026-03-01
  - id: example-mail
    name: Example Mail
    purpose: Sending notification e-mails.
    data:
      - E-mail addresses
    locations:
      - Ireland
      - United States
    transfer_mechanism: dpf
    website: https://mail.example.net
    added: 2026-07-01
    announced: 2026-05-15
"""


def test_subprocessors_added_with_effective_and_announced_dates(pair: Pair) -> None:
    append(pair.new, "subprocessors.yml", NEW_SUBPROCESSORS)
    assert_summary([("Subprocessors", [
        "Added **Example Mail** (effective 1 July 2026, announced 15 May 2026; "
        "Ireland, United States; EU/EEA — United States: EU-U.S. Data Privacy Framework "
        "(DPF listing not verified))",
        "Added **Example Search** (effective 1 March 2026; Germany; "
        "EU/EEA — None needed (processed in the EEA))",
    ])])


def test_subprocessor_removed_with_a_date(pair: Pair) -> None:
    pair.new.edit("subprocessors.yml", "    added: 2024-03-01\n",
                  "    added: 2024-03-01\n    removed: 2026-09-01\n"
                  "    removal_announced: 2026-07-15\n")
    assert_summary([("Subprocessors", [
        "**Example Hosting**: removed: none → 1 September 2026; "
        "removal announced: none → 15 July 2026",
    ])])


def test_subprocessor_entry_deleted_is_a_warning_line(pair: Pair) -> None:
    pair.new.write("subprocessors.yml", b"subprocessors: []\n")
    assert_summary([("Subprocessors", [DELETED_LINE.format("Example Hosting")])])


def test_subprocessor_locations_and_notice_changed(pair: Pair) -> None:
    pair.new.edit("subprocessors.yml", "      - Germany\n", "      - Germany\n      - France\n")
    pair.new.edit("subprocessors.yml", "subprocessors:\n", "notice:\n  days: 30\nsubprocessors:\n")
    assert_summary([("Subprocessors", [
        "**Example Hosting**: locations: Germany → Germany, France",
        "Notice period (days): none → 30",
    ])])


def test_subprocessor_data_mechanism_and_purpose_changed(pair: Pair) -> None:
    pair.new.edit("subprocessors.yml", "transfer_mechanism: none_needed",
                  "transfer_mechanism: sccs")
    pair.new.edit("subprocessors.yml", "      - Germany\n", "      - Germany\n      - India\n")
    pair.new.edit("subprocessors.yml", "      - Customer ledgers\n",
                  "      - Customer ledgers\n      - Invoices\n")
    pair.new.edit("subprocessors.yml", "Hosting of the production system.",
                  "Hosting of production and backups.")
    assert_summary([("Subprocessors", [
        "**Example Hosting**: locations: Germany → Germany, India; "
        "data: Customer ledgers → Customer ledgers, Invoices; "
        "transfer mechanisms: EU/EEA — None needed (processed in the EEA) → "
        "EU/EEA — India: Standard Contractual Clauses (2021); "
        "purpose: Hosting of the production system. → Hosting of production and backups.",
    ])])


# --- controls ------------------------------------------------------------------------------

AC_02 = """\
  - id: AC-02
    title: Access reviews
    description: Production access is reviewed every quarter.
    category: access
    criteria:
      - CC6.2
    status: in_progress
    visibility: public
"""
OP_01_BLOCK = """\
  - id: OP-01
    title: Backups
    description: Daily encrypted backups, restored every quarter as a test.
    category: operations
    criteria:
      - A1.2
    status: implemented
    visibility: public
"""
HIDDEN_CONTROLS = """\
  - id: GATE-01
    title: Witnessed key ceremony
    description: Root keys are generated in a witnessed ceremony.
    category: access
    criteria: [CC6.1]
    status: implemented
    visibility: gated
  - id: INT-01
    title: Honeytoken credentials
    description: Decoy credentials page the on-call engineer.
    category: operations
    criteria: [CC7.2]
    status: planned
    visibility: internal
"""
OP_01_VISIBILITY = "      - A1.2\n    status: implemented\n    visibility: public"
AC_01_STATUS = "      - CC6.2\n    status: implemented"


def test_public_control_added(pair: Pair) -> None:
    append(pair.new, "controls.yml", AC_02)
    assert_summary([("Controls", ["Added: **AC-02** Access reviews (in_progress)"])])


def test_public_control_removed(pair: Pair) -> None:
    pair.new.edit("controls.yml", OP_01_BLOCK, "")
    assert_summary([("Controls", ["Removed: **OP-01** Backups"])])


def test_public_control_status_changed(pair: Pair) -> None:
    pair.new.edit("controls.yml", AC_01_STATUS, "      - CC6.2\n    status: in_progress")
    assert_summary([("Controls", ["**AC-01**: status: implemented → in_progress"])])


def test_public_control_made_gated_is_no_longer_public(pair: Pair) -> None:
    pair.new.edit("controls.yml", OP_01_VISIBILITY,
                  "      - A1.2\n    status: implemented\n    visibility: gated")
    assert_summary([("Controls", ["No longer public: **OP-01** Backups"])])


def test_public_control_made_internal_is_no_longer_public(pair: Pair) -> None:
    pair.new.edit("controls.yml", OP_01_VISIBILITY,
                  "      - A1.2\n    status: implemented\n    visibility: internal")
    assert_summary([("Controls", ["No longer public: **OP-01** Backups"])])


def test_public_control_fields_edited(pair: Pair) -> None:
    pair.new.edit("controls.yml", "      - CC6.1\n      - CC6.2\n", "      - CC6.1\n")
    pair.new.edit("controls.yml", "title: Multi-factor authentication",
                  "title: Phishing-resistant MFA")
    pair.new.edit("controls.yml", "with *two factors*", "with *security keys*")
    pair.new.edit("controls.yml", "    category: operations\n", "    category: access\n")
    assert_summary([("Controls", [
        "**AC-01**: criteria: CC6.1, CC6.2 → CC6.1; "
        "title: Multi-factor authentication → Phishing-resistant MFA; description edited",
        "**OP-01**: category: operations → access",
    ])])


def test_gated_and_internal_control_changes_are_only_counted(pair: Pair) -> None:
    both(pair, "controls.yml", HIDDEN_CONTROLS)
    pair.new.edit("controls.yml", "title: Witnessed key ceremony",
                  "title: Witnessed and recorded key ceremony")
    pair.new.edit("controls.yml", "status: planned", "status: implemented")
    append(pair.new, "controls.yml", """\
  - id: INT-02
    title: Canary tokens in backups
    description: Planted records reveal a stolen backup.
    category: operations
    criteria: [CC7.2]
    status: planned
    visibility: internal
""")
    summary = summarize(OLD, NEW, Path("data"), TODAY)
    assert summary.text() == expected_text([("Controls", [HIDDEN_LINE.format(3)])])
    assert summary.markdown() == expected_markdown([("Controls", [HIDDEN_LINE.format(3)])])
    for secret in ("key ceremony", "Honeytoken", "Canary tokens", "Planted records",
                   "GATE-01", "INT-01", "INT-02"):
        assert secret not in summary.text() + summary.markdown()


def test_gated_control_made_internal_is_counted(pair: Pair) -> None:
    both(pair, "controls.yml", HIDDEN_CONTROLS)
    pair.new.edit("controls.yml", "visibility: gated", "visibility: internal")
    assert_summary([("Controls", [HIDDEN_LINE.format(1)])])


def test_unchanged_gated_controls_are_not_counted(pair: Pair) -> None:
    both(pair, "controls.yml", HIDDEN_CONTROLS)
    pair.new.edit("controls.yml", AC_01_STATUS, "      - CC6.2\n    status: planned")
    assert_summary([("Controls", ["**AC-01**: status: implemented → planned"])])


def test_gated_control_made_public(pair: Pair) -> None:
    both(pair, "controls.yml", HIDDEN_CONTROLS)
    pair.new.edit("controls.yml", "visibility: gated", "visibility: public")
    assert_summary([("Controls", ["Now public: **GATE-01** Witnessed key ceremony (implemented)"])])


# --- documents, updates, FAQ ---------------------------------------------------------------

DOCUMENTS_OLD = """\
documents:
  - id: security-overview
    title: Security overview
    description: How we protect customer data.
    version: "1.0"
    last_reviewed: 2026-03-01
    access: public
    url: https://example.com/security-overview.pdf
  - id: pentest-2025
    title: Penetration test summary, 2025
    description: The tester's summary letter.
    version: "2025"
    last_reviewed: 2026-01-10
    access: nda
"""
DOCUMENTS_NEW = """\
documents:
  - id: security-overview
    title: Security overview
    description: How we protect customer data.
    version: "1.1"
    last_reviewed: 2026-05-20
    access: public
    url: https://example.com/security-overview.pdf
  - id: bcp-summary
    title: Business continuity summary
    description: Recovery objectives and test results.
    version: "3.0"
    last_reviewed: 2026-04-02
    access: nda
"""


def test_documents_added_removed_changed(pair: Pair) -> None:
    pair.old.write("documents.yml", DOCUMENTS_OLD.encode())
    pair.new.write("documents.yml", DOCUMENTS_NEW.encode())
    assert_summary([("Documents", [
        "Added: Business continuity summary (version 3.0, nda)",
        "Removed: Penetration test summary, 2025 (version 2025, nda)",
        "Changed: Security overview (version 1.1, public)",
    ])])


NEW_UPDATE = """\
  - id: 2026-05-soc3
    date: 2026-05-05
    title: SOC 3 report published
    kind: compliance
    summary: Our SOC 3 report is now public.
"""
EMAIL_DELAY = """\
  - id: 2026-01-email-delay
    date: 2026-01-20
    title: Delayed notification e-mails
    kind: incident
    severity: low
    summary: Notification e-mails were delivered up to two hours late.
    resolved: 2026-01-21
"""


def test_updates_added_and_removed(pair: Pair) -> None:
    append(pair.new, "updates.yml", NEW_UPDATE)
    pair.new.edit("updates.yml", EMAIL_DELAY, "")
    assert_summary([("Security updates", [
        "Added: SOC 3 report published (Compliance, 5 May 2026)",
        "Removed: Delayed notification e-mails (Incident, 20 January 2026)",
    ])])


ACCESS_TOPIC = """\
  - id: access
    title: Access
    questions:
      - id: staff-access
        question: Who can access our data?
        answer: Only staff whose role needs it, with *two factors*.
"""
BILLING_TOPIC = """\
  - id: billing
    title: Billing
    questions:
      - id: card-data
        question: Do you store card numbers?
        answer: No, the payment provider does.
"""


def test_faq_topics_added_removed_changed(pair: Pair) -> None:
    pair.new.edit("faq.yml", ACCESS_TOPIC, BILLING_TOPIC)
    pair.new.edit("faq.yml", "How often are backups made?", "How often do you back up?")
    assert_summary([("FAQ topics", [
        "Added: Billing",
        "Removed: Access",
        "Changed: Data protection",
    ])])


# --- security.txt --------------------------------------------------------------------------

SECURITY_TXT = "contact:\n  - mailto:security@example.com\nexpires: {}\n"


def test_security_txt_expires_changed(pair: Pair) -> None:
    pair.old.write("security_txt.yml", SECURITY_TXT.format("2027-03-31").encode())
    pair.new.write("security_txt.yml", SECURITY_TXT.format("2027-05-31").encode())
    assert_summary([("security.txt", ["Expires: 31 March 2027 → 31 May 2027"])])


def test_security_txt_contact_and_expires_changed(pair: Pair) -> None:
    pair.old.write("security_txt.yml", SECURITY_TXT.format("2027-03-31").encode())
    pair.new.write("security_txt.yml", (
        b"contact:\n  - mailto:security@example.com\n  - https://example.com/report\n"
        b"expires: 2027-04-30\n"))
    assert_summary([("security.txt", [
        "Contact: mailto:security@example.com → mailto:security@example.com, "
        "https://example.com/report",
        "Expires: 31 March 2027 → 30 April 2027",
    ])])


def test_security_txt_published_and_withdrawn(pair: Pair) -> None:
    pair.new.write("security_txt.yml", SECURITY_TXT.format("2027-03-31").encode())
    assert_summary([("security.txt", ["Published, expiring 31 March 2027"])])
    pair.old.write("security_txt.yml", SECURITY_TXT.format("2027-03-31").encode())
    pair.new.remove("security_txt.yml")
    assert_summary([("security.txt", ["No longer published"])])


# --- access grants -------------------------------------------------------------------------

GLOBEX = """\
  - id: globex-audit
    recipient: Globex Corporation vendor risk desk
    reason: Third-party risk questionnaire of June 2026
    expires: 2027-12-31
"""
ACME = """\
  - id: acme-pilot
    recipient: Acme Robotics information security office
    reason: Pilot project due diligence before signing
    expires: 2028-06-30
"""


def test_grants_added_removed_expiry_and_rotation(pair: Pair) -> None:
    pair.new.edit("access.yml", ACME, GLOBEX)
    pair.new.edit("access.yml", "expires: 2028-01-31", "expires: 2028-03-31")
    pair.new.edit("access.yml", "    rotation: 1\n", "    rotation: 2\n")
    pair.new.edit("access.yml", "Contoso Procurement and Risk Office",
                  "Contoso Group Procurement Office")
    pair.new.edit("access.yml", "Annual supplier audit", "Biennial supplier audit")
    assert_summary([(GRANTS_HEADING, [
        "Added `globex-audit`, until 31 December 2027",
        "Removed `acme-pilot`: its code stops working at the next build",
        "`contoso-renewal`: new code (rotation 1 → 2); "
        "the old code stops working at the next build",
        "`northwind-review`: until 31 January 2028 → 31 March 2028",
    ])])


def test_grant_recipient_and_reason_are_never_shown(pair: Pair) -> None:
    pair.new.edit("access.yml", ACME, GLOBEX)
    pair.old.edit("access.yml", "Northwind Traders", "Northwind Traders Ltd")
    summary = summarize(OLD, NEW, Path("data"), TODAY)
    output = summary.text() + summary.markdown()
    for secret in ("Globex Corporation", "questionnaire", "Acme Robotics", "Pilot project",
                   "Northwind Traders", "mutual NDA", "Contoso Procurement", "bounced"):
        assert secret not in output
    assert "`globex-audit`" in output and "`acme-pilot`" in output


# --- only internal notes -------------------------------------------------------------------


def test_only_internal_notes_change_nothing_visible(pair: Pair) -> None:
    append(pair.new, "company.yml", "internal:\n  owner: Priya (CISO)\n  notes: Reviewed.\n")
    pair.new.edit("attestations.yml", "    gated:\n",
                  "    internal:\n      owner: GRC lead\n      evidence: [drive/soc2]\n"
                  "    gated:\n")
    pair.new.edit("controls.yml", AC_01_STATUS,
                  AC_01_STATUS + "\n    internal:\n      last_tested: 2026-05-01\n"
                  "      notes: Tested with a hardware key.")
    append(pair.new, "subprocessors.yml", "    internal:\n      owner: Procurement\n")
    pair.new.edit("access.yml", "after the first mail bounced",
                  "after the first two mails bounced")
    pair.new.edit("access.yml", "Northwind Traders security review team",
                  "Northwind Traders security office")
    pair.new.edit("access.yml", "    reason: Pilot project due diligence before signing\n",
                  "    reason: Pilot project due diligence\n"
                  "    internal:\n      owner: Sales engineering\n")
    append(pair.new, "updates.yml", "    internal:\n      notes: Postmortem in the wiki.\n")
    assert_nothing_visible()


def test_internal_note_on_a_faq_question_changes_nothing_visible(pair: Pair) -> None:
    pair.new.edit("faq.yml", "        question: Who can access our data?\n",
                  "        question: Who can access our data?\n"
                  "        internal:\n          notes: Checked with HR.\n")
    assert_nothing_visible()


def test_internal_note_on_a_document_changes_nothing_visible(pair: Pair) -> None:
    pair.old.write("documents.yml", DOCUMENTS_OLD.encode())
    pair.new.write("documents.yml", DOCUMENTS_OLD.replace(
        "    access: nda\n", "    access: nda\n    internal:\n      owner: AppSec lead\n"
    ).encode())
    assert_nothing_visible()


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("company.yml", "runs *hosted* bookkeeping", "runs *hosted* accounting"),
        ("company.yml", "Access to production requires multi-factor authentication.",
         "Access to production requires a hardware security key."),
        ("controls.yml", "title: Access control", "title: Identity and access"),
        ("attestations.yml", "    gated:\n",
         "    scope: The *Ledger* service only.\n    gated:\n"),
        ("subprocessors.yml", "name: Example Hosting", "name: Example Cloud"),
        ("subprocessors.yml", "https://hosting.example.net", "https://cloud.example.net"),
    ],
)
def test_public_edits_are_never_summed_up_as_nothing(
    pair: Pair, name: str, old: str, new: str
) -> None:
    pair.new.edit(name, old, new)
    summary = summarize(OLD, NEW, Path("data"), TODAY)
    assert not summary.empty
    assert "nothing visible" not in summary.text().lower()
    assert "nothing visible" not in summary.markdown().lower()


# --- a side with errors --------------------------------------------------------------------


def test_folder_with_errors_exits_1(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    pair.old.edit("controls.yml", "    category: operations", "    catgory: operations")
    pair.old.edit("subprocessors.yml", "- Germany", "- NO")
    assert main(["diff", OLD, NEW, *TODAY_ARGS]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "trustcenter: error: the data at old/data has 2 error(s); "
        "run 'trustcenter check' on it first\n"
    )


def test_warnings_do_not_stop_the_diff(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    pair.new.edit("controls.yml", OP_01_BLOCK, "")  # A1.2 in scope, now unmapped: a warning
    assert load(pair.new.root / "data", TODAY).warnings
    assert main(["diff", OLD, NEW, *TODAY_ARGS]) == 0
    out, err = capsys.readouterr()
    assert out == expected_text([("Controls", ["Removed: **OP-01** Backups"])])
    assert err == ""


def test_bad_build_date_exits_2(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", OLD, NEW, "--today", "2026-13-01"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("trustcenter: error: ")


# --- git revisions -------------------------------------------------------------------------


@dataclass
class Repo:
    """A git repository with a committed ``data/`` folder."""

    root: Path

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=Trust Tester", "-c", "user.email=tester@example.com",
             "-c", "commit.gpgsign=false", *args],
            cwd=self.root, capture_output=True, text=True, check=False, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def edit(self, name: str, old: str, new: str) -> None:
        target = self.root / "data" / name
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur exactly once in {name}"
        target.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    if shutil.which("git") is None:  # pragma: no cover
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "repo"
    shutil.copytree(VALID_DATA, root / "data")
    found = Repo(root)
    found.git("init", "-q")
    found.commit("first")
    monkeypatch.chdir(root)
    return found


def test_git_revisions(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit("access.yml", "expires: 2028-01-31", "expires: 2028-03-31")
    repo.edit("controls.yml", AC_01_STATUS, "      - CC6.2\n    status: in_progress")
    repo.commit("second")
    sections = [
        ("Controls", ["**AC-01**: status: implemented → in_progress"]),
        (GRANTS_HEADING, ["`northwind-review`: until 31 January 2028 → 31 March 2028"]),
    ]
    assert main(["diff", "HEAD~1", "HEAD", "--data", "data", *TODAY_ARGS]) == 0
    assert capsys.readouterr() == (expected_text(sections, "HEAD~1", "HEAD"), "")
    assert main(["diff", "HEAD~1", "HEAD", *TODAY_ARGS, "--format", "markdown"]) == 0
    assert capsys.readouterr() == (expected_markdown(sections, "HEAD~1", "HEAD"), "")


def test_git_revisions_read_the_commits_not_the_working_tree(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit("access.yml", "expires: 2028-01-31", "expires: 2028-03-31")
    repo.commit("second")
    repo.edit("access.yml", "    rotation: 1\n", "    rotation: 2\n")  # not committed
    repo.edit("controls.yml", "    category: operations", "    catgory: operations")
    assert main(["diff", "HEAD~1", "HEAD", *TODAY_ARGS]) == 0
    assert capsys.readouterr().out == expected_text(
        [(GRANTS_HEADING, ["`northwind-review`: until 31 January 2028 → 31 March 2028"])],
        "HEAD~1", "HEAD",
    )


def test_git_revision_against_the_working_folder(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit("access.yml", ACME, "")
    assert main(["diff", "HEAD", "data", *TODAY_ARGS]) == 0
    assert capsys.readouterr() == (expected_text(
        [(GRANTS_HEADING, ["Removed `acme-pilot`: its code stops working at the next build"])],
        "HEAD", "data",
    ), "")


def test_git_revisions_with_nothing_visible(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit("access.yml", "after the first mail bounced", "after the mail bounced")
    repo.commit("second")
    assert main(["diff", "HEAD~1", "HEAD", *TODAY_ARGS]) == 0
    assert capsys.readouterr() == (nothing_text("HEAD~1", "HEAD"), "")


def test_unknown_revision_exits_1_naming_git(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "no-such-revision", "HEAD", *TODAY_ARGS]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("trustcenter: error: git ")
    assert "no-such-revision" in err
    assert len(err.splitlines()) == 1


def test_revision_outside_a_git_repository_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    shutil.copytree(VALID_DATA, tmp_path / "data")
    assert main(["diff", "HEAD~1", "HEAD", *TODAY_ARGS]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("trustcenter: error: git ")
    assert "not a git repository" in err


def test_revision_with_errors_exits_1(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit("controls.yml", "    category: operations", "    catgory: operations")
    repo.commit("broken")
    assert main(["diff", "HEAD~1", "HEAD", *TODAY_ARGS]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "trustcenter: error: the data at HEAD has 1 error(s); "
        "run 'trustcenter check' on it first\n"
    )


def test_revision_without_the_data_folder_exits_1(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "site").mkdir()
    shutil.move(repo.root / "data", repo.root / "site" / "data")
    repo.commit("moved")
    assert main(["diff", "HEAD~1", "HEAD", "--data", "site/data", *TODAY_ARGS]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("trustcenter: error: git ")


def test_data_folder_below_the_top_of_the_repository(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "site").mkdir()
    shutil.move(repo.root / "data", repo.root / "site" / "data")
    repo.commit("moved")
    target = repo.root / "site" / "data" / "access.yml"
    target.write_text(target.read_text().replace("rotation: 1", "rotation: 3"))
    repo.commit("rotated")
    assert main(["diff", "HEAD~1", "HEAD", "--data", "site/data", *TODAY_ARGS]) == 0
    assert capsys.readouterr().out == expected_text([(GRANTS_HEADING, [
        "`contoso-renewal`: new code (rotation 1 → 3); "
        "the old code stops working at the next build",
    ])], "HEAD~1", "HEAD")


def test_git_revisions_from_a_subfolder_of_the_repository(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "site").mkdir()
    shutil.move(repo.root / "data", repo.root / "site" / "data")
    repo.commit("moved")
    target = repo.root / "site" / "data" / "access.yml"
    target.write_text(target.read_text().replace("rotation: 1", "rotation: 3"))
    repo.commit("rotated")
    monkeypatch.chdir(repo.root / "site")
    assert main(["diff", "HEAD~1", "HEAD", "--data", "data", *TODAY_ARGS]) == 0
    assert capsys.readouterr().out == expected_text([(GRANTS_HEADING, [
        "`contoso-renewal`: new code (rotation 1 → 3); "
        "the old code stops working at the next build",
    ])], "HEAD~1", "HEAD")


def test_data_folder_outside_the_repository_is_a_clear_error(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere" / "data"
    shutil.copytree(VALID_DATA, outside)
    code = main(["diff", "HEAD", "HEAD", "--data", str(outside), *TODAY_ARGS])
    assert code in (1, 2)
    assert capsys.readouterr().err.startswith("trustcenter: error: ")


# --- canaries: no gated or internal value in any output ------------------------------------


class Canaries:
    """Unique, recognisable values for every gated and internal field of one side."""

    def __init__(self, side: str) -> None:
        self.side = side
        self.planted: list[str] = []

    def __call__(self) -> str:
        value = f"CANARY-{self.side}-{len(self.planted) + 1:02d}-zebraquartz"
        self.planted.append(value)
        return value

    def internal(self, indent: str) -> str:
        return (
            f"{indent}internal:\n"
            f"{indent}  owner: {self()}\n"
            f"{indent}  evidence:\n{indent}    - {self()}\n"
            f"{indent}  last_tested: 2026-01-01\n"
            f"{indent}  notes: {self()}\n"
        )


def canary_attestations(c: Canaries, new: bool) -> str:
    i = c.internal
    auditor = "Other Audit LLP" if new else "Example Audit LLP"
    hipaa = (
        f"    name: {c()}\n    visibility: internal\n{i('    ')}" if new
        else f"    visibility: public\n{i('    ')}"
    )
    pci = "    visibility: public\n" if new else f"    name: {c()}\n    visibility: internal\n"
    return f"""\
attestations:
  - id: soc2-2025
    framework: soc2
    type: 2
    status: issued
    visibility: nda
    auditor: {auditor}
    period:
      start: 2025-01-01
      end: 2025-12-31
    issued: 2026-02-15
    categories: [security, availability]
    gated:
      opinion: {"qualified" if new else "unmodified"}
      exceptions:
        - control: {c()}
          summary: {c()}
          management_response: {c()}
      bridge_letters:
        - covers_through: 2026-03-31
          issued: 2026-01-15
          signed_by: {c()}
      control_objectives:
        - {c()}
      complementary_user_entity_controls:
        - {c()}
      how_to_obtain: {c()}
{i('    ')}  - id: soc1-2025
    framework: soc1
    name: {c()}
    type: 1
    status: {"withdrawn" if new else "issued"}
    visibility: internal
    auditor: {c()}
    as_of: 2025-12-31
    issued: 2026-02-01
    scope: {c()}
    public_url: https://example.com/{c()}
    verification_url: https://example.com/{c()}
{i('    ')}  - id: hipaa
    framework: hipaa
    status: in_progress
{hipaa}  - id: pci
    framework: pci_dss
    status: planned
    expected: 2027-01-31
{pci}"""


def canary_control(c: Canaries, id_: str, visibility: str, status: str = "implemented") -> str:
    return f"""\
  - id: {id_}
    title: {c()}
    description: {c()}
    category: operations
    criteria: [CC7.2]
    status: {status}
    visibility: {visibility}
{c.internal('    ')}"""


def canary_controls(c: Canaries, new: bool) -> str:
    text = VALID_DATA.joinpath("controls.yml").read_text()
    text = text.replace(
        AC_01_STATUS,
        f"{AC_01_STATUS if not new else AC_01_STATUS.replace('implemented', 'in_progress')}\n"
        f"{c.internal('    ').rstrip()}",
    )
    if new:  # OP-01 turns gated, with restricted texts
        text = text.replace(OP_01_BLOCK, canary_control(c, "OP-01", "gated"))
    text += canary_control(c, "GATE-01", "gated")
    text += canary_control(c, "INT-01", "internal", "implemented" if new else "planned")
    if new:
        text += canary_control(c, "INT-02", "internal")
        text += """\
  - id: GATE-02
    title: Incident response drills
    description: Twice a year, with the on-call rota.
    category: operations
    criteria: [CC7.4]
    status: implemented
    visibility: public
"""
    else:
        text += canary_control(c, "GATE-02", "gated")
        text += canary_control(c, "GATE-03", "gated")
    return text


def canary_grant(c: Canaries, id_: str, expires: str, rotation: int = 0) -> str:
    return (
        f"  - id: {id_}\n    recipient: {c()}\n    reason: {c()}\n"
        f"    expires: {expires}\n    rotation: {rotation}\n{c.internal('    ')}"
    )


def canary_access(c: Canaries, new: bool) -> str:
    text = "page_url: https://example.com/trust/reports/\ngrants:\n"
    text += canary_grant(c, "northwind-review", "2028-03-31" if new else "2028-01-31")
    text += canary_grant(c, "contoso-renewal", "2027-10-31", 2 if new else 1)
    text += canary_grant(c, "globex-audit" if new else "acme-pilot", "2027-12-31")
    return text


def canary_subprocessors(c: Canaries, new: bool) -> str:
    text = VALID_DATA.joinpath("subprocessors.yml").read_text() + c.internal("    ")
    if new:
        text = text.replace("      - Germany\n", "      - Germany\n      - France\n")
        text += NEW_SUBPROCESSORS + c.internal("    ")
    return text


def canary_documents(c: Canaries, new: bool) -> str:
    text = DOCUMENTS_OLD.replace("    access: nda\n", "    access: nda\n" + c.internal("    "))
    text = text.replace("    access: public\n", "    access: public\n" + c.internal("    "))
    if new:
        added = DOCUMENTS_NEW[DOCUMENTS_NEW.index("  - id: bcp-summary\n"):]
        text += added + c.internal("    ")
    return text


def canary_faq(c: Canaries, new: bool) -> str:
    text = VALID_DATA.joinpath("faq.yml").read_text()
    for question in ("Is customer data encrypted?", "Who can access our data?"):
        text = text.replace(
            f"        question: {question}\n",
            f"        question: {question}\n{c.internal('        ')}",
        )
    if new:
        text += BILLING_TOPIC + c.internal("        ")
    return text


def canary_updates(c: Canaries, new: bool) -> str:
    text = VALID_DATA.joinpath("updates.yml").read_text() + c.internal("    ")
    resolved = "    resolved: 2026-01-21\n"
    text = text.replace(resolved, resolved + c.internal("    "))
    if new:
        text += NEW_UPDATE + c.internal("    ")
    return text


def canary_company(c: Canaries) -> str:
    return VALID_DATA.joinpath("company.yml").read_text() + c.internal("")


def plant_canaries(folder: DataFolder, side: str, new: bool) -> Canaries:
    c = Canaries(side)
    files = {
        "attestations.yml": canary_attestations(c, new),
        "controls.yml": canary_controls(c, new),
        "access.yml": canary_access(c, new),
        "subprocessors.yml": canary_subprocessors(c, new),
        "documents.yml": canary_documents(c, new),
        "faq.yml": canary_faq(c, new),
        "updates.yml": canary_updates(c, new),
        "company.yml": canary_company(c),
    }
    for name, text in files.items():
        folder.write(name, text.encode("utf-8"))
    return c


_GRANT_ID = re.compile(r"grants\[\d+\]\.id$")


def restricted_texts(folder: DataFolder, canaries: Canaries) -> list[str]:
    """The side's restricted values; checks the canaries sit in every one and only there."""
    result = load(folder.root / "data", TODAY)
    assert result.trust_center is not None, [p.format() for p in result.errors]
    restricted = [
        r for r in restricted_values(result.trust_center) if not _GRANT_ID.search(r.field)
    ]  # grant ids are shown by design: "ids and expiry only"
    for value in restricted:
        assert "CANARY" in value.text, f"no canary in restricted field {value.field}"
    texts = [r.text for r in restricted]
    for canary in canaries.planted:
        assert any(canary in text for text in texts), f"{canary} is not in a restricted field"
    return texts


@pytest.fixture
def canary_pair(pair: Pair) -> list[str]:
    """Canaries in every gated and internal field on both sides; returns every such value."""
    old = plant_canaries(pair.old, "old", new=False)
    new = plant_canaries(pair.new, "new", new=True)
    assert len(old.planted) > 60 and len(new.planted) > 60
    return restricted_texts(pair.old, old) + restricted_texts(pair.new, new)


def assert_no_canary(output: str, restricted: list[str]) -> None:
    assert "canary" not in output.lower()
    assert "zebraquartz" not in output
    for text in restricted:
        assert text not in output


def test_canaries_never_reach_the_summary(canary_pair: list[str]) -> None:
    summary = summarize(OLD, NEW, Path("data"), TODAY)
    for output in (summary.text(), summary.markdown()):
        assert_no_canary(output, canary_pair)
    text = summary.text()
    # the public changes around the canaries are all there
    for line in (
        "  - Added **PCI DSS** (planned, expected by January 2027)",
        "  - Removed **HIPAA** (in progress)",
        "  - **SOC 2 Type 2** (`soc2-2025`): auditor: Example Audit LLP → Other Audit LLP",
        "  - **AC-01**: status: implemented → in_progress",
        "  - Now public: **GATE-02** Incident response drills (implemented)",
        "  - No longer public: **OP-01** Backups",
        f"  - {HIDDEN_LINE.format(4)}",
        "  - **Example Hosting**: locations: Germany → Germany, France",
        "  - Added: Business continuity summary (version 3.0, nda)",
        "  - Added: SOC 3 report published (Compliance, 5 May 2026)",
        "  - Added: Billing",
        "  - Added `globex-audit`, until 31 December 2027",
        "  - Removed `acme-pilot`: its code stops working at the next build",
        "  - `northwind-review`: until 31 January 2028 → 31 March 2028",
    ):
        assert line in text.splitlines()


def test_canaries_never_reach_the_summary_backwards(canary_pair: list[str]) -> None:
    summary = summarize(NEW, OLD, Path("data"), TODAY)
    for output in (summary.text(), summary.markdown()):
        assert_no_canary(output, canary_pair)
    assert "  - Removed: **INT-02**" not in summary.text()
    assert "  - Now public: **OP-01** Backups (implemented)" in summary.text().splitlines()


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("sides", [(OLD, NEW), (NEW, OLD)])
def test_canaries_never_reach_the_cli(
    canary_pair: list[str], capsys: pytest.CaptureFixture[str], fmt: str,
    sides: tuple[str, str],
) -> None:
    assert main(["diff", *sides, *TODAY_ARGS, "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert out.count("Controls") == 1
    assert_no_canary(out + err, canary_pair)


def test_canaries_never_reach_the_error_message(
    canary_pair: list[str], pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    """A side with errors is named and counted; its problems, which quote values, are not."""
    target = pair.new.root / "data" / "attestations.yml"
    text = target.read_text()
    assert text.count("public_url: https://example.com/CANARY-new") == 1
    target.write_text(text.replace("public_url: https://", "public_url: ftp://"))
    errors = load(pair.new.root / "data", TODAY).errors
    assert len(errors) == 1 and "CANARY-new" in errors[0].message  # a leak if it were shown
    assert main(["diff", OLD, NEW, *TODAY_ARGS]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "trustcenter: error: the data at new/data has 1 error(s); "
        "run 'trustcenter check' on it first\n"
    )
    assert_no_canary(out + err, canary_pair)
