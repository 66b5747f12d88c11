"""Fit the answer model on labelled development questions: `make calibrate`.

    python -m bot.evaluation.calibrate --data-dir DIR SET.jsonl ... [--out bot/facts/answer_model.json]

DIR must hold the corpora the sets were written over (index them together first). For every
question the fact route would answer, the candidate sentences of its retrieved chunks are
labelled by the eval rules (a sentence holds a key string of the answer and comes from a source
document); a logistic regression learns which sentences answer. A second one learns from the
questions (refusals included) whether the best sentences answer at all, on out-of-fold sentence
probabilities; its threshold, the share a supporting sentence needs, and how far metadata moves
retrieval are all chosen by grouped cross-validation. Never pass the sealed sets.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from bot.core.fit import metadata_fit
from bot.core.question import Intent, Question
from bot.engine import Core, build_core
from bot.evaluation import EvalQuestion, contains, load_questions
from bot.evaluation.fitting import pairwise, perceptron, pointwise
from bot.facts.candidates import Candidate, candidates
from bot.facts.compose import CANDIDATE_CHUNKS, ExtractiveComposer
from bot.facts.features import SENTENCE_FEATURES, sentence_rows
from bot.facts.gate import QUESTION_FEATURES, Scored, gate_row
from bot.facts.model import MODEL_FILE, AnswerModel, Logistic, Perceptron, load_model
from bot.facts.pick import pick_sentences
from bot.facts.retrieval import Evidence
from indexer.settings import Settings

FIT_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0)
SUPPORT_SHARES = (0.3, 0.5, 0.7, 0.9, 1.01)
MAX_CHARS = (360, 400, 440, 480)
MEDIAN_CHARS = 400  # the ceiling on the median fact answer (answered, as shown)
CITATION_CHARS = 4  # « [1]» after each quoted sentence of a shown answer
FOLDS = 5
RANKERS = ("pointwise", "pairwise", "perceptron")
Ranker = Logistic | Perceptron


@dataclass
class Example:
    """One question the fact route answers, with its candidates' features and labels."""

    question: EvalQuestion
    understood: Question
    candidates: list[Candidate]
    rows: list[list[list[float]]]  # per part, per candidate
    labels: list[int]  # per candidate
    recall: float  # source documents among the retrieved
    fold: int = 0


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--ranker", choices=RANKERS, default="pointwise",
                        help="how the sentence model is fitted (pairwise won CV by 1-2 points "
                             "on 2026-12-02 but lost on the held-out w2 sets)")
    parser.add_argument("--keep-ranker", action="store_true",
                        help="keep the sentence ranker of --out as it is; fit only the gate "
                             "that decides whether to answer, and the answer's length")
    parser.add_argument("--examples", type=Path, default=None,
                        help="keep the labelled candidates here and reuse them when the file "
                             "exists: fitting another ranker then takes seconds, not minutes")
    args = parser.parse_args()
    if args.examples is not None and args.examples.exists():
        fit_weight, examples = pickle.loads(args.examples.read_bytes())
    else:
        fit_weight, examples = _examples(args.data_dir, args.sets)
        if args.examples is not None:
            args.examples.write_bytes(pickle.dumps((fit_weight, examples)))
    for i, example in enumerate(sorted(examples, key=lambda e: e.question.id)):
        example.fold = i % FOLDS
    kept = load_model(args.out).sentence if args.keep_ranker else None
    model = fit(examples, fit_weight, args.ranker, kept)
    model.trained_on = _counts(args.sets)
    args.out.write_text(model.model_dump_json(indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model.cross_validated, indent=1))
    print(f"wrote {args.out}")


def _examples(data_dir: Path, sets: list[Path]) -> tuple[float, list[Example]]:
    core = build_core(Settings(data_dir=data_dir, _env_file=None))  # type: ignore[call-arg]
    questions = [q for path in sets for q in load_questions(path)]
    fact = [q for q in questions if _fact_route(core, q)]
    print(f"{len(fact)} of {len(questions)} questions go to the fact route")
    fit_weight = _choose_fit_weight(core, fact)
    return fit_weight, [_example(core, q, fit_weight) for q in fact]


def _fact_route(core: Core, q: EvalQuestion) -> bool:
    understood = core.understand(q.question)
    if understood.intent in {Intent.EMPTY, Intent.HELP, Intent.SOURCES, Intent.INJECTION,
                             Intent.SUMMARY}:
        return False  # summaries are composed apart (bot.facts.summary)
    return all(route(understood, core.ctx) is None for route in core.routes)


def _choose_fit_weight(core: Core, questions: list[EvalQuestion]) -> float:
    """The metadata weight that finds the source documents best (recall@5 of documents)."""
    answerable = [q for q in questions if q.sources]
    prepared = [(q, core.understand(q.question)) for q in answerable]
    vectors = {q.id: core.facts.embed(u) for q, u in prepared}
    best, best_recall = 0.0, -1.0
    for weight in FIT_WEIGHTS:
        core.facts.retriever.fit_weight = weight
        recalls = [_recall(q, core.facts.retriever.search(
            u.standalone, 8, fit=partial(metadata_fit, u), vector=vectors[q.id][0]))
            for q, u in prepared]
        mean = statistics.mean(recalls) if recalls else 0.0
        print(f"fit weight {weight}: document recall@5 {mean:.3f}")
        if mean > best_recall + 1e-9:
            best, best_recall = weight, mean
    core.facts.retriever.fit_weight = best
    return best


def _recall(q: EvalQuestion, evidence: list[Evidence]) -> float:
    documents = list(dict.fromkeys(e.meta.source for e in evidence))[:5]
    return sum(s in documents for s in q.sources) / len(q.sources)


def _example(core: Core, q: EvalQuestion, fit_weight: float) -> Example:
    understood = core.understand(q.question)
    vectors = core.facts.embed(understood)
    evidence, _ = core.facts.evidence(understood, vectors)
    composer: ExtractiveComposer = core.facts.extractive()
    view = composer.view(understood, vectors)
    pool = evidence[:CANDIDATE_CHUNKS]
    found = candidates(pool)
    sentence_vectors = composer.vectors.of([c.text for c in found])
    top = max((e.score for e in pool), default=1.0)
    rows = [sentence_rows(view, part, found, sentence_vectors, top).tolist()
            for part in view.parts]
    labels = [int(_holds_answer(q, c)) for c in found]
    recall = _recall(q, evidence) if q.sources else 1.0
    example = Example(q, understood, found, rows, labels, recall)
    example.view = view  # type: ignore[attr-defined]
    return example


def _holds_answer(q: EvalQuestion, cand: Candidate) -> bool:
    if q.kind == "refusal" or not q.must_contain:
        return False
    if q.sources and cand.evidence.meta.source not in q.sources:
        return False
    items = [i if isinstance(i, list) else [i] for i in q.must_contain]
    return any(contains(cand.text, alt) for alternatives in items for alt in alternatives)


def fit(examples: list[Example], fit_weight: float, ranker: str = "pointwise",
        kept: Ranker | None = None) -> AnswerModel:
    """`kept`: a sentence ranker to keep as it is (fitted before on other questions), so that
    only the answerable gate and the answer window are fitted again."""
    sentence = kept or _fit_sentences(examples, ranker)
    by_fold = {fold: kept or _fit_sentences([e for e in examples if e.fold != fold], ranker)
               for fold in range(FOLDS)}
    out_of_fold = {id(e): by_fold[e.fold] for e in examples}
    rows, labels, folds = [], [], []
    for e in examples:
        rows.append(_question_row(e, out_of_fold[id(e)]))
        labels.append(int(e.question.kind != "refusal"))
        folds.append(e.fold)
    answerable = pointwise(np.asarray(rows), np.asarray(labels), QUESTION_FEATURES)
    threshold, accuracy, probs = _threshold(np.asarray(rows), np.asarray(labels),
                                            np.asarray(folds))
    answered = {id(e): bool(p >= threshold) for e, p in zip(examples, probs, strict=True)}
    support, cap, window = _window(examples, out_of_fold, answered)
    scores = {"questions": float(len(examples)), "refusal_accuracy_cv": accuracy, **window,
              "recall_at_5": statistics.mean(e.recall for e in examples)}
    return AnswerModel(sentence=sentence, answerable=answerable, threshold=threshold,
                       supporting=support, max_chars=cap, fit_weight=fit_weight,
                       cross_validated=scores)


def _fit_sentences(examples: Iterable[Example], ranker: str) -> Ranker:
    x, y, groups = [], [], []
    for i, e in enumerate(examples):
        for rows in e.rows:
            x.extend(rows)
            y.extend(e.labels)
            groups.extend([i] * len(rows))
    if ranker == "pairwise":
        return pairwise(np.asarray(x), np.asarray(y), np.asarray(groups), SENTENCE_FEATURES)
    if ranker == "perceptron":
        return perceptron(np.asarray(x), np.asarray(y), SENTENCE_FEATURES)
    return pointwise(np.asarray(x), np.asarray(y), SENTENCE_FEATURES, balanced=True)


def _scored(e: Example, model: Ranker) -> list[list[Scored]]:
    per_part = []
    for rows in e.rows:
        probs = model.probabilities(np.asarray(rows)) if rows else np.zeros(0)
        scored = [Scored(c, float(p), r) for c, p, r in zip(e.candidates, probs, rows, strict=True)]
        per_part.append(sorted(scored, key=lambda s: -s.probability))
    return per_part


def _question_row(e: Example, model: Ranker) -> list[float]:
    return gate_row(e.view, e.candidates, _scored(e, model))  # type: ignore[attr-defined]


def _threshold(rows: np.ndarray, labels: np.ndarray, folds: np.ndarray
               ) -> tuple[float, float, np.ndarray]:
    """The threshold with the best out-of-fold accuracy (ties: the lower, answering more), and
    the out-of-fold probabilities."""
    probs = np.zeros(len(labels))
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        if test.any() and len(set(labels[train])) == 2:
            probs[test] = pointwise(rows[train], labels[train], QUESTION_FEATURES
                                    ).probabilities(rows[test])
    grid = np.linspace(0.05, 0.95, 91)
    accuracy = [float(np.mean((probs >= g) == labels)) for g in grid]
    best = int(np.argmax(accuracy))
    return float(grid[best]), accuracy[best], probs


def _window(examples: list[Example], models: dict[int, Ranker], answered: dict[int, bool]
            ) -> tuple[float, int, dict[str, float]]:
    """The supporting share and length cap with the best out-of-fold key-string rate, keeping
    the median fact answer the gate lets through within MEDIAN_CHARS as shown; with the rate
    over answered questions too."""
    answerable = [e for e in examples if e.question.kind != "refusal" and e.question.must_contain]
    scored = {id(e): _scored(e, models[id(e)]) for e in answerable}
    best: tuple[float, int, dict[str, float]] = (SUPPORT_SHARES[-1], MAX_CHARS[0], {})
    for share in SUPPORT_SHARES:
        for cap in MAX_CHARS:
            picks = [pick_sentences(scored[id(e)], share, cap) for e in answerable]
            texts = [" ".join(c.text for c in picked) for picked in picks]
            hits = [_all_items(e.question, t) for e, t in zip(answerable, texts, strict=True)]
            median = statistics.median([_shown(t, p) for e, t, p in zip(
                answerable, texts, picks, strict=True) if e.question.kind == "fact"
                and answered[id(e)]] or [0])
            rate = statistics.mean(hits) if hits else 0.0
            print(f"share {share}, cap {cap}: key strings {rate:.3f}, median {median:.0f} chars")
            if median <= MEDIAN_CHARS and rate > best[2].get("must_contain_cv", -1.0) + 1e-9:
                end_to_end = statistics.mean(h * answered[id(e)]
                                             for e, h in zip(answerable, hits, strict=True))
                best = (share, cap, {"must_contain_cv": rate, "answered_must_cv": end_to_end,
                                     "median_chars_cv": float(median)})
    return best


def _shown(text: str, picked: list[Candidate]) -> int:
    """The length of the answer as shown: its sentences with a citation mark after each."""
    return len(text) + CITATION_CHARS * len(picked)


def _all_items(q: EvalQuestion, text: str) -> float:
    items = [i if isinstance(i, list) else [i] for i in q.must_contain]
    return float(all(any(contains(text, alt) for alt in alternatives) for alternatives in items))


def _counts(paths: list[Path]) -> dict[str, int]:
    return {p.name: len(load_questions(p)) for p in paths}


if __name__ == "__main__":
    main()
