"""``data/subprocessors.yml``: third parties processing personal data (GDPR Art. 28)."""

from __future__ import annotations

import datetime as dt
import enum

from pydantic import (
    Field,
)

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url


class TransferMechanism(enum.StrEnum):
    """How personal data may lawfully leave the EEA for this subprocessor."""

    NONE_NEEDED = "none_needed"
    ADEQUACY = "adequacy"
    SCCS = "sccs"
    DPF = "dpf"
    BCR = "bcr"
    UK_IDTA = "uk_idta"


class Subprocessor(Model):
    """A third party that processes customer personal data (GDPR Art. 28)."""

    id: Identifier
    name: Text
    purpose: MarkdownText
    data: list[Text] = Field(min_length=1)
    locations: list[Text] = Field(min_length=1)
    transfer_mechanism: TransferMechanism
    website: Url
    added: dt.date
    internal: Internal | None = None


class SubprocessorsFile(Model):
    """``data/subprocessors.yml``."""

    subprocessors: list[Subprocessor] = []
