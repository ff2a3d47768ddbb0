"""``data/security_txt.yml``: the fields of ``/.well-known/security.txt`` (RFC 9116).

Each field takes the URIs RFC 9116 allows it, and no others: Contact ``https:``,
``mailto:`` or ``tel:`` (section 2.5.3); Encryption ``https:``, ``dns:`` (an OPENPGPKEY
record, RFC 4501/7929) or ``openpgp4fpr:`` (a key fingerprint) (section 2.5.4);
Acknowledgments, Canonical, Policy, Hiring and CSAF ``https:`` only (sections 2.5.1,
2.5.2, 2.5.7, 2.5.6 and the CSAF 2.0 extension; "https" because section 2.5 requires
web URIs to be https). ``http:`` and ``javascript:`` are refused everywhere.
Preferred-Languages are RFC 5646 language tags, checked against the IANA registry by
``langcodes`` (section 2.5.8).

``Expires`` comes from the data, reviewed like any other change; the build never moves
it forward by itself (``trustcenter check`` warns before it lapses).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

from trustcenter.model.base import Model
from trustcenter.problems import RuleError

_TEL = re.compile(r"(?i:tel):\+[0-9][0-9().-]*[0-9](;[A-Za-z0-9=.-]+)*")  # RFC 3966 global number
_FINGERPRINT = re.compile(r"(?i:openpgp4fpr):(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})")
_DNS = re.compile(r"(?i:dns):(?://[^/]*/)?[A-Za-z0-9_.-]+\.[A-Za-z0-9_-]+(?:\?[A-Za-z0-9=;&_-]*)?")

#: The URI schemes each field allows, with the RFC 9116 section that says so.
SCHEMES: dict[str, tuple[tuple[str, ...], str]] = {
    "contact": (("https", "mailto", "tel"), "2.5.3"),
    "encryption": (("https", "dns", "openpgp4fpr"), "2.5.4"),
    "acknowledgments": (("https",), "2.5.1"),
    "canonical": (("https",), "2.5.2"),
    "policy": (("https",), "2.5.7"),
    "hiring": (("https",), "2.5.6"),
    "csaf": (("https",), "2.5 and CSAF 2.0, 7.1.8"),
}


def uri_problem(field: str, uri: str) -> str | None:
    """What is wrong with ``uri`` as a value of the security.txt ``field``, or ``None``.

    ``field`` is a key of :data:`SCHEMES`. Checks the scheme against the field's list
    and the form of each scheme: an https URI with a host, a mailto with an address, a
    tel with a global number (RFC 3966), a 40- or 64-digit hex fingerprint, a DNS name.
    """
    schemes, section = SCHEMES[field]
    allowed = ", ".join(f"{s}:" for s in schemes[:-1]) + (" or " if len(schemes) > 1 else "")
    allowed += f"{schemes[-1]}:"
    if not uri or any(ch.isspace() or ord(ch) < 32 for ch in uri):
        return f"expected a URI without spaces, found '{uri}'"
    scheme = urlsplit(uri).scheme.lower()
    if scheme not in schemes:
        found = f"a '{scheme}:' URI" if scheme else "a URI with no scheme"
        return (
            f"expected an {allowed} URI for '{field}' (RFC 9116, section {section}), "
            f"found {found} ('{uri}')"
        )
    if scheme == "https" and not urlsplit(uri).hostname:
        return (
            f"expected a web address with a host name, such as https://example.com, found '{uri}'"
        )
    if scheme == "mailto" and "@" not in uri:
        return f"expected an e-mail address after 'mailto:', found '{uri}'"
    if scheme == "tel" and not _TEL.fullmatch(uri):
        return (
            "expected an international phone number after 'tel:' (RFC 3966), such as "
            f"tel:+1-201-555-0123, found '{uri}'"
        )
    if scheme == "openpgp4fpr" and not _FINGERPRINT.fullmatch(uri):
        return (
            "expected the key's fingerprint (40 or 64 hexadecimal digits) after "
            f"'openpgp4fpr:', found '{uri}'"
        )
    if scheme == "dns" and not _DNS.fullmatch(uri):
        return (
            "expected a DNS name after 'dns:', such as "
            f"dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY, found '{uri}'"
        )
    return None


def _uri(field: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if (problem := uri_problem(field, value)) is not None:
            raise RuleError("security-txt-uri", problem)
        return value

    return check


def _language(value: str) -> str:
    """RFC 5646 language tag, valid in the IANA registry (RFC 9116, section 2.5.8)."""
    import langcodes  # its registry costs 20-30 ms to load: only for files that list languages

    if "_" in value or not langcodes.tag_is_valid(value):
        hint = f"; write '{value.replace('_', '-')}'" if "_" in value else ""
        raise RuleError(
            "security-txt-language",
            f"expected a language tag (RFC 5646) such as en, pt or pt-BR, found '{value}'{hint}",
        )
    return value


ContactUri = Annotated[str, AfterValidator(_uri("contact"))]
EncryptionUri = Annotated[str, AfterValidator(_uri("encryption"))]
AcknowledgmentsUri = Annotated[str, AfterValidator(_uri("acknowledgments"))]
CanonicalUri = Annotated[str, AfterValidator(_uri("canonical"))]
PolicyUri = Annotated[str, AfterValidator(_uri("policy"))]
HiringUri = Annotated[str, AfterValidator(_uri("hiring"))]
CsafUri = Annotated[str, AfterValidator(_uri("csaf"))]
LanguageTag = Annotated[str, AfterValidator(_language)]


class SecurityTxt(Model):
    """The fields of a security.txt file; ``contact`` and ``expires`` are required."""

    contact: list[ContactUri] = Field(min_length=1)
    expires: dt.date
    encryption: list[EncryptionUri] = []
    acknowledgments: list[AcknowledgmentsUri] = []
    preferred_languages: list[LanguageTag] = []
    canonical: list[CanonicalUri] = []
    policy: list[PolicyUri] = []
    hiring: list[HiringUri] = []
    csaf: list[CsafUri] = []
