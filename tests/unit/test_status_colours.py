"""Every standing has its status colour in the stylesheet, the same family as its badge."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trustcenter.exports.badges import COLOURS, SELF_ASSESSED
from trustcenter.status import Standing

CSS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "stylesheets"
#: The badge colours (white text) and the stylesheet's colour pairs they stand for.
FAMILY = {"#1b5e20": "ok", "#8a4b00": "warn", "#a31515": "bad", "#1a3e8a": "info",
          "#4a4a4a": "muted"}


def _css_families() -> dict[str, str]:
    text = (CSS / "trustcenter.css").read_text("utf-8")
    out: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        colour = re.search(r"color:\s*var\(--tc-([a-z]+)\)", body)
        if not colour:
            continue
        for name in re.findall(r"\.tc-status--([a-z_]+)", selectors):
            out[name] = colour.group(1)
    return out


@pytest.mark.parametrize("standing", [*Standing, "self"])
def test_each_standing_has_the_colour_of_its_badge(standing: Standing | str) -> None:
    name = standing if isinstance(standing, str) else standing.value
    badge = SELF_ASSESSED if name == "self" else COLOURS[standing]  # type: ignore[index]
    assert _css_families().get(name) == FAMILY[badge], name


def test_green_is_only_for_what_an_independent_party_found_current() -> None:
    green = {name for name, family in _css_families().items() if family == "ok"}
    assert green == {"current", "implemented"}
