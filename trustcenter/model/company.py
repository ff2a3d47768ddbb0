"""``data/company.yml``: the company, its contacts and its SOC 3-style system description."""

from __future__ import annotations

import enum

from pydantic import (
    Field,
)

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text, Url
from trustcenter.model.presentation import Logo, RequestAccess


class ContactPurpose(enum.StrEnum):
    """What a contact is for; ``access_requests`` is where a prospect asks for gated reports."""

    SECURITY = "security"
    PRIVACY = "privacy"
    ACCESS_REQUESTS = "access_requests"
    SALES = "sales"
    SUPPORT = "support"
    LEGAL = "legal"


class Contact(Model):
    """A way to reach the company about its security program."""

    purpose: ContactPurpose
    label: Text
    url: Url


class Service(Model):
    """A service covered by the system description.

    Its ``id`` lets an attestation say which services it covers (``services: [ledger]``).
    """

    id: Identifier | None = None
    name: Text
    description: MarkdownText


class Components(Model):
    """The five components of a system, as a SOC 2 or SOC 3 system description names them."""

    infrastructure: MarkdownText
    software: MarkdownText
    people: MarkdownText
    procedures: MarkdownText
    data: MarkdownText


class SubserviceMethod(enum.StrEnum):
    """How the auditor treated a subservice organization's controls."""

    CARVE_OUT = "carve_out"
    INCLUSIVE = "inclusive"


class SubserviceOrganization(Model):
    """A vendor whose controls the system relies on (for example the hosting provider)."""

    name: Text
    services: MarkdownText
    method: SubserviceMethod


class SystemDescription(Model):
    """The SOC 3-style description: services, boundaries, components, commitments."""

    services: list[Service] = Field(min_length=1)
    boundaries: MarkdownText
    components: Components
    commitments: list[MarkdownText] = Field(min_length=1)
    system_requirements: list[MarkdownText] = Field(min_length=1)
    subservice_organizations: list[SubserviceOrganization] = []


class LegalEntity(Model):
    """A legal entity of the company (a subsidiary, an affiliate), for attestation scope."""

    id: Identifier
    name: Text
    country: Text | None = None


class Company(Model):
    """``data/company.yml``: who the company is, its system, and how to reach it."""

    name: Text
    legal_name: Text | None = None
    website: Url
    description: MarkdownText
    commitment: MarkdownText
    tagline: Text | None = None
    """One line for the overview's hero (the commitment in a sentence)."""
    logo: Logo | None = None
    request_access: RequestAccess | None = None
    contacts: list[Contact] = Field(min_length=1)
    legal_entities: list[LegalEntity] = []
    system: SystemDescription
    internal: Internal | None = None

    def contact(self, purpose: ContactPurpose) -> Contact | None:
        """The first contact for ``purpose``, falling back to the security contact."""
        for wanted in (purpose, ContactPurpose.SECURITY):
            for contact in self.contacts:
                if contact.purpose is wanted:
                    return contact
        return None
