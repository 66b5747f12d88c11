"""A fact question answered from retrieved sentences: retrieve → compose → check → cite.

Whatever the composer cannot support becomes an honest refusal that lists the nearest
documents, so the user can look for themselves.
"""

from __future__ import annotations

import time

from bot.core.cite import CitationBook, render
from bot.core.claims import check_sentence
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Question
from bot.facts.compose import Composition, ExtractiveComposer
from bot.facts.filters import allowed_documents, filters_of
from bot.facts.llm import LlmComposer
from bot.facts.retrieval import HybridRetriever
from bot.i18n import t


def answer_fact(q: Question, ctx: CoreContext, retriever: HybridRetriever) -> Answer:
    t0 = time.perf_counter()
    filters = filters_of(q)
    allowed = allowed_documents(filters, ctx.store.documents(), ctx.gazetteer)
    evidence = retriever.search(q.standalone, k=8, documents=allowed, boost_years=filters.years)
    timings = {"retrieve_ms": (time.perf_counter() - t0) * 1000}
    t1 = time.perf_counter()
    composition = _composer(ctx).compose(q, evidence)
    timings["compose_ms"] = (time.perf_counter() - t1) * 1000
    if composition.refused:
        return refusal(q, retriever, timings)
    return _cited_answer(q, composition, timings)


def refusal(q: Question, retriever: HybridRetriever, timings: dict[str, float]) -> Answer:
    book = CitationBook()
    nearest, seen = [], set()
    for ev in retriever.search(q.standalone, k=10):
        if ev.meta.doc_id in seen:
            continue
        seen.add(ev.meta.doc_id)
        n = book.cite(ev.chunk, ev.meta)
        date = f" ({ev.meta.date.strftime('%d.%m.%Y')})" if ev.meta.date else ""
        nearest.append(f"- {ev.meta.title}{date} [{n}]")
        if len(nearest) == 3:
            break
    text = t("core.refusal", q.language)
    if nearest:
        text += "\n\n" + t("core.nearest", q.language) + "\n" + "\n".join(nearest)
    return Answer(question=q.text, answer=text, language=q.language, refused=True,
                  kind="refusal", citations=book.citations, timings_ms=timings)


def _composer(ctx: CoreContext) -> ExtractiveComposer | LlmComposer:
    extractive = ExtractiveComposer(ctx.embeddings, ctx.store.lexical(),
                                    ctx.gazetteer.former_names)
    if ctx.chat_model is None:
        return extractive
    return LlmComposer(ctx.chat_model, extractive)


def _cited_answer(q: Question, composition: Composition, timings: dict[str, float]) -> Answer:
    book = CitationBook()
    sentences = []
    for composed in composition.sentences:
        if not check_sentence(composed.text, [e.chunk.text for e in composed.evidence]):
            continue  # the claim check: never state what the cited text does not hold
        numbers = [book.cite(e.chunk, e.meta, snippet=snippet)
                   for e, snippet in zip(composed.evidence, composed.snippets, strict=True)]
        sentences.append(AnswerSentence(text=composed.text.replace("**", "").strip(),
                                        citations=numbers))
    frame = t("core.english_frame", q.language)
    text = render(sentences)
    return Answer(
        question=q.text, answer=f"{frame} {text}".strip(), language=q.language,
        kind="fact", sentences=sentences, citations=book.citations, timings_ms=timings,
    )
