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

_HEADING = re.compile(r'<th scope="col"[^>]*>(.*?)</th>', re.S)
_CELL = re.compile(r"<(td|th)(?=[\s>])")
_TAG = re.compile(r"<[^>]+>")


def _elements(text: str, start_tag: str, end_tag: str, *, boundary: bool, head: bool) -> list[str]:
    r"""``text`` cut into pieces: text, an element, text, an element, ..., text.

    An element runs from ``start_tag`` (with ``boundary``, only where no word character
    follows it: ``<tables>`` is not a table; with ``head``, through the next ``>``: the
    start tag's attributes) to the first ``end_tag`` after that; elements are found from
    the left, each search going on after the last element. That is what the expressions
    ``<table\b[^<]*+(?:<(?!/table>)[^<]*+)*+</table>``, ``<tbody>...</tbody>`` and
    ``<tr\b[^>]*>...</tr>`` find with ``re.sub``, but by ``str.find``, which runs through
    the text between tags several times faster (a table of thousands of rows);
    ``tests/unit/test_tables.py`` holds the result equal to those expressions'. The
    pieces at odd indexes are the elements; joined, the pieces are ``text``.
    """
    pieces: list[str] = []
    position = search = 0
    while (start := text.find(start_tag, search)) >= 0:
        search = start + 1
        after = start + len(start_tag)
        if boundary and ((following := text[after : after + 1]).isalnum() or following == "_"):
            continue
        if head:
            after = text.find(">", after) + 1
            if not after:
                break  # no start tag closes after here, nor after any later start
        end = text.find(end_tag, after)
        if end < 0:
            break  # no element ends after here, nor after any later start
        end += len(end_tag)
        pieces += (text[position:start], text[start:end])
        position = search = end
    pieces.append(text[position:])
    return pieces


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()


def _label_table(table: str) -> str:
    headings = [_text(h) for h in _HEADING.findall(table)]
    if not headings:
        return table
    # The k-th cell of each row gets the k-th heading; cells past the headings, or under
    # an empty heading, get none.
    labels = [f' data-label="{html.escape(h, quote=True)}"' if h else "" for h in headings]

    def label_row(row: str) -> str:
        # [text, cell name, text, cell name, text...]: each cell's "<td" is cut out.
        pieces = _CELL.split(row)
        labelled = [pieces[0]]
        for column, index in enumerate(range(1, len(pieces), 2)):
            label = labels[column] if column < len(labels) else ""
            labelled += ("<", pieces[index], label, pieces[index + 1])
        return "".join(labelled)

    def label_body(body: str) -> str:
        rows = _elements(body, "<tr", "</tr>", boundary=True, head=True)
        rows[1::2] = map(label_row, rows[1::2])
        return "".join(rows)

    bodies = _elements(table, "<tbody>", "</tbody>", boundary=False, head=False)
    bodies[1::2] = map(label_body, bodies[1::2])
    return "".join(bodies)


def label_cells(fragment: str) -> str:
    """``fragment`` with ``data-label="<column heading>"`` on every body cell of its tables."""
    tables = _elements(fragment, "<table", "</table>", boundary=True, head=False)
    tables[1::2] = map(_label_table, tables[1::2])
    return "".join(tables)
