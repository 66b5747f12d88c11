"""answer(question, history) -> Answer: the one entry point for every face (Teams, CLI, eval).

route → retrieve → compose → cite → check. Specialised routes (drafting dialog, minutes
summaries, catalogue lists) get the question first; whatever they decline is answered from
retrieved evidence.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from bot.core.chat_model import build_chat_model
from bot.core.cite import CitationBook, render
from bot.core.claims import check_sentence
from bot.core.context import CoreContext, Question
from bot.core.models import Answer, AnswerSentence, ChatTurn
from bot.core.rewrite import standalone_question
from bot.facts.compose import Composition, ExtractiveComposer
from bot.facts.filters import allowed_documents, read_filters
from bot.facts.llm import LlmComposer
from bot.facts.retrieval import HybridRetriever
from bot.i18n.texts import say
from indexer.embeddings import build_embeddings
from indexer.settings import Settings
from indexer.text.places import Gazetteer
from indexer.wiring import open_store

Route = Callable[[Question, CoreContext], Answer | None]
_INJECTION = re.compile(
    r"\b(ignorer|ignore|se bort fra|sjå bort frå|glem|forget|disregard)\b.{0,40}"
    r"\b(kilde\w*|kjelde\w*|sources?|instruks\w*|instructions?|regl\w*|rules?|dokument\w*)",
    re.I,
)


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

    def __init__(self, ctx: CoreContext, routes: list[Route] | None = None) -> None:
        self.ctx = ctx
        self.retriever = HybridRetriever(ctx.store, ctx.embeddings)
        self.routes = default_routes() if routes is None else routes

    def ready(self) -> bool:
        return bool(self.ctx.store.documents())

    def answer(self, question: str, history: list[ChatTurn] | None = None) -> Answer:
        started = time.perf_counter()
        result = self._route(Question.of(question.strip(), history))
        result.timings_ms["total_ms"] = (time.perf_counter() - started) * 1000
        return result

    def _route(self, q: Question) -> Answer:
        limit = self.ctx.settings.max_message_chars
        if not q.text:
            return Answer(question="", answer=say("empty_question", "nb"), kind="help")
        if len(q.text) > limit:
            text = say("too_long", q.language, length=len(q.text), limit=limit)
            return Answer(question=q.text[:200], answer=text, language=q.language, refused=True,
                          kind="error")
        if command := _command(q.text):
            builtin = self._builtin(command, q)
            if builtin is not None:
                return builtin
        if _INJECTION.search(q.text):
            return Answer(question=q.text, answer=say("injection", q.language),
                          language=q.language, refused=True, kind="refusal")
        if not self.ctx.store.documents():
            return Answer(question=q.text, answer=say("no_documents", q.language),
                          language=q.language, refused=True, kind="refusal")
        q.standalone = standalone_question(q.text, q.history)
        for route in self.routes:
            routed = route(q, self.ctx)
            if routed is not None:
                return routed
        return self.fact_answer(q)

    def _builtin(self, command: str, q: Question) -> Answer | None:
        if command in {"hjelp", "help"}:
            return Answer(question=q.text, answer=say("help", q.language), language=q.language,
                          kind="help")
        if command in {"kilder", "sources"}:
            return self.sources_answer(q)
        return None

    def fact_answer(self, q: Question) -> Answer:
        t0 = time.perf_counter()
        filters = read_filters(q.standalone, self.ctx.gazetteer)
        documents = self.ctx.store.documents()
        allowed = allowed_documents(filters, documents, self.ctx.gazetteer)
        evidence = self.retriever.search(q.standalone, k=8, documents=allowed,
                                         boost_years=filters.years)
        timings = {"retrieve_ms": (time.perf_counter() - t0) * 1000}
        t1 = time.perf_counter()
        composition = self._composer().compose(q, evidence)
        timings["compose_ms"] = (time.perf_counter() - t1) * 1000
        if composition.refused:
            return self.refusal(q, timings)
        return _cited_answer(q, composition, timings)

    def refusal(self, q: Question, timings: dict[str, float]) -> Answer:
        book = CitationBook()
        nearest, seen = [], set()
        for ev in self.retriever.search(q.standalone, k=10):
            if ev.meta.doc_id in seen:
                continue
            seen.add(ev.meta.doc_id)
            n = book.cite(ev.chunk, ev.meta)
            date = f" ({ev.meta.date.strftime('%d.%m.%Y')})" if ev.meta.date else ""
            nearest.append(f"- {ev.meta.title}{date} [{n}]")
            if len(nearest) == 3:
                break
        text = say("refusal", q.language)
        if nearest:
            text += "\n\n" + say("nearest", q.language) + "\n" + "\n".join(nearest)
        return Answer(question=q.text, answer=text, language=q.language, refused=True,
                      kind="refusal", citations=book.citations, timings_ms=timings)

    def sources_answer(self, q: Question) -> Answer:
        from indexer.store import ledger as state

        documents = self.ctx.store.documents()
        updated = state.get_meta(self.ctx.store.conn, "last_indexed_at") or "?"
        lines = [say("sources_intro", q.language, count=len(documents), updated=updated[:10])]
        for meta in sorted(documents, key=lambda m: (m.date is None, m.date), reverse=True):
            date = meta.date.strftime("%d.%m.%Y") if meta.date else "udatert"
            lines.append(f"- {meta.title} ({meta.doc_type.value}, {date}) – {meta.source}")
        rows = [[m.title, m.doc_type.value, m.date.isoformat() if m.date else "", m.source]
                for m in documents]
        return Answer(question=q.text, answer="\n".join(lines), language=q.language, kind="list",
                      data={"table": {"columns": ["Tittel", "Type", "Dato", "Fil"],
                                      "rows": rows}})

    def _composer(self) -> ExtractiveComposer | LlmComposer:
        extractive = ExtractiveComposer(self.ctx.embeddings, self.ctx.store.lexical(),
                                        self.ctx.gazetteer.former_names)
        if self.ctx.chat_model is None:
            return extractive
        return LlmComposer(self.ctx.chat_model, extractive)


def default_routes() -> list[Route]:
    """Specialised answerers, most specific first: an open draft dialog, minutes, lists."""
    from bot import drafting, lists, minutes

    return [drafting.try_answer, minutes.try_answer, lists.try_answer]


def _command(text: str) -> str | None:
    match = re.match(r"^/(\w+)", text)
    return match.group(1).lower() if match else None


def _cited_answer(q: Question, composition: Composition, timings: dict[str, float]) -> Answer:
    book = CitationBook()
    sentences = []
    for composed in composition.sentences:
        if not check_sentence(composed.text, [e.chunk.text for e in composed.evidence]):
            continue  # the claim check: never state what the cited text does not hold
        numbers = [book.cite(e.chunk, e.meta, snippet=snippet)
                   for e, snippet in zip(composed.evidence, composed.snippets, strict=True)]
        sentences.append(AnswerSentence(text=_clean(composed.text), citations=numbers))
    frame = say("english_frame", q.language)
    text = render(sentences)
    return Answer(
        question=q.text, answer=f"{frame} {text}".strip(), language=q.language,
        kind="fact", sentences=sentences, citations=book.citations, timings_ms=timings,
    )


def _clean(sentence: str) -> str:
    return sentence.replace("**", "").strip()
