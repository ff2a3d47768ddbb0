"""``data/documents.yml``: policies and documents, with their version and last review."""

from __future__ import annotations

import datetime as dt
import enum

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url
from trustcenter.model.files import GatedFile


class DocumentAccess(enum.StrEnum):
    """Whether anyone may download a document, or it is shared under NDA on request."""

    PUBLIC = "public"
    NDA = "nda"


class Document(Model):
    """A policy, whitepaper or other document a reviewer may ask for."""

    id: Identifier
    title: Text
    description: MarkdownText
    version: Text
    last_reviewed: dt.date
    access: DocumentAccess
    url: Url | None = None
    #: For an NDA document: the files code holders download from the gated page, sealed.
    files: list[GatedFile] = []
    internal: Internal | None = None


class DocumentsFile(Model):
    """``data/documents.yml``."""

    documents: list[Document] = []
