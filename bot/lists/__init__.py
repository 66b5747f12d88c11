"""Complete, cited answers to list, count, sum and compare questions: projects from the
catalogue (`projects.py`), documents from the ledger (`documents.py`), and each county's
frames for its learning networks from the sentences that state them (`frames.py`)."""

from __future__ import annotations

import re

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.models import Answer
from bot.core.question import Question
from bot.lists import documents, frames, money, projects, uncovered
from bot.lists.projects import listed
from bot.lists.rows import Citer
from indexer.catalogue.models import ProjectQuery

__all__ = ["difference", "listed", "sources", "try_answer"]


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """A county frames table, a project or document list, or None when the question asks for
    none of them."""
    return (uncovered.try_answer(question, ctx) or frames.try_answer(question, ctx)
            or projects.try_answer(question, ctx)
            or documents.try_answer(question, ctx))


def sources(question: Question, ctx: CoreContext) -> Answer:
    """`/kilder`: every document in the knowledge base, a page at a time."""
    return documents.answer(question, ctx)


def difference(question: Question, ctx: CoreContext) -> Answer | None:
    """«Hvor mye mindre fikk «Barnets stemme» enn de søkte om?»: the two amounts of the one
    project the question names and what lies between them, each cited; None when the question
    asks no difference, names no single project, or the catalogue lacks one of the amounts."""
    if question.difference is None:
        return None
    if question.project_named:
        found = ctx.store.find_projects(ProjectQuery(title=question.project_named))
    elif question.municipalities:
        found = ctx.store.find_projects(ProjectQuery(municipalities=frozenset(
            n for p in question.municipalities for n in p.numbers)))
    else:  # «Barnets stemme» written without quotes: a project's own name, as words of the
        # question («Se meg», not the «se meg» inside «vise meg»)
        found = [p for p in ctx.store.find_projects(ProjectQuery()) if p.quoted and re.search(
            rf"(?<!\w){re.escape(p.title)}(?!\w)", question.text, re.I)]
    if len(found) != 1:
        return None
    book = CitationBook()
    said = money.difference(found[0], question.difference, Citer(book), question.language)
    if said is None:
        return None
    return Answer(question=question.text, answer=render([said]), language=question.language,
                  kind="fact", sentences=[said], citations=book.citations)
