"""Sealed files: each file for code holders, encrypted into an opaque static asset.

Format ``trustcenter-gate-file`` version 1, opened in the browser by
``overrides/assets/javascripts/gate.js`` with WebCrypto (handbook/gated-page.md):

- The asset is ``TCGF`` (4 bytes), the version (1 byte, ``0x01``), a fresh random
  96-bit nonce, then the file encrypted with AES-256-GCM (ciphertext and 16-byte tag):
  33 bytes more than the file. The associated data is ``trustcenter-gate-file/v1``, a
  line feed and the file's identity (``attestation/<id>/<name>``), so an asset changed
  by one bit, cut short, or served in place of another file fails to open.
- The file key and the asset's name are derived from the gate secret with HKDF-SHA256
  (RFC 5869), bound to the identity and the SHA-256 of the file's bytes: the page
  sealer and the step that writes the assets compute them apart, from the secret and
  the files on disk, sharing no state (one may run in the builder, the other after it).
  A new version of a file gets a new key and a new name.
- The asset's name (``assets/files/<32 hex digits>.bin``) says nothing about the file;
  its size is the file's plus 33 bytes.
- The key never appears in the clear: it travels inside the gated page's sealed HTML
  (:mod:`trustcenter.gate`), so only the page's content key, that is a valid access
  code, reaches it. With it the page lists each file's title, name, size and the
  SHA-256 of its plaintext, which the browser checks before it saves anything.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from trustcenter.gate import GateSettings
from trustcenter.model import TrustCenter
from trustcenter.restricted_files import RestrictedFile, restricted_files

FILE_FORMAT, FILE_VERSION = "trustcenter-gate-file", 1
MAGIC = b"TCGF"
HEADER_BYTES = len(MAGIC) + 1 + 12
#: What sealing adds to a file: the header and the GCM tag.
OVERHEAD_BYTES = HEADER_BYTES + 16
#: Where the assets go, below the site's root.
ASSET_FOLDER = "assets/files"


class SealedFileError(ValueError):
    """A sealed asset cannot be opened: wrong format, altered, cut short or another file's."""


@dataclass(frozen=True)
class SealedFile:
    """A file for code holders and where its sealed asset is: what the page lists."""

    file: RestrictedFile
    asset: str  # below the site's root: assets/files/<hex>.bin
    key: bytes  # 32 bytes; only ever written into the sealed page

    @property
    def asset_size(self) -> int:
        """The asset's size in bytes: the file's plus :data:`OVERHEAD_BYTES`."""
        return self.file.size + OVERHEAD_BYTES


def _derive(secret: bytes, purpose: str, file: RestrictedFile, length: int) -> bytes:
    info = f"{FILE_FORMAT}/v{FILE_VERSION} {purpose}\0{file.identity}\0{file.sha256}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(secret)


def associated_data(identity: str) -> bytes:
    """The AES-GCM associated data of a file's asset: format, version and identity."""
    return f"{FILE_FORMAT}/v{FILE_VERSION}\n{identity}".encode()


def plan(files: Iterable[RestrictedFile], secret: bytes) -> list[SealedFile]:
    """Each file's key and asset name, derived from ``secret``; reads nothing, writes nothing."""
    return [
        SealedFile(
            file,
            f"{ASSET_FOLDER}/{_derive(secret, 'asset-name', file, 16).hex()}.bin",
            _derive(secret, "file-key", file, 32),
        )
        for file in files
    ]


def seal_bytes(data: bytes, key: bytes, identity: str) -> bytes:
    """``data`` as a sealed asset (format version 1) under ``key`` for ``identity``."""
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, data, associated_data(identity))
    return MAGIC + bytes([FILE_VERSION]) + nonce + sealed


def open_bytes(asset: bytes, key: bytes, identity: str) -> bytes:
    """The file inside a sealed asset: the browser's algorithm, in Python (tests, CLI).

    Raises :class:`SealedFileError` for another format or version, or an asset that was
    altered, cut short or made for another file.
    """
    if len(asset) < OVERHEAD_BYTES or asset[:4] != MAGIC:
        raise SealedFileError("not a trustcenter-gate-file asset, or cut short")
    if asset[4] != FILE_VERSION:
        raise SealedFileError(f"expected format version {FILE_VERSION}, found {asset[4]}")
    try:
        return AESGCM(key).decrypt(
            asset[5:HEADER_BYTES], asset[HEADER_BYTES:], associated_data(identity)
        )
    except Exception as error:  # cryptography's InvalidTag
        raise SealedFileError("the asset failed its integrity check") from error


def write_sealed_files(
    site_dir: Path, files: Iterable[RestrictedFile], secret: bytes
) -> list[SealedFile]:
    """Seal every file into ``site_dir``; returns what was written, in the given order.

    The same names and keys as :func:`plan` (which the page sealer used), computed
    again from the secret and the files: no state is shared with the page sealer.
    Raises :class:`ValueError` when a file changed since it was checked.
    """
    written = plan(files, secret)
    for sealed in written:
        target = site_dir / sealed.asset
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(seal_bytes(sealed.file.read(), sealed.key, sealed.file.identity))
    return written


def seal_files_into(
    site_dir: Path, trust_center: TrustCenter, files_dir: Path, settings: GateSettings
) -> list[SealedFile]:
    """The after-build step: seal every file for code holders into ``site_dir``.

    Needs only what is on disk and in the environment (the data, the restricted folder,
    the secret), so it runs the same inside a builder's hook or after the builder.
    A preview (no secret) writes nothing: its gated page lists no file either.
    """
    if settings.secret is None:
        return []
    return write_sealed_files(site_dir, restricted_files(trust_center, files_dir), settings.secret)


def sealed_files_for_page(
    trust_center: TrustCenter, files_dir: Path, settings: GateSettings
) -> list[SealedFile]:
    """What the page sealer lists: the same names and keys :func:`seal_files_into` uses."""
    if settings.secret is None:
        return []
    return plan(restricted_files(trust_center, files_dir), settings.secret)


_LISTED = re.compile(r'data-tc-files="([0-9a-f]{64})"')


def assets_digest(assets: Iterable[str]) -> str:
    """SHA-256 (hex) of the assets' paths, sorted, one a line: what a gated page lists."""
    return hashlib.sha256("\n".join(sorted(assets)).encode()).hexdigest()


def listed_digests(page: str) -> list[str]:
    """The :func:`assets_digest` values a page's HTML lists (``data-tc-files``)."""
    return _LISTED.findall(page)


def unwritten_files(site_dir: Path, written: Iterable[SealedFile]) -> list[str]:
    """Pages of ``site_dir`` whose listed files are not the ones ``written``.

    The gated page carries :func:`assets_digest` of the assets it lists
    (``data-tc-files``). A different set means the step that writes the assets did
    not run, or a file changed between the page and that step: the page would offer
    downloads that fail, so the build must stop.
    """
    expected = assets_digest(sealed.asset for sealed in written)
    wrong = []
    for page in sorted(site_dir.rglob("*.html")):
        for listed in listed_digests(page.read_text("utf-8", "replace")):
            if listed != expected:
                wrong.append(str(page.relative_to(site_dir)))
    return wrong
