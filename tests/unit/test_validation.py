from __future__ import annotations

import datetime as dt
import typing

import pytest

from tests.unit.unit_support import assert_problem
from trustcenter.model import Attestation, ControlsFile
from trustcenter.validation import validate
from trustcenter.yamlsource import parse_yaml


@pytest.mark.parametrize(
    ("name", "old", "new", "location", "message", "hint"),
    [
        pytest.param(
            "controls.yml", "title: Backups", "title: 42",
            "data/controls.yml:18:12: error", "expected text, found the number 42",
            "put the value in quotes", id="number-for-text",
        ),
        pytest.param(
            "controls.yml", "    criteria:\n      - A1.2\n", "    criteria: A1.2\n",
            "data/controls.yml:21:15: error", "expected a list, found 'A1.2'",
            "write each item on its own line, starting with '- '", id="text-for-list",
        ),
        pytest.param(
            "controls.yml", "- CC6.2", "- CC6.9",
            "data/controls.yml:14:9: error",
            "expected a Trust Services Criteria identifier, found 'CC6.9' "
            "(CC6 has CC6.1 to CC6.8)", None,
            id="unknown-criterion",
        ),
        pytest.param(
            "controls.yml", "    status: implemented\n    visibility: public\n  - id: OP-01",
            "    status: implemnted\n    visibility: public\n  - id: OP-01",
            "data/controls.yml:15:13: error",
            "expected one of implemented, in_progress, planned; found 'implemnted'",
            "did you mean 'implemented'?", id="misspelt-enum",
        ),
        pytest.param(
            "subprocessors.yml", "- Germany", "- NO",
            "data/subprocessors.yml:8:9: error",
            "expected text, found NO, which YAML 1.1 reads as the boolean false",
            "put it in quotes: 'NO'", id="yaml-boolean-for-text",
        ),
        pytest.param(
            "subprocessors.yml", "    website: https://hosting.example.net\n", "",
            "data/subprocessors.yml:2:5: error", "missing required key 'website'",
            "add 'website:' with a value", id="missing-key-in-entry",
        ),
        pytest.param(
            "company.yml", "name: Example Ledger\n", "",
            "data/company.yml:1:1: error", "missing required key 'name'", "add 'name:'",
            id="missing-key-at-top",
        ),
        pytest.param(
            "subprocessors.yml", "website: https://hosting.example.net",
            "website: javascript:alert(1)", "data/subprocessors.yml:10:14: error",
            "expected an https:, http: or mailto: URL, found a 'javascript:' URL", None,
            id="javascript-url",
        ),
        pytest.param(
            "company.yml", "url: https://example.com/trust/request",
            "url: JavaScript:alert(document.cookie)", "data/company.yml:12:10: error",
            "found a 'javascript:' URL", None, id="javascript-url-mixed-case",
        ),
        pytest.param(
            "subprocessors.yml", "purpose: Hosting of the production system.",
            "purpose: Hosting, see [the status page](javascript:alert(1)).",
            "data/subprocessors.yml:4:45: error",
            "expected an https:, http: or mailto: URL, found a 'javascript:' URL", None,
            id="javascript-link-in-markdown",
        ),
        pytest.param(
            "attestations.yml", "      opinion: unmodified", "      opnion: unmodified",
            "data/attestations.yml:16:7: error", "unknown key 'opnion'",
            "did you mean 'opinion'?", id="misspelt-nested-key",
        ),
        pytest.param(
            "attestations.yml", "      - availability", "      - availabilty",
            "data/attestations.yml:14:9: error", "found 'availabilty'",
            "did you mean 'availability'?", id="misspelt-category",
        ),
        pytest.param(
            "attestations.yml", "    type: 2", "    type: 3",
            "data/attestations.yml:4:11: error", "expected one of 1, 2; found the number 3",
            None, id="type-out-of-range",
        ),
        pytest.param(
            "subprocessors.yml", "added: 2024-03-01", "added: March 2024",
            "data/subprocessors.yml:11:12: error",
            "expected a date in the form YYYY-MM-DD, found 'March 2024'",
            "for example 2026-09-30", id="text-for-date",
        ),
        pytest.param(
            "subprocessors.yml", "added: 2024-03-01", "added: 1 March 2024",
            "data/subprocessors.yml:11:12: error",
            "expected a date in the form YYYY-MM-DD, found '1 March 2024'",
            "write 2024-03-01", id="day-in-words",
        ),
        pytest.param(
            "subprocessors.yml", "added: 2024-03-01", "added: 01/03/2024",
            "data/subprocessors.yml:11:12: error",
            "expected a date in the form YYYY-MM-DD, found '01/03/2024'",
            "write 2024-03-01 or 2024-01-03, whichever is meant", id="day-month-either-way",
        ),
        pytest.param(
            "controls.yml", "- id: OP-01", "- id: OP 01",
            "data/controls.yml:17:9: error", "expected an identifier", None, id="bad-id",
        ),
        pytest.param(
            "company.yml",
            "  commitments:\n    - Customer data is encrypted in transit and at rest.\n",
            "  commitments: []\n", "data/company.yml:24:16: error",
            "expected at least one entry, found none", None,
            id="empty-list",
        ),
    ],
)
def test_located_type_errors(
    data, name: str, old: str, new: str, location: str, message: str, hint: str | None
) -> None:
    data.edit(name, old, new)
    [problem] = data.load().problems
    assert_problem(problem, location, message, hint)


def test_misspelt_key_is_one_error_with_a_suggestion(data) -> None:
    data.edit("controls.yml", "    category: access", "    catgory: access")
    [problem] = data.load().problems
    assert_problem(problem, "data/controls.yml:11:5: error", "unknown key 'catgory'",
                   "did you mean 'category'?")
    assert problem.format() == (
        "data/controls.yml:11:5: error: unknown key 'catgory': did you mean 'category'? "
        "(unknown-key)"
    )


def test_missing_key_is_reported_beside_an_unrelated_unknown_key(data) -> None:
    data.edit("controls.yml", "    category: access", "    zzz: access")
    missing, unknown = data.load().problems
    assert_problem(missing, "data/controls.yml:8:5: error", "missing required key 'category'",
                   "add 'category:' with a value")
    assert_problem(unknown, "data/controls.yml:11:5: error", "unknown key 'zzz'",
                   "expected one of: id, title, description, category")


def test_unknown_key_without_close_match_lists_the_keys(data) -> None:
    data.edit("subprocessors.yml", "    added: 2024-03-01\n",
              "    added: 2024-03-01\n    zzz: 1\n")
    [problem] = data.load().problems
    assert_problem(problem, "data/subprocessors.yml:12:5: error", "unknown key 'zzz'",
                   "expected one of: id, name, purpose")


def test_impossible_date_is_reported_once(data) -> None:
    data.edit("attestations.yml", "issued: 2026-02-15", "issued: 2026-02-30")
    problems = [p for p in data.load().problems if p.line == 11]
    assert [p.message for p in problems] == [
        "expected a real date (YYYY-MM-DD), found '2026-02-30' (day is out of range for month)"
    ]


# --- validate() directly ---------------------------------------------------------------------

CONTROLS = """\
categories:
  - id: ops
    title: Operations
controls:
  - id: A
    title: First
    description: ok
    category: ops
    criteria: [CC6.1]
    status: implemented
    visibility: public
  - id: B
    title: 42
    description: ok
    category: ops
    criteria: [CC6.1]
    status: implemented
    visibility: public
  - id: C
    title: Third
    description: ok
    category: ops
    criteria: [CC6.1]
    status: implemented
    visibility: public
"""


def test_validate_valid_source_returns_model_marked_with_its_source() -> None:
    source, _ = parse_yaml(CONTROLS.replace("title: 42", "title: Second").encode(), "c.yml")
    model, problems = validate(ControlsFile, source)
    assert problems == []
    assert model is not None
    assert [c.id for c in model.controls] == ["A", "B", "C"]
    assert model.controls[2]._source == ("c.yml", ("controls", 2))


def test_the_source_travels_with_a_model_as_a_private_attribute_would() -> None:
    # Equality, copies and pickles see it (as they saw pydantic's private attribute);
    # a model built in code has none; no model class runs a hook per validated model.
    import copy
    import pickle

    from trustcenter.model import DATA_FILES, Model, TrustCenter

    source, _ = parse_yaml(CONTROLS.replace("title: 42", "title: A").encode(), "c.yml")
    model, _ = validate(ControlsFile, source)
    assert model is not None
    first, second, _ = model.controls
    twin = first.model_copy(update=dict(second))  # second's fields, first's source
    assert dict(twin) == dict(second)
    assert twin._source == ("c.yml", ("controls", 0)) and twin != second
    assert copy.copy(second) == second and copy.deepcopy(first) == first
    assert copy.deepcopy(first)._source == ("c.yml", ("controls", 0))
    assert pickle.loads(pickle.dumps(model)).controls[2]._source == ("c.yml", ("controls", 2))
    built = ControlsFile.model_validate(source.value)
    assert built.controls[0]._source is None and built.controls[0] != first
    assert ControlsFile.model_construct(categories=[])._source is None
    classes = [m for m, _ in DATA_FILES.values()] + [TrustCenter, Model]
    assert all(m.__pydantic_post_init__ is None for m in classes)
    assert all(not m.__private_attributes__ for m in classes)


def test_validate_salvages_the_valid_entries_of_a_list() -> None:
    source, _ = parse_yaml(CONTROLS.encode(), "c.yml")
    model, problems = validate(ControlsFile, source)
    assert [p.format() for p in problems] == [
        "c.yml:13:12: error: expected text, found the number 42; put the value in quotes "
        "(wrong-type)"
    ]
    assert model is not None
    assert [c.id for c in model.controls] == ["A", "C"]
    # the salvaged entry keeps its place in the file, not its place in the shorter list
    assert model.controls[1]._source == ("c.yml", ("controls", 2))
    assert [c.id for c in model.categories] == ["ops"]


def test_validate_salvages_nothing_from_a_list_root() -> None:
    source, _ = parse_yaml(b"- a\n- b\n", "c.yml")
    model, problems = validate(ControlsFile, source)
    assert model is None
    [problem] = problems
    assert_problem(problem, "c.yml:1:1: error",
                   "expected a mapping of keys to values, found a list")


def test_validate_boolean_in_optional_text() -> None:
    source, _ = parse_yaml(
        b"id: x\nframework: other\nname: yes\nstatus: planned\nvisibility: public\n", "a.yml"
    )
    _, problems = validate(Attestation, source)
    [problem] = problems
    assert_problem(problem, "a.yml:3:7: error",
                   "expected text, found yes, which YAML 1.1 reads as the boolean true",
                   "put it in quotes: 'yes'")


def _every_model(value: object, loc: tuple = ()) -> list[tuple[object, tuple]]:
    """Every model below ``value`` with its location, found by looking into every field
    and every list, dict and tuple whatever its type says."""
    from pydantic import BaseModel

    found: list[tuple[object, tuple]] = []
    if isinstance(value, BaseModel):
        found.append((value, loc))
        for name in type(value).model_fields:
            found += _every_model(getattr(value, name, None), (*loc, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found += _every_model(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            found += _every_model(item, (*loc, key))
    return found


@pytest.mark.parametrize("folder", ["valid", "example"])
def test_every_model_in_every_file_is_marked_with_its_place(folder: str) -> None:
    from tests.unit.unit_support import EXAMPLE_DATA, VALID_DATA
    from trustcenter.model import DATA_FILES, Model

    data = {"valid": VALID_DATA, "example": EXAMPLE_DATA}[folder]
    seen = 0
    for filename, (model_type, _) in DATA_FILES.items():
        if not (data / filename).is_file():
            continue
        source, _ = parse_yaml((data / filename).read_bytes(), filename)
        model, problems = validate(model_type, source)
        assert problems == []
        for entry, loc in _every_model(model):
            assert isinstance(entry, Model)
            assert entry._source == (filename, loc), (filename, loc)
            seen += 1
    assert seen > 20


@pytest.mark.parametrize(
    ("annotation", "holds"),
    [
        pytest.param(str, False, id="text"),
        pytest.param(typing.Annotated[str, "a validator", 3], False, id="annotated-text"),
        pytest.param(list[typing.Annotated[str, "v"]], False, id="list-of-annotated-text"),
        pytest.param(typing.Literal["a", "b"], False, id="literal"),
        pytest.param(dt.date | None, False, id="optional-date"),
        pytest.param(Attestation, True, id="model"),
        pytest.param(Attestation | None, True, id="optional-model"),
        pytest.param(list[typing.Annotated[Attestation, "v"]], True, id="list-of-annotated-model"),
        pytest.param(dict[str, Attestation], True, id="dict-of-model"),
        pytest.param(typing.Any, True, id="any"),
    ],
)
def test_which_fields_may_hold_a_model(annotation: object, holds: bool) -> None:
    from trustcenter.validation import _may_hold_model

    assert _may_hold_model(annotation) is holds
