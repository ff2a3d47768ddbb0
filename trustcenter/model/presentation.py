"""How the site presents the company: its logo, tagline and where requests go.

In ``data/company.yml``: the logo, the one-line commitment for the overview's hero, and
where a request for gated reports goes.

These are public facts: the logo and the request settings are shown on the site, and
the request form sends to the address named here and nowhere else.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated, Self

from pydantic import AfterValidator, model_validator

from trustcenter.model.base import MarkdownText, Model, Text, Url

#: The logo's file types: what every browser shows in an ``<img>`` without a plugin.
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".webp": "image/webp"}
_EMAIL = re.compile(r"^[^@\s<>\"(),;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def _check_logo_path(value: str) -> str:
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value:
        raise ValueError(
            f"expected a file inside the data folder (for example 'logo.svg'), found '{value}'"
        )
    if path.suffix.lower() not in LOGO_TYPES:
        raise ValueError(
            f"expected an image of type {', '.join(LOGO_TYPES)}, found '{path.suffix or value}'"
        )
    return value


def _check_email(value: str) -> str:
    if value.lower().startswith("mailto:"):
        raise ValueError(f"expected a bare e-mail address without 'mailto:', found '{value}'")
    if not _EMAIL.match(value):
        raise ValueError(f"expected an e-mail address such as trust@example.com, found '{value}'")
    return value


def _check_https(value: str) -> str:
    if not value.startswith("https://"):
        raise ValueError(f"expected an https:// address for the form endpoint, found '{value}'")
    return value


LogoPath = Annotated[Text, AfterValidator(_check_logo_path)]
"""A logo file's path relative to the data folder: ``.svg``, ``.png`` or ``.webp``."""

EmailAddress = Annotated[Text, AfterValidator(_check_email)]
"""A bare e-mail address (``trust@example.com``)."""

HttpsUrl = Annotated[Url, AfterValidator(_check_https)]
"""An https URL."""


class Logo(Model):
    """The company's logo: a file in the data folder, published under ``assets/brand/``."""

    file: LogoPath
    alt: Text
    """The text alternative (WCAG 2.1, 1.1.1): usually the company's name."""


class RequestAccess(Model):
    """Where the request form sends a request for reports under NDA, and the terms shown.

    Exactly one of ``email`` (the form composes an e-mail, no server involved) or
    ``endpoint`` (the form posts to a form service the company names; the page's
    Content-Security-Policy then allows that one address as ``form-action``).
    """

    email: EmailAddress | None = None
    endpoint: HttpsUrl | None = None
    subject: Text
    terms: MarkdownText
    """The NDA or terms a requester accepts, shown before sending, with a checkbox."""
    terms_url: Url | None = None

    @model_validator(mode="after")
    def _one_destination(self) -> Self:
        if (self.email is None) == (self.endpoint is None):
            raise ValueError(
                "expected exactly one of 'email' (a pre-filled e-mail) or 'endpoint' "
                "(a form service's https address), found " + ("both" if self.email else "neither")
            )
        return self
