"""Tables readable on a phone: each body cell labelled with its column's heading."""

from __future__ import annotations

import html
import random
import re

import pytest

from trustcenter.tables import label_cells

HEAD = '<thead><tr><th scope="col">Control</th><th scope="col">Status &amp; date</th></tr></thead>'


@pytest.mark.parametrize(
    ("fragment", "labelled"),
    [
        (
            f'<table>{HEAD}<tbody><tr><th scope="row">A</th><td>ok</td></tr></tbody></table>',
            f'<table>{HEAD}<tbody><tr><th data-label="Control" scope="row">A</th>'
            '<td data-label="Status &amp; date">ok</td></tr></tbody></table>',
        ),
        (  # a cell past the headings gets none; a <thead> or <tdx> is not a cell
            f"<table>{HEAD}<tbody><tr><td>a</td><td>b</td><td>c</td><tdx></tr></tbody></table>",
            f'<table>{HEAD}<tbody><tr><td data-label="Control">a</td>'
            '<td data-label="Status &amp; date">b</td><td>c</td><tdx></tr></tbody></table>',
        ),
        (  # an empty heading labels nothing; two rows start again at the first column
            '<table><thead><tr><th scope="col"></th><th scope="col">B</th></tr></thead>'
            "<tbody><tr><td>1</td><td>2</td></tr>\n<tr class='x'><td>3</td><td>4</td></tr>"
            "</tbody></table>",
            '<table><thead><tr><th scope="col"></th><th scope="col">B</th></tr></thead>'
            '<tbody><tr><td>1</td><td data-label="B">2</td></tr>\n'
            "<tr class='x'><td>3</td><td data-label=\"B\">4</td></tr></tbody></table>",
        ),
        (  # no heading row, a table never closed: unchanged
            "<table><tbody><tr><td>1</td></tr></tbody></table><table>" + HEAD + "<tbody><tr>"
            "<td>x</td></tr></tbody>",
            "<table><tbody><tr><td>1</td></tr></tbody></table><table>" + HEAD + "<tbody><tr>"
            "<td>x</td></tr></tbody>",
        ),
    ],
)
def test_label_cells(fragment: str, labelled: str) -> None:
    assert label_cells(fragment) == labelled


# --- the same result as the expressions first written (any character up to the first end) ---

_LAZY_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_LAZY_BODY = re.compile(r"<tbody>.*?</tbody>", re.S)
_LAZY_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<(td|th)(?=[\s>])")
_HEADING = re.compile(r'<th scope="col"[^>]*>(.*?)</th>', re.S)


def _oracle(fragment: str) -> str:
    def label_table(table: re.Match[str]) -> str:
        headings = [
            html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
            for h in _HEADING.findall(table.group(0))
        ]
        if not headings:
            return table.group(0)

        def label_row(row: re.Match[str]) -> str:
            column = iter(headings)

            def label_cell(cell: re.Match[str]) -> str:
                heading = next(column, "")
                if not heading:
                    return cell.group(0)
                return f'{cell.group(0)} data-label="{html.escape(heading, quote=True)}"'

            return _CELL.sub(label_cell, row.group(0))

        return _LAZY_BODY.sub(lambda b: _LAZY_ROW.sub(label_row, b.group(0)), table.group(0))

    return _LAZY_TABLE.sub(label_table, fragment)


_NOISE = [
    "<tables>", "</table", "<tra>", "</tr", "<tbody >", "</tbody", "<", "/", ">", "x", "\n",
    "<a href='x'>", "<td", "</td>", "<th>", "<tdx>", "<table>", "</table>", "</tr>", "</tbody>",
    "<table_>", "<table\u00e9>", "<table\u0661>", "<table-x>", "<table", "<tr_>", "<tr\u00e4>",
    "<tr", "<tr-x>", "<tr\n>", "<tbody>", "<tbodyx>", "<tr </tr>", "<table </table>",
]  # fmt: skip


def _random_fragment(generator: random.Random) -> str:
    """Tables as the templates write them, with pieces dropped and noise put in."""

    def maybe(piece: str) -> str:
        noise = generator.choice(_NOISE) if generator.random() < 0.1 else ""
        return noise + (piece if generator.random() < 0.93 else "")

    parts = []
    for _ in range(generator.randint(0, 3)):
        parts.append(maybe(generator.choice(["<table>", "<table class='t'>"])))
        headings = generator.choices(
            ["H", "", "A &amp; B", "<em>C</em>"], k=generator.randint(0, 3)
        )
        parts.append(maybe("<thead><tr>"))
        parts += [maybe(f'<th scope="col">{heading}</th>') for heading in headings]
        parts.append(maybe("</tr></thead>") + maybe("<tbody>"))
        for _ in range(generator.randint(0, 3)):
            parts.append(maybe(generator.choice(["<tr>", "<tr id='r'>"])))
            for _ in range(generator.randint(0, 4)):
                parts.append(
                    maybe(
                        generator.choice(
                            ["<td>x</td>", "<td class='c'>y</td>", '<th scope="row">z</th>']
                        )
                    )
                )
            parts.append(maybe("</tr>") + maybe("\n"))
        parts.append(maybe("</tbody>") + maybe("</table>") + maybe("\n"))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(20))
def test_label_cells_as_first_written(seed: int) -> None:
    generator = random.Random(seed)
    labelled = 0
    for _ in range(300):
        fragment = _random_fragment(generator)
        assert label_cells(fragment) == _oracle(fragment), fragment
        labelled += "data-label" in _oracle(fragment)
    assert labelled > 50  # the fragments are tables, mostly
