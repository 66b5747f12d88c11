"""A fact asked of each document of a kind («Hvor stor egenandel krever de ulike fylkene?»,
«Hvilke sluttrapporter har vi, og hvor mye fikk de?»): every document is searched on its own and
answered by the same answer model. A row must quote a sentence that says it (`says_it`); with
no kind named, the answerable model must also accept the document, since the documents are then
only the nearest ones. A document of the kind named that holds no such sentence is named as
silent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from bot.core.fit import metadata_fit, place_fit, year_fit
from bot.core.question import Question
from bot.core.understand.across import asked_of_each
from bot.facts.candidates import Candidate
from bot.facts.compose import ExtractiveComposer
from bot.facts.features import PartView
from bot.facts.gate import Scored
from bot.facts.persons import names_one_of, names_role
from bot.facts.retrieval import Evidence, HybridRetriever
from bot.facts.words import ENGLISH_FUNCTION, coverage, matches
from indexer.catalogue.models import ProjectRecord
from indexer.models import DocType, DocumentMeta
from indexer.store.lexical import tokenize
from indexer.text.themes import find_themes

MAX_DOCUMENTS = 12
# What a county governor issues for the county: asked «i de ulike fylkene», these answer
_COUNTY_OWN = frozenset({DocType.RETNINGSLINJE, DocType.UTLYSNING, DocType.INVITASJON})
PER_DOCUMENT = 8
NEAREST = 8  # with no kind named, the documents of the question's own best chunks are asked
SCANNED = 12  # a document's best sentences looked at for one that says it
ABOVE = 80  # characters above a sentence that may hold its label …
LABEL_WORDS = 6  # … on a short line of its own («5. Egenandel»)
COVERED = 0.5  # share of the part's own words (by rarity) a row's sentence must hold
HEAD = 6  # letters of a compound's head that say it («resultat» of «hovedresultat»)


_PROJECT_WORDS = ("prosjekt", "project")
# The kind asked chose the documents («hver av sluttrapportene»): no row need say it again
_TYPE_WORDS = {DocType.SLUTTRAPPORT: ("sluttrapport", "final report"),
               DocType.REFERAT: ("referat", "minutes"),
               DocType.UTLYSNING: ("utlysning", "utlysing", "call"),
               DocType.RETNINGSLINJE: ("retningslinje", "retningsline", "guideline"),
               DocType.PROSJEKTBESKRIVELSE: ("prosjektbeskrivelse", "prosjektskildring")}
# (not an inspection report's: «tilsyn» is also the inspection a row is asked about)
_PROJECT_STEMS = frozenset(_PROJECT_WORDS)
_LABEL_LINE = re.compile(r"^\s*[\w ]{3,40}:\s*\S")


@dataclass(frozen=True)
class DocumentAnswer:
    meta: DocumentMeta
    sentences: list[Candidate]  # each asked part's best sentence, in document order


@dataclass(frozen=True)
class Across:
    answers: list[DocumentAnswer]
    silent: list[DocumentMeta]  # asked documents that hold no answer
    total: int


def says_it(scored: Scored, part: PartView, chosen_by: tuple[str, ...] = ()) -> bool:
    """A row quotes one sentence that holds the kind of fact asked (a share, a date) and at
    least half the part's own words by rarity (in it, its headings or a label line just above:
    «5. Egenandel»): beside other documents' rows, a sentence that only circles the topic
    would read as this document's answer. A lead-in is left for its items. `chosen_by`: words
    that chose the documents (a theme: «fosterhjems-» of «fosterhjemsprosjektene»), which a
    row need not say again."""
    cand = scored.candidate
    short = len(cand.text.split()) < 4 and not _LABEL_LINE.match(cand.text)  # «Frist: 1.2.»
    if cand.items or cand.block or scored.feature("type_missing") > 0 or short:
        return False
    if part.part.role and names_role(part.part.role, cand):
        return True  # «Prosjektleder: Jørn Are Pettersen» says who leads it
    lines = cand.evidence.chunk.text[max(0, cand.start - ABOVE):cand.start].strip().splitlines()
    above = lines[-1] if lines and len(lines[-1].split()) <= LABEL_WORDS else ""
    window = frozenset(tokenize(" ".join([cand.text, cand.context, above])))
    focus = [(g, w) for g, w in part.focus if not g & ENGLISH_FUNCTION
             and not any(stem in word for word in chosen_by for stem in g)]
    return not focus or coverage(focus, window, _said) >= COVERED


def _said(group: set[str], window: set[str] | frozenset[str]) -> bool:
    """The word, or the head of the compound asked («hovedresultatet»: «resultat»)."""
    return matches(group, window) or any(len(s) >= HEAD and g.endswith(s) and len(g) - len(s) >= 4
                                         for g in group for s in window)


def _naming_first(part: PartView, scored: Scored) -> tuple[bool, tuple[float, float]]:
    """A role asked is answered by the sentence naming its holder before any other."""
    role = part.part.role
    return bool(role) and names_role(role, scored.candidate), _own_words(part, scored)


def _the_rest(part: PartView, best: Candidate, ranked: list[Scored]) -> Candidate | None:
    """«totalrammen og maks beløp per prosjekt»: when the row's sentence leaves an asked word
    unsaid («Det kan søkes om inntil 600 000 kr per prosjekt»), the best other sentence of the
    document that says it («Samlet ramme for 2026 er 4 000 000 kr») joins the row."""
    said = frozenset(tokenize(best.text))
    unsaid = [(g, w) for g, w in part.focus if not g & ENGLISH_FUNCTION and not matches(g, said)]
    if not unsaid:
        return None
    return next((s.candidate for s in ranked if s.candidate is not best and _plain(s) and any(
        matches(g, frozenset(tokenize(s.candidate.text))) for g, _ in unsaid)), None)


def _plain(scored: Scored) -> bool:
    """One sentence of the kind of fact asked: not a list, a block or a lead-in."""
    cand = scored.candidate
    return scored.feature("type_missing") == 0 and not (cand.items or cand.block)


def _own_words(part: PartView, scored: Scored) -> tuple[float, float]:
    """The sentence that says the asked words itself beats one whose heading says them (the
    model's probability decides between equals)."""
    own = coverage(part.focus, frozenset(tokenize(scored.candidate.text)))
    return round(own, 1), scored.probability


def each_part(q: Question) -> Question:
    """The question as each document is asked it (a listing's first part dropped)."""
    return replace(q, parts=asked_of_each(q.parts, q.intent, tuple(p.name for p in q.places)))


def documents_asked(q: Question, documents: list[DocumentMeta], evidence: list[Evidence],
                    projects: Sequence[ProjectRecord] = (),
                    named: frozenset[str] | None = None) -> list[DocumentMeta]:
    """The kind named (newest first, those of another place or year left out); else, with a
    theme named, one document of each project about it («Hvem ledet de ulike
    fosterhjemsprosjektene?»); else the documents the question's own retrieval found.
    `named`: the documents naming whom the question asks about («I hvilke dokumenter dukker
    Kjersti Toppe opp, og i hvilken rolle?»), the only ones asked."""
    if named is not None:
        documents = [m for m in documents if m.doc_id in named]
        if not q.doc_types:
            return _newest_first(documents)
    if q.doc_types:
        return _newest_first([m for m in documents if m.doc_type in q.doc_types
                              and _about(q, m)])
    by_id = {m.doc_id: m for m in documents}
    own = [m for m in (_project_document(q, p, by_id) for p in projects) if m is not None]
    if own:
        return list({m.doc_id: m for m in own}.values())[:MAX_DOCUMENTS]
    if q.per_county or _several_places(q):
        # each county's own rules, not a national page or a project's budget; of the places
        # named («Er det forskjell på Viken, Trøndelag og Møre og Romsdal?») when several are
        issued = [m for m in documents if m.doc_type in _COUNTY_OWN
                  and (m.county or m.current_county) and _about(q, m)]
        if issued and (q.per_county or len({m.current_county or m.county for m in issued}) > 1):
            return _newest_first(issued)
    found = {e.meta.doc_id: e.meta for e in evidence[:NEAREST]}
    if _several_places(q):  # else the nearest documents of those places
        return [m for m in found.values() if _about(q, m)]
    return list(found.values())


def _newest_first(documents: list[DocumentMeta]) -> list[DocumentMeta]:
    """The newest first (the undated last), as many as a reply lists."""
    return sorted(documents, key=lambda m: m.date.isoformat() if m.date else "",
                  reverse=True)[:MAX_DOCUMENTS]


def _several_places(q: Question) -> bool:
    """Asked of several named places: each place's own documents are asked, as if by kind."""
    return len(q.places) > 1


def _project_document(q: Question, project: ProjectRecord, by_id: dict[str, DocumentMeta]
                      ) -> DocumentMeta | None:
    """The project's own description (its final report when the question asks how it went),
    of the place and year asked; a project only mentioned elsewhere has none."""
    wanted = (DocType.SLUTTRAPPORT, DocType.PROSJEKTBESKRIVELSE) if q.outcome else (
        DocType.PROSJEKTBESKRIVELSE, DocType.SLUTTRAPPORT)
    own = [by_id[e.doc_id] for e in project.sources if e.doc_id in by_id
           and e.doc_type in wanted and _about(q, by_id[e.doc_id])]
    own.sort(key=lambda m: wanted.index(m.doc_type))
    return own[0] if own else None


def _about(q: Question, meta: DocumentMeta) -> bool:
    """Of the place asked (a national guideline is not a county's) and of the year asked."""
    place = place_fit(q, meta)
    return (place > 0 if q.places else place >= 0) and year_fit(q, meta) >= 0


def answer_each(q: Question, vectors: np.ndarray, documents: list[DocumentMeta],
                composer: ExtractiveComposer, retriever: HybridRetriever,
                projects_own: bool = False) -> Across:  # fmt: skip
    """`vectors`: the whole question, then one per part of `q` (already `each_part`).
    `projects_own`: the documents are each listed project's own, asked of that project
    («hva var målet med prosjektene?»: no row need say «prosjekt»). A question about someone
    («I hvilke dokumenter dukker Bente Cecilie Foss opp, og i hvilken rolle?») is answered in
    each row by a sentence naming them."""
    view = composer.view(q, vectors)
    chosen_by = tuple(hit.text.lower() for hit in find_themes(q.standalone)) + tuple(
        word for kind in q.doc_types for word in _TYPE_WORDS.get(kind, ()))
    parts = view.parts
    if projects_own:
        chosen_by += _PROJECT_WORDS
        parts = [replace(p, focus=[(g, w) for g, w in p.focus if not g & _PROJECT_STEMS])
                 for p in parts]
    answers, silent = [], []
    chosen = projects_own or bool(q.doc_types) or _several_places(q)  # else the gate decides
    for meta in documents:
        evidence = retriever.search(q.standalone, PER_DOCUMENT, documents=[meta],
                                    fit=partial(metadata_fit, q), vector=vectors[0])
        found, per_part = composer.score(view, evidence)
        if not found or (not chosen and composer.answerable(view, found, per_part)
                         < composer.model.threshold):  # the nearest documents: is it answered?
            silent.append(meta)
            continue
        picked: list[Candidate] = []
        for part, ranked in zip(parts, per_part, strict=True):
            saying = [s for s in ranked[:SCANNED] if says_it(s, part, chosen_by)]
            if q.persons:  # the row's sentence names them: where they are, what they do
                naming = [s for s in ranked if names_one_of(s.candidate.text, q.persons)]
                saying = [s for s in saying if s in naming] or naming[:1]
            best = max(saying, key=partial(_naming_first, part)).candidate if saying else None
            if best is not None and best not in picked:
                picked.append(best)
            rest = _the_rest(part, best, ranked[:SCANNED]) if best is not None else None
            if rest is not None and rest not in picked:
                picked.append(rest)
        if not picked:
            silent.append(meta)
            continue
        picked.sort(key=lambda c: (c.evidence.chunk.position, c.start))
        answers.append(DocumentAnswer(meta, picked))
    return Across(answers, silent, len(documents))
