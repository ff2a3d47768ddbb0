from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from trustcenter.gate import (
    MODE_VARIABLE,
    SECRET_VARIABLE,
    GateError,
    GateSettings,
    Holder,
    access_code,
    new_secret,
    normalize_code,
    open_payload,
    seal,
    unseal,
)
from trustcenter.model import Grant

SECRET = b"0123456789abcdef0123456789abcdef-test-secret"
PAGE = "reports/"
HTML = "<h2>SOC 2 Type 2</h2><p>Opinion: unmodified. Auditor: Example LLP \u2013 \u00e9t\u00e9</p>"
CODE_FORM = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$")


def grant(grant_id: str = "northwind-review", rotation: int = 0, **fields: Any) -> Grant:
    values: dict[str, Any] = {
        "recipient": "Northwind Traders security review team",
        "reason": "Vendor assessment under NDA",
        "expires": dt.date(2027, 1, 31),
    }
    values.update(fields)
    return Grant(id=grant_id, rotation=rotation, **values)


def codes(count: int = 3) -> list[str]:
    return [access_code(SECRET, grant(f"grant-{n}")) for n in range(count)]


def altered(payload_json: str, change: Callable[[dict[str, Any]], None]) -> str:
    payload = json.loads(payload_json)
    change(payload)
    return json.dumps(payload)


def flip(b64: str, index: int = 0) -> str:
    """``b64`` with one bit of its decoded bytes flipped."""
    data = bytearray(base64.b64decode(b64))
    data[index] ^= 0x01
    return base64.b64encode(bytes(data)).decode("ascii")


def opener(payload_json: str, slot: dict[str, str], candidates: list[str]) -> int:
    """The index of the code in ``candidates`` that opens ``slot`` alone."""
    single = altered(payload_json, lambda p: p.update(slots=[slot]))
    found = []
    for index, code in enumerate(candidates):
        try:
            unseal(single, PAGE, code)
        except KeyError:
            continue
        found.append(index)
    assert len(found) == 1, found
    return found[0]


# --- seal and unseal -------------------------------------------------------------------------


def test_each_code_opens_the_page() -> None:
    all_codes = codes(4)
    payload = seal(HTML, PAGE, all_codes)
    for code in all_codes:
        assert unseal(payload, PAGE, code) == HTML


def test_round_trip_of_an_empty_page_and_a_large_one() -> None:
    [code] = codes(1)
    for html in ("", "<p>" + "\u00fc<b>&amp;</b>" * 20000 + "</p>"):
        assert unseal(seal(html, PAGE, [code]), PAGE, code) == html


def test_a_code_not_sealed_in_raises_key_error() -> None:
    payload = seal(HTML, PAGE, codes(3))
    other = access_code(SECRET, grant("someone-else"))
    with pytest.raises(KeyError):
        unseal(payload, PAGE, other)
    with pytest.raises(KeyError):
        unseal(payload, PAGE, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")


def test_a_code_of_another_secret_raises_key_error() -> None:
    payload = seal(HTML, PAGE, codes(3))
    with pytest.raises(KeyError):
        unseal(payload, PAGE, access_code(b"another-secret-" * 3, grant("grant-0")))


def test_no_codes_means_no_one_opens_it() -> None:
    payload = seal(HTML, PAGE, [])
    assert json.loads(payload)["slots"] == []
    with pytest.raises(KeyError):
        unseal(payload, PAGE, codes(1)[0])


def test_altered_ciphertext_fails_authentication() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])
    for index in (0, -1):  # the first byte of the text and the last byte of the tag
        broken = altered(payload, lambda p, i=index: p.update(data=flip(p["data"], i)))
        with pytest.raises(InvalidTag):
            unseal(broken, PAGE, code)


def test_truncated_ciphertext_fails_authentication() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])
    data = base64.b64decode(json.loads(payload)["data"])
    cut = base64.b64encode(data[:-1]).decode("ascii")
    with pytest.raises(InvalidTag):
        unseal(altered(payload, lambda p: p.update(data=cut)), PAGE, code)


def test_altered_wrapped_key_fails_authentication() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])

    def change(p: dict[str, Any]) -> None:
        p["slots"][0]["key"] = flip(p["slots"][0]["key"], 3)

    with pytest.raises(InvalidTag):
        unseal(altered(payload, change), PAGE, code)


def test_altered_slot_iv_fails_authentication() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])

    def change(p: dict[str, Any]) -> None:
        p["slots"][0]["iv"] = flip(p["slots"][0]["iv"])

    with pytest.raises(InvalidTag):
        unseal(altered(payload, change), PAGE, code)


def test_altered_content_iv_fails_authentication() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])
    with pytest.raises(InvalidTag):
        unseal(altered(payload, lambda p: p.update(iv=flip(p["iv"]))), PAGE, code)


def test_the_page_path_is_bound_to_the_payload() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])
    assert unseal(payload, PAGE, code) == HTML
    for other in ("other/", "reports", "/reports/", ""):
        with pytest.raises((InvalidTag, KeyError)):
            unseal(payload, other, code)


def test_content_moved_from_another_page_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same content key for both pages, so only the associated data tells them apart.
    key = hashlib.sha256(b"one content key").digest()
    monkeypatch.setattr(AESGCM, "generate_key", staticmethod(lambda bit_length: key))
    [code] = codes(1)
    here = json.loads(seal(HTML, PAGE, [code]))
    there = json.loads(seal("<p>another page</p>", "other/", [code]))
    moved = json.dumps({**here, "iv": there["iv"], "data": there["data"]})
    with pytest.raises(InvalidTag):
        unseal(moved, PAGE, code)
    assert unseal(json.dumps(here), PAGE, code) == HTML  # the control case opens


def test_another_format_or_version_is_refused() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])
    for change in ({"version": 1}, {"format": "something-else"}):
        with pytest.raises(ValueError, match="version 2"):
            unseal(altered(payload, lambda p, c=change: p.update(c)), PAGE, code)


# --- the payload -------------------------------------------------------------------------------


def test_payload_describes_its_format() -> None:
    all_codes = codes(3)
    payload = json.loads(seal(HTML, PAGE, all_codes))
    assert payload["format"] == "trustcenter-gate"
    assert payload["version"] == 2
    assert payload["cipher"] == "AES-256-GCM"
    assert payload["kdf"] == "HKDF-SHA256"
    assert set(payload) == {"format", "version", "cipher", "kdf", "salt", "slots", "iv", "data"}
    assert len(base64.b64decode(payload["salt"])) == 16
    assert len(base64.b64decode(payload["iv"])) == 12  # 96-bit GCM nonce
    assert len(base64.b64decode(payload["data"])) == len(HTML.encode()) + 16  # with the tag
    assert len(payload["slots"]) == len(all_codes)
    for slot in payload["slots"]:
        assert set(slot) == {"id", "iv", "key"}
        assert len(base64.b64decode(slot["iv"])) == 12
        # The envelope (key, grant label, expiry) is padded: every slot has one size.
        assert len(base64.b64decode(slot["key"])) == 256 + 16
    assert len({slot["id"] for slot in payload["slots"]}) == len(all_codes)


def test_salt_nonces_and_ciphertext_are_fresh_for_each_seal() -> None:
    all_codes = codes(2)
    first, second = (json.loads(seal(HTML, PAGE, all_codes)) for _ in range(2))
    assert first["salt"] != second["salt"]
    assert first["iv"] != second["iv"]
    assert first["data"] != second["data"]
    assert {s["id"] for s in first["slots"]}.isdisjoint(s["id"] for s in second["slots"])
    assert {s["iv"] for s in first["slots"]}.isdisjoint(s["iv"] for s in second["slots"])
    assert {s["key"] for s in first["slots"]}.isdisjoint(s["key"] for s in second["slots"])


def test_slot_nonces_differ_within_one_seal() -> None:
    payload = json.loads(seal(HTML, PAGE, codes(5)))
    assert len({slot["iv"] for slot in payload["slots"]}) == 5


def test_slot_order_is_shuffled() -> None:
    all_codes = codes(5)
    orders = set()
    for _ in range(20):
        payload = seal(HTML, PAGE, all_codes)
        slots = json.loads(payload)["slots"]
        orders.add(tuple(opener(payload, slot, all_codes) for slot in slots))
    assert all(sorted(order) == list(range(5)) for order in orders)
    # Twenty identical orders out of 120 would happen with probability 120**-19.
    assert len(orders) > 1, orders


def test_payload_is_safe_inside_a_script_element() -> None:
    payload = seal("<p>x</p></script><script>alert(1)</script>", PAGE, codes(2))
    assert "<" not in payload
    assert ">" not in payload
    assert "&" not in payload


def forms(data: bytes) -> set[str]:
    """``data`` as a payload could hold it: hex, base64 (standard and URL-safe, padded or not)."""
    found = {data.hex(), data.hex().upper()}
    for encode in (base64.b64encode, base64.urlsafe_b64encode, base64.b32encode):
        text = encode(data).decode("ascii")
        found |= {text, text.rstrip("=")}
    return found


def test_no_code_and_no_secret_in_the_payload() -> None:
    all_codes = codes(3)
    payload = seal(HTML, PAGE, all_codes)
    secret = SECRET.decode()
    assert secret not in payload
    for text in forms(SECRET):
        assert text not in payload, text
    for code in all_codes:
        normal = normalize_code(code)
        for text in (code, code.lower(), normal, normal.lower(), *forms(normal.encode())):
            assert text not in payload, text
        for text in forms(base64.b32decode(normal)):  # the code's 15 bytes
            assert text not in payload, text


def test_no_content_key_in_the_payload(monkeypatch: pytest.MonkeyPatch) -> None:
    key = hashlib.sha256(b"a content key everyone can recognise").digest()
    calls: list[int] = []

    def known_key(bit_length: int) -> bytes:
        calls.append(bit_length)
        return key

    monkeypatch.setattr(AESGCM, "generate_key", staticmethod(known_key))
    all_codes = codes(3)
    payload = seal(HTML, PAGE, all_codes)
    assert calls == [256]  # the known key is the one that was used
    assert unseal(payload, PAGE, all_codes[0]) == HTML
    for text in forms(key):
        assert text not in payload, text
    assert key.decode("latin-1") not in json.loads(payload)["data"]


# --- access codes ------------------------------------------------------------------------------


def test_access_code_is_deterministic() -> None:
    assert access_code(SECRET, grant("acme", 2)) == access_code(SECRET, grant("acme", 2))


def test_access_code_depends_only_on_id_rotation_and_secret() -> None:
    first = access_code(SECRET, grant("acme"))
    other_fields = grant(
        "acme", recipient="Somebody else", reason="Another reason", expires=dt.date(2030, 1, 1)
    )
    assert access_code(SECRET, other_fields) == first


def test_access_code_changes_with_rotation_id_or_secret() -> None:
    base = access_code(SECRET, grant("acme", 0))
    variants = [
        access_code(SECRET, grant("acme", 1)),
        access_code(SECRET, grant("acme", 2)),
        access_code(SECRET, grant("acme2", 0)),
        access_code(SECRET, grant("acm", 0)),
        access_code(SECRET + b"x", grant("acme", 0)),
        access_code(b"another-secret-of-enough-length-0123", grant("acme", 0)),
    ]
    assert len({base, *variants}) == len(variants) + 1


def test_id_and_rotation_are_not_confused() -> None:
    # "a1" with rotation 0 and "a" with rotation 10 must not share a code.
    assert access_code(SECRET, grant("a1", 0)) != access_code(SECRET, grant("a", 10))


def test_access_code_form_and_entropy() -> None:
    seen = set()
    by_position: list[set[str]] = [set() for _ in range(24)]
    for n in range(400):
        code = access_code(SECRET, grant(f"grant-{n}"))
        assert CODE_FORM.match(code), code
        normal = normalize_code(code)
        assert len(normal) == 24  # 24 base32 characters carry 120 bits
        assert len(base64.b32decode(normal)) == 15
        seen.add(code)
        for position, letter in enumerate(normal):
            by_position[position].add(letter)
    assert len(seen) == 400
    # No character is fixed or biased: each of the 24 positions varies over the alphabet.
    for position, letters in enumerate(by_position):
        assert len(letters) >= 28, (position, sorted(letters))
    assert set().union(*by_position) == set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def test_normalize_code() -> None:
    assert normalize_code("abcd-efgh-ijkl-mnop-qrst-uv23") == "ABCDEFGHIJKLMNOPQRSTUV23"
    assert normalize_code(" ABCD EFGH\tijkl-mnop qrst\nuv23 ") == "ABCDEFGHIJKLMNOPQRSTUV23"


def test_lower_case_and_spaces_open_the_page() -> None:
    [code] = codes(1)
    payload = seal(HTML, PAGE, [code])
    for typed in (code.lower(), code.replace("-", " "), code.replace("-", ""), f"  {code}\n"):
        assert unseal(payload, PAGE, typed) == HTML


# --- settings ------------------------------------------------------------------------------------

GOOD_SECRET = "s" * 32


def test_no_secret_and_no_mode_is_a_preview() -> None:
    settings = GateSettings.from_environment({})
    assert settings.secret is None
    assert settings.publish is False


def test_blank_secret_is_no_secret() -> None:
    assert GateSettings.from_environment({SECRET_VARIABLE: "   "}).secret is None


def test_secret_and_publish_mode() -> None:
    settings = GateSettings.from_environment(
        {SECRET_VARIABLE: f" {GOOD_SECRET}\n", MODE_VARIABLE: "Publish"}
    )
    assert settings.secret == GOOD_SECRET.encode()
    assert settings.publish is True


def test_another_mode_is_a_preview() -> None:
    settings = GateSettings.from_environment({MODE_VARIABLE: "preview"})
    assert settings == GateSettings(None, False)


def test_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, GOOD_SECRET)
    assert GateSettings.from_environment().secret == GOOD_SECRET.encode()
    monkeypatch.delenv(SECRET_VARIABLE)
    monkeypatch.setenv(MODE_VARIABLE, "publish")
    with pytest.raises(GateError):
        GateSettings.from_environment()


def test_publish_without_secret_is_an_error() -> None:
    with pytest.raises(GateError) as raised:
        GateSettings.from_environment({MODE_VARIABLE: "publish"})
    assert "TRUSTCENTER_GATE_SECRET" in str(raised.value)
    assert "publish" in str(raised.value)


@pytest.mark.parametrize("mode", ["", "publish"])
def test_short_secret_is_an_error(mode: str) -> None:
    with pytest.raises(GateError) as raised:
        GateSettings.from_environment({SECRET_VARIABLE: "s" * 31, MODE_VARIABLE: mode})
    assert "TRUSTCENTER_GATE_SECRET" in str(raised.value)
    assert "31 characters" in str(raised.value)
    assert "new-secret" in str(raised.value)


def test_secret_of_32_characters_is_enough() -> None:
    assert GateSettings.from_environment({SECRET_VARIABLE: GOOD_SECRET}).secret is not None


def test_new_secret_is_long_random_and_accepted() -> None:
    secrets = [new_secret() for _ in range(20)]
    assert len(set(secrets)) == 20
    for secret in secrets:
        assert len(secret) >= 43
        assert re.fullmatch(r"[A-Za-z0-9_-]+", secret), secret
        assert len(base64.urlsafe_b64decode(secret + "=")) == 32
        environ = {SECRET_VARIABLE: secret, MODE_VARIABLE: "publish"}
        settings = GateSettings.from_environment(environ)
        assert settings.secret == secret.encode()


def test_each_slot_carries_its_own_grant_label_and_expiry_sealed() -> None:
    short = Holder(codes(1)[0], "Northwind", dt.date(2027, 1, 31))
    long = Holder(access_code(SECRET, grant("other")), "A much longer recipient name " * 3,
                  dt.date(2026, 12, 24))
    payload = seal(HTML, PAGE, [short, long])
    assert open_payload(payload, PAGE, short.code) == (HTML, short)
    assert open_payload(payload, PAGE, long.code) == (HTML, long)
    sizes = {len(slot["key"]) for slot in json.loads(payload)["slots"]}
    assert len(sizes) == 1  # the slots' sizes do not tell the labels' lengths
    for label in ("Northwind", "A much longer"):
        assert label not in payload
