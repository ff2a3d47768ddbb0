"""The after-build pass and the sealed files: it proves it wrote what the gated page lists."""

from __future__ import annotations

from pathlib import Path

from tests.unit.unit_support import TODAY, DataFolder
from trustcenter.filegate import assets_digest, sealed_files_for_page
from trustcenter.gate import GateSettings
from trustcenter.loader import load
from trustcenter.pipeline import SiteSettings, after_build

SETTINGS = GateSettings(b"0123456789abcdef0123456789abcdef-test", publish=True)
SITE = SiteSettings("https://example.com/", True, frozenset())


def _site_listing_the_files(data: DataFolder) -> tuple[Path, object, Path]:
    data.edit("attestations.yml", "    issued: 2026-02-15\n",
              "    issued: 2026-02-15\n    files:\n      - path: soc2.pdf\n"
              "        title: SOC 2 Type 2 report\n")
    folder = data.root / "restricted"
    folder.mkdir()
    (folder / "soc2.pdf").write_bytes(b"%PDF-1.4 sample\n")
    trust_center = load(data.path, TODAY, folder).trust_center
    assert trust_center is not None
    site = data.root / "site"
    (site / "reports").mkdir(parents=True)
    listed = assets_digest(s.asset for s in sealed_files_for_page(trust_center, folder, SETTINGS))
    (site / "reports" / "index.html").write_text(
        f'<html><body><div data-tc-gate data-tc-files="{listed}"></div></body></html>')
    return site, trust_center, folder


def _unwritten(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [leak.format() for leak in outcome.leaks if leak.kind == "unwritten"]


def test_the_files_the_page_lists_are_written(data: DataFolder) -> None:
    site, trust_center, folder = _site_listing_the_files(data)
    outcome = after_build(site, trust_center, TODAY, SITE, files_dir=folder, gate=SETTINGS)
    assert len(outcome.sealed_files) == 1 and (site / outcome.sealed_files[0]).is_file()
    assert outcome.leaks == []


def test_files_not_sealed_fail_the_pass(data: DataFolder) -> None:
    site, trust_center, _ = _site_listing_the_files(data)
    outcome = after_build(site, trust_center, TODAY, SITE)
    assert _unwritten(outcome) == [
        f"{site / 'reports/index.html'}: lists other sealed files for code holders than the "
        "build wrote (a file in the restricted folder changed during the build, or the files "
        "were not sealed); build again"]


def test_a_file_changed_after_the_page_fails_the_pass(data: DataFolder) -> None:
    site, trust_center, folder = _site_listing_the_files(data)
    (folder / "soc2.pdf").write_bytes(b"%PDF-1.4 edited meanwhile\n")
    outcome = after_build(site, trust_center, TODAY, SITE, files_dir=folder, gate=SETTINGS)
    assert len(_unwritten(outcome)) == 1
