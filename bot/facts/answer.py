"""A fact question answered from retrieved sentences: embed once → retrieve → compose → check →
cite, with time awareness and an honest refusal that says what there is instead.
"""

from __future__ import annotations

import copy
import time
from dataclasses import replace
from functools import partial

import numpy as np

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.fit import finding, metadata_fit
from bot.core.mentions import mentioning
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Intent, Question
from bot.facts.across import answer_each, documents_asked, each_part
from bot.facts.cited import cited_answer, rows_answer
from bot.facts.compose import Composition, ExtractiveComposer
from bot.facts.continued import with_lists_completed
from bot.facts.deferred import defers, with_next_meeting
from bot.facts.llm import LlmComposer
from bot.facts.model import AnswerModel, load_model_if_fitted
from bot.facts.named_documents import extreme_documents, final_report_of, titled_documents
from bot.facts.persons import unknown_person
from bot.facts.retrieval import Evidence, HybridRetriever
from bot.facts.sentence_vectors import SentenceVectors
from bot.facts.summary import main_document, summarise, title_named
from bot.facts.timing import what_there_is
from bot.facts.unretrieved import with_conclusion, with_role_holder
from bot.i18n import format_date, t
from indexer.catalogue.models import ProjectQuery, ProjectRecord
from indexer.models import DocumentMeta
from indexer.text.glossary import bridged

RETRIEVED = 8


class FactAnswerer:
    """Built once per process: the retriever, the answer model and the sentence-vector cache."""

    def __init__(self, ctx: CoreContext, model: AnswerModel | None = None) -> None:
        self.ctx = ctx
        self._model = model if model is not None else load_model_if_fitted()
        fit_weight = self._model.fit_weight if self._model else HybridRetriever.fit_weight
        self.retriever = HybridRetriever(ctx.store, ctx.embeddings, fit_weight=fit_weight)
        self.vectors = SentenceVectors(ctx.embeddings, self._stored_vectors)

    def seen_by(self, ctx: CoreContext) -> FactAnswerer:
        """The same answerer for one asker's context (model and sentence cache shared)."""
        if ctx is self.ctx:
            return self
        clone = copy.copy(self)
        clone.ctx = ctx
        clone.retriever = HybridRetriever(ctx.store, ctx.embeddings, self.retriever.depth,
                                          self.retriever.fit_weight)
        return clone

    def _stored_vectors(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Unit vectors the indexer embedded with the same model as the store's chunks."""
        signature = self.ctx.store.signature()
        if not signature:
            return {}
        return self.ctx.store.unit_vectors(keys, signature.split("|")[0])

    def extractive(self) -> ExtractiveComposer:
        return ExtractiveComposer(self._model, self.ctx.store.lexical(), self.vectors,  # type: ignore[arg-type]
                                  self.ctx.gazetteer.former_names)

    def embed(self, q: Question) -> np.ndarray:
        """The question once, and each part of a multi-part question, in one call."""
        texts = [q.standalone] + ([p.text for p in q.parts] if len(q.parts) > 1 else [])
        return self.ctx.embeddings.embed_queries(texts)

    def evidence(self, q: Question, vectors: np.ndarray,
                 documents: list[DocumentMeta] | None = None
                 ) -> tuple[list[Evidence], dict[str, float]]:
        retrieval = self.retriever.retrieve(bridged(q.standalone, self.ctx.store.lexical().known),
                                            RETRIEVED, documents=documents,
                                            fit=partial(metadata_fit, finding(q)),
                                            vector=vectors[0])
        return with_lists_completed(retrieval.evidence, self.ctx.store.chunks), \
            retrieval.timings_ms

    def answer(self, q: Question) -> Answer:
        t0 = time.perf_counter()
        vectors = self.embed(q)
        evidence, timings = self.evidence(q, vectors)
        documents = self.ctx.store.documents()
        extremes = extreme_documents(q, documents, evidence)
        titled = extremes or titled_documents(q, documents) or self._named_project(q, documents)
        if titled:
            evidence, _ = self.evidence(q, vectors, titled)
        evidence = with_conclusion(q, evidence, self.ctx.store.document_chunks)
        evidence = with_role_holder(q, evidence, self.ctx.store.document_chunks)
        timings["retrieve_ms"] = (time.perf_counter() - t0) * 1000
        stranger = unknown_person(q, self.ctx.store.lexical())
        if stranger is not None:
            return self.refusal(q, Composition([], True, "ukjent person"), evidence, timings,
                                lead=t("core.unknown_person", q.language, name=stranger))
        t1 = time.perf_counter()
        if self.ctx.chat_model is not None:
            composition = LlmComposer(self.ctx.chat_model, self.extractive()).compose(
                q, vectors, evidence)
        else:
            composition = self.extractive().compose(q, vectors, evidence)
        timings["compose_ms"] = (time.perf_counter() - t1) * 1000
        named = [Evidence(chunks[0], meta, 0.0, 0.0) for meta in extremes
                 if (chunks := self.ctx.store.document_chunks(meta.doc_id))]
        if composition.refused and not named:
            return self.refusal(q, composition, evidence, timings)
        if defers(composition):  # «Saka vert sett opp att på neste møte»: and when is that?
            composition = with_next_meeting(composition, self.ctx.store.meetings(),
                                            self.ctx.store.chunks, q.today, q.language)
        if composition.refused:  # «Hva er det eldste referatet?»: the documents answer it
            composition = Composition([], refused=False)
        return cited_answer(q, composition, timings, named)

    def _named_project(self, q: Question, documents: list[DocumentMeta]) -> list[DocumentMeta]:
        """«Hva var budsjettet for Se meg-prosjektet?»: the documents of the one project so
        named, not another project's «Samlet budsjett …»; none when no or several projects have
        the name."""
        if not q.project_named:
            return []
        found = self.ctx.store.find_projects(ProjectQuery(title=q.project_named))
        if len(found) != 1:
            return []
        own = {e.doc_id for e in found[0].sources}
        return [m for m in documents if m.doc_id in own]

    def across(self, q: Question) -> Answer | None:
        """One line per document of the kind asked about, each with its own answer, cited;
        None when no document answers (the question then takes the usual way)."""
        t0 = time.perf_counter()
        each = each_part(q)
        vectors = self.embed(each)
        evidence, timings = self.evidence(each, vectors)
        themed = (self.ctx.store.find_projects(ProjectQuery(themes=each.themes))
                  if each.themes and not each.doc_types and q.projects_named else [])
        named = mentioning(each.mentions, self.ctx.store) if each.mentions else None
        asked = documents_asked(each, self.ctx.store.documents(), evidence, themed, named)
        found = answer_each(each, vectors, asked, self.extractive(), self.retriever)
        timings["across_ms"] = (time.perf_counter() - t0) * 1000
        if not found.answers or (found.total < 2 and q.intent != Intent.DOCUMENTS):
            return None  # one document is a fact question (a listing of one is still a list)
        return rows_answer(q, found, timings, silent_named=bool(q.doc_types))

    def of_projects(self, q: Question, projects: list[ProjectRecord]) -> Answer | None:
        """«…, og hva var målet med prosjektene?» asked of the projects a list shows: each
        project's own document answers the parts in `q.each_project`, one cited row each;
        None when no project's document says it."""
        t0 = time.perf_counter()
        asked = " ".join(p.text for p in q.each_project)
        each = each_part(replace(q, intent=Intent.FACT, parts=q.each_project, standalone=asked,
                                 doc_types=frozenset(), across=True))
        vectors = self.embed(each)
        documents = documents_asked(each, self.ctx.store.documents(), [], projects)
        found = answer_each(each, vectors, documents, self.extractive(), self.retriever,
                            projects_own=True)
        if not found.answers:
            return None
        return rows_answer(q, found, {"of_projects_ms": (time.perf_counter() - t0) * 1000})

    def summary(self, q: Question) -> Answer:
        """A summary of the document (or topic) the question points at, each sentence cited."""
        t0 = time.perf_counter()
        vectors = self.embed(q)
        evidence, timings = self.evidence(q, vectors)
        lexical = self.ctx.store.lexical()
        titles = {e.meta.doc_id: e.meta.title or "" for e in evidence}  # each document once
        named = {doc: title_named(q.standalone, title, lexical) for doc, title in titles.items()}
        doc_id = main_document(evidence, q.doc_types, q.web_page, named)
        top = next((e for e in evidence if e.meta.doc_id == doc_id), None)
        if top is not None and not q.doc_types_named:  # «Oppsummer prosjektbeskrivelsen» stands
            top = final_report_of(top, evidence)
        if top is None or metadata_fit(q, top.meta) < 0:
            return self.refusal(q, Composition([], True), evidence, timings)
        by_id = {e.chunk.chunk_id: e for e in evidence}
        floor = min(e.score for e in evidence) / 2
        pool = [by_id.get(c.chunk_id) or Evidence(c, top.meta, floor, 0.0, len(evidence), top.fit)
                for c in self.ctx.store.document_chunks(top.meta.doc_id)]
        found = summarise(self.extractive(), vectors, q, pool)
        timings["summary_ms"] = (time.perf_counter() - t0) * 1000
        if found is None or not found.picked:
            return self.refusal(q, Composition([], True), evidence, timings)
        book = CitationBook()
        sentences = [AnswerSentence(text=f"- {s.candidate.text.replace('**', '').strip()}",
                                    citations=[book.cite(s.candidate.evidence.chunk, top.meta,
                                                         snippet=s.candidate.text)])
                     for s in found.picked]
        when = f" ({format_date(top.meta.date, q.language)})" if top.meta.date else ""
        lead = AnswerSentence(text=t("core.summary_of", q.language, title=top.meta.title,
                                     when=when))
        return Answer(question=q.text, answer=render([lead, *sentences], "\n"),
                      language=q.language, kind="summary", sentences=[lead, *sentences],
                      citations=book.citations, timings_ms=timings)

    def refusal(self, q: Question, composition: Composition, evidence: list[Evidence],
                timings: dict[str, float], lead: str | None = None) -> Answer:
        book = CitationBook()
        lines = [lead or t("core.refusal", q.language)]
        instead = what_there_is(q, composition)
        if instead is not None:
            best = composition.best
            assert best is not None
            n = book.cite(best.evidence.chunk, best.evidence.meta, snippet=best.text)
            if q.claims and composition.instead:  # «Fristen var 15. april 2024, ikke sant?»
                said = AnswerSentence(text=instead, citations=[n])  # «Nei, … 2023: …» answers
                return Answer(question=q.text, answer=f"{instead} [{n}]", language=q.language,
                              kind="fact", sentences=[said], citations=book.citations,
                              timings_ms=timings)
            lines = [f"{instead} [{n}]"]
        nearest = _nearest(evidence, book)
        if nearest:
            lines += ["", t("core.nearest", q.language), *nearest]
        return Answer(question=q.text, answer="\n".join(lines), language=q.language,
                      refused=True, kind="refusal", citations=book.citations, timings_ms=timings)


def _nearest(evidence: list[Evidence], book: CitationBook) -> list[str]:
    lines, seen = [], set()
    for ev in evidence:
        if ev.meta.doc_id in seen:
            continue
        seen.add(ev.meta.doc_id)
        n = book.cite(ev.chunk, ev.meta)
        date = f" ({ev.meta.date.strftime('%d.%m.%Y')})" if ev.meta.date else ""
        lines.append(f"- {ev.meta.title}{date} [{n}]")
        if len(lines) == 3:
            break
    return lines

