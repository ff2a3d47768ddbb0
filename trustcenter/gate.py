"""The gate: encrypt the gated page at build time so that only access-code holders can read it.

Format ``trustcenter-gate`` version 2, undone in the browser by
``overrides/assets/javascripts/gate.js`` with WebCrypto:

- A fresh random 256-bit content key encrypts the page's HTML with AES-256-GCM, under a
  fresh random 96-bit nonce, with ``trustcenter-gate/v1`` and the page's path as
  associated data (a ciphertext moved to another page, or another format, fails).
- Each active grant has an access code: 120 random-looking bits, ``HMAC-SHA256`` of the
  grant's id and rotation under the secret CI holds, shown as six groups of four base32
  characters. Codes are high-entropy, so a fast KDF is right for them: HKDF-SHA256 with
  a fresh random salt per build turns a code into a slot id (to find its slot without
  trying all) and a key-wrapping key, which encrypts the slot's envelope (AES-256-GCM
  again, page-bound): a JSON object with the content key (``key``, base64), the grant's
  label (``grant``: its ``label`` in ``data/access.yml``, or its id) and its last valid
  day (``expires``, ``YYYY-MM-DD``), so the page can say whom it was opened for and until
  when, and only that grant's code holder reads it. The envelope is padded with spaces
  to a multiple of 256 bytes, so slots do not differ in size. (Version 1 wrapped the
  bare content key.) No passphrase chosen by a person is accepted, so no slow KDF is needed.
- The page carries only the salt, the slots (id, nonce, wrapped key) in random order,
  the nonce and the ciphertext. The secret, the codes, the content key and the derived
  keys exist only in memory during the build.
- The sealed HTML may list files for code holders with each file's key: the files
  themselves are sealed apart, into opaque assets (:mod:`trustcenter.filegate`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from trustcenter.model import Grant

FORMAT, VERSION = "trustcenter-gate", 2
#: The secret every access code is derived from; CI reads it from a repository secret.
SECRET_VARIABLE = "TRUSTCENTER_GATE_SECRET"
#: ``publish`` makes a missing secret an error; anything else builds a preview.
MODE_VARIABLE = "TRUSTCENTER_BUILD_MODE"
MINIMUM_SECRET_LENGTH = 32
CODE_BYTES = 15  # 120 bits, 24 base32 characters
#: A slot's envelope is padded to a multiple of this many bytes.
ENVELOPE_BLOCK = 256
_CODE_ALPHABET = re.compile(r"[^A-Z2-7]")


@dataclass(frozen=True)
class Holder:
    """Who a key slot is for: the grant's code, and the label and expiry sealed with it."""

    code: str
    grant: str | None = None
    expires: dt.date | None = None

    @classmethod
    def of(cls, secret: bytes, grant: Grant) -> Holder:
        """The holder of ``grant``: its code, its label (default: its id), its expiry."""
        return cls(access_code(secret, grant), grant.label or grant.id, grant.expires)


class GateError(ValueError):
    """The gate cannot be built as configured (a missing or weak secret)."""


@dataclass(frozen=True)
class GateSettings:
    """What the build knows about the gate: the secret (if any) and whether it publishes."""

    secret: bytes | None
    publish: bool

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> GateSettings:
        """Read the secret and the mode; reject a secret too short to be a key."""
        env = dict(os.environ if environ is None else environ)
        secret = env.get(SECRET_VARIABLE, "").strip()
        publish = env.get(MODE_VARIABLE, "").strip().lower() == "publish"
        if secret and len(secret) < MINIMUM_SECRET_LENGTH:
            raise GateError(
                f"{SECRET_VARIABLE} is {len(secret)} characters long; expected at least "
                f"{MINIMUM_SECRET_LENGTH} (make one with 'trustcenter access new-secret')"
            )
        if publish and not secret:
            raise GateError(
                f"{SECRET_VARIABLE} is not set, and {MODE_VARIABLE}=publish: a published "
                "site needs the secret to encrypt the gated page. Pass the repository "
                f"secret to the build step, or unset {MODE_VARIABLE} for a preview without "
                "gated content"
            )
        return cls(secret.encode("utf-8") if secret else None, publish)


def new_secret() -> str:
    """A fresh random secret for :data:`SECRET_VARIABLE` (256 bits, URL-safe base64)."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii").rstrip("=")


def access_code(secret: bytes, grant: Grant) -> str:
    """The access code of ``grant``: ``ABCD-EFGH-IJKL-MNOP-QRST-UVWX``."""
    message = f"{FORMAT}/v{VERSION}/access-code\0{grant.id}\0{grant.rotation}".encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()[:CODE_BYTES]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalize_code(code: str) -> str:
    """The code as the key derivation reads it: upper case, base32 letters and digits only."""
    return _CODE_ALPHABET.sub("", code.upper())


def _derive(code: str, salt: bytes, purpose: str, length: int) -> bytes:
    info = f"{FORMAT}/v{VERSION} {purpose}".encode()
    hkdf = HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info)
    return hkdf.derive(normalize_code(code).encode("ascii"))


def _aad(page_path: str, part: str) -> bytes:
    return f"{FORMAT}/v{VERSION}\n{page_path}\n{part}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(html: str, page_path: str, holders: Iterable[Holder | str]) -> str:
    """Encrypt ``html`` for the page at ``page_path`` so that each holder's code opens it.

    A bare code is a holder with no label (tests). Returns the payload as JSON text,
    safe to embed in a ``<script type="application/json">`` element (it holds only
    base64 and fixed words).
    """
    content_key = AESGCM.generate_key(bit_length=256)
    salt = os.urandom(16)
    slots = []
    for holder in holders:
        if isinstance(holder, str):
            holder = Holder(holder)
        envelope = {
            "key": _b64(content_key),
            "grant": holder.grant,
            "expires": holder.expires.isoformat() if holder.expires else None,
        }
        wrap_nonce = os.urandom(12)
        wrapping_key = AESGCM(_derive(holder.code, salt, "key-wrap", 32))
        text = json.dumps(envelope).encode("utf-8")
        # Padded with spaces (JSON ignores them) so a slot's size hides the label's length.
        text += b" " * (-len(text) % ENVELOPE_BLOCK)
        wrapped = wrapping_key.encrypt(wrap_nonce, text, _aad(page_path, "key"))
        slots.append(
            {
                "id": _b64(_derive(holder.code, salt, "slot-id", 8)),
                "iv": _b64(wrap_nonce),
                "key": _b64(wrapped),
            }
        )
    random.SystemRandom().shuffle(slots)  # slot order says nothing about the grants
    nonce = os.urandom(12)
    data = AESGCM(content_key).encrypt(nonce, html.encode("utf-8"), _aad(page_path, "content"))
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "cipher": "AES-256-GCM",
        "kdf": "HKDF-SHA256",
        "salt": _b64(salt),
        "slots": slots,
        "iv": _b64(nonce),
        "data": _b64(data),
    }
    return json.dumps(payload, separators=(",", ":"))


def unseal(payload_json: str, page_path: str, code: str) -> str:
    """Decrypt a payload with ``code``: the browser's algorithm, in Python (for tests and CLI).

    Raises :class:`KeyError` when no slot belongs to the code, and
    ``cryptography.exceptions.InvalidTag`` when the payload was altered.
    """
    return open_payload(payload_json, page_path, code)[0]


def open_payload(payload_json: str, page_path: str, code: str) -> tuple[str, Holder]:
    """Like :func:`unseal`, also returning the grant's label and expiry from its slot."""
    payload = json.loads(payload_json)
    if payload.get("format") != FORMAT or payload.get("version") != VERSION:
        raise ValueError(f"not a trustcenter-gate version {VERSION} payload")
    salt = base64.b64decode(payload["salt"])
    slot_id = _b64(_derive(code, salt, "slot-id", 8))
    slot = next((s for s in payload["slots"] if s["id"] == slot_id), None)
    if slot is None:
        raise KeyError("no slot for this access code")
    wrapping_key = AESGCM(_derive(code, salt, "key-wrap", 32))
    envelope = json.loads(
        wrapping_key.decrypt(
            base64.b64decode(slot["iv"]), base64.b64decode(slot["key"]), _aad(page_path, "key")
        )
    )
    html = AESGCM(base64.b64decode(envelope["key"])).decrypt(
        base64.b64decode(payload["iv"]),
        base64.b64decode(payload["data"]),
        _aad(page_path, "content"),
    )
    expires = dt.date.fromisoformat(envelope["expires"]) if envelope["expires"] else None
    return html.decode("utf-8"), Holder(code, envelope["grant"], expires)
