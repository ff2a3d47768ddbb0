"""Sealed files: the asset format, its failures, and the names and keys derived from the secret."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from trustcenter.filegate import (
    ASSET_FOLDER,
    OVERHEAD_BYTES,
    SealedFileError,
    assets_digest,
    open_bytes,
    plan,
    seal_bytes,
    unwritten_files,
    write_sealed_files,
)
from trustcenter.restricted_files import RestrictedFile

SECRET = b"0123456789abcdef0123456789abcdef-test-secret"
DATA = b"%PDF-1.4\nsample report bytes\n" * 10
IDENTITY = "attestation/soc2-2026/soc2.pdf"


def restricted(tmp_path: Path, data: bytes = DATA, name: str = "soc2.pdf",
               identity: str = IDENTITY) -> RestrictedFile:
    path = tmp_path / name
    path.write_bytes(data)
    return RestrictedFile(identity, "SOC 2 report", name, path, len(data),
                          hashlib.sha256(data).hexdigest())


def test_an_asset_opens_with_its_key_and_identity() -> None:
    key = bytes(range(32))
    asset = seal_bytes(DATA, key, IDENTITY)
    assert asset[:5] == b"TCGF\x01"
    assert len(asset) == len(DATA) + OVERHEAD_BYTES == len(DATA) + 33
    assert open_bytes(asset, key, IDENTITY) == DATA
    assert seal_bytes(DATA, key, IDENTITY) != asset  # a fresh nonce each time


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(lambda a: a[:-1], "integrity check", id="cut-by-one-byte"),
        pytest.param(lambda a: a[:40], "integrity check", id="cut-short"),
        pytest.param(lambda a: a[:20], "cut short", id="shorter-than-a-header"),
        pytest.param(lambda a: b"", "cut short", id="empty"),
        pytest.param(lambda a: a[:30] + bytes([a[30] ^ 1]) + a[31:], "integrity check",
                     id="one-bit-flipped"),
        pytest.param(lambda a: a[:8] + bytes([a[8] ^ 1]) + a[9:], "integrity check",
                     id="nonce-changed"),
        pytest.param(lambda a: b"XCGF" + a[4:], "not a trustcenter-gate-file", id="magic"),
        pytest.param(lambda a: a[:4] + b"\x02" + a[5:], "expected format version 1, found 2",
                     id="version"),
        pytest.param(lambda a: a + b"\0", "integrity check", id="extended"),
    ],
)
def test_an_altered_asset_does_not_open(change, message: str) -> None:
    key = bytes(range(32))
    with pytest.raises(SealedFileError, match=message):
        open_bytes(change(seal_bytes(DATA, key, IDENTITY)), key, IDENTITY)


def test_an_asset_does_not_pass_for_another_file_or_open_with_another_key() -> None:
    key = bytes(range(32))
    asset = seal_bytes(DATA, key, IDENTITY)
    with pytest.raises(SealedFileError):
        open_bytes(asset, key, "attestation/soc2-2026/bridge.pdf")
    with pytest.raises(SealedFileError):
        open_bytes(asset, bytes(32), IDENTITY)


def test_names_and_keys_come_from_the_secret_the_identity_and_the_bytes(tmp_path: Path) -> None:
    file = restricted(tmp_path)
    [first] = plan([file], SECRET)
    [again] = plan([file], SECRET)
    assert (first.asset, first.key) == (again.asset, again.key)  # computed apart, equal
    assert first.asset.startswith(f"{ASSET_FOLDER}/") and first.asset.endswith(".bin")
    name = first.asset.rsplit("/", 1)[1]
    assert len(name) == 32 + 4 and "soc2" not in name  # says nothing about the file
    [rotated] = plan([file], SECRET + b"-rotated")
    [changed] = plan([restricted(tmp_path, DATA + b"v2")], SECRET)
    [other] = plan([restricted(tmp_path, name="b.pdf", identity="document/x/b.pdf")], SECRET)
    for different in (rotated, changed, other):
        assert different.asset != first.asset and different.key != first.key


def test_written_assets_open_to_the_files(tmp_path: Path) -> None:
    files = [restricted(tmp_path, DATA),
             restricted(tmp_path, b"other", "b.pdf", "document/d/b.pdf")]
    site = tmp_path / "site"
    written = write_sealed_files(site, files, SECRET)
    assert [s.asset for s in written] == [s.asset for s in plan(files, SECRET)]
    for sealed, file in zip(written, files, strict=True):
        asset = (site / sealed.asset).read_bytes()
        assert len(asset) == sealed.asset_size
        assert open_bytes(asset, sealed.key, file.identity) == file.read()
        assert file.read() not in asset


def test_a_file_changed_after_its_check_is_not_sealed(tmp_path: Path) -> None:
    file = restricted(tmp_path)
    file.source.write_bytes(DATA + b"changed")
    with pytest.raises(ValueError, match="changed during the build"):
        write_sealed_files(tmp_path / "site", [file], SECRET)


def test_the_page_and_the_written_files_must_agree(tmp_path: Path) -> None:
    files = [restricted(tmp_path)]
    site = tmp_path / "site"
    written = write_sealed_files(site, files, SECRET)
    (site / "reports").mkdir()
    page = site / "reports" / "index.html"
    page.write_text(f'<div data-tc-gate data-tc-files="{assets_digest(s.asset for s in written)}">')
    (site / "index.html").write_text("<p>no gate here</p>")
    assert unwritten_files(site, written) == []
    assert unwritten_files(site, []) == ["reports/index.html"]  # the writer did not run
    changed = write_sealed_files(site, [restricted(tmp_path, DATA + b"edited")], SECRET)
    assert unwritten_files(site, changed) == ["reports/index.html"]  # a file changed meanwhile
    digest = assets_digest(s.asset for s in written)
    assert digest not in {s.asset for s in written} and len(digest) == 64
