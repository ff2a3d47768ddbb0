"""Tables readable on a phone: each body cell is labelled with its column's heading.

On a narrow screen the stylesheet stacks a table's rows into cards (no column cut off,
no sideways scrolling), and shows each cell's column heading before it from the cell's
``data-label``. This adds those labels to the HTML our templates produce, so every table
gets them without each template repeating its headings; nothing changes on a wide screen.

It handles the tables of :mod:`trustcenter.templates`: one header row of
``<th scope="col">`` cells, body rows of ``<th>``/``<td>`` cells, no ``colspan``, no
table nested inside a cell.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_HEADING = re.compile(r'<th scope="col"[^>]*>(.*?)</th>', re.S)
_BODY = re.compile(r"<tbody>.*?</tbody>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<(td|th)(?=[\s>])")
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()


def _label_table(table: str) -> str:
    headings = [_text(h) for h in _HEADING.findall(table)]
    if not headings:
        return table

    def label_row(row: re.Match[str]) -> str:
        column = iter(headings)

        def label_cell(cell: re.Match[str]) -> str:
            heading = next(column, "")
            if not heading:
                return cell.group(0)
            return f'{cell.group(0)} data-label="{html.escape(heading, quote=True)}"'

        return _CELL.sub(label_cell, row.group(0))

    return _BODY.sub(lambda body: _ROW.sub(label_row, body.group(0)), table)


def label_cells(fragment: str) -> str:
    """``fragment`` with ``data-label="<column heading>"`` on every body cell of its tables."""
    return _TABLE.sub(lambda table: _label_table(table.group(0)), fragment)
