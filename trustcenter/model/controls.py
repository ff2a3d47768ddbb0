"""``data/controls.yml``: control categories and controls mapped to the criteria."""

from __future__ import annotations

import enum

from pydantic import (
    Field,
)

from trustcenter.model.base import CriterionId, Identifier, Internal, MarkdownText, Model, Text


class ControlStatus(enum.StrEnum):
    """Whether a control operates today."""

    IMPLEMENTED = "implemented"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"


class ControlVisibility(enum.StrEnum):
    """Where a control may be shown: the public site, the gated page, or nowhere."""

    PUBLIC = "public"
    GATED = "gated"
    INTERNAL = "internal"


class ControlCategory(Model):
    """A heading under which controls are grouped (for example "Access control")."""

    id: Identifier
    title: Text
    description: MarkdownText | None = None


class Control(Model):
    """One control: what it does, where it maps in the TSC, and whether it operates."""

    id: Identifier
    title: Text
    description: MarkdownText
    category: Identifier
    criteria: list[CriterionId] = Field(min_length=1)
    status: ControlStatus
    visibility: ControlVisibility
    internal: Internal | None = None


class ControlsFile(Model):
    """``data/controls.yml``: the control categories, then the controls."""

    categories: list[ControlCategory] = Field(min_length=1)
    controls: list[Control] = []
