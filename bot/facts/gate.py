"""The answerable gate's view of a question: does the best evidence answer it at all?

A few question features (the best sentences' probabilities and features, whether the answer
holds the asked-for words, year and kind of fact, whether the sources are about another place
or year) that the `answerable` model of `answer_model.json` weighs.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.fit import in_force
from bot.core.question import Question
from bot.facts.answer_types import has_type
from bot.facts.candidates import Candidate
from bot.facts.features import SENTENCE_FEATURES, QuestionView, names_present
from bot.facts.words import coverage, matches
from indexer.store.lexical import tokenize

QUESTION_FEATURES = (
    "best", "second", "best_lex", "best_dense", "top_dense", "names_missing", "best_fit_place",
    "best_fit_year", "place_conflict", "year_conflict", "unknown_share", "parts",
    "best_focus", "focus_missing", "year_missing", "answer_focus", "answer_rarest",
    "answer_year", "answer_types",
)
# The question features that say the sources are about another place or year, and the value
# each takes when the question names none (what would answer, place and year aside?).
FIT_NEUTRAL = {"best_fit_place": 0.0, "best_fit_year": 0.0, "place_conflict": 0.0,
               "year_conflict": 0.0, "year_missing": 0.0, "answer_year": 1.0}

@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    probability: float
    features: list[float]

    def feature(self, name: str) -> float:
        """One of the sentence features it was scored by (`SENTENCE_FEATURES`): «rarest» says
        whether its text holds the part's rarest word."""
        return self.features[SENTENCE_FEATURES.index(name)]


def gate_row(view: QuestionView, found: list[Candidate], per_part: list[list[Scored]],
             ignore_fit: bool = False) -> list[float]:
    """The question features of scored candidates. `ignore_fit`: as if the question named no
    place or year (what would answer then?)."""
    if not found or not per_part or not per_part[0]:
        return [0.0] * len(QUESTION_FEATURES)
    best = [(p[0].candidate, p[0].probability, p[0].features) for p in per_part if p]
    pool_names = max(names_present(view.names, c) for c in found)
    row = question_features(view, best, [s.probability for s in per_part[0]], pool_names,
                            answer_set(per_part))
    return unnamed(row) if ignore_fit else row


def unnamed(row: list[float]) -> list[float]:
    """The row as if the question named no place or year (what would answer then?)."""
    return [FIT_NEUTRAL.get(name, value) for name, value in zip(QUESTION_FEATURES, row,
                                                                strict=True)]


def fit_against(row: list[float]) -> bool:
    """The sources are about another place or year than asked (or miss the year): only then is
    a refusal «for that place or year», quoting what there is instead. A source that fits both
    and still does not answer gets a plain refusal («I can't find this for 2023. The closest
    I find is about 2023» was said of a 2023 sentence)."""
    values: dict[str, float] = dict(zip(QUESTION_FEATURES, row, strict=True))
    # a document of the year asked whose sentences do not write the year («For 2026 …» under
    # «Tema som prioriteres») is not about another year
    unsaid = ("best_fit_place", "best_fit_year") + (
        ("answer_year",) if values["best_fit_year"] > 0 else ())
    return any(values[name] != neutral for name, neutral in FIT_NEUTRAL.items()
               if name not in unsaid) or (
        values["best_fit_place"] < 0 or values["best_fit_year"] < 0)


def answer_set(per_part: list[list[Scored]]) -> list[Candidate]:
    """What an answer is judged by: the main part's two best sentences and each other part's
    best (a fixed rule, so the answerable-model does not depend on the supporting share)."""
    found = [s.candidate for s in per_part[0][:2]] if per_part else []
    for ranked in per_part[1:]:
        if ranked and ranked[0].candidate not in found:
            found.append(ranked[0].candidate)
    return found


def question_features(view: QuestionView, best: list[tuple[Candidate, float, list[float]]],
                      ranked: list[float], pool_names: float,
                      answer: list[Candidate] | None = None) -> list[float]:
    """`best`: the chosen sentence per part with its probability and features; `ranked`: the
    main part's probabilities, best first; `pool_names`: names present anywhere retrieved;
    `answer`: the sentences an answer would be made of (does it say what was asked?)."""
    answer = answer if answer is not None else [c for c, _, _ in best]
    main_features = best[0][2] if best else [0.0] * len(SENTENCE_FEATURES)
    index = {name: i for i, name in enumerate(SENTENCE_FEATURES)}
    fits_place = [f[index["fit_place"]] for _, _, f in best]
    values = {
        "best": ranked[0] if ranked else 0.0,
        "second": ranked[1] if len(ranked) > 1 else 0.0,
        "best_lex": main_features[index["lex_ctx"]],
        "best_dense": main_features[index["dense_q"]],
        "top_dense": main_features[index["dense_chunk"]],
        "names_missing": 1.0 - pool_names,
        "best_fit_place": main_features[index["fit_place"]],
        "best_fit_year": main_features[index["fit_year"]],
        "place_conflict": float(bool(view.question.places) and all(f < 0 for f in fits_place)),
        "year_conflict": float(main_features[index["fit_year"]] < 0),
        "unknown_share": view.unknown_share,
        "parts": min(len(view.parts), 3) / 3,
        "best_focus": main_features[index["lex_focus"]],
        "focus_missing": _focus_missing(view, best[0][0]) if best else 1.0,
        "year_missing": _year_missing(view.question, best[0][0]) if best else 0.0,
        **_answer_says(view, answer),
    }
    return [values[name] for name in QUESTION_FEATURES]


def _answer_says(view: QuestionView, answer: list[Candidate]) -> dict[str, float]:
    """Does the answer itself hold the asked-for words, the rarest of them, the year and the
    kinds of fact (a granted amount asked where only an applied-for one is said)?"""
    part = view.parts[0]
    stems = frozenset(tokenize(" ".join(c.text + " " + c.context for c in answer)))
    text = " ".join(c.text for c in answer)
    span = view.question.years
    year = 1.0
    if span is not None and span.single is not None:
        dated = any(c.evidence.meta.known_year == span.single
                    or in_force(c.evidence.meta, span.single) for c in answer)
        year = float(dated or str(span.single) in text)
    types = [t for p in view.parts for t in p.types]
    return {
        "answer_focus": coverage(part.focus, stems),
        "answer_rarest": float(not part.rarest or matches(part.rarest, stems)),
        "answer_year": year,
        "answer_types": float(all(has_type(text, t) for t in types)) if types else 1.0,
    }


def _focus_missing(view: QuestionView, best: Candidate) -> float:
    """Share of the main part's own words (names aside) that its best sentence's whole chunk,
    headings and title lack: «tildelt» asked where the source says only «søkt»."""
    focus = view.parts[0].focus
    total = sum(w for _, w in focus)
    if not total:
        return 0.0
    ev = best.evidence
    stems = frozenset(tokenize(" ".join([ev.chunk.text, best.context])))
    return sum(w for g, w in focus if not matches(g, stems)) / total


def _year_missing(question: Question, best: Candidate) -> float:
    """The question names a year that neither the best chunk nor its document's date has."""
    span = question.years
    if span is None or span.single is None:
        return 0.0
    ev = best.evidence
    if ev.meta.known_year == span.single:
        return 0.0
    if in_force(ev.meta, span.single):
        return 0.0
    return float(str(span.single) not in ev.chunk.text + best.context)

