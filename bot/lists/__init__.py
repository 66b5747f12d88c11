"""Complete, cited answers to list, count, sum and compare questions: projects from the
catalogue (`projects.py`), documents from the ledger (`documents.py`), and each county's
frames for its learning networks from the sentences that state them (`frames.py`)."""

from __future__ import annotations

from bot.core.context import CoreContext
from bot.core.models import Answer
from bot.core.question import Question
from bot.lists import documents, frames, projects, uncovered
from bot.lists.projects import listed

__all__ = ["listed", "sources", "try_answer"]


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """A county frames table, a project or document list, or None when the question asks for
    none of them."""
    return (uncovered.try_answer(question, ctx) or frames.try_answer(question, ctx)
            or projects.try_answer(question, ctx)
            or documents.try_answer(question, ctx))


def sources(question: Question, ctx: CoreContext) -> Answer:
    """`/kilder`: every document in the knowledge base, a page at a time."""
    return documents.answer(question, ctx)
