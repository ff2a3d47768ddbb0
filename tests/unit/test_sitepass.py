"""The one pass over the output (trustcenter.sitepass) still runs every check on every file.

The pass reads each file once and runs the page steps and every check on it; these
tests plant, in a small built site, each thing one of the former separate walks caught:
a restricted value in an export, in a file that is not HTML, in a sealed asset's place,
a restricted file's bytes, a broken anchor, a page without the policy.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import trustcenter.exports as exports
from tests.unit.unit_support import DataFolder
from trustcenter.gate import GateSettings
from trustcenter.guard import Guard, Restricted, restricted_values
from trustcenter.loader import load
from trustcenter.model import TrustCenter
from trustcenter.pipeline import PipelineError, SiteSettings, after_build
from trustcenter.sitepass import review

SITE = SiteSettings("https://example.com/", True, frozenset({"index", "controls"}))
SECRET = GateSettings(b"0123456789abcdef0123456789abcdef-test", publish=True)
HEAD = '<!doctype html><html><head><meta charset="utf-8"><title>T</title></head>'


def _page(body: str) -> str:
    return (
        f'{HEAD}<body><article class="md-content__inner md-typeset">{body}</article></body></html>'
    )


@pytest.fixture
def center(example: DataFolder) -> TrustCenter:
    loaded = load(example.path, example.today)
    assert loaded.trust_center is not None
    return loaded.trust_center


@pytest.fixture
def gated_text(center: TrustCenter) -> str:
    """A value from under ``gated:`` that the guard searches for."""
    return next(v.text for v in restricted_values(center) if ".gated." in v.field)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    (folder / "controls").mkdir(parents=True)
    (folder / "index.html").write_text(
        _page(
            '<p id="top"><a href="controls/#ac-01">AC-01</a> '
            '<a href="https://other.example/">other</a></p>'
        ),
        "utf-8",
    )
    (folder / "controls" / "index.html").write_text(
        _page('<h2 id="ac-01">AC-01</h2><a href="../#top">up</a>'), "utf-8"
    )
    (folder / "404.html").write_text(_page("<p>Not found</p>"), "utf-8")
    (folder / "search").mkdir()
    (folder / "search" / "search_index.json").write_text('{"docs": []}', "utf-8")
    return folder


def _pass(site: Path, center: TrustCenter, today: dt.date, **kwargs: object):  # type: ignore[no-untyped-def]
    return after_build(site, center, today, SITE, **kwargs)  # type: ignore[arg-type]


def test_a_clean_site_passes_and_every_page_has_the_policy(
    site: Path, center: TrustCenter, example: DataFolder
) -> None:
    outcome = _pass(site, center, example.today)
    assert outcome.leaks == [] and outcome.broken_links == []
    pages = sorted(site.rglob("*.html"))
    assert outcome.policy_pages == len(pages) == 3
    for page in pages:
        text = page.read_text("utf-8")
        assert text.count('http-equiv="Content-Security-Policy"') == 1, page
        # the policy is the first element of <head>, after the charset
        assert text.index("Content-Security-Policy") < text.index("<title>")
    assert (site / "trust.json").is_file() and (site / "feeds" / "updates.xml").is_file()


def test_a_page_without_the_policy_gets_it_and_a_page_with_it_keeps_one(
    site: Path, center: TrustCenter, example: DataFolder
) -> None:
    nested = site / "deep" / "er" / "page.html"
    nested.parent.mkdir(parents=True)
    nested.write_text(_page("<p>deep</p>"), "utf-8")
    first = _pass(site, center, example.today)
    assert 'http-equiv="Content-Security-Policy"' in nested.read_text("utf-8")
    again = _pass(site, center, example.today)  # a second pass adds no second policy
    assert first.policy_pages == 4 and again.policy_pages == 0
    assert nested.read_text("utf-8").count("Content-Security-Policy") == 1


def test_a_preview_gets_no_policy(site: Path, center: TrustCenter, example: DataFolder) -> None:
    outcome = _pass(site, center, example.today, csp=False)
    assert outcome.policy_pages == 0
    assert "Content-Security-Policy" not in (site / "index.html").read_text("utf-8")


def test_a_broken_anchor_and_a_missing_file(
    site: Path, center: TrustCenter, example: DataFolder
) -> None:
    (site / "index.html").write_text(
        _page(
            '<p id="top"><a href="controls/#ac-99">x</a><a href="missing/">y</a>'
            '<a href="controls/#ac-01">z</a></p>'
        ),
        "utf-8",
    )
    outcome = _pass(site, center, example.today)
    assert [(link.href, link.reason) for link in outcome.broken_links] == [
        ("controls/#ac-99", "no element with id 'ac-99'"),
        ("missing/", "no such file"),
    ]


def test_a_link_to_an_export_resolves(site: Path, center: TrustCenter, example: DataFolder) -> None:
    """The exports are written before the pass, so the pages' links to them resolve."""
    (site / "index.html").write_text(
        _page('<p id="top"><a href="trust.json">json</a><a href="feeds/updates.xml">feed</a></p>'),
        "utf-8",
    )
    assert _pass(site, center, example.today).broken_links == []


def test_a_leak_in_an_export(
    site: Path,
    center: TrustCenter,
    example: DataFolder,
    gated_text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An export that quoted a gated value (a bug in an export) fails the pass."""
    real = exports.exported_files

    def leaky(*args: object, **kwargs: object) -> dict[str, bytes]:
        files = real(*args, **kwargs)  # type: ignore[arg-type]
        files["feeds/updates.xml"] = files["feeds/updates.xml"].replace(
            b"</feed>", f"<entry><summary>{gated_text}</summary></entry></feed>".encode()
        )
        return files

    monkeypatch.setattr(exports, "exported_files", leaky)
    outcome = _pass(site, center, example.today)
    assert [Path(leak.file).relative_to(site).as_posix() for leak in outcome.leaks] == [
        "feeds/updates.xml"
    ]
    assert ".gated." in outcome.leaks[0].field


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("search/search_index.json", lambda v: json.dumps({"docs": [{"text": v}]}).encode()),
        ("assets/app.js", lambda v: f'const x = "{v}";'.encode()),
        ("assets/logo.png", lambda v: b"\x89PNG\r\n\x1a\n\x00" + v.encode() + b"\xff"),
        (".well-known/extra.txt", lambda v: v.replace(" ", "\n  ").encode()),
        ("sitemap.xml", lambda v: f"<urlset><loc>{v}</loc></urlset>".encode()),
    ],
)
def test_a_leak_in_a_file_that_is_not_html(
    site: Path,
    center: TrustCenter,
    example: DataFolder,
    gated_text: str,
    name: str,
    encode,  # type: ignore[no-untyped-def]
) -> None:
    target = site / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(encode(gated_text))
    outcome = _pass(site, center, example.today)
    assert [Path(leak.file).relative_to(site).as_posix() for leak in outcome.leaks] == [name]


def test_a_leak_in_a_page_is_found_after_the_page_steps(
    site: Path, center: TrustCenter, example: DataFolder, gated_text: str
) -> None:
    """Split across a tag and escaped: found in the page as the pass rewrote it."""
    words = gated_text.split(" ")
    half = len(words) // 2
    body = " ".join(words[:half]) + " <em>" + " ".join(words[half:]).replace("&", "&amp;") + "</em>"
    (site / "controls" / "index.html").write_text(_page(f'<p id="ac-01">{body}</p>'), "utf-8")
    outcome = _pass(site, center, example.today)
    assert [Path(leak.file).relative_to(site).as_posix() for leak in outcome.leaks] == [
        "controls/index.html"
    ]


@pytest.fixture
def restricted_folder(example: DataFolder) -> Path:
    example.edit(
        "attestations.yml",
        "  - id: soc2-type2-2026\n",
        "  - id: soc2-type2-2026\n"
        "    files:\n      - path: soc2.pdf\n        title: SOC 2 Type 2 report\n",
    )
    folder = example.root / "restricted"
    folder.mkdir()
    (folder / "soc2.pdf").write_bytes(b"%PDF-1.4 the restricted sample report\n" * 4)
    return folder


def test_a_restricted_file_in_place_of_its_sealed_asset(
    site: Path, example: DataFolder, restricted_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard reads the sealed files too: plaintext where ciphertext belongs is a leak."""
    import trustcenter.filegate as filegate

    center = load(example.path, example.today, restricted_folder).trust_center
    assert center is not None
    monkeypatch.setattr(filegate, "seal_bytes", lambda data, key, identity: data)
    outcome = _pass(site, center, example.today, files_dir=restricted_folder, gate=SECRET)
    assert len(outcome.sealed_files) == 1
    file_leaks = [leak for leak in outcome.leaks if leak.kind == "file"]
    assert [Path(leak.file).relative_to(site).as_posix() for leak in file_leaks] == [
        outcome.sealed_files[0]
    ]


def test_sealed_files_are_written_and_not_leaks(
    site: Path, example: DataFolder, restricted_folder: Path
) -> None:
    center = load(example.path, example.today, restricted_folder).trust_center
    assert center is not None
    outcome = _pass(site, center, example.today, files_dir=restricted_folder, gate=SECRET)
    assert len(outcome.sealed_files) == 1 and (site / outcome.sealed_files[0]).is_file()
    assert outcome.leaks == []


def test_a_page_that_is_not_utf8_stops_the_pass(
    site: Path, center: TrustCenter, example: DataFolder
) -> None:
    (site / "latin1.html").write_bytes(_page("caf\xe9").encode("latin-1"))
    with pytest.raises(PipelineError, match=r"latin1\.html: the page is not UTF-8"):
        _pass(site, center, example.today)


def test_every_file_is_read_at_most_once_and_the_exports_not_again(
    site: Path, center: TrustCenter, example: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: Counter[str] = Counter()
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        if self.is_relative_to(site):
            reads[self.relative_to(site).as_posix()] += 1
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    monkeypatch.setattr(Path, "read_text", lambda *a, **k: pytest.fail("read_text in the pass"))
    _pass(site, center, example.today)
    assert reads and max(reads.values()) == 1, reads
    assert "index.html" in reads and "trust.json" not in reads


def _files(site: Path) -> Iterator[str]:
    return (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_the_theme_copy_is_skipped_only_when_unchanged(site: Path, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    value = "A restricted note about the staging cluster"
    (theme / "assets" / "main.js").write_text(f"// {value}\n", "utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "main.js").write_text(f"// {value}\n", "utf-8")  # copied unchanged
    (site / "assets" / "other.js").write_text(f"// {value}\n", "utf-8")  # written by the build
    guard = Guard([Restricted(value, "data/x.yml: a.internal.notes")], unchanged_from=[theme])
    found = review(site, guard)
    assert [Path(leak.file).relative_to(site).as_posix() for leak in found.leaks] == [
        "assets/other.js"
    ]
    assert found.files == len(list(_files(site)))


def test_the_restricted_files_are_read_once_to_seal_and_guard(
    site: Path, example: DataFolder, restricted_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    center = load(example.path, example.today, restricted_folder).trust_center
    assert center is not None
    reads: Counter[str] = Counter()
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads[self.name] += 1
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    outcome = _pass(site, center, example.today, files_dir=restricted_folder, gate=SECRET)
    assert len(outcome.sealed_files) == 1 and outcome.leaks == []
    assert reads["soc2.pdf"] == 1
