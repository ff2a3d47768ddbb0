"""``data/access.yml``: who may open the gated page, why and until when."""

from __future__ import annotations

import datetime as dt

from pydantic import (
    Field,
)

from trustcenter.model.base import Identifier, Internal, Model, Text, Url


class Grant(Model):
    """Permission for one recipient to open the gated page until a date.

    The repository holds the grant (who, why, until when), never the access code: the
    code is derived from the grant's id and ``rotation`` with the secret CI holds.
    """

    id: Identifier
    recipient: Text
    reason: Text
    expires: dt.date
    #: What the gated page tells this grant's code holder after unlocking ("opened with the
    #: code shared with <label>"), sealed in the grant's own key slot; default: the id.
    label: Text | None = None
    #: Raise to give the recipient a new code; the old one stops working at the next build.
    rotation: int = Field(default=0, ge=0, strict=True)
    internal: Internal | None = None


class AccessFile(Model):
    """``data/access.yml``: where the gated page lives and who may open it."""

    page_url: Url | None = None
    grants: list[Grant] = []
