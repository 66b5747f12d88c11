"""A fact question answered from retrieved sentences: embed once → retrieve → compose → check →
cite, with time awareness and an honest refusal that says what there is instead.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import time
from dataclasses import replace
from functools import partial

import numpy as np

from bot.core.cite import CitationBook, render
from bot.core.claims import check_sentence
from bot.core.context import CoreContext
from bot.core.fit import finding, metadata_fit
from bot.core.mentions import mentioning
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Intent, Language, Question
from bot.facts.across import Across, answer_each, documents_asked, each_part
from bot.facts.candidates import Candidate
from bot.facts.compose import Composition, ExtractiveComposer
from bot.facts.continued import with_lists_completed
from bot.facts.deferred import defers, with_next_meeting
from bot.facts.llm import LlmComposer
from bot.facts.model import AnswerModel, load_model_if_fitted
from bot.facts.persons import unknown_person
from bot.facts.retrieval import Evidence, HybridRetriever
from bot.facts.sentence_vectors import SentenceVectors
from bot.facts.summary import main_document, summarise, title_named
from bot.facts.timing import passed, past_note, what_there_is
from bot.facts.unretrieved import with_conclusion, with_role_holder
from bot.i18n import format_date, t
from indexer.catalogue.models import ProjectQuery, ProjectRecord
from indexer.models import DocType, DocumentMeta
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
        return _rows_answer(q, found, timings, silent_named=bool(q.doc_types))

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
        return _rows_answer(q, found, {"of_projects_ms": (time.perf_counter() - t0) * 1000})

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


def cited_answer(q: Question, composition: Composition, timings: dict[str, float],
                 extremes: list[Evidence] | None = None) -> Answer:
    """`extremes`: the newest or oldest document of the kind asked (or both), each named by
    its opening before the sentences, which may be none."""
    book = CitationBook()
    sentences = []
    said_by: list[Evidence] = []  # the evidence of each sentence kept, in order
    for composed in composition.sentences:
        if not check_sentence(composed.text, ["\n".join([*e.chunk.heading_path, e.chunk.text])
                                              for e in composed.evidence]):
            continue  # the claim check: never state what the cited text does not hold
        numbers = [book.cite(e.chunk, e.meta, snippet=snippet)
                   for e, snippet in zip(composed.evidence, composed.snippets, strict=True)]
        sentences.append(AnswerSentence(text=composed.text.replace("**", "").strip(),
                                        citations=numbers))
        said_by.append(composed.evidence[0])
    if not sentences and not extremes:
        return Answer(question=q.text, answer=t("core.refusal", q.language), language=q.language,
                      refused=True, kind="refusal", timings_ms=timings)
    lead = [t("core.english_frame", q.language)] if sentences else []
    if q.where_said and sentences:  # «Hvor står det at …?»: the source named, not only numbered
        lead.append(where_said(said_by[0], sentences[0].citations[0], q.language))
    elif extremes:  # «Hva er den nyeste sluttrapporten?»: which one, then its words
        ends = ("oldest", "newest") if q.document_extreme == "both" else (q.document_extreme,)
        named = [_extreme_named(q, end, e, said_by, sentences, book)
                 for end, e in zip(ends, extremes, strict=True)]
        if not sentences:
            return Answer(question=q.text, answer=render(named), language=q.language,
                          kind="fact", sentences=named, citations=book.citations,
                          timings_ms=timings)
        lead.append(render(named))
    elif q.when_decided:  # «Når ble det bestemt …?»: the meeting's date is the answer's half
        lead.append(when_decided(said_by, sentences, q.language) or "")
    issuer = issued_by(q, said_by[0], sentences)
    if issuer:
        lead.append(issuer)
    note = past_note(q, [s for s in composition.sentences])
    if note:
        lead.append(note)
    text = " ".join(part for part in [*lead, render(sentences)] if part)
    return Answer(question=q.text, answer=text, language=q.language, kind="fact",
                  sentences=sentences, citations=book.citations, timings_ms=timings)


def issued_by(q: Question, evidence: Evidence, sentences: list[AnswerSentence]) -> str:
    """«Hvilken statsforvalter hadde tilsynet?»: the report's publisher («… er fra
    Statsforvalteren i Oslo og Viken [1].») where no sentence kept names it."""
    publisher = evidence.meta.publisher
    said = " ".join(s.text for s in sentences).casefold()
    if not q.asks_issuer or not publisher or publisher.casefold() in said:
        return ""
    number = sentences[0].citations[0]
    return t("core.issued_by", q.language, title=evidence.meta.title, publisher=publisher,
             n=number)


def where_said(evidence: Evidence, number: int, language: Language) -> str:
    """«Det står i Prop. 133 L (2020–2021) …, under «4.1 Bakgrunn» [1].»"""
    headings = evidence.chunk.heading_path
    section = t("core.where_section", language, heading=headings[-1]) if headings else ""
    return t("core.where_said", language, title=evidence.meta.title, section=section, n=number)


def extreme_documents(q: Question, documents: list[DocumentMeta], evidence: list[Evidence]
                      ) -> list[DocumentMeta]:
    """The newest (or oldest, or both) dated document of the kind the question names: of all
    that fit its place and year («den nyeste sluttrapporten»), or of those retrieved when it
    names something more («siste referat fra styringsgruppen i Setesdal»)."""
    if not q.document_extreme or not q.doc_types:
        return []
    fit = finding(q)
    placed = bool(q.municipalities or q.counties or q.years)
    named = placed or q.names or q.themes
    pool = [e.meta for e in evidence] if named else documents
    dated = [m for m in pool if m.doc_type in q.doc_types and m.date
             and (metadata_fit(fit, m) > 0 if placed else metadata_fit(fit, m) >= 0)]
    if not dated:
        return []
    oldest, newest = (f(dated, key=lambda m: m.date or dt.date.min) for f in (min, max))
    return {"newest": [newest], "oldest": [oldest]}.get(q.document_extreme, [oldest, newest])


TITLE_WORDS = 3  # a title this long, said whole, names its document
_WORD = re.compile(r"\w+")


def titled_documents(q: Question, documents: list[DocumentMeta]) -> list[DocumentMeta]:
    """«Når er søknadsfristen for tilskudd til foreldrestøttende tiltak i 2027?»: a question
    that says a document's whole title («Tilskudd til foreldrestøttende tiltak») asks of that
    document, not of another scheme's call for the year; its own year then says whether it
    answers. A title of fewer than `TITLE_WORDS` words names nothing in particular."""
    asked = f" {' '.join(_WORD.findall(q.standalone.casefold()))} "
    return [meta for meta in documents
            if len(words := _WORD.findall(meta.title.casefold())) >= TITLE_WORDS
            and f" {' '.join(words)} " in asked]


def _extreme_named(q: Question, end: str, opening: Evidence, said_by: list[Evidence],
                   sentences: list[AnswerSentence], book: CitationBook) -> AnswerSentence:
    """«Nyeste sluttrapport: «…» (10. mars 2025) [1].», cited by a sentence kept from it or
    else by its opening."""
    meta = opening.meta
    number = next((s.citations[0] for e, s in zip(said_by, sentences, strict=True)
                   if e.meta.doc_id == meta.doc_id), None)
    if number is None:
        number = book.cite(opening.chunk, opening.meta)
    assert meta.date is not None
    return AnswerSentence(text=t(f"core.{end}_document", q.language, kind=t(
        f"lists.type_{meta.doc_type.value}", q.language), title=meta.title,
        date=format_date(meta.date, q.language)), citations=[number])


def when_decided(said_by: list[Evidence], sentences: list[AnswerSentence],
                 language: Language) -> str | None:
    """«Dette er fra referatet av møtet 18. november 2026 [1].»: the first dated referat among
    the sentences kept."""
    for evidence, sentence in zip(said_by, sentences, strict=True):
        meta = evidence.meta
        if meta.doc_type == DocType.REFERAT and meta.date:
            return t("core.when_decided", language, date=format_date(meta.date, language),
                     n=sentence.citations[0])
    return None


def final_report_of(top: Evidence, evidence: list[Evidence]) -> Evidence:
    """A project's final report tells what its plan only hoped for: summarising the project,
    the report of the same municipalities, written later, wins over the description."""
    if top.meta.doc_type != DocType.PROSJEKTBESKRIVELSE:
        return top
    places = _today_numbers(top.meta)
    later = [e for e in evidence if e.meta.doc_type == DocType.SLUTTRAPPORT
             and places & _today_numbers(e.meta)
             and (not top.meta.date or not e.meta.date or e.meta.date > top.meta.date)]
    return later[0] if later else top


def _today_numbers(meta: DocumentMeta) -> set[str]:
    """Today's kommunenummer of the municipalities a document names."""
    return {n for m in meta.municipalities for n in m.current_numbers}


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


def _titled(meta: DocumentMeta, q: Question) -> str:
    """«Title (publisher, county, date)»: who issued it and the county unless the title (or
    the publisher, «Statsforvaltaren i Rogaland») names them, so each row says whose."""
    county = meta.county or meta.current_county
    about = [meta.publisher] if meta.publisher and meta.publisher not in meta.title else []
    named = meta.title + (meta.publisher or "")
    about += [county] if county and county.split(",")[0] not in named else []
    if meta.current_county and county and meta.current_county != county:  # «Hordaland, nå
        about.append(f"{t('lists.now', q.language)} {meta.current_county}")  # Vestland»
    about += [format_date(meta.date, q.language)] if meta.date else []
    return f"{meta.title} ({', '.join(about)})" if about else meta.title


def _rows_answer(q: Question, found: Across, timings: dict[str, float],
                 silent_named: bool = False) -> Answer:  # fmt: skip
    """«Svar fra 3 av 4 dokumenter:», then each answering document's row, cited; with
    `silent_named`, the documents of the kind asked that hold no answer are named after."""
    book = CitationBook()
    lead = AnswerSentence(text=t("core.across", q.language, count=len(found.answers),
                                 total=found.total))
    rows = [_document_row(answer.meta, answer.sentences, book, q) for answer in found.answers]
    silent = [AnswerSentence(text=t("core.across_silent", q.language, titles="; ".join(
        _titled(m, q) for m in found.silent)))] if found.silent and silent_named else []
    sentences = [lead, *rows, *silent]
    return Answer(question=q.text, answer=render(sentences, "\n"), language=q.language,
                  kind="list", sentences=sentences, citations=book.citations, timings_ms=timings)


def _document_row(meta: DocumentMeta, picked: list[Candidate], book: CitationBook, q: Question
                  ) -> AnswerSentence:
    """«- Title (date): what it says», each quoted sentence cited."""
    numbers = [book.cite(c.evidence.chunk, meta, snippet=c.text) for c in picked]
    said = " ".join(c.text.replace("**", "").strip() for c in picked)
    if passed(q, [c.text for c in picked]):
        said += " " + t("core.across_passed", q.language)  # «still open?»: this one is not
    return AnswerSentence(text=f"- {_titled(meta, q)}: {said}", citations=numbers)
