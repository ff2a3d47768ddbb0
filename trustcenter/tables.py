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

# Each element up to the first closing tag after it (what ``.*?`` with re.S would
# match), written so the engine runs through the text between tags in one step instead
# of testing for the closing tag at every character: a table of thousands of rows.
_TABLE = re.compile(r"<table\b[^<]*+(?:<(?!/table>)[^<]*+)*+</table>")
_HEADING = re.compile(r'<th scope="col"[^>]*>(.*?)</th>', re.S)
_BODY = re.compile(r"<tbody>[^<]*+(?:<(?!/tbody>)[^<]*+)*+</tbody>")
_ROW = re.compile(r"<tr\b[^>]*>[^<]*+(?:<(?!/tr>)[^<]*+)*+</tr>")
_CELL = re.compile(r"<(td|th)(?=[\s>])")
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()


def _label_table(table: str) -> str:
    headings = [_text(h) for h in _HEADING.findall(table)]
    if not headings:
        return table
    # The k-th cell of each row gets the k-th heading; cells past the headings, or under
    # an empty heading, get none.
    labels = [f' data-label="{html.escape(h, quote=True)}"' if h else "" for h in headings]

    def label_row(row: re.Match[str]) -> str:
        # [text, cell name, text, cell name, text...]: each cell's "<td" is cut out.
        pieces = _CELL.split(row.group(0))
        labelled = [pieces[0]]
        for column, index in enumerate(range(1, len(pieces), 2)):
            label = labels[column] if column < len(labels) else ""
            labelled += ("<", pieces[index], label, pieces[index + 1])
        return "".join(labelled)

    return _BODY.sub(lambda body: _ROW.sub(label_row, body.group(0)), table)


def label_cells(fragment: str) -> str:
    """``fragment`` with ``data-label="<column heading>"`` on every body cell of its tables."""
    return _TABLE.sub(lambda table: _label_table(table.group(0)), fragment)
