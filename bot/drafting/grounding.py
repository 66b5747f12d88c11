"""Which documents govern a draft: the county's call and guidelines, and similar past projects.

The newest call for the county governs unless the applicant names one ("utlysningen i Rogaland
av 1. mars 2023"); county guidelines come next and national guidelines (no county) last. Similar
projects are found by theme (the project catalogue, else BM25 over project documents), shared
municipalities and, for a final report, the project's own name, so the report can build on its
own project description.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.drafting.facts import Facts
from bot.drafting.rules import Rule, extract_rules
from bot.drafting.texts import DraftKind
from indexer.catalogue import ProjectQuery
from indexer.errors import StoreError
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.store.visible import KnowledgeReader
from indexer.text.places import Gazetteer
from indexer.text.themes import themes_in

_CALLS = frozenset({DocType.UTLYSNING, DocType.INVITASJON})
_PROJECTS = frozenset({DocType.PROSJEKTBESKRIVELSE, DocType.SLUTTRAPPORT})
MAX_SIMILAR = 3
MIN_THEME_SCORE = 0.25  # of the best BM25 score: weaker matches share only a common word


@dataclass
class SourceDoc:
    meta: DocumentMeta
    chunks: list[Chunk]
    text: str
    rules: list[Rule] = field(default_factory=list)

    def chunk_at(self, offset: int) -> Chunk:
        """The chunk that holds character `offset` (the last one before it, at worst)."""
        best = self.chunks[0]
        for chunk in self.chunks:
            if chunk.start <= offset < chunk.end:
                return chunk
            if chunk.start <= offset:
                best = chunk
        return best


@dataclass
class Grounding:
    county: str | None
    call: SourceDoc | None = None
    guidelines: list[SourceDoc] = field(default_factory=list)  # county first, then national
    similar: list[SourceDoc] = field(default_factory=list)
    own_project: SourceDoc | None = None  # a report's own project description

    def governing(self, kind: DraftKind) -> list[SourceDoc]:
        """Rule sources, most authoritative first (a report follows the guidelines first)."""
        county_guides = [g for g in self.guidelines if g.meta.county]
        national = [g for g in self.guidelines if not g.meta.county]
        call = [self.call] if self.call else []
        ordered = county_guides + call if kind == "report" else call + county_guides
        return ordered + national


def ground(facts: Facts, kind: DraftKind, store: KnowledgeReader, gazetteer: Gazetteer) -> Grounding:
    documents = store.documents()
    county = facts.county
    own = _own_project(facts, documents) if kind == "report" else None
    if county is None and own is not None:
        county = own.current_county
    grounding = Grounding(county=county)
    if county:
        calls = [d for d in documents if d.doc_type in _CALLS and _in_county(d, county, gazetteer)]
        if chosen := _pick(calls, facts.call_date):
            grounding.call = load(store, chosen)
        guides = [d for d in documents if d.doc_type == DocType.RETNINGSLINJE
                  and d.county and _in_county(d, county, gazetteer)]
        if newest := _pick(guides, None):
            grounding.guidelines.append(load(store, newest))
    for meta in _newest_first([d for d in documents if d.doc_type == DocType.RETNINGSLINJE
                               and not d.county]):
        grounding.guidelines.append(load(store, meta))
    similar = similar_projects(facts, county, documents, store, exclude=own)
    grounding.own_project = load(store, own) if own else None
    grounding.similar = [load(store, m) for m in similar]
    return grounding


def load(store: KnowledgeReader, meta: DocumentMeta) -> SourceDoc:
    chunks = store.document_chunks(meta.doc_id)
    text = document_text(chunks)
    return SourceDoc(meta, chunks, text, extract_rules(text, meta.doc_type))


def document_text(chunks: list[Chunk]) -> str:
    """The document text rebuilt from its chunks, at the same character offsets."""
    text = ""
    for chunk in sorted(chunks, key=lambda c: c.start):
        if chunk.start > len(text):
            text += "\n" * (chunk.start - len(text))
        if chunk.end > len(text):
            text += chunk.text[len(text) - chunk.start:]
    return text


def similar_projects(
    facts: Facts, county: str | None, documents: list[DocumentMeta], store: KnowledgeReader,
    exclude: DocumentMeta | None = None, limit: int = MAX_SIMILAR,
) -> list[DocumentMeta]:
    """Past projects on the same theme or with the same municipalities; same county fills up."""
    candidates = [d for d in documents if d.doc_type in _PROJECTS
                  and (exclude is None or d.doc_id != exclude.doc_id)]
    theme_scores = _theme_scores(facts, candidates, store)
    wanted = {n for m in facts.municipalities for n in m.current_numbers}
    scored = []
    for meta in candidates:
        overlap = len(wanted & {n for m in meta.municipalities for n in m.current_numbers})
        theme = theme_scores.get(meta.doc_id, 0.0)
        same_county = bool(county) and meta.current_county == county
        if theme >= MIN_THEME_SCORE or overlap:
            scored.append((2.0 * theme + overlap + 0.5 * same_county, meta))
        elif same_county:
            scored.append((0.0, meta))
    scored.sort(key=lambda s: (s[0], s[1].date or dt.date.min), reverse=True)
    relevant = [m for score, m in scored if score > 0]
    if relevant:
        return relevant[:limit]
    return [m for _, m in scored][:2]  # nothing on the theme: projects from the same county


def _theme_scores(
    facts: Facts, candidates: list[DocumentMeta], store: KnowledgeReader
) -> dict[str, float]:
    """How well each candidate fits the theme, 0..1: the catalogue's word, else BM25."""
    return _catalogue_scores(facts, candidates, store) or _lexical_scores(facts, candidates, store)


def _catalogue_scores(
    facts: Facts, candidates: list[DocumentMeta], store: KnowledgeReader
) -> dict[str, float]:
    """Project documents the catalogue files under the theme as their own project."""
    if facts.theme is None:
        return {}
    try:
        records = store.find_projects(ProjectQuery(themes=frozenset({facts.theme.key})))
    except StoreError:
        return {}  # a catalogue that cannot be read: BM25 still works
    wanted = {c.doc_id for c in candidates}
    return {s.doc_id: 1.0 for r in records if r.primary for s in r.sources
            if s.doc_id in wanted and s.doc_type in _PROJECTS}


def _lexical_scores(
    facts: Facts, candidates: list[DocumentMeta], store: KnowledgeReader
) -> dict[str, float]:
    """Best BM25 score of each candidate for the theme, scaled to 0..1."""
    query = facts.theme.query if facts.theme else facts.theme_text
    if not query or not candidates:
        return {}
    ids = {c.chunk_id: meta.doc_id for meta in candidates
           for c in store.document_chunks(meta.doc_id)}
    scores: dict[str, float] = {}
    for chunk_id, score in store.lexical().search(query, k=len(ids), chunk_ids=list(ids)):
        doc_id = ids[chunk_id]
        scores[doc_id] = max(scores.get(doc_id, 0.0), score)
    top = max(scores.values(), default=0.0)
    return {d: s / top for d, s in scores.items()} if top else {}


def _own_project(facts: Facts, documents: list[DocumentMeta]) -> DocumentMeta | None:
    """The description of the project a final report is about: by name, else by places+theme."""
    projects = [d for d in documents if d.doc_type == DocType.PROSJEKTBESKRIVELSE]
    if facts.name:
        named = [d for d in projects if facts.name.casefold() in d.title.casefold()]
        if named:
            return _newest_first(named)[0]
    wanted = {n for m in facts.municipalities for n in m.current_numbers}
    if not wanted or facts.theme is None:
        return None
    same = [d for d in projects
            if wanted <= {n for m in d.municipalities for n in m.current_numbers}
            and facts.theme.key in themes_in(d.title)]
    return _newest_first(same)[0] if same else None


def _in_county(meta: DocumentMeta, county: str, gazetteer: Gazetteer) -> bool:
    targets = set(gazetteer.current_counties(county)) or {county}
    names = {meta.county, meta.current_county} - {None}
    current = {c for n in names for c in gazetteer.current_counties(str(n))} | {
        p.strip() for n in names for p in str(n).split(",")}
    return bool(targets & current)


def _pick(documents: list[DocumentMeta], date: dt.date | None) -> DocumentMeta | None:
    """The document of the named date if there is one, else the newest."""
    if date is not None:
        exact = [d for d in documents if d.date == date]
        if exact:
            return exact[0]
    ordered = _newest_first(documents)
    return ordered[0] if ordered else None


def _newest_first(documents: list[DocumentMeta]) -> list[DocumentMeta]:
    return sorted(documents, key=lambda d: (d.date or dt.date.min, d.source), reverse=True)
