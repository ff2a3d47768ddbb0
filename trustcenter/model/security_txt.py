"""``data/security_txt.yml``: the fields of ``/.well-known/security.txt`` (RFC 9116).

``Expires`` comes from the data, reviewed like any other change; the build never moves
it forward by itself (``trustcenter check`` warns 30 days before it lapses).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from trustcenter.model.base import Model, Text, Url


class SecurityTxt(Model):
    """The fields of a security.txt file; ``contact`` and ``expires`` are required."""

    contact: list[Url] = Field(min_length=1)
    expires: dt.date
    encryption: list[Url] = []
    acknowledgments: list[Url] = []
    preferred_languages: list[Text] = []
    canonical: list[Url] = []
    policy: list[Url] = []
    hiring: list[Url] = []
    csaf: list[Url] = []
