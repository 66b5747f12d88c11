"""Complete, cited answers to "which municipalities / which projects / how many / how much" from
the project catalogue.

Retrieval finds the top few chunks; a list question needs every matching project. So these
questions are answered from the catalogue built at index time: each row cites the sentences it
was read from (its places, its themes, its amounts), rows are grouped by today's county, a long
list comes a page at a time («vis flere»), and a last sentence says what the answer covers.
Names stay as the documents wrote them, with today's name beside a former one.

Here the request is read (an unknown subject as a theme or title, a named project, the years
as the years a project ran when none starts then) and the matching projects fetched;
`project_answer` writes the answer and `project_rows` its rows.
"""

from __future__ import annotations

import time
from dataclasses import replace

from bot.core.context import CoreContext
from bot.core.models import Answer
from bot.core.question import ListAsk, Question
from bot.core.understand.topic import described, nearest
from bot.lists import clarify, leaders, money, subject, timeline
from bot.lists.project_answer import compose
from bot.lists.routing import ListRequest, request_of
from bot.lists.words import PAGE
from indexer.catalogue import ProjectPage, ProjectQuery, ProjectRecord
from indexer.catalogue.models import YearEdge
from indexer.text.themes import Theme


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
        request = leaders.by_position(request, ctx)
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


