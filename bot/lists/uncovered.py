"""«Hvilke fylker har ingen referater?», «Which counties have no foster-home projects?»: the
counties of today left over once every county with such a document or project is taken out,
and those that have one, each cited by one of its documents."""

from __future__ import annotations

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Question
from bot.i18n import format_number, t
from bot.lists import words
from bot.lists.document_filter import DocumentFilter, today_counties_of
from bot.lists.documents import first_chunks, kind_words
from indexer.catalogue import ProjectQuery


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """The counties without what the question names; None for any other question."""
    return answer(question, ctx) if question.counties_without else None


def answer(question: Question, ctx: CoreContext) -> Answer:
    lang = question.language
    years = (question.years.first, question.years.last) if question.years else None
    documents = {m.doc_id: m for m in ctx.store.documents()}
    if question.doc_types or not (question.themes or question.projects_named):
        kind = kind_words(question.doc_types, lang)
        wanted = DocumentFilter(types=question.doc_types, years=years)
        found = [m for m in documents.values() if wanted.matches(m)]
        where = {m.doc_id: today_counties_of(m, ctx.gazetteer) for m in found}
    else:
        kind = t("lists.types_projects", lang)
        projects = ctx.store.find_projects(ProjectQuery(themes=question.themes, years=years))
        where = {}
        for project in projects:
            counties = set(project.current_counties) or {
                c.strip() for c in (project.current_county or "").split(",") if c.strip()}
            for source in project.sources[:1]:
                where.setdefault(source.doc_id, set()).update(counties)
    present: dict[str, str] = {}  # county → the first document that shows it
    for doc_id, counties in where.items():
        for county in counties:
            present.setdefault(county, doc_id)
    today = ctx.gazetteer.today_counties()
    missing = [c for c in today if c not in present]
    kind += words.filters(question.themes, [], years, lang, None)
    book = CitationBook()
    shown = {c: documents[present[c]] for c in today if present.get(c) in documents}
    firsts = first_chunks(list(shown.values()), ctx)
    cited = [f"{county} [{book.cite(firsts[meta.doc_id], meta)}]" for county, meta in shown.items()]
    names = ", ".join(missing) if missing else t("lists.no_county", lang)
    sentences = [AnswerSentence(text=t("lists.counties_without", lang, kind=kind, names=names,
                                       count=format_number(len(missing), lang)))]
    if cited:
        sentences.append(AnswerSentence(text=t("lists.counties_with", lang, kind=kind,
                                               names=", ".join(cited))))
    sentences.append(AnswerSentence(text=t("lists.counties_today", lang)))
    return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                  kind="list", sentences=sentences, citations=book.citations)

