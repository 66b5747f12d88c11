"""A catalogue request from an understood question: which projects, and what to say of them.

The question was classified once (`bot.core.understand`); this only turns its places, themes,
years and document types into a `ProjectQuery`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.question import Intent, ListAsk, Question
from indexer.catalogue import ProjectQuery


@dataclass(frozen=True)
class ListRequest:
    ask: ListAsk
    query: ProjectQuery
    place_names: list[str] = field(default_factory=list)  # as the question wrote them
    county_names: list[str] = field(default_factory=list)


def request_of(question: Question) -> ListRequest | None:
    """The list request of `question`, or None when it is not a catalogue question."""
    if question.intent != Intent.PROJECTS:
        return None
    ask = question.list_ask or ListAsk.PROJECTS
    current = frozenset(c.name for c in question.counties if c.is_current)
    historic = frozenset(c.name for c in question.counties if not c.is_current)
    years = (question.years.first, question.years.last) if question.years else None
    return ListRequest(
        ask=ask,
        query=ProjectQuery(
            themes=question.themes,
            municipalities=frozenset(n for m in question.municipalities for n in m.numbers),
            current_counties=current,
            counties=historic,
            title=question.quoted,
            years=years,
            doc_types=question.doc_types,
        ),
        place_names=[m.name for m in question.municipalities],
        county_names=[c.name for c in question.counties],
    )
