"""answer(text, history) -> Answer: the one entry point for every face (Teams, CLI, eval).

The question is understood once (`bot.core.understand`); the routes read that typed question:
an open draft dialog first, then minutes, lists, and otherwise a fact answer from retrieved
evidence.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from bot.core.chat_model import build_chat_model
from bot.core.context import CoreContext
from bot.core.dialog import carry
from bot.core.joined import answered_apart, followed_by
from bot.core.models import Answer, ChatTurn
from bot.core.question import Intent, Question
from bot.core.text import clean_text
from bot.core.understand import meeting, understand
from bot.facts.answer import FactAnswerer
from bot.i18n import t
from indexer.access import PUBLIC_VIEWER, Viewer
from indexer.embeddings import build_embeddings
from indexer.settings import Settings
from indexer.text.places import Gazetteer
from indexer.wiring import open_store

Route = Callable[[Question, CoreContext], Answer | None]
WARM_UP_QUESTION = "Når er neste samling?"
log = logging.getLogger(__name__)


def build_context(settings: Settings) -> CoreContext:
    """Open the store and load the models once, at the edge."""
    return CoreContext(
        settings=settings,
        store=open_store(settings, with_vectors=True),
        embeddings=build_embeddings(settings),
        gazetteer=Gazetteer.load(),
        chat_model=build_chat_model(settings),
    )


def build_core(settings: Settings) -> Core:
    return Core(build_context(settings))


class Core:
    """Stateless apart from caches: safe to share between conversations and threads."""

    def __init__(self, ctx: CoreContext, routes: list[Route] | None = None,
                 deferring: list[Route] | None = None) -> None:  # fmt: skip
        self.ctx = ctx
        self.facts = FactAnswerer(ctx)
        self.routes = default_routes(self._across) if routes is None else routes
        # Routes whose «none found» is about their own table, not about the documents: the
        # catalogue may hold no such project while a document (an allocation letter, minutes)
        # still says it, so their refusal gives way to a fact answer that holds. A refusal
        # that cites its sources («they give only søkt 700 000 kr [1]») already read them.
        # The ledger, though, knows every document: «no final reports from 2020» stands; and
        # the catalogue reads every project's own documents for its theme: «no foster-home
        # projects in Finnmark» stands too (a document's passing word is no such project).
        if deferring is None:
            deferring = deferring_routes() if routes is None else []
        self.deferring = set(deferring)

    def _across(self, q: Question, ctx: CoreContext) -> Answer | None:
        """A fact asked of each document of a kind: one answer per document."""
        return self.facts.seen_by(ctx).across(q) if q.across else None

    def ready(self) -> bool:
        """The ledger and the vector store answer (the store's own probe), and hold documents."""
        health = self.ctx.store.health()
        if not health.ready:
            log.warning("the knowledge store is not ready: %s", health.detail)
        return health.ready and bool(self.ctx.store.documents())

    def warm_up(self) -> None:
        """Do once what the first question would: load the model (one query embedded), open
        the lexical index, build the speller and the answer path's caches."""
        self.ctx.embeddings.embed_query(WARM_UP_QUESTION)
        self.answer(WARM_UP_QUESTION)

    def understand(self, text: str, history: list[ChatTurn] | None = None) -> Question:
        return understand(text.strip(), history or [], self.ctx.kit())

    def answer(self, question: str, history: list[ChatTurn] | None = None,
               viewer: Viewer = PUBLIC_VIEWER) -> Answer:
        """`viewer` is who asks: every route reads only what they may see (public by default)."""
        started = time.perf_counter()
        ctx = self.ctx.seen_by(viewer)
        limit = ctx.settings.max_message_chars
        text = clean_text(question).strip()
        if len(text) > limit:
            language = understand(text[:200], [], ctx.kit()).language
            result = Answer(question=text[:200], answer=t("core.too_long", language,
                            length=len(text), limit=limit), language=language, refused=True,
                            kind="error")
        else:
            q = understand(text, history or [], ctx.kit())
            if q.separate:  # «Hvor mange …?⏎Også: hva heter …?»: each question on its own
                result = answered_apart(q, [
                    _with_reading(one, self._route(one, ctx)) for one in (
                        understand(piece, history or [], ctx.kit()) for piece in q.separate)])
            else:
                result = _with_reading(q, self._route(q, ctx))
        result = carry(history or [], result)  # a side question leaves an open draft waiting
        result.timings_ms["total_ms"] = (time.perf_counter() - started) * 1000
        return result

    def _route(self, q: Question, ctx: CoreContext) -> Answer:
        if q.intent == Intent.EMPTY:
            return Answer(question="", answer=t("core.empty_question", "nb"), kind="help")
        if q.intent == Intent.HELP:
            return Answer(question=q.text, answer=t("core.help", q.language), language=q.language,
                          kind="help")
        if q.intent == Intent.SOURCES:  # built in: every document this viewer may see
            from bot import lists

            return lists.sources(q, ctx)
        if q.intent == Intent.INJECTION:
            return Answer(question=q.text, answer=t("core.injection", q.language),
                          language=q.language, refused=True, kind="refusal")
        if not ctx.store.documents():
            return Answer(question=q.text, answer=t("core.no_documents", q.language),
                          language=q.language, refused=True, kind="refusal")
        for route in self.routes:
            routed = route(q, ctx)
            if routed is None:
                continue
            if (routed.refused and not routed.citations and route in self.deferring
                    and q.intent not in {Intent.SUMMARY, Intent.DOCUMENTS} and not q.themes
                    and not q.unknown_theme  # «prosjekter om X»: no theme, no title has X
                    and q.led_by is None  # «ledes av en jurist»: no leader is one
                    and q.refines is None):  # «… og hvilke av dem er i Vestland?»: none is
                from_documents = self.facts.seen_by(ctx).answer(q)
                return routed if from_documents.refused or not _of_places(
                    q, from_documents, ctx) else from_documents
            routed = _after_whole_list(q, route, routed, ctx)
            return self._with_other_parts(q, _with_meeting_also(
                q, self._with_facts_of_each(q, routed, ctx), ctx), ctx)
        facts = self.facts.seen_by(ctx)
        if q.intent == Intent.SUMMARY:
            return facts.summary(q)
        from bot import lists, places

        told = places.with_history(q, facts.answer(q), ctx)
        gap = lists.difference(q, ctx)  # «Hvor mye mindre fikk de enn de søkte om?»
        if gap is None:
            return told
        return gap if told.refused else followed_by(told, gap)

    def _with_facts_of_each(self, q: Question, listed: Answer, ctx: CoreContext) -> Answer:
        """A project list whose question also asks a fact of each project («…, og hva var
        målet med prosjektene?») gets one row per project's own document after the list."""
        if not q.each_project or listed.refused or listed.kind != "list":
            return listed
        from bot import lists

        projects = lists.listed(q, ctx)
        each = self.facts.seen_by(ctx).of_projects(q, projects) if projects else None
        if each is None:
            return listed
        return followed_by(listed, each)

    def _with_other_parts(self, q: Question, told: Answer, ctx: CoreContext) -> Answer:
        """«Hvor mange saker var på møtet i mai, og hva var søknadsfristen?»: a meeting's
        agenda, then a fact answer to the parts that ask something else."""
        if q.agenda is None or not q.agenda.every or told.refused or len(q.parts) < 2:
            return told
        rest = tuple(p for p in q.parts if not meeting.asks_whole_agenda(p.text))
        if not rest or len(rest) == len(q.parts):
            return told
        asked = replace(q, intent=Intent.FACT, agenda=None, parts=rest,
                        standalone=" ".join(p.text for p in rest))
        more = self.facts.seen_by(ctx).answer(asked)
        return told if more.refused else followed_by(told, more)


def _of_places(q: Question, answer: Answer, ctx: CoreContext) -> bool:
    """«Hvilke prosjekter i Sogn og Fjordane fikk midler?», where the catalogue has none: the
    documents' answer stands only when a source is of a place the question names (a national
    guideline on the year's funds says nothing of Sogn og Fjordane's projects)."""
    places = q.municipalities + q.counties
    if not places:
        return True
    from bot.lists.document_filter import in_place

    cited = {c.doc_id for c in answer.citations}
    return any(in_place(meta, place) for meta in ctx.store.documents() if meta.doc_id in cited
               for place in places)


def _with_meeting_also(q: Question, first: Answer, ctx: CoreContext) -> Answer:
    """«Hvem var med på møtet, og hvem fikk hvilke oppgaver?»: the meeting's decisions and
    action items, then who attended it (or the reverse), each cited."""
    if q.meeting_also is None or first.refused:
        return first
    from bot import minutes

    also = minutes.try_answer(replace(q, intent=q.meeting_also), ctx)
    if also is None or also.refused:
        return first
    return followed_by(first, also)


def _after_whole_list(q: Question, route: Route, narrowed: Answer, ctx: CoreContext) -> Answer:
    """«Hvilke prosjekter har handlet om fosterhjem – og hvilke av dem ligger i Vestland?»: the
    whole list, then those of it the later part keeps (or that none of them is); what both
    end with (how many documents the list covers) said once."""
    if not q.whole_list_first or q.refines is None:
        return narrowed
    whole = route(q.refines, ctx)
    if whole is None or whole.refused:
        return narrowed
    closing = {s.text for s in narrowed.sentences}
    kept = list(whole.sentences)
    while kept and kept[-1].text in closing and not kept[-1].citations:  # not a cited row
        kept.pop()
    whole = whole.model_copy(update={"sentences": kept, "refused": False})
    joined = followed_by(whole, narrowed)
    return joined.model_copy(update={"question": q.text, "refused": False})


def _with_reading(q: Question, answer: Answer) -> Answer:
    """Words read as others (typos, parts of the country) are shown, so a wrong reading can be
    seen and corrected."""
    if not q.corrections or answer.kind == "draft":
        return answer
    pairs = ", ".join(t("core.corrected_pair", q.language, written=c.written, read=c.read)
                      for c in q.corrections)
    reading = t("core.corrected", q.language, pairs=pairs)
    return answer.model_copy(update={"answer": f"{reading}\n{answer.answer}"})


def default_routes(across: Route | None = None) -> list[Route]:
    """Specialised answerers, most specific first: an open draft dialog, minutes, a fact asked
    of each document of a kind (`across`), lists (which also answer `/kilder` and every «which
    documents do we have» question)."""
    from bot import drafting, lists, minutes

    return [drafting.try_answer, minutes.try_answer, _places_and_their_projects,
            *([across] if across else []), lists.try_answer]


def _places_and_their_projects(q: Question, ctx: CoreContext) -> Answer | None:
    """«Hva heter Fjell i dag?», «Did Sande take part in any project after the merger?»: what
    SSB says became of the places, then the projects the catalogue holds for them under any of
    their names, or else the documents that name them (a leader in a merged municipality asks
    for its history to find its work)."""
    from bot import lists, places

    told = places.try_answer(q, ctx)
    if told is None or told.refused:
        return told
    for kind in (Intent.PROJECTS, Intent.DOCUMENTS):  # no project: the documents naming them
        listed = lists.try_answer(replace(q, intent=kind), ctx)
        if listed is not None and not listed.refused and listed.kind == "list":
            return followed_by(told, listed)
    return told


def deferring_routes() -> list[Route]:
    """The routes whose refusal only says their own table has nothing (see `Core.deferring`)."""
    from bot import lists

    return [lists.try_answer]
