"""YAML 1.1's silent conversions: every one is an error that quotes what was typed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.unit.unit_support import DataFolder
from trustcenter.yamltypes import conversion, quoted

CASES = Path(__file__).with_name("data") / "cases"

GLYPHWISE = "    name: Glyphwise AI GmbH"
SOC3_TYPE = "  - id: soc3-2026\n    framework: soc3\n    type: 2"
DAYS = "data/subprocessors.yml:59:9: error: "
NAME = "data/subprocessors.yml:273:11: error: "


@pytest.mark.parametrize(
    ("raw", "value", "rule", "made"),
    [
        ("030", 24, "yaml-octal", "the octal number 24"),
        ("-010", -8, "yaml-octal", "the octal number -8"),
        ("1:20", 80, "yaml-sexagesimal", "the base-60 number 80"),
        ("0x1F", 31, "yaml-number-form", "the hexadecimal number 31"),
        ("0b101", 5, "yaml-number-form", "the binary number 5"),
        ("1_000", 1000, "yaml-number-form", "the number 1000"),
        ("+5", 5, "yaml-number-form", "the number 5"),
        ("1.10", 1.1, "yaml-number-form", "the number 1.1"),
        ("1.0e+3", 1000.0, "yaml-number-form", "the number 1000"),
        ("1:30.5", 90.5, "yaml-sexagesimal", "the base-60 number 90.5"),
        (".inf", float("inf"), "yaml-number-form", "infinity"),
        ("-.Inf", float("-inf"), "yaml-number-form", "minus infinity"),
        (".NaN", float("nan"), "yaml-number-form", "not-a-number (.nan)"),
        ("no", False, "yaml-boolean", "the boolean false"),
        ("On", True, "yaml-boolean", "the boolean true"),
        ("~", None, "yaml-null", "null (no value at all)"),
        ("NULL", None, "yaml-null", "null (no value at all)"),
        ("2026-01-01 10:00:00", dt.datetime(2026, 1, 1, 10), "yaml-timestamp",
         "the date and time 2026-01-01 10:00:00"),
    ],
)
def test_a_conversion_is_named_with_its_rule(raw: str, value: object, rule: str, made: str) -> None:
    found = conversion(raw, value)
    assert found is not None
    assert (found.rule, found.made) == (rule, made)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("30", 30), ("0", 0), ("-4", -4), ("1.5", 1.5), ("2026-01-01", dt.date(2026, 1, 1)),
     ("", None)],
)
def test_a_value_shown_as_typed_is_no_conversion(raw: str, value: object) -> None:
    assert conversion(raw, value) is None


@pytest.mark.parametrize(
    ("raw", "kept"), [("no", "'no'"), ("it's", '"it\'s"'), ('a"b\'', '"a\\"b\'"')]
)
def test_quoted_keeps_the_text(raw: str, kept: str) -> None:
    assert quoted(raw) == kept


# --- in the example data: the exact message at the exact place ----------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 030",
            DAYS + "030 is read by YAML 1.1 as the octal number 24, not 30; "
            "write 30 (or put it in quotes if text is meant) (yaml-octal)", id="octal-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 045",
            DAYS + "045 is read by YAML 1.1 as the octal number 37, not 45; "
            "write 45 (or put it in quotes if text is meant) (yaml-octal)", id="octal-45",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 1:20",
            DAYS + "1:20 is read by YAML 1.1 as the base-60 number 80; write the number in "
            "plain digits (80 is what YAML made of it) (yaml-sexagesimal)", id="sexagesimal-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 0x1E",
            DAYS + "0x1E is read by YAML 1.1 as the hexadecimal number 30; write 30 "
            "(yaml-number-form)", id="hex-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 0b11110",
            DAYS + "0b11110 is read by YAML 1.1 as the binary number 30; write 30 "
            "(yaml-number-form)", id="binary-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 3_0",
            DAYS + "3_0 is read by YAML 1.1 as the number 30; write 30 (yaml-number-form)",
            id="underscore-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 30.0",
            DAYS + "30.0 is read by YAML 1.1 as the number 30 with a fraction; write 30 "
            "(yaml-number-form)", id="float-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: 3.0e+1",
            DAYS + "3.0e+1 is read by YAML 1.1 as the number 30; write 30 (yaml-number-form)",
            id="exponent-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: .inf",
            DAYS + "expected a whole number, found .inf, which YAML 1.1 reads as infinity; "
            "write the number in plain digits (yaml-number-form)", id="inf-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: yes",
            DAYS + "expected a whole number, found yes, which YAML 1.1 reads as the boolean "
            "true; write the number in plain digits (yaml-boolean)", id="boolean-days",
        ),
        pytest.param(
            "subprocessors.yml", "  days: 30", "  days: ~",
            DAYS + "expected a whole number, found ~, which YAML 1.1 reads as null (no value "
            "at all); write the number in plain digits (yaml-null)", id="null-days",
        ),
        pytest.param(
            "subprocessors.yml", "  since: 2024-01-01", "  since: 2024-01-01T00:00:00Z",
            "data/subprocessors.yml:60:10: error: expected a date in the form YYYY-MM-DD, "
            "found 2024-01-01T00:00:00Z, which YAML 1.1 reads as the date and time "
            "2024-01-01 00:00:00+00:00; write the date alone: 2024-01-01 (yaml-timestamp)",
            id="timestamp-for-date",
        ),
        pytest.param(
            "security_txt.yml", "expires: 2027-06-30", "expires: 2027-06-30 12:00:00",
            "data/security_txt.yml:22:10: error: expected a date in the form YYYY-MM-DD, "
            "found 2027-06-30 12:00:00, which YAML 1.1 reads as the date and time "
            "2027-06-30 12:00:00; write the date alone: 2027-06-30 (yaml-timestamp)",
            id="timestamp-for-expires",
        ),
        pytest.param(
            "subprocessors.yml", "    locations: [Germany]\n    transfer_mechanism: none_needed"
            "\n    website: https://glyphwise.example",
            "    locations: [Germany, NO]\n    transfer_mechanism: none_needed"
            "\n    website: https://glyphwise.example",
            "data/subprocessors.yml:280:26: error: expected text, found NO, which YAML 1.1 "
            "reads as the boolean false; put it in quotes: 'NO' (yaml-boolean)",
            id="norway-in-a-flow-list",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: 1:20",
            NAME + "expected text, found 1:20, which YAML 1.1 reads as the base-60 number 80; "
            "put it in quotes: '1:20' (yaml-sexagesimal)", id="sexagesimal-text",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: 0755",
            NAME + "expected text, found 0755, which YAML 1.1 reads as the octal number 493; "
            "put it in quotes: '0755' (yaml-octal)", id="octal-text",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: off",
            NAME + "expected text, found off, which YAML 1.1 reads as the boolean false; "
            "put it in quotes: 'off' (yaml-boolean)", id="off-text",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: null",
            NAME + "expected text, found null, which YAML 1.1 reads as null (no value at "
            "all); write the value, or put it in quotes ('null') if you mean the word "
            "(yaml-null)", id="null-text",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: 2026-01-01",
            NAME + "expected text, found 2026-01-01, which YAML 1.1 reads as the date "
            "2026-01-01; put it in quotes: '2026-01-01' (yaml-timestamp)", id="date-text",
        ),
        pytest.param(
            "documents.yml", '    version: "2026.2"', "    version: 1.10",
            "data/documents.yml:26:14: error: expected text, found 1.10, which YAML 1.1 "
            "reads as the number 1.1; put it in quotes: '1.10' (yaml-number-form)",
            id="version-1.10",
        ),
        pytest.param(
            "attestations.yml", SOC3_TYPE, SOC3_TYPE.replace("type: 2", "type: 02"),
            "data/attestations.yml:217:11: error: 02 has a leading zero, which YAML 1.1 "
            "reads as an octal number; write 2 (or put it in quotes if text is meant) "
            "(yaml-octal)", id="octal-type",
        ),
        pytest.param(
            "access.yml", "    rotation: 1", "    rotation: on",
            "data/access.yml:25:15: error: expected a whole number, found on, which YAML 1.1 "
            "reads as the boolean true; write the number in plain digits (yaml-boolean)",
            id="on-rotation",
        ),
        pytest.param(
            "controls.yml", "  - id: GOV-01", "  - id: no",
            "data/controls.yml:68:9: error: expected text, found no, which YAML 1.1 reads as "
            "the boolean false; put it in quotes: 'no' (yaml-boolean)", id="no-as-id",
        ),
    ],
)
def test_a_silent_conversion_is_an_error_quoting_what_was_typed(
    example: DataFolder, name: str, old: str, new: str, expected: str
) -> None:
    example.edit(name, old, new)
    result = example.load()
    assert result.trust_center is None
    assert expected in [p.format() for p in result.errors]


def test_a_boolean_for_a_type_is_named_besides_the_rule_it_breaks(example: DataFolder) -> None:
    example.edit("attestations.yml", SOC3_TYPE, SOC3_TYPE.replace("type: 2", "type: yes"))
    formatted = [p.format() for p in example.load().errors]
    assert (
        "data/attestations.yml:217:11: error: expected one of 1, 2, found yes, which YAML 1.1 "
        "reads as the boolean true; write 1 or 2 (yaml-boolean)"
    ) in formatted


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("subprocessors.yml", "  days: 30", '  days: "30"'),
        ("documents.yml", '    version: "2026.2"', "    version: '1.10'"),
        ("subprocessors.yml", GLYPHWISE, "    name: 'no'"),
        ("subprocessors.yml", GLYPHWISE, '    name: "1:20"'),
        ("access.yml", "    rotation: 1", "    rotation: 2"),
    ],
)
def test_quoted_or_plain_values_read_as_typed_pass(
    example: DataFolder, name: str, old: str, new: str
) -> None:
    example.edit(name, old, new)
    assert [p.format() for p in example.load().errors] == []


def test_case_yaml_octal_notice_days(example: DataFolder) -> None:
    """shared case yaml-octal-notice-days: no notice period other than the digits typed."""
    shutil.copy(CASES / "yaml-octal-notice-days" / "subprocessors.yml",
                example.root / "data" / "subprocessors.yml")
    result = example.load()
    assert result.trust_center is None
    assert [p.format() for p in result.errors] == [
        "data/subprocessors.yml:35:9: error: 030 is read by YAML 1.1 as the octal number 24, "
        "not 30; write 30 (or put it in quotes if text is meant) (yaml-octal)"
    ]
