"""Located errors for what a hurried person writes in attestations.yml (FedRAMP fields)."""

from __future__ import annotations

import pytest

from tests.unit.unit_support import DataFolder, where

FEDRAMP = """
  - id: fedramp
    framework: fedramp
    status: issued
    visibility: public
    auditor: Corvane Federal 3PAO
    issued: 2025-06-10
"""


def _append(example: DataFolder, extra: str) -> int:
    """Append the FedRAMP entry plus ``extra`` lines; the line number of its ``- id:``."""
    path = example.root / "data" / "attestations.yml"
    text = path.read_text("utf-8")
    start = text.count("\n") + 2
    path.write_text(text + FEDRAMP + extra, "utf-8")
    return start


@pytest.mark.parametrize(
    ("extra", "line", "column", "message"),
    [
        ("    impact_level: class_c\n    designation: certified\n"
         "    authorized_by: FedRAMP Board\n    certification_class: C\n", 7, 19,
         "the 2026 Certification Classes replaced the impact levels: expected "
         "'certification_class: C' with 'designation: certified', found 'impact_level: "
         "class_c'; write 'certification_class: C'"),
        ("    designation: ready\n    authorized_by: Department of Examples\n", 8, 5,
         "a service listed as 'ready' is not authorized, so nobody authorized it"),
        ("    designation: authorized\n    authorized_by: Department of Examples\n", 7, 18,
         "expected 'impact_level' (li_saas, low, moderate or high) for FedRAMP Authorized"),
        ("    designation: certified\n    authorized_by: FedRAMP Board\n", 7, 18,
         "expected 'certification_class' (A, B, C or D) for FedRAMP Certified"),
        ("    designation: authorized\n    impact_level: high\n    authorized_by: Agency\n"
         "    certification_class: B\n", 10, 26,
         "'certification_class' belongs to the 2026 'FedRAMP Certified' designation, not "
         "to 'authorized'; write 'designation: certified', or remove it"),
    ],
)
def test_a_fedramp_entry_that_does_not_fit_its_designation_is_a_located_error(
    example: DataFolder, extra: str, line: int, column: int, message: str
) -> None:
    start = _append(example, extra)
    [problem] = example.load().errors
    assert where(problem) == f"data/attestations.yml:{start + line - 1}:{column}: error"
    assert problem.rule == "fedramp-designation"
    assert problem.format().split(": error: ", 1)[1].startswith(message), problem.format()


def test_a_designation_on_another_framework_is_a_located_error(example: DataFolder) -> None:
    example.edit("attestations.yml", "    soa_version: \"4.2\"\n",
                 "    soa_version: \"4.2\"\n    designation: authorized\n")
    [problem] = example.load().errors
    assert problem.rule == "fedramp-designation"
    assert problem.message == (
        "'designation' is a FedRAMP Marketplace fact, not one of ISO/IEC 27001"
    )


def test_a_hurried_fedramp_entry_gets_every_fix_at_once(example: DataFolder) -> None:
    start = _append(example, "    authorized_by: Department of Examples\n"
                             "    impact_level: class_c\n")
    problems = sorted(example.load().errors, key=lambda p: p.line)
    assert [(where(p), p.rule) for p in problems] == [
        (f"data/attestations.yml:{start + 2}:5: error", "fedramp-designation"),
        (f"data/attestations.yml:{start + 7}:19: error", "fedramp-designation"),
    ]
    assert problems[0].message.startswith("expected 'designation'")
    assert problems[1].hint == "write 'certification_class: C'"
