"""Checks of the published lists: subprocessor history and notice, documents, FAQ, updates,
security.txt, and the coverage of the criteria in scope.

The valid fixture folder holds faq.yml and updates.yml. The files whose checks depend on
the build date (documents.yml, security_txt.yml) and a subprocessors.yml with a change
notice are written by the tests below, so that the other tests, which load the fixture on
other build dates, stay unaffected.
"""

from __future__ import annotations

import pytest

from tests.unit.unit_support import TODAY, DataFolder, assert_problem
from trustcenter.problems import Severity
from trustcenter.projection import project

# Build date of the fixture: 2026-06-01 (unit_support.TODAY).

SUBPROCESSORS = """\
notice:
  days: 30
  since: 2024-01-01
  subscribe: https://example.com/trust/subprocessors/subscribe
subprocessors:
  - id: example-hosting
    name: Example Hosting
    purpose: Hosting of the production system.
    data:
      - Customer ledgers
    locations:
      - Germany
    transfer_mechanism: none_needed
    website: https://hosting.example.net
    announced: 2024-01-15
    added: 2024-03-01
  - id: example-mail
    name: Example Mail
    purpose: Transactional e-mail.
    data:
      - E-mail addresses
    locations:
      - Ireland
      - Germany
    transfer_mechanism: none_needed
    website: https://mail.example.net
    announced: 2025-01-02
    added: 2025-02-01
    removal_announced: 2026-03-01
    removed: 2026-04-15
    changes:
      - announced: 2025-05-01
        effective: 2025-06-01
        summary: Example Mail also processes data in Germany.
"""
# Positions in SUBPROCESSORS (line:column of the value).
HOSTING_ANNOUNCED = "data/subprocessors.yml:15:16"
MAIL_REMOVAL_ANNOUNCED = "data/subprocessors.yml:29:24"
MAIL_REMOVED = "data/subprocessors.yml:30:14"
MAIL_CHANGE_ANNOUNCED = "data/subprocessors.yml:32:20"

DOCUMENTS = """\
documents:
  - id: security-overview
    title: Security overview
    description: How Example Ledger protects *customer data*.
    version: "1.0"
    last_reviewed: 2026-03-01
    access: public
    url: https://example.com/trust/security-overview.pdf
  - id: pentest-summary
    title: Penetration test summary
    description: The summary letter of the latest penetration test.
    version: "2026"
    last_reviewed: 2026-04-15
    access: nda
"""

SECURITY_TXT = """\
contact:
  - mailto:security@example.com
  - https://example.com/security/report
expires: 2026-12-31
encryption:
  - https://example.com/security/key.txt
preferred_languages: [en]
canonical:
  - https://example.com/.well-known/security.txt
policy:
  - https://example.com/security/policy
"""

FAQ_LINK = (
    "        answer: Only staff whose role needs it, with *two factors*.\n",
    "        answer: Only staff whose role needs it, with *two factors*.\n"
    "        controls:\n"
    "          - AC-01\n"
    "          - {control}\n",
)
#: Where the second control of FAQ_LINK is written.
FAQ_LINK_AT = "data/faq.yml:21:13: error"

OP_01_VISIBILITY = "      - A1.2\n    status: implemented\n    visibility: public\n"


@pytest.fixture
def full(data: DataFolder) -> DataFolder:
    """The valid fixture plus a change notice, documents and security.txt."""
    data.write("subprocessors.yml", SUBPROCESSORS.encode())
    data.write("documents.yml", DOCUMENTS.encode())
    data.write("security_txt.yml", SECURITY_TXT.encode())
    return data


def test_full_fixture_is_valid(full: DataFolder) -> None:
    result = full.load()
    assert result.problems == []
    center = result.trust_center
    assert center is not None
    assert center.notice is not None and center.notice.days == 30
    assert [s.id for s in center.subprocessors] == ["example-hosting", "example-mail"]
    assert [d.id for d in center.documents] == ["security-overview", "pentest-summary"]
    assert [t.id for t in center.faq] == ["data-protection", "access"]
    assert [u.id for u in center.updates] == [
        "2026-02-soc2-report", "2026-02-library-advisory", "2026-01-email-delay"
    ]
    assert center.security_txt is not None


# --- subprocessors: history -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "    removal_announced: 2026-03-01\n    removed: 2026-04-15\n",
            "    removal_announced: 2024-12-01\n    removed: 2025-01-01\n",
            f"{MAIL_REMOVED}: error",
            "expected 'removed' after 'added' (2025-02-01), found 2025-01-01", None,
            id="removed-before-added",
        ),
        pytest.param(
            "    removal_announced: 2026-03-01\n    removed: 2026-04-15\n",
            "    removal_announced: 2024-12-01\n    removed: 2025-02-01\n",
            f"{MAIL_REMOVED}: error",
            "expected 'removed' after 'added' (2025-02-01), found 2025-02-01", None,
            id="removed-on-added",
        ),
        pytest.param(
            "    removed: 2026-04-15\n", "",
            "data/subprocessors.yml:29:24: error",
            "'removal_announced' without 'removed': expected the date the removal takes effect",
            "add 'removed:' with that date", id="removal-announced-without-removed",
        ),
        pytest.param(
            "announced: 2024-01-15", "announced: 2024-03-02",
            f"{HOSTING_ANNOUNCED}: error",
            "announced on 2 March 2024, after the change took effect on 1 March 2024", None,
            id="addition-announced-after-added",
        ),
        pytest.param(
            "removal_announced: 2026-03-01", "removal_announced: 2026-04-16",
            f"{MAIL_REMOVAL_ANNOUNCED}: error",
            "announced on 16 April 2026, after the change took effect on 15 April 2026", None,
            id="removal-announced-after-removed",
        ),
        pytest.param(
            "      - announced: 2025-05-01", "      - announced: 2025-06-02",
            f"{MAIL_CHANGE_ANNOUNCED}: error",
            "announced on 2 June 2025, after the change took effect on 1 June 2025", None,
            id="change-announced-after-effective",
        ),
    ],
)
def test_subprocessor_history_errors(
    full: DataFolder, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    full.edit("subprocessors.yml", old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, location, message, hint)
    assert result.trust_center is None


def test_announced_after_effective_is_an_error_even_before_since(full: DataFolder) -> None:
    full.edit("subprocessors.yml", "  since: 2024-01-01", "  since: 2026-01-01")
    full.edit("subprocessors.yml", "      - announced: 2025-05-01", "      - announced: 2025-06-02")
    [problem] = full.load().problems
    assert_problem(problem, f"{MAIL_CHANGE_ANNOUNCED}: error",
                   "announced on 2 June 2025, after the change took effect on 1 June 2025")


def test_announced_after_effective_is_an_error_without_a_notice(full: DataFolder) -> None:
    full.edit("subprocessors.yml",
              "notice:\n  days: 30\n  since: 2024-01-01\n"
              "  subscribe: https://example.com/trust/subprocessors/subscribe\n", "")
    full.edit("subprocessors.yml", "announced: 2024-01-15", "announced: 2024-03-02")
    [problem] = full.load().problems
    assert_problem(problem, "data/subprocessors.yml:11:16: error",
                   "announced on 2 March 2024, after the change took effect on 1 March 2024")


# --- subprocessors: notice period -----------------------------------------------------------


def test_change_sooner_than_the_notice_period_warns_with_exact_message(full: DataFolder) -> None:
    full.edit("subprocessors.yml", "      - announced: 2025-05-01", "      - announced: 2025-05-10")
    result = full.load()
    [problem] = result.problems
    assert problem.format() == (
        f"{MAIL_CHANGE_ANNOUNCED}: warning: Example Mail also processes data in Germany. "
        "takes effect 22 day(s) after it was announced, sooner than the 30-day notice "
        "period; move the effective date, or record the customers' consent (notice-too-short)"
    )
    assert result.trust_center is not None


@pytest.mark.parametrize(
    ("old", "new", "location", "message"),
    [
        pytest.param(
            "announced: 2024-01-15", "announced: 2024-02-01", HOSTING_ANNOUNCED,
            "Example Hosting added as a subprocessor takes effect 29 day(s) after it was "
            "announced, sooner than the 30-day notice period",
            id="addition",
        ),
        pytest.param(
            "removal_announced: 2026-03-01", "removal_announced: 2026-04-14",
            MAIL_REMOVAL_ANNOUNCED,
            "Example Mail removed as a subprocessor takes effect 1 day(s) after it was "
            "announced, sooner than the 30-day notice period",
            id="removal",
        ),
        pytest.param(
            "      - announced: 2025-05-01", "      - announced: 2025-05-03",
            MAIL_CHANGE_ANNOUNCED,
            "Example Mail also processes data in Germany. takes effect 29 day(s) after it "
            "was announced, sooner than the 30-day notice period",
            id="change",
        ),
        pytest.param(
            "      - announced: 2025-05-01", "      - announced: 2025-06-01",
            MAIL_CHANGE_ANNOUNCED,
            "Example Mail also processes data in Germany. takes effect 0 day(s) after it "
            "was announced, sooner than the 30-day notice period",
            id="change-announced-on-the-day",
        ),
    ],
)
def test_short_notice_warns(
    full: DataFolder, old: str, new: str, location: str, message: str
) -> None:
    full.edit("subprocessors.yml", old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, f"{location}: warning", message,
                   "move the effective date, or record the customers' consent")
    assert result.trust_center is not None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("announced: 2024-01-15", "announced: 2024-01-31", id="addition"),
        pytest.param("removal_announced: 2026-03-01", "removal_announced: 2026-03-16",
                     id="removal"),
        pytest.param("      - announced: 2025-05-01", "      - announced: 2025-05-02",
                     id="change"),
    ],
)
def test_notice_of_exactly_the_period_does_not_warn(full: DataFolder, old: str, new: str) -> None:
    full.edit("subprocessors.yml", old, new)
    assert full.load().problems == []


def test_notice_period_of_another_length_is_used(full: DataFolder) -> None:
    full.edit("subprocessors.yml", "  days: 30", "  days: 60")
    messages = [(p.line, p.severity, p.message) for p in full.load().problems]
    # 46, 30 and 45 days for the additions and the removal, 31 for the change
    assert [(line, severity) for line, severity, _ in messages] == [
        (15, Severity.WARNING), (27, Severity.WARNING), (29, Severity.WARNING),
        (32, Severity.WARNING),
    ]
    assert all("sooner than the 60-day notice period" in m for _, _, m in messages)


def test_short_notice_warns_without_since(full: DataFolder) -> None:
    full.edit("subprocessors.yml", "  since: 2024-01-01\n", "")
    full.edit("subprocessors.yml", "announced: 2024-01-15", "announced: 2024-02-20")
    [problem] = full.load().problems
    assert_problem(problem, "data/subprocessors.yml:14:16: warning",
                   "takes effect 10 day(s) after it was announced")


def test_short_notice_without_a_notice_section_is_fine(full: DataFolder) -> None:
    full.edit("subprocessors.yml",
              "notice:\n  days: 30\n  since: 2024-01-01\n"
              "  subscribe: https://example.com/trust/subprocessors/subscribe\n", "")
    full.edit("subprocessors.yml", "announced: 2024-01-15", "announced: 2024-02-20")
    full.edit("subprocessors.yml", "    announced: 2025-01-02\n", "")
    assert full.load().problems == []


@pytest.mark.parametrize(
    ("old", "location", "effective"),
    [
        pytest.param("    announced: 2024-01-15\n", "data/subprocessors.yml:15:12",
                     "1 March 2024", id="addition"),
        pytest.param("    removal_announced: 2026-03-01\n", "data/subprocessors.yml:29:14",
                     "15 April 2026", id="removal"),
    ],
)
def test_missing_announcement_after_since_warns(
    full: DataFolder, old: str, location: str, effective: str
) -> None:
    full.edit("subprocessors.yml", old, "")
    result = full.load()
    [problem] = result.problems
    assert_problem(
        problem, f"{location}: warning",
        f"a change effective {effective} has no announcement date; the notice period is "
        "30 days",
        "add the date it was announced",
    )
    assert result.trust_center is not None


@pytest.mark.parametrize(
    ("since", "warned"),
    [
        ("2024-03-02", False),  # added 2024-03-01, the day before the notice applies
        ("2024-03-01", True),  # added on the day it applies
    ],
)
def test_missing_announcement_before_since_is_fine(
    full: DataFolder, since: str, warned: bool
) -> None:
    full.edit("subprocessors.yml", "  since: 2024-01-01", f"  since: {since}")
    full.edit("subprocessors.yml", "    announced: 2024-01-15\n", "")
    assert [p.line for p in full.load().problems] == ([15] if warned else [])


def test_short_notice_before_since_is_fine(full: DataFolder) -> None:
    full.edit("subprocessors.yml", "  since: 2024-01-01", "  since: 2025-01-01")
    full.edit("subprocessors.yml", "announced: 2024-01-15", "announced: 2024-02-28")
    assert full.load().problems == []


@pytest.mark.parametrize(
    ("old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "  days: 30", "  dayz: 30", "data/subprocessors.yml:2:3: error",
            "unknown key 'dayz'", "did you mean 'days'?", id="misspelt-notice-key",
        ),
        pytest.param(
            "  days: 30", "  days: -1", "data/subprocessors.yml:2:9: error",
            "found the number -1", None, id="negative-days",
        ),
        pytest.param(
            "    removal_announced: 2026-03-01", "    removal_anounced: 2026-03-01",
            "data/subprocessors.yml:29:5: error", "unknown key 'removal_anounced'",
            "did you mean 'removal_announced'?", id="misspelt-removal-key",
        ),
        pytest.param(
            "        effective: 2025-06-01", "        efective: 2025-06-01",
            "data/subprocessors.yml:33:9: error", "unknown key 'efective'",
            "did you mean 'effective'?", id="misspelt-change-key",
        ),
        pytest.param(
            "      - announced: 2025-05-01", "      - announced: May 2025",
            f"{MAIL_CHANGE_ANNOUNCED}: error",
            "expected a date in the form YYYY-MM-DD, found 'May 2025'", None,
            id="text-for-date",
        ),
    ],
)
def test_subprocessor_notice_type_errors(
    full: DataFolder, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    full.edit("subprocessors.yml", old, new)
    [problem] = full.load().problems
    assert_problem(problem, location, message, hint)


# --- documents ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "    url: https://example.com/trust/security-overview.pdf\n", "",
            "data/documents.yml:7:13: error", "expected 'url' for a public document",
            "add the link, or set 'access: nda'", id="public-without-url",
        ),
        pytest.param(
            "    access: nda\n",
            "    access: nda\n    url: https://example.com/trust/pentest.pdf\n",
            "data/documents.yml:15:10: error", "an NDA document has no public 'url'",
            "remove 'url'; readers get a request-access link instead", id="nda-with-url",
        ),
        pytest.param(
            "last_reviewed: 2026-03-01", "last_reviewed: 2026-06-02",
            "data/documents.yml:6:20: error",
            "expected a review date on or before the build date (2026-06-01), found "
            "2026-06-02", None, id="reviewed-in-the-future",
        ),
        pytest.param(
            "last_reviewed: 2026-03-01", "last_reviewd: 2026-03-01",
            "data/documents.yml:6:5: error", "unknown key 'last_reviewd'",
            "did you mean 'last_reviewed'?", id="misspelt-key",
        ),
        pytest.param(
            "    access: nda\n", "    access: private\n",
            "data/documents.yml:14:13: error", "found 'private'", None, id="unknown-access",
        ),
        pytest.param(
            "- id: pentest-summary", "- id: security-overview",
            "data/documents.yml:9:9: error",
            "duplicate document id 'security-overview' (first used at line 2)", None,
            id="duplicate-id",
        ),
    ],
)
def test_document_errors(
    full: DataFolder, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    full.edit("documents.yml", old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, location, message, hint)
    assert result.trust_center is None


def test_document_not_reviewed_for_over_a_year_warns(full: DataFolder) -> None:
    full.edit("documents.yml", "last_reviewed: 2026-03-01", "last_reviewed: 2025-05-31")
    result = full.load()
    [problem] = result.problems
    assert_problem(
        problem, "data/documents.yml:6:20: warning",
        "'Security overview' was last reviewed on 31 May 2025, more than a year ago",
        "review it and update 'last_reviewed' and 'version'",
    )
    assert result.trust_center is not None


@pytest.mark.parametrize(
    "reviewed",
    [
        "2025-06-01",  # exactly 365 days before the build date
        "2026-06-01",  # on the build date
    ],
)
def test_document_review_boundaries_do_not_warn(full: DataFolder, reviewed: str) -> None:
    full.edit("documents.yml", "last_reviewed: 2026-03-01", f"last_reviewed: {reviewed}")
    assert full.load().problems == []


# --- FAQ ------------------------------------------------------------------------------------


def test_faq_links_to_public_controls(full: DataFolder) -> None:
    full.edit("faq.yml", FAQ_LINK[0], FAQ_LINK[1].format(control="OP-01"))
    result = full.load()
    assert result.problems == []
    assert result.trust_center is not None
    assert result.trust_center.faq[1].questions[0].controls == ["AC-01", "OP-01"]


@pytest.mark.parametrize(
    ("control", "visibility", "message", "hint"),
    [
        pytest.param("OP-1", None, "unknown control 'OP-1'", "did you mean 'OP-01'?",
                     id="unknown-close"),
        pytest.param("ZZZ-99", None, "unknown control 'ZZZ-99'", None, id="unknown-far"),
        pytest.param("OP-01", "gated",
                     "control 'OP-01' is gated: a public answer cannot link to it", None,
                     id="gated"),
        pytest.param("OP-01", "internal",
                     "control 'OP-01' is internal: a public answer cannot link to it", None,
                     id="internal"),
    ],
)
def test_faq_link_errors(
    full: DataFolder, control: str, visibility: str | None, message: str, hint: str | None
) -> None:
    full.edit("faq.yml", FAQ_LINK[0], FAQ_LINK[1].format(control=control))
    if visibility is not None:
        full.edit("controls.yml", OP_01_VISIBILITY,
                  OP_01_VISIBILITY.replace("public", visibility))
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, FAQ_LINK_AT, message, hint)
    if hint is None:
        assert problem.hint == ""
    assert result.trust_center is None


def test_faq_unknown_control_formats_as_did_you_mean(full: DataFolder) -> None:
    full.edit("faq.yml", FAQ_LINK[0], FAQ_LINK[1].format(control="OP-1"))
    [problem] = full.load().problems
    assert problem.format() == (
        "data/faq.yml:21:13: error: unknown control 'OP-1': did you mean 'OP-01'? "
        "(faq-unknown-control)"
    )


def test_faq_link_to_a_control_with_a_type_error_is_not_also_unknown(
    full: DataFolder,
) -> None:
    full.edit("faq.yml", FAQ_LINK[0], FAQ_LINK[1].format(control="OP-01"))
    full.edit("controls.yml", "title: Backups", "title: 42")
    [problem] = full.load().problems
    assert_problem(problem, "data/controls.yml:18:12: error", "expected text, found the number 42")


@pytest.mark.parametrize(
    ("old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "      - id: staff-access", "      - id: encryption",
            "data/faq.yml:16:13: error",
            "duplicate question id 'encryption' (first used at line 5)",
            "give each entry its own id", id="duplicate-question-across-topics",
        ),
        pytest.param(
            "      - id: backups", "      - id: encryption",
            "data/faq.yml:8:13: error",
            "duplicate question id 'encryption' (first used at line 5)", None,
            id="duplicate-question-in-topic",
        ),
        pytest.param(
            "  - id: access\n", "  - id: data-protection\n",
            "data/faq.yml:13:9: error",
            "duplicate topic id 'data-protection' (first used at line 2)", None,
            id="duplicate-topic",
        ),
        pytest.param(
            "    questions:\n      - id: staff-access", "    questons:\n      - id: staff-access",
            "data/faq.yml:15:5: error", "unknown key 'questons'", "did you mean 'questions'?",
            id="misspelt-key",
        ),
        pytest.param(
            "        question: Who can access our data?\n", "",
            "data/faq.yml:16:9: error", "missing required key 'question'", None,
            id="missing-question",
        ),
        pytest.param(
            "with *two factors*.", "with [two factors](javascript:alert(1)).",
            "data/faq.yml:18:68: error",
            "expected an https:, http: or mailto: URL, found a 'javascript:' URL", None,
            id="javascript-link-in-answer",
        ),
    ],
)
def test_faq_errors(
    full: DataFolder, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    full.edit("faq.yml", old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, location, message, hint)
    assert result.trust_center is None


# --- updates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "    severity: low\n", "", "data/updates.yml:5:11: error",
            "expected 'severity' (low, medium, high or critical) for an incident notice",
            None, id="incident-without-severity",
        ),
        pytest.param(
            "    severity: high\n", "", "data/updates.yml:12:11: error",
            "expected 'severity' (low, medium, high or critical) for a vulnerability notice",
            None, id="vulnerability-without-severity",
        ),
        pytest.param(
            "resolved: 2026-01-21", "resolved: 2026-01-19", "data/updates.yml:8:15: error",
            "expected 'resolved' on or after the date (2026-01-20), found 2026-01-19", None,
            id="resolved-before-date",
        ),
        pytest.param(
            "    severity: low\n", "    severty: low\n", "data/updates.yml:6:5: error",
            "unknown key 'severty'", "did you mean 'severity'?", id="misspelt-severity-key",
        ),
        pytest.param(
            "    severity: high\n", "    severity: urgent\n", "data/updates.yml:13:15: error",
            "found 'urgent'", None, id="unknown-severity",
        ),
        pytest.param(
            "    kind: compliance\n", "    kind: complience\n", "data/updates.yml:19:11: error",
            "found 'complience'", "did you mean 'compliance'?", id="misspelt-kind",
        ),
        pytest.param(
            "- id: 2026-02-soc2-report", "- id: 2026-01-email-delay",
            "data/updates.yml:16:9: error",
            "duplicate update id '2026-01-email-delay' (first used at line 2)", None,
            id="duplicate-id",
        ),
        pytest.param(
            "    summary: Notification e-mails were delivered up to two hours late.\n",
            "    summary: Note: e-mails were late\n",
            "data/updates.yml:7:18: error", "invalid YAML: mapping values are not allowed here",
            "a value containing ': ' must be put in quotes", id="yaml-syntax",
        ),
    ],
)
def test_update_errors(
    full: DataFolder, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    full.edit("updates.yml", old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, location, message, hint)
    assert result.trust_center is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("resolved: 2026-01-21", "resolved: 2026-01-20", id="resolved-same-day"),
        pytest.param("    kind: compliance\n", "    kind: advisory\n",
                     id="advisory-without-severity"),
        pytest.param("    kind: compliance\n", "    kind: announcement\n",
                     id="announcement-without-severity"),
    ],
)
def test_valid_updates(full: DataFolder, old: str, new: str) -> None:
    full.edit("updates.yml", old, new)
    assert full.load().problems == []


# --- security.txt ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "  - https://example.com/security/report", "  - http://example.com/security/report",
            "data/security_txt.yml:3:5: error",
            "expected an https:, mailto: or tel: URI for 'contact' (RFC 9116, section 2.5.3), "
            "found a 'http:' URI ('http://example.com/security/report')", None, id="contact-http",
        ),
        pytest.param(
            "  - https://example.com/.well-known/security.txt",
            "  - http://example.com/.well-known/security.txt",
            "data/security_txt.yml:9:5: error",
            "expected an https: URI for 'canonical' (RFC 9116, section 2.5.2), found a 'http:' "
            "URI ('http://example.com/.well-known/security.txt')", None, id="canonical-http",
        ),
        pytest.param(
            "  - https://example.com/.well-known/security.txt",
            "  - mailto:security@example.com",
            "data/security_txt.yml:9:5: error",
            "expected an https: URI for 'canonical' (RFC 9116, section 2.5.2), found a "
            "'mailto:' URI ('mailto:security@example.com')", None, id="canonical-mailto",
        ),
        pytest.param(
            "  - https://example.com/security/key.txt", "  - http://example.com/security/key.txt",
            "data/security_txt.yml:6:5: error",
            "expected an https:, dns: or openpgp4fpr: URI for 'encryption'", None,
            id="encryption-http",
        ),
        pytest.param(
            "  - https://example.com/security/policy", "  - http://example.com/security/policy",
            "data/security_txt.yml:11:5: error",
            "expected an https: URI for 'policy' (RFC 9116, section 2.5.7)", None, id="policy-http",
        ),
        pytest.param(
            "expires: 2026-12-31", "expires: 2026-05-31", "data/security_txt.yml:4:10: error",
            "security.txt expired on 31 May 2026; a stale file must not be used",
            "review the file and set a new date less than a year ahead", id="expired",
        ),
        pytest.param(
            "expires: 2026-12-31", "expries: 2026-12-31", "data/security_txt.yml:4:1: error",
            "unknown key 'expries'", "did you mean 'expires'?", id="misspelt-key",
        ),
        pytest.param(
            "contact:\n  - mailto:security@example.com\n  - https://example.com/security/report\n",
            "contact: []\n", "data/security_txt.yml:1:10: error",
            "expected at least one entry, found none", None, id="no-contact",
        ),
        pytest.param(
            "  - mailto:security@example.com", "  - security@example.com",
            "data/security_txt.yml:2:5: error", "found a URI with no scheme", None,
            id="contact-without-scheme",
        ),
        pytest.param(
            "  - mailto:security@example.com", "\t- mailto:security@example.com",
            "data/security_txt.yml:2:1: error", "invalid YAML", "indent with spaces",
            id="tab-indentation",
        ),
    ],
)
def test_security_txt_errors(
    full: DataFolder, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    full.edit("security_txt.yml", old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, location, message, hint)
    assert result.trust_center is None


@pytest.mark.parametrize(
    ("expires", "message"),
    [
        ("2026-07-01", "security.txt expires in 30 day(s), on 1 July 2026"),
        ("2026-06-02", "security.txt expires in 1 day(s), on 2 June 2026"),
        ("2027-06-02", "'expires' is 366 days ahead; RFC 9116 recommends less than a year"),
    ],
)
def test_security_txt_expiry_warnings(full: DataFolder, expires: str, message: str) -> None:
    full.edit("security_txt.yml", "expires: 2026-12-31", f"expires: {expires}")
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, "data/security_txt.yml:4:10: warning", message)
    assert result.trust_center is not None


def test_security_txt_expiring_soon_hints_at_review(full: DataFolder) -> None:
    full.edit("security_txt.yml", "expires: 2026-12-31", "expires: 2026-07-01")
    [problem] = full.load().problems
    assert problem.hint == "review the file and set a new date less than a year ahead"


@pytest.mark.parametrize(
    "expires",
    [
        "2026-07-02",  # 31 days ahead
        "2027-06-01",  # 365 days ahead
    ],
)
def test_security_txt_expiry_boundaries_do_not_warn(full: DataFolder, expires: str) -> None:
    full.edit("security_txt.yml", "expires: 2026-12-31", f"expires: {expires}")
    assert full.load().problems == []


# --- coverage of the criteria in scope ------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param("      - A1.2\n", "      - CC6.1\n",
                     "no control maps to A1.2, in the scope of SOC 2 Type 2 (Availability)",
                     id="availability"),
        pytest.param("CC9.1, CC9.2, A1.1", "CC9.1, A1.1",
                     "no control maps to CC9.2, in the scope of SOC 2 Type 2 (Security)",
                     id="security"),
        pytest.param("CC6.3, CC6.4, CC6.5", "CC6.3",
                     "no control maps to CC6.4, CC6.5, in the scope of SOC 2 Type 2 (Security)",
                     id="two-criteria"),
    ],
)
def test_criterion_in_scope_without_a_control_warns(
    full: DataFolder, old: str, new: str, message: str
) -> None:
    full.edit("controls.yml", old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, "data/attestations.yml:13:7: warning", message,
                   "map a control to each criterion in scope")
    assert result.trust_center is not None


def test_each_category_with_a_gap_warns(full: DataFolder) -> None:
    full.edit("controls.yml", "      - A1.2\n", "      - CC6.1\n")
    full.edit("controls.yml", "CC9.1, CC9.2, A1.1", "CC9.1, A1.1")
    messages = [p.message for p in full.load().problems]
    assert messages == [
        "no control maps to A1.2, in the scope of SOC 2 Type 2 (Availability)",
        "no control maps to CC9.2, in the scope of SOC 2 Type 2 (Security)",
    ]


SOC3 = """\
    expected: 2027-06-30
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
      - availability
"""


def test_gap_is_reported_once_for_reports_sharing_the_scope(full: DataFolder) -> None:
    full.edit("attestations.yml", "    expected: 2027-06-30\n", SOC3)
    assert full.load().problems == []
    full.edit("controls.yml", "      - A1.2\n", "      - CC6.1\n")
    [problem] = full.load().problems
    assert_problem(problem, "data/attestations.yml:13:7: warning",
                   "no control maps to A1.2, in the scope of SOC 2 Type 2 (Availability)")


def test_criterion_of_a_category_out_of_scope_does_not_warn(full: DataFolder) -> None:
    full.edit("controls.yml", "      - A1.2\n", "      - CC6.1\n")
    full.edit("attestations.yml", "      - availability\n", "")
    assert full.load().problems == []


def test_internal_report_is_not_judged_for_coverage(full: DataFolder) -> None:
    full.edit("controls.yml", "      - A1.2\n", "      - CC6.1\n")
    full.edit("attestations.yml", "    visibility: nda\n", "    visibility: internal\n")
    assert full.load().problems == []


def test_withdrawn_report_is_not_judged_for_coverage(full: DataFolder) -> None:
    full.edit("controls.yml", "      - A1.2\n", "      - CC6.1\n")
    full.edit("attestations.yml", "    status: issued\n", "    status: withdrawn\n")
    result = full.load()
    assert result.trust_center is not None
    assert project(result.trust_center, TODAY).categories_in_scope() == []
    assert result.problems == []


@pytest.mark.parametrize(
    ("name", "old", "new", "location"),
    [
        pytest.param("updates.yml", "    severity: low\n", "", "data/updates.yml:5:11: error",
                     id="cross-check-error"),
        pytest.param("documents.yml", "    access: nda\n",
                     "    access: nda\n    url: https://example.com/trust/pentest.pdf\n",
                     "data/documents.yml:15:10: error", id="document-error"),
        pytest.param("controls.yml", "title: Multi-factor authentication", "title: 42",
                     "data/controls.yml:9:12: error", id="type-error-in-controls"),
    ],
)
def test_no_coverage_warning_when_the_data_has_an_error(
    full: DataFolder, name: str, old: str, new: str, location: str
) -> None:
    full.edit("controls.yml", "      - A1.2\n", "      - CC6.1\n")
    full.edit(name, old, new)
    result = full.load()
    [problem] = result.problems
    assert_problem(problem, location, "")
    assert result.trust_center is None
