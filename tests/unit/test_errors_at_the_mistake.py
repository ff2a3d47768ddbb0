"""Broken copies of the example data: each error is reported at the mistake itself.

PyYAML reports where it gave up; yamllint 1.38 and ruamel.yaml 0.19 (tried on the same
inputs, see handbook/rules.md) mostly do too. Here an unclosed quote is reported at its
opening quote, an unclosed bracket at the bracket, a merge conflict at its marker, and a
bad link inside a folded description at the link itself.
"""

from __future__ import annotations

import pytest

from tests.unit.unit_support import DataFolder

GLYPHWISE = "    name: Glyphwise AI GmbH"
GLYPHWISE_LOCATIONS = (
    "    locations: [Germany]\n    transfer_mechanism: none_needed\n"
    "    website: https://glyphwise"
)
CLOSE = "end the value with \" on this line, or remove the \" if the value needs no quotes"


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        pytest.param(
            "subprocessors.yml", GLYPHWISE, '    name: "Glyphwise AI GmbH',
            "data/subprocessors.yml:273:11: error: unclosed double quote: the value that "
            "starts with \" here runs on to the \" at line 288, swallowing the lines between; "
            f"{CLOSE} (unclosed-quote)",
            id="double-quote-swallows-lines",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: 'Glyphwise AI GmbH",
            "data/subprocessors.yml:273:11: error: unclosed single quote: the value that "
            "starts with ' here is never closed; end the value with ' on this line, or remove "
            "the ' if the value needs no quotes (unclosed-quote)",
            id="single-quote-to-end-of-file",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: \"Glyphwise AI GmbH'",
            "data/subprocessors.yml:273:11: error: unclosed double quote: the value that "
            "starts with \" here runs on to the \" at line 288, swallowing the lines between; "
            f"{CLOSE} (unclosed-quote)",
            id="mismatched-quotes",
        ),
        pytest.param(
            "subprocessors.yml", "      - Invoice images and extracted fields",
            '      - "Invoice images and extracted fields',
            "data/subprocessors.yml:279:9: error: unclosed double quote: the value that "
            "starts with \" here runs on to the \" at line 288, swallowing the lines between; "
            f"{CLOSE} (unclosed-quote)",
            id="quote-in-list-item",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE_LOCATIONS,
            GLYPHWISE_LOCATIONS.replace("[Germany]", '[Germany, "Austria]'),
            "data/subprocessors.yml:280:26: error: unclosed double quote: the value that "
            "starts with \" here runs on to the \" at line 288, swallowing the lines between; "
            f"{CLOSE} (unclosed-quote)",
            id="quote-in-flow-list",
        ),
        pytest.param(
            "controls.yml", "  - id: GOV-01", '  - id: "GOV-01',
            "data/controls.yml:68:9: error: unclosed double quote: the value that starts "
            "with \" here runs on to the \" at line 81, swallowing the lines between; "
            f"{CLOSE} (unclosed-quote)",
            id="quote-in-id",
        ),
        pytest.param(
            "security_txt.yml", "expires: 2027-06-30", 'expires: "2027-06-30',
            "data/security_txt.yml:22:10: error: unclosed double quote: the value that "
            f"starts with \" here is never closed; {CLOSE} (unclosed-quote)",
            id="quote-near-end-of-file",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: 'Glyphwise's AI GmbH'",
            "data/subprocessors.yml:273:21: error: a single-quoted value ends at this "
            "apostrophe, and the rest of the line is left over; inside single quotes write "
            "an apostrophe twice (''), or use double quotes (yaml-syntax)",
            id="apostrophe-in-single-quotes",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE_LOCATIONS,
            GLYPHWISE_LOCATIONS.replace("[Germany]", "[Germany"),
            "data/subprocessors.yml:280:16: error: unclosed '[': the list that starts here "
            "is not closed with ']' on its line; end it with ']', for example "
            "[Germany, Ireland], or write each item on its own line starting with '- ' "
            "(unclosed-bracket)",
            id="unclosed-bracket",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE_LOCATIONS,
            GLYPHWISE_LOCATIONS.replace("[Germany]", "[Germany, Austria"),
            "data/subprocessors.yml:280:16: error: unclosed '[': the list that starts here "
            "is not closed with ']' on its line; end it with ']', for example "
            "[Germany, Ireland], or write each item on its own line starting with '- ' "
            "(unclosed-bracket)",
            id="unclosed-bracket-two-items",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, "    name: {Glyphwise AI GmbH",
            "data/subprocessors.yml:273:11: error: unclosed '{': the mapping that starts "
            "here is not closed with '}' on its line; end it with '}', or put the value in "
            "quotes if the '{' is part of the text (unclosed-bracket)",
            id="unclosed-brace",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE + "\n",
            "<<<<<<< HEAD\n" + GLYPHWISE + "\n=======\n    name: Glyphwise AI SE\n"
            ">>>>>>> rename-glyphwise\n",
            "data/subprocessors.yml:273:1: error: a git merge conflict is left in the file: "
            "'<<<<<<< HEAD' here, '>>>>>>> rename-glyphwise' at line 277; keep the lines you "
            "want from one side, then delete the other side and the marker lines (<<<<<<<, "
            "=======, >>>>>>>) (merge-conflict)",
            id="merge-conflict",
        ),
        pytest.param(
            "controls.yml", "  - id: GOV-01\n",
            "<<<<<<< ours\n  - id: GOV-01\n||||||| base\n  - id: GOV-1\n=======\n"
            "  - id: GOV-001\n>>>>>>> theirs\n",
            "data/controls.yml:68:1: error: a git merge conflict is left in the file: "
            "'<<<<<<< ours' here, '>>>>>>> theirs' at line 74; keep the lines you want from "
            "one side, then delete the other side and the marker lines (<<<<<<<, =======, "
            ">>>>>>>) (merge-conflict)",
            id="merge-conflict-diff3",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE + "\n", "<<<<<<< HEAD\n" + GLYPHWISE + "\n",
            "data/subprocessors.yml:273:1: error: a git merge conflict marker '<<<<<<< HEAD' "
            "is left in the file; resolve the conflict and delete the marker lines "
            "(merge-conflict)",
            id="merge-marker-alone",
        ),
        pytest.param(
            "documents.yml",
            "      encryption, access control, monitoring and our audit program, in twelve pages.",
            "      encryption, access control, monitoring and [our audit program]"
            "(javascript:alert(1)), in twelve pages.",
            "data/documents.yml:25:70: error: expected an https:, http: or mailto: URL, found "
            "a 'javascript:' URL ('javascript:alert(1)') (bad-link)",
            id="javascript-link-in-folded-description",
        ),
        pytest.param(
            "faq.yml",
            "          storage and backups are encrypted at rest with AES-256, with keys in a",
            "          storage and backups are encrypted at rest with [AES-256]"
            "(javascript:alert(document.cookie)), with keys in a",
            "data/faq.yml:30:68: error: expected an https:, http: or mailto: URL, found a "
            "'javascript:' URL ('javascript:alert(document.cookie)') (bad-link)",
            id="javascript-link-in-folded-answer",
        ),
        pytest.param(
            "faq.yml",
            "          key service. Supplier bank details and API credentials are also",
            "          key service. Supplier bank details and API credentials are "
            "[also](mailto:nobody)",
            "data/faq.yml:31:77: error: expected an e-mail address after 'mailto:', found "
            "'mailto:nobody' (bad-link)",
            id="mailto-without-address-third-line",
        ),
        pytest.param(
            "subprocessors.yml",
            "      Fallback extraction of handwritten or poorly scanned invoices",
            "      Fallback extraction of handwritten or poorly [scanned](data:text/html,x) "
            "invoices",
            "data/subprocessors.yml:275:62: error: expected an https:, http: or mailto: URL, "
            "found a 'data:' URL ('data:text/html,x') (bad-link)",
            id="data-link-in-folded-purpose",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE + "\n    purpose: >-",
            GLYPHWISE + "\n\tpurpose: >-",
            "data/subprocessors.yml:274:1: error: invalid YAML: found character '\\t' that "
            "cannot start any token (while scanning for the next token); indent with spaces; "
            "YAML does not allow tab characters for indentation (yaml-syntax)",
            id="tab-indent",
        ),
        pytest.param(
            "subprocessors.yml", GLYPHWISE, GLYPHWISE + "\n    name: Glyphwise",
            "data/subprocessors.yml:274:5: error: duplicate key 'name': it is already given "
            "at line 273, column 5; remove one of them; YAML would silently keep only the "
            "last (duplicate-key)",
            id="duplicate-key",
        ),
    ],
)
def test_an_error_is_reported_at_the_mistake(
    example: DataFolder, name: str, old: str, new: str, expected: str
) -> None:
    example.edit(name, old, new)
    result = example.load()
    assert result.trust_center is None
    assert [p.format() for p in result.errors] == [expected]


def test_a_legitimate_multi_line_quoted_value_is_no_error(example: DataFolder) -> None:
    example.edit("subprocessors.yml", GLYPHWISE, '    name: "Glyphwise AI\n      GmbH"')
    assert example.load().errors == []


def test_equals_signs_in_a_literal_block_are_no_conflict(example: DataFolder) -> None:
    example.edit(
        "subprocessors.yml",
        "      Fallback extraction of handwritten or poorly scanned invoices",
        "      Fallback\n      =======\n      extraction of handwritten or poorly scanned invoices",
    )
    assert example.load().errors == []
