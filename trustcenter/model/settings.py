"""``data/settings.yml``: how this trust center runs, as opposed to what it states.

Two blocks, both optional:

- ``identifiers``: the tag URI authority (RFC 4151, section 2.1: a domain name or e-mail
  address the company owned on ``since``) of every Atom entry and feed id. Ids built
  from it never change when the site moves (a GitHub Pages address, then a custom
  domain), so subscribers never see every entry again. Without it, the authority is the
  host of ``website`` in ``company.yml``: data too, never ``site_url``.
- ``thresholds``: the numbers a company legitimately tunes, read by ``trustcenter
  check`` and the build alike (see :mod:`trustcenter.settings`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from trustcenter.model.base import Model

#: A domain name (RFC 1035 labels) or an e-mail address: RFC 4151's taggingEntity.
TAGGING_ENTITY = (
    r"^(?:[A-Za-z0-9._%+-]+@)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,63}$"
)

Authority = Annotated[str, StringConstraints(pattern=TAGGING_ENTITY)]


class Identifiers(Model):
    """The authority and date of the tag URIs (RFC 4151) that identify feed entries."""

    authority: Authority
    since: dt.date


class Thresholds(Model):
    """When a warning starts, in days: each a company's own choice, with our defaults."""

    security_txt_warn_days: int = Field(default=30, ge=0, le=365)
    grant_warn_days: int = Field(default=14, ge=0, le=365)
    document_review_days: int = Field(default=365, ge=1, le=3650)
    notice_days_floor: int = Field(default=0, ge=0, le=365)
    attestation_expiring_days: int = Field(default=90, ge=0, le=365)
    #: How long a DPF claim verified on the DPF List (``dpf_verified``) is still taken as
    #: standing when the List's next re-certification date is not recorded.
    dpf_verify_days: int = Field(default=90, ge=1, le=365)


class Settings(Model):
    """The contents of ``data/settings.yml``; every key has a default."""

    identifiers: Identifiers | None = None
    thresholds: Thresholds = Thresholds()
