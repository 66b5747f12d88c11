"""What the answer model sees: a few features per candidate sentence and per question.

Sentence features say how well a sentence answers one part of the question (closeness in
meaning, word coverage, the asked-for kind of fact, where it came from, what its document's
metadata says); question features say whether the best of them answers at all. The weights
are fitted on labelled questions (`bot.evaluation.calibrate`), not set by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from bot.core.claims import normalise
from bot.core.fit import place_fit, type_fit, year_fit
from bot.core.question import AnswerType, Part, Question, TimeFocus
from bot.facts.answer_types import YEAR, checked_types, has_type
from bot.facts.candidates import Candidate
from bot.facts.words import Groups, content_groups, coverage, matches, surface
from indexer.store.lexical import LexicalIndex, tokenize
from indexer.text.dates import MONTHS_NB
from indexer.text.patterns import words

BASE_FEATURES = (
    "dense_q", "dense_part", "dense_chunk", "lex_part", "lex_ctx", "lex_q", "exact",
    "type_fit", "type_missing", "rank", "fused", "fit_place", "fit_year", "fit_type", "names",
    "is_label", "is_item", "lead_in", "length", "recency", "negation", "prev_lex",
    "lex_focus", "rarest", "label_match", "heading_lex", "density", "list_fit", "block",
)
# Each question's best candidate sets the scale: how far a sentence lies behind it.
RELATIVE = ("dense_q", "dense_part", "lex_part", "lex_ctx", "lex_q", "lex_focus")
SENTENCE_FEATURES = BASE_FEATURES + tuple(f"{name}_gap" for name in RELATIVE)
MAX_KNOWN_YEARS = 5  # a span of years the question names; an open one names none
_NEGATION = words("ikke", "ikkje", "not", "never", "aldri", "unntatt", "except", "verken", "korkje",
                  "neither")


@dataclass(frozen=True)
class PartView:
    """One part of the question, prepared once: its word groups, words, vector, types."""

    part: Part
    groups: Groups
    words: frozenset[str]
    vector: np.ndarray
    types: list[str]
    focus: Groups  # the content words that are not names (names are checked apart)
    rarest: set[str]  # the rarest of them: the word an answer can least do without
    known_years: frozenset[int] = frozenset()  # the question's years: no answer to «when»


@dataclass(frozen=True)
class QuestionView:
    question: Question
    vector: np.ndarray
    parts: list[PartView]
    groups: Groups  # the whole question's
    names: list[set[str]]  # each named thing with its aliases (Øygarden → Fjell, Sund …)
    unknown_share: float  # weight of Norwegian content words the corpus never uses
    scene: Groups = field(default_factory=list)  # the statements before it (`Question.scene`)


def question_view(question: Question, vectors: np.ndarray, lexical: LexicalIndex,
                  aliases: dict[str, set[str]]) -> QuestionView:
    """`vectors`: the whole question first, then one per part (when there are several)."""
    english = question.language == "en"
    parts = list(question.parts) or [Part(question.standalone)]
    views = []
    name_stems = set(tokenize(" ".join(question.names)))
    span = question.years
    known = frozenset(range(span.first, span.last + 1)) if span and span.first > 0 and \
        span.last - span.first <= MAX_KNOWN_YEARS else frozenset()
    for i, part in enumerate(parts):
        vector = vectors[i + 1] if len(parts) > 1 else vectors[0]
        groups = content_groups(part.text, lexical, english)
        focus = [(g, w) for g, w in groups if not g & name_stems and not _premise(g, part)]
        if not focus and views and not part.answer_types:
            # «…, and what is it based on?»: a part with neither words of its own the corpus
            # knows nor a kind of answer asks about what the part before it names
            vector, groups, focus = vectors[0], views[-1].groups, views[-1].focus
        rarest = max(focus, key=lambda gw: gw[1])[0] if focus else set()
        views.append(PartView(part, groups, surface(_without_names(part.text)), vector,
                              checked_types(part.answer_types), focus, rarest, known))
    groups = content_groups(question.standalone, lexical, english)
    unknown = sum(w for g, w in groups if not any(lexical.known(s) for s in g))
    total = sum(w for _, w in groups) or 1.0
    names = [aliases.get(n, set()) | {n} for n in question.names]
    scene = content_groups(question.scene, lexical, english) if question.scene else []
    return QuestionView(question, vectors[0], views, groups, names,
                        0.0 if english else unknown / total, scene)


def _premise(group: set[str], part: Part) -> bool:
    """«Fikk de 750 000 kr, er det riktig?», «Var tilsynet i mai, sant?»: a figure, month or
    number word in a question asking for a figure (or a yes/no question claiming a date or a
    duration) is the claim to check, not a word the answer must say (it may well correct it)."""
    types = set(part.answer_types)
    if AnswerType.AMOUNT in types or AnswerType.COUNT in types:
        return all(s.isdigit() and not YEAR.fullmatch(s) for s in group)
    if AnswerType.YESNO in types and types & {AnswerType.DATE, AnswerType.DURATION}:
        return all((s.isdigit() and not YEAR.fullmatch(s)) or _CLAIM_WORD.fullmatch(s)
                   for s in group)
    return False


_CLAIM_WORD = re.compile(rf"(?:to|tre|fire|fem|seks|ett|ein|en|two|three|four|five|six|"
                         rf"{'|'.join(MONTHS_NB)})\w{{0,2}}", re.I)


def sentence_rows(view: QuestionView, part: PartView, cands: list[Candidate],
                  vectors: np.ndarray, top_score: float) -> np.ndarray:
    """Features of every candidate for one part, with each one's gap to the part's best."""
    if not cands:
        return np.zeros((0, len(SENTENCE_FEATURES)))
    stems = {c.key: frozenset(tokenize(c.text)) for c in cands}
    previous = _previous(cands)
    base = np.asarray([
        sentence_features(view, part, c, v, top_score, stems[c.key],
                          stems.get(previous[c.key], frozenset()) if c.key in previous else None)
        for c, v in zip(cands, vectors, strict=True)])
    columns = [BASE_FEATURES.index(name) for name in RELATIVE]
    gaps = base[:, columns] - base[:, columns].max(axis=0)
    return np.hstack([base, gaps])


def _previous(cands: list[Candidate]) -> dict[tuple[str, int], tuple[str, int]]:
    """The sentence before each one in the same paragraph of the same chunk."""
    by_chunk: dict[str, list[Candidate]] = {}
    for c in cands:
        by_chunk.setdefault(c.evidence.chunk.chunk_id, []).append(c)
    found: dict[tuple[str, int], tuple[str, int]] = {}
    for group in by_chunk.values():
        group.sort(key=lambda c: c.start)
        for before, after in zip(group, group[1:], strict=False):
            gap = before.evidence.chunk.text[before.end:after.start]
            if "\n\n" not in gap:
                found[after.key] = before.key
    return found


def sentence_features(view: QuestionView, part: PartView, cand: Candidate,
                      vector: np.ndarray, top_score: float, stems: frozenset[str] | None = None,
                      previous: frozenset[str] | None = None) -> list[float]:
    ev = cand.evidence
    stems = stems if stems is not None else frozenset(tokenize(cand.text))
    context = stems | frozenset(tokenize(cand.context))
    fits = [has_type(cand.text, t) for t in part.types]
    negated = bool(_NEGATION.search(cand.text + " " + " ".join(ev.chunk.heading_path)))
    recency = 0.0
    if view.question.time in (TimeFocus.NEXT, TimeFocus.CURRENT, TimeFocus.LATEST) and ev.meta.date:
        recency = max(-1.0, min(1.0, (ev.meta.date.year - view.question.today.year + 5) / 5))
    values = {
        "dense_q": float(vector @ view.vector),
        "dense_part": float(vector @ part.vector),
        "dense_chunk": ev.dense,
        "lex_part": coverage(part.groups, stems),
        "lex_ctx": coverage(part.groups, context),
        "lex_q": coverage(view.groups, context),
        "exact": len(part.words & surface(cand.text)) / len(part.words) if part.words else 0.0,
        "type_fit": float(bool(fits) and all(fits)),
        "type_missing": float(bool(fits) and not any(fits)),
        "rank": 1.0 / (1.0 + ev.rank),
        "fused": ev.score / top_score if top_score else 0.0,
        "fit_place": place_fit(view.question, ev.meta),
        "fit_year": year_fit(view.question, ev.meta),
        "fit_type": type_fit(view.question, ev.meta),
        "names": names_present(view.names, cand),
        "is_label": float(cand.is_label),
        "is_item": float(cand.is_item),
        "lead_in": float(cand.items > 0),
        "length": min(len(cand.text.split()), 60) / 60,
        "recency": recency,
        "negation": (1.0 if negated else -1.0) if part.part.negated else 0.0,
        "prev_lex": coverage(view.groups, previous) if previous is not None else 0.0,
        "lex_focus": coverage(part.focus, stems),
        "density": _density(part.focus, stems),
        "list_fit": float(AnswerType.LIST in part.part.answer_types and cand.items > 0),
        "block": float(cand.block),
        "rarest": float(bool(part.rarest) and matches(part.rarest, stems)),
        "label_match": coverage(part.groups, frozenset(tokenize(_label_of(cand.text))))
        if cand.is_label else 0.0,
        "heading_lex": coverage(part.groups, frozenset(tokenize(" ".join(ev.chunk.heading_path)))),
    }
    return [values[name] for name in BASE_FEATURES]


def names_present(names: list[set[str]], cand: Candidate) -> float:
    """Share of the question's named things (or an alias) found in the chunk, its headings, its
    document's title or its county/network: a document-wide list of places is not enough."""
    if not names:
        return 1.0
    meta = cand.evidence.meta
    haystack = normalise(" ".join([cand.evidence.chunk.text, cand.context, meta.county or "",
                                   meta.current_county or "", meta.network or ""]))
    stems = set(tokenize(haystack))
    found = sum(any(_name_in(n, haystack, stems) for n in group) for group in names)
    return found / len(names)


def _density(groups: Groups, stems: frozenset[str]) -> float:
    """Matched weight per word of the sentence (BM25's length normalisation, roughly): a short
    sentence with the question's rare words beats a long one that touches many of them."""
    if not groups or not stems:
        return 0.0
    matched = sum(w for g, w in groups if matches(g, stems))
    total = sum(w for _, w in groups)
    return matched / total / (0.5 + 0.5 * len(stems) / 12)


def _label_of(text: str) -> str:
    return text.split(":", 1)[0]


def names_said(names: list[set[str]], cand: Candidate) -> bool:
    """Whether the sentence itself (with its label, headings and title) names any of them: a
    chunk of Klepp's project naming «Universitetet i Stavanger» does not make its project
    leader Stavanger's."""
    haystack = normalise(" ".join([cand.text, cand.context]))
    stems = set(tokenize(haystack))
    return any(_name_in(n, haystack, stems) for group in names for n in group)


_SHORT_NAME = 4  # «Ål», «Hol», «Nes» stand alone: not «Ålesund», «holder», «kommunanes»


def _name_in(name: str, haystack: str, stems: set[str]) -> bool:
    said = normalise(name)
    if len(said) <= _SHORT_NAME:
        return re.search(rf"(?<!\w){re.escape(said)}(?!\w)", haystack) is not None
    if said in haystack:
        return True
    name_stems = tokenize(name)
    return bool(name_stems) and all(s in stems for s in name_stems)


def _without_names(text: str) -> str:
    return re.sub(r"«[^»]*»|\b[A-ZÆØÅ]\w*", " ", text)


def has_digits(text: str) -> bool:
    return any(char.isdigit() for char in text)


