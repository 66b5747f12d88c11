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
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from bot.core.question import Intent, Question
from bot.engine import Core, build_core
from bot.evaluation import EvalQuestion, contains, load_questions
from bot.facts.candidates import Candidate, candidates
from bot.facts.compose import CANDIDATE_CHUNKS, ExtractiveComposer, Scored, answer_set
from bot.facts.features import (
    QUESTION_FEATURES,
    SENTENCE_FEATURES,
    names_present,
    question_features,
    sentence_rows,
)
from bot.facts.fit import metadata_fit
from bot.facts.model import MODEL_FILE, AnswerModel, Logistic
from bot.facts.retrieval import Evidence
from indexer.settings import Settings

FIT_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0)
SUPPORT_SHARES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
FOLDS = 5


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
    args = parser.parse_args()
    core = build_core(Settings(data_dir=args.data_dir, _env_file=None))  # type: ignore[call-arg]
    questions = [q for path in args.sets for q in load_questions(path)]
    fact = [q for q in questions if _fact_route(core, q)]
    print(f"{len(fact)} of {len(questions)} questions go to the fact route")
    fit_weight = _choose_fit_weight(core, fact)
    examples = [_example(core, q, fit_weight) for q in fact]
    for i, example in enumerate(sorted(examples, key=lambda e: e.question.id)):
        example.fold = i % FOLDS
    model = fit(examples, fit_weight)
    model.trained_on = _counts(args.sets)
    args.out.write_text(model.model_dump_json(indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model.cross_validated, indent=1))
    print(f"wrote {args.out}")


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


def fit(examples: list[Example], fit_weight: float) -> AnswerModel:
    sentence = _fit_sentences(examples)
    by_fold = {fold: _fold_sentences(examples, fold) for fold in range(FOLDS)}
    out_of_fold = {id(e): by_fold[e.fold] for e in examples}
    rows, labels, folds = [], [], []
    for e in examples:
        rows.append(_question_row(e, out_of_fold[id(e)]))
        labels.append(int(e.question.kind != "refusal"))
        folds.append(e.fold)
    answerable = _logistic(np.asarray(rows), np.asarray(labels), QUESTION_FEATURES)
    threshold, accuracy = _threshold(np.asarray(rows), np.asarray(labels), np.asarray(folds))
    support, must = _support(examples, out_of_fold)
    scores = {"questions": float(len(examples)), "refusal_accuracy_cv": accuracy,
              "must_contain_cv": must,
              "recall_at_5": statistics.mean(e.recall for e in examples)}
    return AnswerModel(sentence=sentence, answerable=answerable, threshold=threshold,
                       supporting=support, fit_weight=fit_weight, cross_validated=scores)


def _fit_sentences(examples: Iterable[Example]) -> Logistic:
    x, y = [], []
    for e in examples:
        for rows in e.rows:
            x.extend(rows)
            y.extend(e.labels)
    return _logistic(np.asarray(x), np.asarray(y), SENTENCE_FEATURES, balanced=True)


def _fold_sentences(examples: list[Example], fold: int) -> Logistic:
    return _fit_sentences(e for e in examples if e.fold != fold)


def _scored(e: Example, model: Logistic) -> list[list[Scored]]:
    per_part = []
    for rows in e.rows:
        probs = model.probabilities(np.asarray(rows)) if rows else np.zeros(0)
        scored = [Scored(c, float(p), r) for c, p, r in zip(e.candidates, probs, rows, strict=True)]
        per_part.append(sorted(scored, key=lambda s: -s.probability))
    return per_part


def _question_row(e: Example, model: Logistic) -> list[float]:
    per_part = _scored(e, model)
    if not e.candidates:
        return [0.0] * len(QUESTION_FEATURES)
    best = [(p[0].candidate, p[0].probability, p[0].features) for p in per_part if p]
    pool_names = max(names_present(e.view.names, c) for c in e.candidates)  # type: ignore[attr-defined]
    return question_features(e.view, best, [s.probability for s in per_part[0]],  # type: ignore[attr-defined]
                             pool_names, answer_set(per_part))


def _logistic(x: np.ndarray, y: np.ndarray, names: tuple[str, ...],
              balanced: bool = False) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=0.1, max_iter=3000,
                             class_weight="balanced" if balanced else None)
    clf.fit((x - mean) / scale, y)
    coef, intercept = np.asarray(clf.coef_), np.asarray(clf.intercept_)
    return Logistic(features=list(names), weights=[float(w) for w in coef[0]],
                    bias=float(intercept[0]), mean=[float(m) for m in mean],
                    scale=[float(s) for s in scale])


def _threshold(rows: np.ndarray, labels: np.ndarray, folds: np.ndarray) -> tuple[float, float]:
    """The threshold with the best out-of-fold accuracy (ties: the lower, answering more)."""
    probs = np.zeros(len(labels))
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        if test.any() and len(set(labels[train])) == 2:
            probs[test] = _logistic(rows[train], labels[train], QUESTION_FEATURES
                                    ).probabilities(rows[test])
    grid = np.linspace(0.05, 0.95, 91)
    accuracy = [float(np.mean((probs >= g) == labels)) for g in grid]
    best = int(np.argmax(accuracy))
    return float(grid[best]), accuracy[best]


def _support(examples: list[Example], models: dict[int, Logistic]) -> tuple[float, float]:
    """The supporting-sentence share with the best out-of-fold key-string rate, answers kept
    short."""
    answerable = [e for e in examples if e.question.kind != "refusal" and e.question.must_contain]
    best, best_rate = SUPPORT_SHARES[-1], -1.0
    for share in SUPPORT_SHARES:
        composer = _Picker(share)
        texts = [composer.answer(e, _scored(e, models[id(e)])) for e in answerable]
        rate = statistics.mean(_all_items(e.question, t) for e, t in zip(answerable, texts,
                                                                          strict=True))
        median = statistics.median(len(t) for t in texts) if texts else 0
        print(f"supporting share {share}: key strings {rate:.3f}, median {median:.0f} chars")
        if median <= 400 and rate > best_rate + 1e-9:
            best, best_rate = share, rate
    return best, best_rate


class _Picker:
    """The composer's choice of sentences, with a given supporting share."""

    def __init__(self, share: float) -> None:
        self.share = share

    def answer(self, e: Example, per_part: list[list[Scored]]) -> str:
        if not e.candidates:
            return ""
        fake = ExtractiveComposer.__new__(ExtractiveComposer)
        fake.model = type("M", (), {"supporting": self.share})()  # type: ignore[assignment]
        picked = fake._pick(e.view, per_part)  # type: ignore[attr-defined]
        return " ".join(c.text for c in picked)


def _all_items(q: EvalQuestion, text: str) -> float:
    items = [i if isinstance(i, list) else [i] for i in q.must_contain]
    return float(all(any(contains(text, alt) for alt in alternatives) for alternatives in items))


def _counts(paths: list[Path]) -> dict[str, int]:
    return {p.name: len(load_questions(p)) for p in paths}


if __name__ == "__main__":
    main()
