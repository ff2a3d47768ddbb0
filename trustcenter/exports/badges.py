"""Status badges: a small SVG per attestation that a company can embed elsewhere.

Each badge says its standing in words (the colour only repeats it) and carries a
``<title>`` and ``role="img"``, so a screen reader announces the whole statement.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from trustcenter.projection import AttestationView
from trustcenter.status import Standing, long_date

SVG = "http://www.w3.org/2000/svg"
#: Background of the right half by standing; all keep white text above 4.5:1 contrast.
#: Green is kept for what an independent party found current: a self-assessment that
#: stands, an alignment or an assessment no rule dates are blue or grey.
COLOURS = {
    Standing.CURRENT: "#1b5e20",
    Standing.EXPIRING: "#8a4b00",
    Standing.EXPIRED: "#a31515",
    Standing.RETIRED: "#a31515",
    Standing.SUPERSEDED: "#4a4a4a",
    Standing.IN_PROGRESS: "#1a3e8a",
    Standing.PLANNED: "#4a4a4a",
    Standing.WITHDRAWN: "#4a4a4a",
    Standing.ALIGNED: "#1a3e8a",
    Standing.ASSESSED: "#1a3e8a",
    Standing.NOT_JUDGED: "#4a4a4a",
    Standing.READY: "#1a3e8a",
}
SELF_ASSESSED = "#1a3e8a"
_CHAR_WIDTH, _PAD, _HEIGHT = 7, 10, 20


def badge_svg(card: AttestationView, today: dt.date) -> bytes:
    """An SVG badge: the attestation's title on the left, its standing on the right."""
    left, right = card.title, card.label.lower()
    left_w = len(left) * _CHAR_WIDTH + 2 * _PAD
    right_w = len(right) * _CHAR_WIDTH + 2 * _PAD
    statement = f"{left}: {right}, as of {long_date(today)}"
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG,
            "width": str(left_w + right_w),
            "height": str(_HEIGHT),
            "role": "img",
            "aria-labelledby": "badge-title",
            "viewBox": f"0 0 {left_w + right_w} {_HEIGHT}",
        },
    )
    ET.SubElement(root, "title", id="badge-title").text = statement
    ET.SubElement(root, "rect", width=str(left_w), height=str(_HEIGHT), fill="#333333")
    ET.SubElement(
        root,
        "rect",
        x=str(left_w),
        width=str(right_w),
        height=str(_HEIGHT),
        fill=SELF_ASSESSED if card.badge_class == "self" else COLOURS[card.standing],
    )
    text = {
        "fill": "#ffffff",
        "font-family": "Verdana, DejaVu Sans, sans-serif",
        "font-size": "11",
        "text-anchor": "middle",
        "y": "14",
        "aria-hidden": "true",
    }
    ET.SubElement(root, "text", {**text, "x": str(left_w // 2)}).text = left
    ET.SubElement(root, "text", {**text, "x": str(left_w + right_w // 2)}).text = right
    svg: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return svg
