"""OpenPGP cleartext signatures (RFC 9580, section 7) for security.txt.

RFC 9116 section 2.3 recommends signing security.txt with a cleartext signature, so
that a researcher can check the contact details came from the organization. The key is
the one CI holds: an ASCII-armored OpenPGP secret key in ``TRUSTCENTER_SECURITY_TXT_KEY``
(and its passphrase, if it has one, in ``TRUSTCENTER_SECURITY_TXT_KEY_PASSPHRASE``),
stored as repository secrets and passed to the build step only. Without the variable the
file is published unsigned, as RFC 9116 allows; with a variable that does not hold a
usable key, the build fails rather than publishing a file it was asked to sign unsigned.
Sequoia-PGP (``pysequoia``) does the OpenPGP work; tests verify with GnuPG.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

#: The armored secret key that signs security.txt; a CI secret, never in the repository.
KEY_VARIABLE = "TRUSTCENTER_SECURITY_TXT_KEY"
#: The key's passphrase, when it has one.
PASSPHRASE_VARIABLE = "TRUSTCENTER_SECURITY_TXT_KEY_PASSPHRASE"


class SigningError(Exception):
    """The signing key was given but cannot sign: what is wrong, and how to fix it."""


def signing_key(environ: Mapping[str, str] = os.environ) -> tuple[str, str | None] | None:
    """``(armored key, passphrase)`` from the environment, or ``None`` when no key is set."""
    key = environ.get(KEY_VARIABLE, "").strip()
    if not key:
        return None
    return key, environ.get(PASSPHRASE_VARIABLE) or None


def _first_line(error: Exception) -> str:
    """The message of an error from the OpenPGP library, without its Rust backtrace."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def clearsign(text: str, key: str, passphrase: str | None = None) -> str:
    """``text`` inside an OpenPGP cleartext signature made with the secret ``key``.

    ``key`` is an ASCII-armored OpenPGP secret key (transferable secret key, RFC 9580
    section 10.2) with a signing-capable key. Raises :class:`SigningError` when it is
    not one, or its passphrase is missing or wrong.
    """
    import pysequoia  # imported here: most builds do not sign

    try:
        secret = pysequoia.Tsk.from_bytes(key.encode())
    except Exception as error:  # pysequoia raises plain exceptions for parse errors
        raise SigningError(
            f"{KEY_VARIABLE} does not hold an OpenPGP secret key ({_first_line(error)}); "
            "export it with "
            "'gpg --armor --export-secret-keys KEY-ID'"
        ) from None
    try:
        signer = secret.signer(passphrase)
    except Exception as error:
        raise SigningError(
            f"the key in {KEY_VARIABLE} cannot sign ({_first_line(error)}); give a key with a "
            "signing "
            f"key, and its passphrase in {PASSPHRASE_VARIABLE} if it has one"
        ) from None
    signed: bytes = pysequoia.sign(signer, text.encode(), mode=pysequoia.SignatureMode.CLEAR)
    return signed.decode()
