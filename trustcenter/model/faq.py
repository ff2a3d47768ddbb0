"""``data/faq.yml``: questions a reviewer asks, grouped by topic."""

from __future__ import annotations

from pydantic import Field

from trustcenter.model.base import Identifier, Internal, MarkdownText, Model, Text


class Question(Model):
    """One question and its answer, optionally pointing at the controls behind it."""

    id: Identifier
    question: Text
    answer: MarkdownText
    controls: list[Identifier] = []
    internal: Internal | None = None


class Topic(Model):
    """A group of questions (for example "Encryption")."""

    id: Identifier
    title: Text
    questions: list[Question] = Field(min_length=1)


class FaqFile(Model):
    """``data/faq.yml``."""

    topics: list[Topic] = []
