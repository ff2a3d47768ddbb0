from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from trustcenter.yamlresolver import LOADER, FastSafeLoader, tag_resolver

#: Every YAML 1.1 implicit type PyYAML's SafeLoader knows (https://yaml.org/type/), in
#: each of its forms, and near misses of each.
IMPLICIT = [
    # booleans
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
    "FALSE", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "yEs", "tRUE",
    "oN", "nO", "Yes!", "no ", "onoff",
    # integers: decimal, binary, octal, hexadecimal, base 60, with underscores and signs
    "0", "-0", "+0", "1", "-1", "+12", "30", "030", "0o17", "08", "09", "0_7", "017",
    "0b101", "-0b1_0", "0B1", "0x1F", "0X1f", "-0x_a", "0xG", "1_000", "1__0", "_1",
    "190:20:30", "1:20", "-1:59", "1:60", "123456789012345678901234567890",
    # floats
    "1.5", "-1.5", "+.5", ".5", "1.", "1.0e+3", "1.0E-3", "1e3", "6.8523015e+5",
    "685.230_15e+03", "190:20:30.15", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan",
    ".NaN", ".NAN", ".", "._", "..", "1.2.3", "1,5", "0.1.2026",
    # nulls
    "~", "null", "Null", "NULL", "", "nULL", "~~", "none", "None",
    # timestamps and dates, real and impossible
    "2026-11-26", "2026-02-30", "2026-1-1", "2026-13-01", "26-11-26", "2026-11-26 ",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    "2001-12-15T02:59:43.1Z", "2001-12-15 2:59:43.10", "2001-12-14T21:59:43+01:30",
    "2026-11-26T", "2026/11/26", "11/26/2026", "20261126",
    # merge and value keys, and words that only start like an implicit type
    "<<", "<", "<<<", "=", "==", "+", "-", "-- ", "Norway", "NOx", "Yesterday", "True.",
    "offline", "null-island", "0day", "1st", "2026", "2026-Q4", "~tilde", "=x", "0x",
    "ISO 27001", "CC6.1", "A1.2", "v1.0", "1.0.0", "+1-201-555-0123", "tel:+1",
]  # fmt: skip


def _fuzz(count: int, seed: int) -> list[str]:
    """Random short strings over the characters the implicit patterns look at."""
    alphabet = "0123456789+-._:eExXbBoOtTzZ <=~yYnNfF"
    rng = random.Random(seed)
    return ["".join(rng.choices(alphabet, k=rng.randint(0, 10))) for _ in range(count)]


SHORT = [
    "".join(chars) for n in range(3) for chars in itertools.product("0+-.:_e1<=~yNo", repeat=n)
]
SCALARS = IMPLICIT + SHORT + _fuzz(20_000, seed=13)
FLAGS = [(True, False), (False, True), (False, False), (True, True)]


def test_every_scalar_gets_the_tag_pyyaml_gives_it() -> None:
    ours = tag_resolver(Resolver.yaml_implicit_resolvers)
    theirs = Resolver()
    different = [
        (value, implicit)
        for value in SCALARS
        for implicit in FLAGS
        if ours(ScalarNode, value, implicit) != theirs.resolve(ScalarNode, value, implicit)
    ]
    assert different == []
    # the fuzzing reaches every implicit type, not only text
    tags = {ours(ScalarNode, value, (True, False)) for value in SCALARS}
    assert {t.rsplit(":", 1)[1] for t in tags} == {
        "bool", "int", "float", "null", "timestamp", "merge", "value", "str",
    }  # fmt: skip


@pytest.mark.parametrize("kind", [MappingNode, SequenceNode])
def test_lists_and_mappings_get_pyyaml_tags(kind: type[yaml.Node]) -> None:
    ours = tag_resolver(Resolver.yaml_implicit_resolvers)
    assert ours(kind, None, (False, False)) == Resolver().resolve(kind, None, (False, False))


def test_resolvers_for_any_first_character_are_tried_after_the_others() -> None:
    first = [("tag:first", _pattern("a.*"))]
    anywhere = [("tag:any", _pattern(".*"))]
    resolve = tag_resolver({"a": first, None: anywhere})
    assert resolve(ScalarNode, "abc", (True, False)) == "tag:first"
    assert resolve(ScalarNode, "bcd", (True, False)) == "tag:any"
    assert resolve(ScalarNode, "", (True, False)) == "tag:any"
    assert resolve(ScalarNode, "bcd", (False, True)) == Resolver.DEFAULT_SCALAR_TAG


def _pattern(text: str) -> Any:
    import re

    return re.compile(text)


def _document() -> str:
    """Every scalar above as a plain, quoted and block value, as keys, and explicitly tagged."""
    lines = ["plain:"]
    lines += [f"  - {value}" for value in IMPLICIT if _plain_ok(value)]
    lines += ["single:"] + [f"  - '{value}'" for value in IMPLICIT]
    lines += ["double:"] + [f'  - "{value}"' for value in IMPLICIT]
    lines += ["keys:"] + [f"  {value}: x" for value in IMPLICIT if _plain_ok(value) and value]
    lines += ["block: |", "  2026-02-30", "folded: >-", "  yes", "tagged:"]
    lines += ["  - !!str 030", "  - !!int '30'", "  - ! 030", "  - !!float 1", "  - !!null ''"]
    lines += ["flow: {a: [yes, 030, ~, 2026-11-26], b: {c: .inf}}", "empty:", "anchor: &a [1]"]
    lines += ["alias: *a", "merge:", "  <<: {x: 1}"]
    return "\n".join(lines) + "\n"


def _plain_ok(value: str) -> bool:
    try:
        node = yaml.compose(f"- {value}\n", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    return isinstance(node, SequenceNode) and node.value[0].value == value


def _shape(node: yaml.Node, marks: bool) -> Any:
    where = (node.start_mark.line, node.start_mark.column, node.end_mark.index) if marks else ()
    if isinstance(node, MappingNode):
        return (node.tag, where, [(_shape(k, marks), _shape(v, marks)) for k, v in node.value])
    if isinstance(node, SequenceNode):
        return (node.tag, where, [_shape(item, marks) for item in node.value])
    return (node.tag, where, node.value, node.style if marks else None)


def test_a_document_composes_exactly_as_with_pyyaml() -> None:
    text = _document()
    ours = yaml.compose(text, Loader=LOADER)
    assert _shape(ours, marks=True) == _shape(yaml.compose(text, Loader=yaml.CSafeLoader), True)
    assert _shape(ours, marks=False) == _shape(yaml.compose(text, Loader=yaml.SafeLoader), False)


@pytest.mark.parametrize("value", IMPLICIT)
def test_each_value_loads_as_with_pyyaml(value: str) -> None:
    for text in (f"- {value}\n", f"key: {value}\n", f"{{k: [{value}]}}\n"):
        ours = _outcome(text, LOADER)
        assert ours == _outcome(text, yaml.CSafeLoader)  # libyaml words its errors its own way
        if not isinstance(ours, tuple):
            assert ours == _outcome(text, yaml.SafeLoader)


def _outcome(text: str, loader: type) -> Any:
    """What loading ``text`` gives: the value, or the kind of error and its message."""
    try:
        return yaml.load(text, Loader=loader)
    except (yaml.YAMLError, ValueError) as error:
        return type(error).__name__, str(error).split("\n")[0]


def test_a_registered_path_resolver_is_honoured() -> None:
    class WithPath(FastSafeLoader):
        pass

    class StockWithPath(yaml.CSafeLoader):
        pass

    for loader in (WithPath, StockWithPath):
        loader.add_path_resolver("tag:example:version", ["version"], ScalarNode)
    text = "version: abc\nother: abc\n"
    ours = yaml.compose(text, Loader=WithPath)
    assert _shape(ours, True) == _shape(yaml.compose(text, Loader=StockWithPath), True)
    assert ours.value[0][1].tag == "tag:example:version"
    assert ours.value[1][1].tag == "tag:yaml.org,2002:str"
