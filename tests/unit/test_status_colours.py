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


def _luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of ``#rrggbb``."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", [":root", '[data-md-color-scheme="slate"]'])
def test_every_status_colour_pair_meets_wcag_aa_in_both_palettes(palette: str) -> None:
    """Text on its background at least 4.5:1 (WCAG 2.1 SC 1.4.3), for every family used."""
    text = (CSS / "trustcenter.css").read_text("utf-8")
    block = text[text.index(palette + " {") :]
    block = block[: block.index("}")]
    colours = dict(re.findall(r"--tc-([a-z-]+):\s*(#[0-9a-f]{6})", block))
    for family in set(_css_families().values()):
        assert _contrast(colours[family], colours[f"{family}-bg"]) >= 4.5, (palette, family)


@pytest.mark.parametrize("colour", sorted({*COLOURS.values(), SELF_ASSESSED}))
def test_every_badge_colour_keeps_white_text_readable(colour: str) -> None:
    assert _contrast(colour, "#ffffff") >= 4.5, colour
