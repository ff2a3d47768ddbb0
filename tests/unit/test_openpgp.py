"""security.txt signed with an OpenPGP cleartext signature, verified by GnuPG."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pysequoia
import pytest

from trustcenter.exports.openpgp import (
    KEY_VARIABLE,
    PASSPHRASE_VARIABLE,
    SigningError,
    clearsign,
    signing_key,
)

TEXT = "Contact: mailto:security@example.com\nExpires: 2027-06-30T23:59:59Z\n"


def _gpg() -> str:
    path = shutil.which("gpg")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("GnuPG is required under CI (apt-get install gnupg)")
        pytest.skip("GnuPG is not installed (apt-get install gnupg to run this test)")
    return path


def gpg(home: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run GnuPG with its own home folder, never the user's keyring."""
    return subprocess.run(
        [_gpg(), "--homedir", str(home), "--batch", "--no-tty", *args],
        input=stdin, capture_output=True, timeout=120, check=False,
    )


def verify(home: Path, signed: str, public: str) -> subprocess.CompletedProcess[bytes]:
    home.mkdir(mode=0o700, exist_ok=True)
    assert gpg(home, "--import", stdin=public.encode()).returncode == 0
    return gpg(home, "--verify", stdin=signed.encode())


def test_a_signature_gnupg_verifies(tmp_path: Path) -> None:
    key = pysequoia.Tsk.generate("Security <security@example.com>")
    signed = clearsign(TEXT, str(key))
    assert signed.startswith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: ")
    assert TEXT in signed
    done = verify(tmp_path / "gnupg", signed, str(key.extract_certificate()))
    assert done.returncode == 0, done.stderr.decode()
    assert b"Good signature from \"Security <security@example.com>\"" in done.stderr


def test_a_changed_file_fails_verification(tmp_path: Path) -> None:
    key = pysequoia.Tsk.generate("Security <security@example.com>")
    signed = clearsign(TEXT, str(key)).replace("security@example.com", "attacker@example.net")
    done = verify(tmp_path / "gnupg", signed, str(key.extract_certificate()))
    assert done.returncode != 0
    assert b"BAD signature" in done.stderr


def test_a_key_with_a_passphrase_needs_it(tmp_path: Path) -> None:
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    made = gpg(home, "--pinentry-mode", "loopback", "--passphrase", "correct horse",
               "--quick-gen-key", "Security <security@example.com>", "ed25519", "sign", "1y")
    assert made.returncode == 0, made.stderr.decode()
    exported = gpg(home, "--pinentry-mode", "loopback", "--passphrase", "correct horse",
                   "--armor", "--export-secret-keys", "security@example.com")
    key = exported.stdout.decode()
    assert "PRIVATE KEY" in key
    with pytest.raises(SigningError, match=f"cannot sign .*{PASSPHRASE_VARIABLE}"):
        clearsign(TEXT, key)
    signed = clearsign(TEXT, key, "correct horse")
    done = gpg(home, "--verify", stdin=signed.encode())
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.parametrize("key", ["not a key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"])
def test_a_value_that_is_no_secret_key_is_an_error(key: str) -> None:
    with pytest.raises(SigningError, match=f"{KEY_VARIABLE} does not hold an OpenPGP secret"):
        clearsign(TEXT, key)


def test_a_public_key_cannot_sign() -> None:
    public = str(pysequoia.Tsk.generate("S <s@example.com>").extract_certificate())
    with pytest.raises(SigningError):
        clearsign(TEXT, public)


def test_the_key_comes_from_the_environment_only_when_set() -> None:
    assert signing_key({}) is None
    assert signing_key({KEY_VARIABLE: "  "}) is None
    assert signing_key({KEY_VARIABLE: "K", PASSPHRASE_VARIABLE: "p"}) == ("K", "p")
    assert signing_key({KEY_VARIABLE: "K"}) == ("K", None)
