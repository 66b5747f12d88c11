"""Complete, cited answers to "which municipalities / which projects / how many / how much" from
the project catalogue.

Retrieval finds the top few chunks; a list question needs every matching project. So these
questions are answered from the catalogue built at index time: each row cites the sentences it
was read from (its places, its themes, its amounts), rows are grouped by today's county, a long
list comes a page at a time («vis flere»), and a last sentence says what the answer covers.
Names stay as the documents wrote them, with today's name beside a former one.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import replace

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.payloads import Place, ProjectRow, ProjectTable
from bot.core.phrases import join, place_label
from bot.core.question import ListAsk, Question
from bot.core.understand.topic import described, nearest
from bot.i18n import format_amount, format_number, t
from bot.lists import clarify, money, rows, subject, tally, timeline, words
from bot.lists.routing import ListRequest, request_of
from bot.lists.words import PAGE, norwegian
from indexer.catalogue import ProjectPage, ProjectQuery, ProjectRecord
from indexer.catalogue.models import AmountKind, YearEdge
from indexer.text.language import Language
from indexer.text.themes import Theme, label

_MONEY = {ListAsk.AMOUNTS, ListAsk.COMPARE}
SHOWN_INSTEAD = 3  # projects of the place named when none is on the theme asked
_PLACES = {ListAsk.MUNICIPALITIES, ListAsk.COUNT_MUNICIPALITIES}


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """A complete catalogue answer, or None when the question is not a project list question."""
    started = time.perf_counter()
    request = _request(question, ctx)
    if request is None:
        return None
    if question.unknown_theme:
        read, near = _read_subject(question, request, ctx)
        if read is None:
            return clarify.unknown_theme(question, near)
        request = read
    offset = (request.page - 1) * PAGE
    if request.ask == ListAsk.AMOUNTS:  # the projects with the amounts asked for
        every = ctx.store.find_projects(request.query)
        kinds = money.kinds_shown(request.amount_kinds, every)
        if request.amount_bound is not None:  # «fikk over 500 000 kr»: those past the bound
            every = [p for p in every if money.within(p, kinds, request.amount_bound)]
        priced = [p for p in every if money.priced(p, kinds)]
        priced = money.by_size(priced, kinds) if request.ranked else priced
        page = ProjectPage(total=len(priced), records=priced[offset : offset + PAGE])
        answer = compose(question, request, page, ctx, every)
    elif request.alongside and (named := _named_with_period(request, ctx)):
        # «samtidig med ettervernsprosjektet i Vinje og Tokke»: every project overlapping it
        others = ProjectQuery(without=request.query.without)  # what is left out stays out
        every = timeline.alongside(ctx.store.find_projects(others), named)
        request = replace(request, query=others, places=(), mentions=(),
                          alongside_of=tuple(named))
        page = ProjectPage(total=len(every), records=every[offset : offset + PAGE])
        answer = compose(question, request, page, ctx, every)
    elif request.time_ranks or request.lasting:  # «startet først»: earliest start first
        every = timeline.by_start(ctx.store.find_projects(request.query))
        if request.lasting is not None:  # «varte lenger enn to år»: those past the bound
            every = timeline.lasting(every, request.lasting)
        page = ProjectPage(total=len(every), records=every[offset : offset + PAGE])
        answer = compose(question, request, page, ctx, every)
    else:
        page = ctx.store.project_page(request.query, offset, PAGE)
        answer = compose(question, request, page, ctx)
    answer.timings_ms["catalogue_ms"] = (time.perf_counter() - started) * 1000
    return answer


def _named_with_period(request: ListRequest, ctx: CoreContext) -> list[ProjectRecord]:
    """The projects the question names (by place, theme or title) that state a period."""
    if request.query.selects_all:
        return []
    return [p for p in ctx.store.find_projects(request.query) if timeline.period(p) is not None]


def listed(question: Question, ctx: CoreContext) -> list[ProjectRecord]:
    """The projects on the page a list answer shows: those a fact asked of each listed project
    («…, og hva var målet med prosjektene?») is asked of."""
    request = _request(question, ctx)
    if request is not None and question.unknown_theme:
        request, _ = _read_subject(question, request, ctx)
    if request is None:
        return []
    return ctx.store.project_page(request.query, (request.page - 1) * PAGE, PAGE).records


def _read_subject(question: Question, request: ListRequest, ctx: CoreContext
                  ) -> tuple[ListRequest | None, list[Theme]]:  # fmt: skip
    """The request read with the theme an unknown subject names («konflikter», a project title
    word, «ungdom som blir voksne»), or None and the themes to offer («Mente du …?»)."""
    unknown = question.unknown_theme or ""
    near = [] if described(unknown) else nearest(unknown)
    titled = None if near else subject.titled_with(unknown, request, ctx)
    if titled is None and described(unknown):  # «… for ungdom som flytter ut fra barnevernet»
        titled, near = subject.described(question.text, unknown, request, ctx)
    return titled, near


def _request(question: Question, ctx: CoreContext) -> ListRequest | None:
    request = request_of(question)
    if request is not None and request.query.selects_all and question.project_named:
        request = subject.by_title(question.project_named, request, ctx)
    if request is not None:
        request = subject.by_mention(question, subject.by_region(question, request, ctx), ctx)
    return _ran_when_no_start_is_stated(request, ctx) if request is not None else None


def _ran_when_no_start_is_stated(request: ListRequest, ctx: CoreContext) -> ListRequest:
    """«… da det startet i 2018»: when no project states a start (or end) in the years, those
    the documents speak of then answer, listed as running then («omtalt 2018–2020»), rather
    than «Jeg fant ingen prosjekter …» about a project the asker knows began that year."""
    query = request.query
    if query.years_edge == YearEdge.RAN or subject.any_project(query, ctx):
        return request
    ran = replace(request, query=replace(query, years_edge=YearEdge.RAN))
    return ran if subject.any_project(ran.query, ctx) else request


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
    body, table = _rows(request, page.records, kinds, cite, lang)
    if request.ranked:
        body = money.extremes(whole or ctx.store.find_projects(request.query), kinds, cite,
                              lang) + body
    if request.time_ranks:
        body = timeline.extremes(whole or ctx.store.find_projects(request.query),
                                 request.time_ranks, cite, lang) + body
    if request.ask in _MONEY and not request.ranked:  # «størst»: the extremes, not the sum
        body += money.sums(whole or ctx.store.find_projects(request.query), kinds, cite, lang,
                           averaged=request.averaged)
    if request.ask in _MONEY and question.difference is not None:  # «hvor mye mindre enn …»
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
    in_money = request.ask in _MONEY
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


def _rows(
    request: ListRequest, projects: list[ProjectRecord], kinds: list[AmountKind],
    cite: rows.Citer, lang: Language,
) -> tuple[list[AnswerSentence], list[ProjectRow]]:
    sentences: list[AnswerSentence] = []
    table: list[ProjectRow] = []
    in_money = request.ask in _MONEY
    ranking = request.ranked or request.time_ranks or request.alongside_of  # in their order
    groups = [("", projects)] if ranking else _by_county(projects, lang)
    for county, group in groups:
        if county:
            sentences.append(AnswerSentence(text=f"**{_county_heading(county, group, lang)}**"))
        for project in group:
            places = [rows.as_place(m) for m in rows.shown_places(project)]
            where = rows.place_labels(project, lang)
            spans = money.evidence(project, kinds) if in_money else None
            numbers = [cite(e) for e in rows.evidence(project, spans)]
            text = (money.line(project, where, kinds, lang, request.per_year) if in_money
                    else _line(project, where, lang, days=_on_an_edge(request)))  # fmt: skip
            sentences.append(AnswerSentence(text=f"- {text}", citations=numbers))
            table.append(rows.table_row(project, places, numbers))
    return sentences, table


def _on_an_edge(request: ListRequest) -> bool:
    """«startet etter 2021», «avsluttet i 2023», «pågår nå», «varte lenger enn to år»: the day
    each started or ended is the answer."""
    return request.lasting is not None or bool(request.alongside_of) or (
        request.query.years is not None) and (
        request.query.years_edge != YearEdge.RAN or request.ongoing)


def _line(project: ProjectRecord, places: str, lang: Language, days: bool = False) -> str:
    period = rows.period_label(project, lang, days)
    line = f"{rows.title_of(project)}{f' ({period})' if period else ''}: {places}"
    themes = rows.themes_of(project, lang)
    return f"{line} – {themes}" if themes else line


def _county_heading(county: str, group: list[ProjectRecord], lang: Language) -> str:
    """«Vestland (tidligere Hordaland)»: the county the group's documents were written in, where
    that was another — a reader who knows the projects by the old county finds them."""
    former = sorted({m.county for p in group for m in p.municipalities
                     if m.county and m.county != m.current_county and m.current_county == county},
                    key=norwegian)
    return t("lists.county_formerly", lang, county=county, former=join(former, lang)) \
        if former else county


def _by_county(projects: list[ProjectRecord], lang: Language
               ) -> list[tuple[str, list[ProjectRecord]]]:  # fmt: skip
    """Rows under today's county, in the store's order (a page keeps the list's order)."""
    groups: dict[str, list[ProjectRecord]] = defaultdict(list)
    for project in projects:
        groups[rows.home_county(project) or t("lists.unknown_county", lang)].append(project)
    return list(groups.items())
