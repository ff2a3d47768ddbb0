from __future__ import annotations

import base64
import enum
import hashlib
import html
import json
import random
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from tests.unit.unit_support import DataFolder
from trustcenter.filegate import write_sealed_files
from trustcenter.guard import (
    _MARKDOWN,
    _TAG,
    _TAG_IN_STRING,
    MINIMUM_LENGTH,
    Guard,
    Leak,
    Restricted,
    _as_text,
    _decoded_parts,
    _forms,
    _is_restricted_entry,
    _may_be_markdown,
    _readings,
    _strings_beyond_text,
    file_leaks,
    haystacks,
    restricted_values,
    scan,
)
from trustcenter.model import GatedFile, Model, TrustCenter
from trustcenter.restricted_files import RestrictedFile

# An internal attestation (with an enumeration longer than the minimum length), a gated
# control with an internal block, an internal control whose title is also public, an
# exception under gated:, internal blocks in company.yml and subprocessors.yml.
INTERNAL_ATTESTATION = """\
  - id: ce-plus-2026
    framework: cyber_essentials_plus
    status: in_progress
    visibility: internal
    expected: 2026-11-30
    scope: The corporate network of the Leeds office and its laptops.
    internal:
      owner: Facilities and IT operations lead
"""
MORE_CONTROLS = """\
  - id: IR-01
    title: Incident response tabletop exercise
    description: A *tabletop* exercise with the on-call rota every half year.
    category: operations
    criteria:
      - CC7.4
    status: implemented
    visibility: gated
    internal:
      owner: Head of Site Reliability
      evidence:
        - Tabletop minutes in the incident wiki
  - id: HR-02
    title: Multi-factor authentication
    description: Background checks for staff with access to R&D's production keys.
    category: access
    criteria:
      - CC1.4
    status: planned
    visibility: internal
"""
GATED_EXCEPTION = """\
      opinion: qualified
      exceptions:
        - control: AC-01
          summary: One quarterly access review was completed three weeks late.
"""
COMPANY_INTERNAL = """\
internal:
  owner: Chief Information Security Officer
  notes: Tiny note
"""
SUBPROCESSOR_INTERNAL = """\
    internal:
      evidence:
        - Signed DPA stored in the contract vault
"""


def append(data: DataFolder, name: str, text: str) -> None:
    path = data.root / "data" / name
    path.write_bytes(path.read_bytes() + text.encode("utf-8"))


@pytest.fixture
def trust_center(data: DataFolder) -> TrustCenter:
    append(data, "attestations.yml", INTERNAL_ATTESTATION)
    append(data, "controls.yml", MORE_CONTROLS)
    data.edit("attestations.yml", "      opinion: unmodified\n", GATED_EXCEPTION)
    append(data, "company.yml", COMPANY_INTERNAL)
    append(data, "subprocessors.yml", SUBPROCESSOR_INTERNAL)
    result = data.load()
    assert result.errors == [], [p.format() for p in result.errors]
    assert result.trust_center is not None
    return result.trust_center


@pytest.fixture
def restricted(trust_center: TrustCenter) -> dict[str, str]:
    """Text -> field of every restricted value."""
    values = restricted_values(trust_center)
    by_text = {value.text: value.field for value in values}
    assert len(by_text) == len(values), "each text is listed once"
    return by_text


# --- what is restricted -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # under gated: of a public report
        (
            "One quarterly access review was completed three weeks late.",
            "data/attestations.yml: attestations[0].gated.exceptions[0].summary",
        ),
        (
            "Ask through [the request form](https://example.com/trust/request).",
            "data/attestations.yml: attestations[0].gated.how_to_obtain",
        ),
        # every field of a gated control, and its internal block
        ("Incident response tabletop exercise", "data/controls.yml: controls[3].title"),
        (
            "A *tabletop* exercise with the on-call rota every half year.",
            "data/controls.yml: controls[3].description",
        ),
        (
            "A tabletop exercise with the on-call rota every half year.",
            "data/controls.yml: controls[3].description",
        ),
        ("Head of Site Reliability", "data/controls.yml: controls[3].internal.owner"),
        (
            "Tabletop minutes in the incident wiki",
            "data/controls.yml: controls[3].internal.evidence[0]",
        ),
        # an internal control
        (
            "Background checks for staff with access to R&D's production keys.",
            "data/controls.yml: controls[4].description",
        ),
        # an internal attestation: its free-text fields, its id, its internal block
        ("ce-plus-2026", "data/attestations.yml: attestations[2].id"),
        (
            "The corporate network of the Leeds office and its laptops.",
            "data/attestations.yml: attestations[2].scope",
        ),
        (
            "Facilities and IT operations lead",
            "data/attestations.yml: attestations[2].internal.owner",
        ),
        # internal: blocks of public entries
        ("Chief Information Security Officer", "data/company.yml: internal.owner"),
        (
            "Signed DPA stored in the contract vault",
            "data/subprocessors.yml: subprocessors[0].internal.evidence[0]",
        ),
        # grants
        ("Northwind Traders security review team", "data/access.yml: grants[0].recipient"),
        ("Vendor assessment under the mutual NDA of May 2026", "data/access.yml: grants[0].reason"),
        ("Contoso Procurement and Risk Office", "data/access.yml: grants[1].recipient"),
        (
            "Annual supplier audit before the contract renewal",
            "data/access.yml: grants[1].reason",
        ),
        (
            "Code resent after the first mail bounced at the recipient",
            "data/access.yml: grants[1].internal.notes",
        ),
    ],
)
def test_restricted_value_and_its_field(restricted: dict[str, str], text: str, field: str) -> None:
    assert restricted.get(text) == field


def test_public_values_are_not_restricted(
    trust_center: TrustCenter, restricted: dict[str, str]
) -> None:
    for public in (
        "Example Ledger Ltd",
        "Double-entry bookkeeping in the browser.",
        "Daily encrypted backups, restored every quarter as a test.",
        "Example Audit LLP",
        "Hosting of the production system.",
        "https://example.com/trust/request",
        "Request the SOC 2 report",
        "Customer data is encrypted in transit and at rest.",
    ):
        assert public not in restricted, public
    for control in trust_center.public_controls():
        assert control.title not in restricted
        assert control.description not in restricted


def test_short_values_are_not_restricted(restricted: dict[str, str]) -> None:
    assert "Tiny note" not in restricted  # company.yml internal.notes, 9 characters
    assert "AC-01" not in restricted  # the exception's control
    assert all(len(text) >= MINIMUM_LENGTH for text in restricted)


def test_enumerations_are_not_restricted(restricted: dict[str, str]) -> None:
    fields = set(restricted.values())
    assert not any("opinion" in field for field in fields)
    assert "qualified" not in restricted
    assert "cyber_essentials_plus" not in restricted  # 21 characters, but an enumeration
    assert not any(field.endswith((".framework", ".status", ".visibility")) for field in fields)


def test_a_restricted_value_also_written_in_a_public_field_is_public(
    restricted: dict[str, str],
) -> None:
    # The internal control HR-02 has the title of the public control AC-01.
    assert "Multi-factor authentication" not in restricted
    assert "data/controls.yml: controls[4].title" not in restricted.values()


def test_a_value_public_elsewhere_is_not_restricted_in_a_grant(data: DataFolder) -> None:
    data.edit(
        "access.yml",
        "recipient: Contoso Procurement and Risk Office",
        "recipient: Example Hosting GmbH and partners",
    )
    data.edit(
        "subprocessors.yml", "name: Example Hosting", "name: Example Hosting GmbH and partners"
    )
    result = data.load()
    assert result.trust_center is not None
    texts = {value.text for value in restricted_values(result.trust_center)}
    assert "Example Hosting GmbH and partners" not in texts
    assert "Northwind Traders security review team" in texts


def test_valid_data_without_access_file_restricts_only_gated_text(data: DataFolder) -> None:
    data.remove("access.yml")
    result = data.load()
    assert result.trust_center is not None
    fields = {value.field for value in restricted_values(result.trust_center)}
    assert fields == {"data/attestations.yml: attestations[0].gated.how_to_obtain"}


# --- scanning a site ----------------------------------------------------------------------------

FIELD = "data/controls.yml: controls[3].internal.owner"
OTHER_FIELD = "data/access.yml: grants[0].recipient"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "index.html").write_text(
        "<!doctype html><html><head><title>Trust center</title></head>"
        "<body><h1>Example Ledger</h1><p>Daily encrypted backups.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "assets").mkdir()
    (folder / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    (folder / "search").mkdir()
    (folder / "search" / "search_index.json").write_text(
        json.dumps({"docs": [{"location": "", "text": "Example Ledger"}]}), encoding="utf-8"
    )
    (folder / ".well-known").mkdir()
    (folder / ".well-known" / "security.txt").write_text(
        "Contact: mailto:security@example.com\n", encoding="utf-8"
    )
    return folder


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_clean_site_has_no_leak(site: Path) -> None:
    values = [Restricted("Head of Site Reliability", FIELD)]
    assert scan(site, values) == []


def test_empty_site_has_no_leak(tmp_path: Path) -> None:
    assert scan(tmp_path, [Restricted("Head of Site Reliability", FIELD)]) == []


def test_raw_value_in_html(site: Path) -> None:
    page = write(site / "controls" / "index.html", "<p>Owner: Head of Site Reliability</p>")
    leaks = scan(site, [Restricted("Head of Site Reliability", FIELD)])
    assert leaks == [Leak(str(page), FIELD)]


@pytest.mark.parametrize(
    "value",
    [
        "Keys held by R&D operations",
        "Reviewed by O'Brien every quarter",
        "Alert when latency < 200 ms for long",
        'The so-called "break glass" account',
    ],
)
def test_html_escaped_value(site: Path, value: str) -> None:
    escaped = html.escape(value, quote=True)
    assert escaped != value
    page = write(site / "page" / "index.html", f"<html><body><td>{escaped}</td></body></html>")
    assert value.encode() not in page.read_bytes()
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(page), FIELD)]


def test_value_with_numeric_character_references(site: Path) -> None:
    value = "Reviewed by O'Brien & team"
    page = write(site / "page.html", "<p>Reviewed by O&#39;Brien &#x26; team</p>")
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(page), FIELD)]


def test_json_with_unicode_escapes(site: Path) -> None:
    value = "Schl\u00fcsselverwaltung durch J\u00fcrgen M\u00fcller"
    content = json.dumps({"docs": [{"text": f"Owner: {value}."}]}, ensure_ascii=True)
    assert value not in content
    index = write(site / "search" / "search_index.json", content)
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(index), FIELD)]


def test_json_with_html_inside_its_strings(site: Path) -> None:
    value = "Keys held by R&D operations"
    content = json.dumps({"text": "<p>Keys held by <em>R&amp;D</em>\n operations</p>"})
    index = write(site / "search" / "search_index.json", content)
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(index), FIELD)]


@pytest.mark.parametrize("name", ["assets/logo.png", "downloads/report.pdf", "fonts/x.woff2"])
def test_binary_file_raw_bytes(site: Path, name: str) -> None:
    value = "Head of Site Reliability"
    blob = write(site / name, b"\x00\x01\xff" + value.encode() + b"\xfe\x00")
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(blob), FIELD)]


def test_binary_file_with_non_ascii_value(site: Path) -> None:
    value = "Schl\u00fcsselverwaltung durch J\u00fcrgen"
    blob = write(site / "assets" / "image.webp", b"RIFF\x00" + value.encode("utf-8") + b"\x00")
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(blob), FIELD)]


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Head of Site\n   Reliability</p>",
        "<p>Head of <strong>Site</strong> Reliability</p>",
        "<li>Head of\t<span class='x'>Site</span>\n<em>Reliability</em></li>",
        "<p>Head&nbsp;of Site Reliability</p>",
    ],
)
def test_value_split_across_tags_and_white_space(site: Path, markup: str) -> None:
    page = write(site / "gated" / "index.html", f"<html><body>{markup}</body></html>")
    assert scan(site, [Restricted("Head of Site Reliability", FIELD)]) == [Leak(str(page), FIELD)]


def test_other_text_formats(site: Path) -> None:
    value = "Head of Site Reliability"
    files = [
        write(site / "feed.xml", f"<entry><summary>{value}</summary></entry>"),
        write(site / "sitemap.xml", f"<url><loc>https://x.example/{value}</loc></url>"),
        write(site / "assets" / "app.js", f'const owner = "{value}";'),
        write(site / "README", f"{value}\n"),
    ]
    leaks = scan(site, [Restricted(value, FIELD)])
    assert sorted(leaks, key=lambda leak: leak.file) == sorted(
        (Leak(str(path), FIELD) for path in files), key=lambda leak: leak.file
    )


def test_each_file_and_field_reported_once(site: Path) -> None:
    values = [
        Restricted("A *tabletop* exercise with the on-call rota", FIELD),
        Restricted("A tabletop exercise with the on-call rota", FIELD),
        Restricted("Northwind Traders security review team", OTHER_FIELD),
    ]
    first = write(
        site / "a.html",
        "<p>A *tabletop* exercise with the on-call rota</p>"
        "<p>A <em>tabletop</em> exercise with the on-call rota</p>"
        "<p>A tabletop exercise with the on-call rota</p>"
        "<p>Northwind Traders security review team</p>" * 2,
    )
    second = write(site / "b" / "index.html", "A tabletop exercise with the on-call rota")
    leaks = scan(site, values)
    assert leaks == [
        Leak(str(first), OTHER_FIELD),
        Leak(str(first), FIELD),
        Leak(str(second), FIELD),
    ]


def test_leak_format() -> None:
    leak = Leak("site/reports/index.html", "data/controls.yml: controls[3].title")
    assert leak.format() == (
        "site/reports/index.html: contains the restricted value of "
        "data/controls.yml: controls[3].title"
    )


def test_scan_with_values_from_the_data(site: Path, trust_center: TrustCenter) -> None:
    values = restricted_values(trust_center)
    assert scan(site, values) == []
    page = write(
        site / "controls" / "index.html",
        "<h2>Incident response <em>tabletop</em> exercise</h2>"
        "<p>A <em>tabletop</em> exercise with the on-call\n rota every half year.</p>",
    )
    notes = write(
        site / "search" / "search_index.json",
        json.dumps({"text": "Code resent after the first mail bounced at the recipient"}),
    )
    assert scan(site, values) == [
        Leak(str(page), "data/controls.yml: controls[3].description"),
        Leak(str(page), "data/controls.yml: controls[3].title"),
        Leak(str(notes), "data/access.yml: grants[1].internal.notes"),
    ]


def test_plain_text_of_a_markdown_value_is_found(site: Path, trust_center: TrustCenter) -> None:
    # how_to_obtain is "Ask through [the request form](https://...)." under gated:; this is
    # what Material's search plugin writes for it (tags other than p, li, code... dropped).
    index = write(
        site / "search" / "search_index.json",
        json.dumps(
            {
                "docs": [
                    {
                        "location": "reports/",
                        "title": "How to obtain the report",
                        "text": "<p>Ask through the request form.</p>",
                    }
                ]
            }
        ),
    )
    assert scan(site, restricted_values(trust_center)) == [
        Leak(str(index), "data/attestations.yml: attestations[0].gated.how_to_obtain")
    ]


@pytest.mark.parametrize(
    "value", ["Keys held by R&D operations", "Reviewed by O'Brien every quarter"]
)
def test_html_escaped_value_in_an_attribute(site: Path, value: str) -> None:
    page = write(
        site / "reports" / "index.html",
        f'<html><head><meta name="description" content="{html.escape(value)}"></head>'
        "<body></body></html>",
    )
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(page), FIELD)]


def test_unescaped_value_in_an_attribute(site: Path) -> None:
    value = "Head of Site Reliability"
    page = write(site / "index.html", f'<img alt="{value}" src="x.png">')
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(page), FIELD)]


def test_json_value_after_a_less_than_sign(site: Path) -> None:
    value = "Zugriffspr\u00fcfung > 90 Tage \u00fcberf\u00e4llig"
    content = json.dumps(
        {"controls": [{"title": "Latency < 200 ms"}, {"summary": value}]}, ensure_ascii=True
    )
    export = write(site / "trust.json", content)
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(export), FIELD)]


# --- files from the restricted folder ---------------------------------------------------------


def _restricted_file(folder: Path, data: bytes) -> RestrictedFile:
    path = folder / "soc2.pdf"
    path.write_bytes(data)
    return RestrictedFile(
        "attestation/soc2/soc2.pdf",
        "SOC 2",
        "soc2.pdf",
        path,
        len(data),
        hashlib.sha256(data).hexdigest(),
    )


PDF_BYTES = b"%PDF-1.4\n" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("copy.pdf", PDF_BYTES, id="byte-identical"),
        pytest.param("assets/report.bin", b"prefix" + PDF_BYTES + b"suffix", id="contained"),
        pytest.param(
            "reports/index.html",
            b'<a href="data:application/pdf;base64,' + base64.b64encode(PDF_BYTES) + b'">x</a>',
            id="base64-in-a-page",
        ),
    ],
)
def test_a_restricted_file_in_the_output_is_a_leak(
    tmp_path: Path, name: str, content: bytes
) -> None:
    file = _restricted_file(tmp_path, PDF_BYTES)
    site = tmp_path / "site"
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_bytes(content)
    (site / "index.html").write_bytes(b"<p>nothing here</p>")
    [leak] = file_leaks(site, [file])
    assert leak.file == str(site / name)
    assert leak.format() == (
        f"{site / name}: contains the bytes of the restricted file "
        "soc2.pdf (attestation/soc2/soc2.pdf)"
    )


def test_a_sealed_asset_or_a_part_of_a_file_is_not_a_leak(tmp_path: Path) -> None:
    file = _restricted_file(tmp_path, PDF_BYTES)
    site = tmp_path / "site"
    written = write_sealed_files(site, [file], b"0123456789abcdef0123456789abcdef")
    (site / "part.bin").write_bytes(PDF_BYTES[:-1])
    assert written and file_leaks(site, [file]) == []
    assert file_leaks(site, []) == []


# --- the decoded reading, searched where it may differ from the reading as written ------------

# Pieces that make hard cases for html.unescape and for squashing white space: references
# with and without ';', numeric ones (one decodes to nothing, some to white space), names
# that are prefixes of others, '&' alone, and every kind of white space str.split() knows.
_PIECES = [
    "&amp;", "&amp", "&notin;", "&not", "&noti", "&#39;", "&#x26;", "&#1;", "&#32;", "&#10;",
    "&#xa0;", "&nbsp;", "&lt;", "&lt", "&", "&#", ";", "#", "x", "a", "b", "lt", "mp", "in",
    "9", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2003", "<b>",
]  # fmt: skip


def _random_markup(generator: random.Random) -> str:
    return "".join(generator.choice(_PIECES) for _ in range(generator.randint(0, 14)))


@pytest.mark.parametrize("seed", range(40))
def test_decoded_parts_find_what_the_whole_decoded_reading_finds(seed: int) -> None:
    generator = random.Random(seed)
    for _ in range(100):
        markup = _random_markup(generator)
        written = " ".join(markup.split())
        decoded = " ".join(html.unescape(markup).split())
        # The decoded reading is the reading as written, decoded (step 1 of the proof).
        assert " ".join(html.unescape(written).split()) == decoded, repr(markup)
        if "<" not in markup:  # no tag: the readings as text are the decoded reading
            assert _as_text(markup) == [decoded, decoded], repr(markup)
        for longest in range(1, 9):
            parts = _decoded_parts(written, longest)
            assert all(part in decoded for part in parts), repr(markup)  # nothing else found
            for start in range(len(decoded)):
                for end in range(start + 1, min(start + longest, len(decoded)) + 1):
                    value = decoded[start:end]  # every value up to `longest` characters
                    assert value in written or any(value in part for part in parts), (
                        repr(markup),
                        longest,
                        value,
                    )


def test_decoded_parts_are_the_neighbourhoods_of_references() -> None:
    words = ["word"] * 40
    words[10], words[30] = "R&amp;D", "O&#39;Brien"
    written = " ".join(words)
    parts = _decoded_parts(written, 12)
    assert parts == [
        " ".join(["word"] * 3 + ["R&D"] + ["word"] * 3),
        " ".join(["word"] * 3 + ["O'Brien"] + ["word"] * 3),
    ]
    assert _decoded_parts(written, 60) == [html.unescape(written)]  # close: one part
    assert _decoded_parts("no reference here", 12) == []


@pytest.mark.parametrize("name", ["notes.txt", "data.json", "feed.xml", "page.html"])
def test_an_escaped_value_in_a_file_without_tags(site: Path, name: str) -> None:
    value = "Keys held by R&D operations"
    content = "Keys held by R&amp;D operations"
    leaky = write(site / name, json.dumps({"k": content}) if name == "data.json" else content)
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(leaky), FIELD)]


@pytest.mark.parametrize("value", ["Keys held by R&D operations", "Reviewed by O'Brien"])
def test_guard_finds_a_decoded_value_far_into_a_large_page(site: Path, value: str) -> None:
    filler = "<p>Daily encrypted backups, restored every quarter as a test.</p>\n" * 20000
    page = write(
        site / "controls" / "index.html",
        f'<html><body>{filler}<abbr title="{html.escape(value)}">x</abbr>{filler}</body></html>',
    )
    assert scan(site, [Restricted(value, FIELD), Restricted("x" * 300, OTHER_FIELD)]) == [
        Leak(str(page), FIELD)
    ]


@pytest.mark.parametrize("seed", range(10))
def test_every_value_in_a_text_is_found_and_no_other(seed: int) -> None:
    # Values inside others, overlapping ones, repeated ones, characters of every UTF-8
    # length and a lone surrogate (a JSON file can hold one, escaped): the guard finds a
    # value exactly when it is in the text.
    generator = random.Random(seed)
    alphabet = "ab é中😀\ud800"
    for _ in range(60):
        texts = {
            "".join(generator.choices(alphabet, k=generator.randint(1, 5)))
            for _ in range(generator.randint(1, 8))
        }
        values = [Restricted(text, f"field {i}") for i, text in enumerate(sorted(texts))]
        text = "".join(generator.choices(alphabet, k=generator.randint(0, 40)))
        data = text.encode("utf-8", "surrogatepass")
        found = Guard(values).value_leaks(Path("f.bin"), Path("f.bin"), data, text)
        assert [leak.field for leak in found] == sorted(v.field for v in values if v.text in text)


# --- the guard's values, worked out the plain way -------------------------------------------


def _plain_strings(value: Any, where: str, restricted: bool) -> list[tuple[str, str, bool]]:
    """(text, field, restricted) of every free-text string below ``value``, the plain way.

    Each model's fields through ``model_fields`` and ``getattr``, its place through
    ``_source``: what the guard's walk did before it was made faster.
    """
    found: list[tuple[str, str, bool]] = []
    if isinstance(value, BaseModel):
        source = value._source if isinstance(value, Model) else None
        if source is not None:
            where = f"{source[0]}: " + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in source[1]
            ).lstrip(".")
        restricted = restricted or _is_restricted_entry(value)
        items = [
            (
                f"{where}.{name}",
                getattr(value, name),
                restricted
                or name in ("gated", "internal")
                or (isinstance(value, GatedFile) and name == "path"),
            )
            for name in type(value).model_fields
        ]
    else:
        items = [(f"{where}[{i}]", item, restricted) for i, item in enumerate(value)]
    for field, item, below in items:
        if isinstance(item, str) and not isinstance(item, enum.Enum):
            found.append((item, field, below))
        elif isinstance(item, BaseModel | list):
            found += _plain_strings(item, field, below)
    return found


def _plain_restricted_values(trust_center: TrustCenter) -> set[tuple[str, str]]:
    public: set[str] = set()
    found: dict[str, str] = {}
    for text, field, restricted in _plain_strings(trust_center, "", False):
        plain = not _MARKDOWN.search(text)
        forms = {" ".join(text.split())} | (set() if plain else set(_as_text(_render(text))))
        if not restricted:
            public |= forms
            continue
        for form in forms:
            if len(form) >= MINIMUM_LENGTH:
                found.setdefault(form, field)
    return {(text, field) for text, field in found.items() if text not in public}


def _render(text: str) -> str:
    from trustcenter.markup import render_markdown

    return str(render_markdown(text))


def test_restricted_values_are_those_of_the_plain_walk(trust_center: TrustCenter) -> None:
    values = restricted_values(trust_center)
    assert len({value.text for value in values}) == len(values)
    assert {(v.text, v.field) for v in values} == _plain_restricted_values(trust_center)


def test_a_gated_files_path_is_restricted_as_by_the_plain_walk(trust_center: TrustCenter) -> None:
    report = trust_center.attestations[0]
    files = [GatedFile(path="reports/soc2-type2-final.pdf", title="SOC 2 Type 2 report")]
    center = trust_center.model_copy(
        update={
            "attestations": [
                report.model_copy(update={"files": files}),
                *trust_center.attestations[1:],
            ]
        }
    )
    values = {(v.text, v.field) for v in restricted_values(center)}
    assert (
        "reports/soc2-type2-final.pdf",
        "data/attestations.yml: attestations[0].files[0].path",
    ) in values
    assert not any(text == "SOC 2 Type 2 report" for text, _ in values)
    assert values == _plain_restricted_values(center)


def test_restricted_values_of_the_example_are_those_of_the_plain_walk(
    example: DataFolder,
) -> None:
    result = example.load()
    assert result.trust_center is not None
    values = restricted_values(result.trust_center)
    assert len(values) > 50
    assert {(v.text, v.field) for v in values} == _plain_restricted_values(result.trust_center)


# Characters that make the Markdown pattern match or nearly match: its marks, list item
# starts, line breaks and every kind of white space, digits, letters.
_MARKDOWN_PIECES = [
    "*", "_", "`", "\\", "[", "]", "<", ">", "&", "-", "+", ".", ")", "1", "12", "a", "x y",
    " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u2003",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(20))
def test_may_be_markdown_is_the_markdown_pattern(seed: int) -> None:
    generator = random.Random(seed)
    matched = 0
    for _ in range(1000):
        pieces = generator.choices(_MARKDOWN_PIECES, k=generator.randint(0, 8))
        text = "".join(pieces)
        expected = _MARKDOWN.search(text) is not None
        assert _may_be_markdown(text) is expected, repr(text)
        matched += expected
    assert 100 < matched < 900  # both answers are tried


@pytest.mark.parametrize(
    "text",
    ["", "plain words", " - item", "12. item", "12) x", "1.x", "a\n- item", "a\n\n b",
     "a\n b", "\x1c* x", "\u2028- x", "x - y", "R&D", "a_b", "\n"],
)  # fmt: skip
def test_may_be_markdown_named_cases(text: str) -> None:
    assert _may_be_markdown(text) is (_MARKDOWN.search(text) is not None)


def test_forms_of_plain_and_markdown_text() -> None:
    assert _forms("  two   words ") == ("two words",)
    assert _forms("A *tabletop* exercise") == ("A *tabletop* exercise", "A tabletop exercise")


@pytest.mark.parametrize("seed", range(10))
def test_as_text_is_the_markup_with_tags_dropped_or_spaced(seed: int) -> None:
    generator = random.Random(seed)
    pieces = ["<b>", "</b>", "<", ">", "<p\n>", "a", "b", " ", "&amp;", "\0", "<x\0>"]
    for _ in range(500):
        markup = "".join(generator.choices(pieces, k=generator.randint(0, 12)))
        for tag in (_TAG, _TAG_IN_STRING):
            expected = [" ".join(html.unescape(tag.sub(gap, markup)).split()) for gap in ("", " ")]
            assert _as_text(markup, tag) == expected, repr(markup)


# --- a JSON file's strings, read only where they may find what the file's text does not -----

# Strings with references, white space of every kind, quotes and backslashes (which JSON
# escapes), '<' (a tag), non-ASCII text and NUL (escaped by JSON).
_JSON_PIECES = [
    "&amp;", "&amp", "&lt", "&notin;", "&not", "&#39;", "&#32;", "&#1;", "&", ";", "#", "a", "b",
    "lt", "é", "中", " ", "  ", "\t", "\n", "\x85", "\xa0", "\u2003", '"', "\\", "<", ">", "\0",
]  # fmt: skip


def _random_string(generator: random.Random, pieces: list[str]) -> str:
    return "".join(generator.choices(pieces, k=generator.randint(0, 6)))


def _random_json(generator: random.Random, pieces: list[str], depth: int = 0) -> Any:
    kind = generator.randint(0, 5 if depth < 3 else 2)
    if kind in (0, 2):
        return _random_string(generator, pieces)
    if kind == 1:
        return generator.choice([0, 12, -3.5, True, None])
    if kind == 3:
        return [_random_json(generator, pieces, depth + 1) for _ in range(generator.randint(0, 4))]
    return {
        _random_string(generator, pieces): _random_json(generator, pieces, depth + 1)
        for _ in range(generator.randint(0, 4))
    }


def _short_values(readings: list[str], longest: int) -> set[str]:
    """Every piece of up to ``longest`` characters of the ``readings`` that the guard
    may search for: no NUL, no white space at either end."""
    return {
        value
        for reading in readings
        for start in range(len(reading))
        for end in range(start + 1, min(start + longest, len(reading)) + 1)
        if "\0" not in (value := reading[start:end]) and value == value.strip()
    }


@pytest.mark.parametrize("seed", range(40))
def test_json_strings_are_read_when_they_may_find_more_than_the_text(seed: int) -> None:
    # The values (no NUL) up to the longest length found when every string is read are
    # exactly those found when only the strings that may add something are.
    generator = random.Random(seed)
    longest = 6
    skipped = narrowed = 0
    # Some texts from pieces JSON writes as they are (no escapes, so no backslash), some
    # without '<' (so no tag can run from one string into the next), some with many.
    unescaped = [p for p in _JSON_PIECES if json.dumps(p, ensure_ascii=False)[1:-1] == p]
    untagged = [p for p in _JSON_PIECES if p != "<"]
    tagged = unescaped + ["<", ">", "<b>"] * 4
    for _ in range(60):
        pieces = generator.choice([_JSON_PIECES, unescaped, untagged, tagged])
        text = json.dumps(
            _random_json(generator, pieces),
            ensure_ascii=generator.random() < 0.2,
            indent=generator.choice([None, 1, "\t"]),
        )
        data = text.encode("utf-8")
        full = haystacks(data, ".json", text, longest, trimmed_nul_free=False)
        fast = haystacks(data, ".json", text, longest, trimmed_nul_free=True)
        skipped += len(fast) <= len(_readings(text, longest=longest))
        narrowed += fast != full
        assert _short_values(fast, longest) == _short_values(full, longest), text
    assert skipped > 5 and narrowed > 20  # the strings are left out, or some of them


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": "b"}', []),
        ('{"a": "<b>x</b>"}', []),  # tags, no escape
        (r'{"k\\ey": ["plain", "t\u00e9 \"q\"", 1]}', ["k\\ey", 'té "q"']),
        ('["a <", "b>c"]', None),  # '<' ... '>' would run from one string into the next
        ('["a < b > c", "d"]', []),
        ('["x > y <"]', None),
        ("[1, 2]", []),
    ],
)  # fmt: skip
def test_strings_beyond_text_named_cases(text: str, expected: list[str] | None) -> None:
    json.loads(text)  # each case is JSON
    assert _strings_beyond_text(text, trimmed_nul_free=True) == expected


def test_every_string_is_read_when_a_value_may_hold_nul() -> None:
    assert _strings_beyond_text('["a", "b"]', trimmed_nul_free=False) is None


def test_a_value_with_nul_is_still_searched_in_a_json_files_strings(site: Path) -> None:
    # Joined by NUL, two strings make a value that holds one; no other reading has it.
    value = "first string\0second string"
    export = write(site / "trust.json", json.dumps(["first string", "second string"]))
    assert scan(site, [Restricted(value, FIELD)]) == [Leak(str(export), FIELD)]
