"""The answer a project list question gets once its request is read (`projects`): an opening
naming the filters and how many match, the rows (`project_rows`), the extremes, sums and
tallies asked, a note for a page of a longer list, and a closing on the places named and what
the catalogue covers; or, when none matches, what the place's projects are about instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.payloads import Place, ProjectTable
from bot.core.phrases import join, place_label
from bot.core.question import ListAsk, Question
from bot.i18n import format_amount, format_number, t
from bot.lists import leaders, money, rows, tally, timeline, words
from bot.lists.project_rows import listed_rows
from bot.lists.routing import ListRequest
from bot.lists.words import PAGE, norwegian
from indexer.catalogue import ProjectPage, ProjectRecord
from indexer.catalogue.models import AmountKind
from indexer.text.language import Language
from indexer.text.themes import label

SHOWN_INSTEAD = 3  # projects of the place named when none is on the theme asked
_PLACES = {ListAsk.MUNICIPALITIES, ListAsk.COUNT_MUNICIPALITIES}


def compose(question: Question, request: ListRequest, page: ProjectPage, ctx: CoreContext,
            every: list[ProjectRecord] | None = None) -> Answer:  # fmt: skip
    """`every`: the whole list when the caller has it (sums need it; a long list fetches it)."""
    lang = question.language
    phrase = filter_phrase(request, lang)
    closing = [*_place_notes(request, lang), words.coverage(ctx.store.coverage(), lang)]
    if page.total == 0:
        book = CitationBook()
        sentences = [*_none(request, phrase, every or [], rows.Citer(book), lang, ctx), *closing]
        return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                      refused=True, kind="refusal", sentences=sentences,
                      citations=book.citations)  # fmt: skip
    book = CitationBook()
    cite = rows.Citer(book)
    whole = every
    if whole is None and page.total <= PAGE:  # a short list: all of it is at hand, or cheap
        whole = page.records if request.page == 1 else ctx.store.find_projects(request.query)
    kinds = money.kinds_shown(request.amount_kinds, whole or page.records)
    opening = _opening(request, page, whole, phrase, kinds, lang, ctx)
    body, table = listed_rows(request, page.records, kinds, cite, lang)
    if request.ranked:
        body = money.extremes(whole or ctx.store.find_projects(request.query), kinds, cite,
                              lang) + body
    if request.time_ranks:
        body = timeline.extremes(whole or ctx.store.find_projects(request.query),
                                 request.time_ranks, cite, lang) + body
    if request.ask in money.ASKS and not request.ranked:  # «størst»: the extremes, not the sum
        body += money.sums(whole or ctx.store.find_projects(request.query), kinds, cite, lang,
                           averaged=request.averaged)
    if request.ask in money.ASKS and question.difference is not None:  # «hvor mye mindre enn …»
        body += [gap for p in page.records
                 if (gap := money.difference(p, question.difference, cite, lang)) is not None]
    if question.tally is not None:  # «Hvilket fylke har flest prosjekter?»
        groups = tally.project_groups(whole or ctx.store.find_projects(request.query),
                                      question.tally, lang)
        body = tally.counted(question, groups, t("lists.types_projects", lang),
                             lambda p: tally.project_name(p, lang),
                             lambda p: cite(p.title_evidence)) + body
    body += words.page_note(request.page, len(page.records), page.total, lang)
    read = [AnswerSentence(text=t("lists.read_as", lang, phrase=request.read_as, theme=join(
        [label(k, lang) for k in sorted(request.query.themes)], lang)))] if request.read_as else []
    named = [cite(p.period_evidence) for p in request.alongside_of if p.period_evidence]
    sentences = [*read, AnswerSentence(text=opening, citations=named), *body, *closing]
    in_money = request.ask in money.ASKS
    payload = ProjectTable(title=opening, money=in_money, rows=table, total=page.total,
                           amounts=[money.COLUMNS[k] for k in kinds] if in_money else [])
    return Answer(
        question=question.text, answer=render(sentences, "\n"), language=lang, kind="list",
        sentences=sentences, citations=book.citations, payload=payload if table else None,
    )  # fmt: skip


def _there_instead(request: ListRequest, cite: rows.Citer, lang: Language, ctx: CoreContext
                   ) -> list[AnswerSentence]:  # fmt: skip
    """«Er Kongsberg-prosjektet et fosterhjemsprosjekt?»: none on that theme there, so say what
    the place's projects are about («Prosjekter i Kongsberg: «Se meg» – vold og overgrep»)."""
    if not request.query.themes or not request.places:
        return []
    others = ctx.store.find_projects(replace(request.query, themes=frozenset()))[:SHOWN_INSTEAD]
    if not others:
        return []
    listed = join([f"{rows.title_of(p)} – {rows.themes_of(p, lang)}" if p.theme_keys
                   else rows.title_of(p) for p in others], lang)
    return [AnswerSentence(text=t("lists.there_instead", lang, places=join(
        request.place_names, lang), projects=listed), citations=[
        cite(e) for p in others for e in rows.evidence(p, None)[:1]])]


def _none(request: ListRequest, phrase: str, every: list[ProjectRecord], cite: rows.Citer,
          lang: Language, ctx: CoreContext) -> list[AnswerSentence]:  # fmt: skip
    """No project; or projects, but no amount of the kind asked: one project says which
    amounts its sources do give («De oppgir bare søkt 450 000 kr.»)."""
    if not every:
        return [AnswerSentence(text=t("lists.none", lang, filters=phrase)),
                *_there_instead(request, cite, lang, ctx)]
    kinds = money.kinds_shown(request.amount_kinds, every)
    asked = join([money.label(k, lang) for k in kinds], lang, "or")
    if len(every) > 1:
        return [AnswerSentence(text=t("lists.no_priced", lang, filters=phrase, count=len(every),
                                      kinds=asked))]  # fmt: skip
    project = every[0]
    lines = [AnswerSentence(text=t("lists.no_priced_one", lang, kinds=asked,
                                   title=rows.title_of(project)))]  # fmt: skip
    known = [a for k in money.KINDS if (a := project.amount(k))]
    if known:
        said = join([f"{money.label(a.kind, lang)} {format_amount(a.nok, lang)}" for a in known],
                    lang)  # fmt: skip
        lines.append(AnswerSentence(text=t("lists.priced_only", lang, amounts=said),
                                    citations=[cite(a.evidence) for a in known]))
    return lines


def filter_phrase(request: ListRequest, lang: Language) -> str:
    """« om fosterhjem i Vestland», and for a narrowed list « … – av dem om ettervern»."""
    query = request.query
    places = [*request.place_names, *([query.region] if query.region else [])]
    own = words.filters(query.themes, places, query.years, lang, query.title,
                        query.years_edge, query.doc_types, query.every_doc_type)
    if lacking := sorted({d for w in query.without for d in w.doc_types}):  # «uten sluttrapport»
        own += t("lists.without_document", lang, x=join(
            [t(f"lists.type_{d.value}", lang) for d in lacking], lang, "or"))
    own += leaders.phrase(request, lang)
    if request.merged:
        own += t("lists.merged", lang)
    if request.mentions:
        own += t("lists.mentions", lang, x=join(list(request.mentions), lang))
    own += words.left_out([p.name for p in request.left_out] + words.theme_names(
        request.left_out_themes, lang), request.left_out_years, lang)
    if request.alongside_of:
        own += t("lists.alongside", lang, projects=join(
            [timeline.named_label(p, lang) for p in request.alongside_of], lang))
    if lasting := request.lasting:
        own += t(f"lists.lasting_{'above' if lasting.above else 'under'}", lang,
                 length=timeline.length_label(lasting.months, lang))
    if bound := request.amount_bound:
        side = ("at_least" if bound.inclusive else "above") if bound.above else (
            "at_most" if bound.inclusive else "under")
        own += t(f"lists.bound_{side}", lang, amount=format_amount(bound.nok, lang))
    if request.narrows is None:
        return own
    before = filter_phrase(request.narrows, lang)
    return before + t("lists.narrowed", lang, x=own) if own else before


def _place_notes(request: ListRequest, lang: Language) -> list[AnswerSentence]:
    places = request.places
    base = request.narrows
    while base is not None:
        places, base = base.places + places, base.narrows
    return words.place_notes(tuple(dict.fromkeys(places)), lang)


def _opening(
    request: ListRequest, page: ProjectPage, whole: list[ProjectRecord] | None, phrase: str,
    kinds: list[AmountKind], lang: Language, ctx: CoreContext,
) -> str:
    if request.ask in _PLACES:
        names = _municipality_names(request, whole, lang, ctx)
        return t(f"lists.{request.ask.value}", lang, filters=phrase, names=join(names, lang),
                 count=format_number(len(names), lang))  # fmt: skip
    kind_words = ", ".join(money.label(k, lang) for k in kinds)
    return t(f"lists.{request.ask.value}", lang, filters=phrase, kinds=kind_words,
             count=format_number(page.total, lang))  # fmt: skip


def _municipality_names(request: ListRequest, whole: list[ProjectRecord] | None, lang: Language,
                        ctx: CoreContext) -> list[str]:  # fmt: skip
    """Every municipality of the list; a long list names them from the store's place rows."""
    if whole is not None:
        labels = {place_label(rows.as_place(m), lang, with_role=False)
                  for p in whole for m in rows.shown_places(p)}  # fmt: skip
        return sorted(labels, key=norwegian)
    todays: dict[str, list[str]] = defaultdict(list)  # Tysfjord → Narvik, Hamarøy
    for written, today in ctx.store.project_places(request.query):
        now = ctx.gazetteer.municipality(today)
        if now is not None:
            todays[written].append(now.name)
    labels = set()
    for written, names in todays.items():
        then = ctx.gazetteer.municipality(written)
        if then is not None:
            moved = ", ".join(names) if names != [then.name] else None
            labels.add(place_label(Place(name=then.name, now=moved), lang, with_role=False))
    return sorted(labels, key=norwegian)

