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


#: Two-letter primary language subtags (ISO 639-1, with the deprecated ones the
#: registry still maps, such as ``iw``), and region subtags (ISO 3166-1 alpha-2 and the
#: codes the registry keeps, such as ``EU`` or ``UK``), that ``langcodes.tag_is_valid``
#: accepts as written: each language alone (``pt``) and each language with each region
#: (``pt-BR``). ``tests/unit/test_language_tags.py`` holds every one of them, and every
#: pair, valid by ``langcodes``, so deciding these without it gives its answers.
_LANGUAGE_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs "
    "cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha "
    "he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj "
    "kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr "
    "ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro "
    "ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl "
    "tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
_REGION_CODES = (
    "AA AC AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ "
    "BL BM BN BO BQ BR BS BT BU BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CP CR CS "
    "CT CU CV CW CX CY CZ DD DE DG DJ DK DM DO DY DZ EA EC EE EG EH ER ES ET EU EZ FI FJ "
    "FK FM FO FQ FR FX GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN "
    "HR HT HU HV IC ID IE IL IM IN IO IQ IR IS IT JE JM JO JP JT KE KG KH KI KM KN KP KR "
    "KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MI MK ML MM MN MO MP "
    "MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NH NI NL NO NP NQ NR NT NU NZ OM PA PC "
    "PE PF PG PH PK PL PM PN PR PS PT PU PW PY PZ QA QM QN QO QP QQ QR QS QT QU QV QW QX "
    "QY QZ RE RH RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SU SV SX "
    "SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TP TR TT TV TW TZ UA UG UK UM UN US UY UZ "
    "VA VC VD VE VG VI VN VU WF WK WS XA XB XC XD XE XF XG XH XI XJ XK XL XM XN XO XP XQ "
    "XR XS XT XU XV XW XX XY XZ YD YE YT YU ZA ZM ZR ZW ZZ"
)
_LANGUAGES = frozenset(_LANGUAGE_CODES.split())
_REGIONS = frozenset(_REGION_CODES.split())


def is_language_tag(value: str) -> bool:
    """``langcodes.tag_is_valid(value)``: RFC 5646 syntax, subtags in the IANA registry.

    The common shapes, a two-letter language alone or with a two-letter region as
    written (``en``, ``pt-BR``), are looked up in :data:`_LANGUAGES` and
    :data:`_REGIONS`; only other tags (``de-CH-1996``, ``zh-Hant``, ``fil``, ``pt-br``,
    anything invalid) load langcodes, whose registry costs about 20 ms to load (the
    compile of one large regular expression). A tag found in the tables is one
    langcodes accepts (tested on every one), so the answer is always langcodes'.
    """
    language, dash, region = value.partition("-")
    if language in _LANGUAGES and (not dash or region in _REGIONS):
        return True
    import langcodes

    return bool(langcodes.tag_is_valid(value))


def _language(value: str) -> str:
    """RFC 5646 language tag, valid in the IANA registry (RFC 9116, section 2.5.8)."""
    if "_" in value or not is_language_tag(value):
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
