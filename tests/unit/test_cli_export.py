from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from trustcenter.cli import main
from trustcenter.exports import exported_files
from trustcenter.render import Links


def test_export_writes_the_same_files_a_build_does(data, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "controls.md").write_text("{{ controls_by_category() }}\n")
    out = tmp_path / "out"
    assert main(["export", str(out), "--site-url", "https://trust.example.com",
                 "--today", "2026-06-01"]) == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert "trust.json" in written and "feeds/updates.xml" in written
    assert len(capsys.readouterr().out.splitlines()) == len(written)
    document = json.loads((out / "trust.json").read_text())
    assert document["trust_center"] == "https://trust.example.com/"
    # Links only to the pages the site has: a controls page, but no updates page.
    assert document["controls"][0]["url"] == "https://trust.example.com/controls/#control-ac-01"
    assert {u["url"] for u in document["updates"]} <= {None}
    result = data.load()
    assert result.trust_center is not None
    links = Links("https://trust.example.com/", pages=frozenset({"controls"}))
    expected = exported_files(result.trust_center, dt.date(2026, 6, 1), links)
    assert {k: (out / k).read_bytes() for k in expected} == expected


def test_export_refuses_a_site_url_that_is_not_a_web_address(
    data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "out"), "--site-url", "javascript:alert(1)",
                 "--today", "2026-06-01"]) == 2
    assert "--site-url: expected the site's web address" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
