"""Complete, cited answers to "which municipalities / which projects / how many" from the catalogue.

Retrieval finds the top few chunks; a list question needs every matching project. So these
questions are answered from the project catalogue built at index time: each row cites the
sentences it was read from, rows are grouped by today's county, and a last sentence says what
the answer covers. Names stay as the documents wrote them, with today's name beside a former one.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import ProjectRow, ProjectTable
from bot.core.phrases import join, places_label
from bot.i18n import format_amount, t
from bot.lists.routing import ListRequest, request_of
from bot.lists.rows import (
    as_place,
    county_of,
    period_label,
    place_label_of,
    shown_places,
    table_row,
    title_of,
)
from indexer.catalogue import Coverage, Evidence, ProjectRecord
from indexer.text.places import Gazetteer
from indexer.text.themes import label

_AMOUNT_KINDS = {"søkt": "lists.applied", "tildelt": "lists.granted"}


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """A complete catalogue answer, or None when the question is not a list question."""
    started = time.perf_counter()
    request = request_of(question)
    if request is None:
        return None
    projects = ctx.store.find_projects(request.query)
    answer = compose(question, request, projects, ctx.store.coverage(), ctx.gazetteer)
    answer.timings_ms["catalogue_ms"] = (time.perf_counter() - started) * 1000
    return answer


def compose(
    question: Question,
    request: ListRequest,
    projects: list[ProjectRecord],
    covered: Coverage,
    gazetteer: Gazetteer,
) -> Answer:
    lang = question.language
    filters = _filter_phrase(request, lang)
    closing = _closing(request, covered, gazetteer, lang)
    if not projects:
        sentences = [AnswerSentence(text=t("lists.none", lang, filters=filters)), *closing]
        return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                      refused=True, kind="refusal", sentences=sentences)  # fmt: skip
    book = CitationBook()
    sentences, table = _body(request, projects, book, lang, filters)
    sentences += closing
    return Answer(
        question=question.text, answer=render(sentences, "\n"), language=lang, kind="list",
        sentences=sentences, citations=book.citations, payload=table,
    )  # fmt: skip


class _SpanChunk(NamedTuple):
    """The parts of a Chunk that CitationBook reads; building full models per row cost more
    than the rest of a long list answer."""

    chunk_id: str
    section: str | None


class _SpanDocument(NamedTuple):
    doc_id: str
    source: str
    title: str
    date: dt.date | None


def cite(book: CitationBook, evidence: Evidence) -> int:
    """A catalogue span as a numbered citation (its chunk id links it to the indexed text)."""
    chunk = _SpanChunk(evidence.chunk_id or f"{evidence.doc_id}:{evidence.start}",
                       evidence.section)  # fmt: skip
    document = _SpanDocument(evidence.doc_id, evidence.source, evidence.title, evidence.date)
    return book.cite(chunk, document, snippet=evidence.quote)  # type: ignore[arg-type]


def _filter_phrase(request: ListRequest, lang: Language) -> str:
    query = request.query
    parts: list[str] = []
    if query.themes:
        themes = [label(k, lang) for k in sorted(query.themes)]
        parts.append(t("lists.theme", lang, x=join(themes, lang, "or")))
    places = request.place_names + request.county_names
    if places:
        parts.append(t("lists.place", lang, x=join(places, lang, "or")))
    if query.title:
        parts.append(t("lists.title", lang, x=query.title))
    if query.years:
        first, last = query.years
        if last >= 9999:
            parts.append(t("lists.from", lang, x=first))
        elif first <= 0:
            parts.append(t("lists.before", lang, x=last + 1))
        else:
            parts.append(t("lists.years", lang, x=first if first == last else f"{first}–{last}"))
    return "".join(parts)


def _closing(
    request: ListRequest, covered: Coverage, gazetteer: Gazetteer, lang: Language
) -> list[AnswerSentence]:
    """How history widens the question, and what the answer is based on."""
    sentences: list[AnswerSentence] = []
    for name in request.place_names:
        former = sorted(_former_names(gazetteer, name) - {name})
        if former:
            includes = t("lists.includes", lang, name=name, former=join(former, lang))
            sentences.append(AnswerSentence(text=includes))
    for name in sorted(request.query.current_counties):
        former = sorted(_former_counties(gazetteer, name) - {name})
        if former:
            includes = t("lists.includes", lang, name=name, former=join(former, lang))
            sentences.append(AnswerSentence(text=includes))
    date = covered.last_indexed.strftime("%d.%m.%Y") if covered.last_indexed else "?"
    based = t("lists.coverage", lang, count=covered.documents, date=date)
    sentences.append(AnswerSentence(text=based))
    return sentences


@lru_cache(maxsize=512)
def _former_names(gazetteer: Gazetteer, name: str) -> frozenset[str]:
    """Merger history does not change while the process runs; looking it up is not free."""
    return frozenset(gazetteer.former_names(name))


@lru_cache(maxsize=128)
def _former_counties(gazetteer: Gazetteer, name: str) -> frozenset[str]:
    return frozenset(gazetteer.historic_counties(name))


# --- the list itself ---------------------------------------------------------------------------


def _body(
    request: ListRequest, projects: list[ProjectRecord], book: CitationBook, lang: Language,
    filters: str,
) -> tuple[list[AnswerSentence], ProjectTable]:
    money = request.ask in {"amounts", "compare"}
    shown = {p.project_id: shown_places(p) for p in projects}
    names = sorted({place_label_of(m, lang, with_role=False) for places in shown.values()
                    for m in places}, key=_norwegian)  # fmt: skip
    cited: dict[tuple[str, int, int], int] = {}
    opening = t(f"lists.{request.ask.value}", lang, filters=filters, names=join(names, lang),
                  count=len(names) if request.ask == "count_municipalities" else len(projects))
    sentences = [AnswerSentence(text=opening)]
    rows: list[ProjectRow] = []
    for county, group in _by_county(projects, lang):
        sentences.append(AnswerSentence(text=f"**{county}**"))
        for project in group:
            numbers = [_cite_once(book, cited, e) for e in _row_evidence(project, money)]
            places = [as_place(m) for m in shown[project.project_id]]
            where = places_label(places, lang)
            line = _money_line(project, where, lang) if money else _line(project, where, lang)
            sentences.append(AnswerSentence(text=f"- {line}", citations=numbers))
            rows.append(table_row(project, places, numbers))
    if money:
        sentences += _totals(projects, lang)
    return sentences, ProjectTable(title=opening, money=money, rows=rows)


def _cite_once(book: CitationBook, cited: dict[tuple[str, int, int], int], ev: Evidence) -> int:
    key = (ev.doc_id, ev.start, ev.end)
    if key not in cited:
        cited[key] = cite(book, ev)
    return cited[key]


def _line(project: ProjectRecord, places: str, lang: Language) -> str:
    period = f" ({period_label(project, lang)})" if project.years() else ""
    themes = ", ".join(label(k, lang) for k in project.theme_keys)
    line = f"{title_of(project)}{period}: {places}"
    return f"{line} – {themes}" if themes else line


def _money_line(project: ProjectRecord, places: str, lang: Language) -> str:
    parts = []
    budget = project.amount("budsjett")
    funds = project.amount("tildelt", "søkt")
    if budget:
        parts.append(f"{t('lists.budget', lang)} {format_amount(budget.nok, lang)}")
    if funds:
        parts.append(f"{t(_AMOUNT_KINDS[funds.kind], lang)} {format_amount(funds.nok, lang)}")
    period = f"; {period_label(project, lang)}" if project.years() else ""
    head = f"{title_of(project)} ({places}{period})"
    return f"{head}: {', '.join(parts)}" if parts else head


def _row_evidence(project: ProjectRecord, money: bool) -> list[Evidence]:
    """One citation per document: the sentence naming the municipalities (or the amounts)."""
    chosen: dict[str, Evidence] = {}
    if money:
        for amount in (project.amount("budsjett"), project.amount("tildelt", "søkt")):
            if amount is not None:
                chosen.setdefault(f"{amount.evidence.doc_id}:{amount.kind}", amount.evidence)
    else:
        for place in project.municipalities:
            chosen.setdefault(place.evidence.doc_id, place.evidence)
    cited_docs = {e.doc_id for e in chosen.values()}
    for source in project.sources:
        if source.doc_id not in cited_docs:
            chosen[source.doc_id] = source
            cited_docs.add(source.doc_id)
    return list(chosen.values())


def _totals(projects: list[ProjectRecord], lang: Language) -> list[AnswerSentence]:
    budgets = [a.nok for p in projects if (a := p.amount("budsjett"))]
    funds = [a.nok for p in projects if (a := p.amount("tildelt", "søkt"))]
    sentences = []
    if budgets or funds:
        total = t("lists.sum", lang, budget=format_amount(sum(budgets), lang),
                  funds=format_amount(sum(funds), lang))
        sentences.append(AnswerSentence(text=total))
    missing = [title_of(p) for p in projects if not p.amount("budsjett", "tildelt", "søkt")]
    if missing:
        without = t("lists.no_amounts", lang, names=join(missing, lang))
        sentences.append(AnswerSentence(text=without))
    return sentences


def _by_county(
    projects: list[ProjectRecord], lang: Language
) -> list[tuple[str, list[ProjectRecord]]]:
    groups: dict[str, list[ProjectRecord]] = defaultdict(list)
    unknown = t("lists.unknown_county", lang)
    for project in projects:
        groups[county_of(project) or unknown].append(project)
    return sorted(groups.items(), key=lambda item: (item[0] == unknown, _norwegian(item[0])))


_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})


def _norwegian(text: str) -> str:
    return text.casefold().translate(_ORDER)
