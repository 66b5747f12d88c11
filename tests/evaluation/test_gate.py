"""The quality gate: every question set, answered by the offline default over all corpora,
beside the LangChain tutorial pipeline measured in the same run.

The floors are what the answers reach today (docs/BENCHMARKS.md), so a change that makes them
worse fails CI; the issue's targets are higher and stated there. The sealed sets are run once,
at the end of a piece of work (`bench/query.py --sealed`), and only reported there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import evaluate, load_questions
from tests.conftest import REPO
from tests.evaluation.conftest import SHARED

pytestmark = pytest.mark.slow

# set → (fact must_contain, refusal accuracy) floors; recall must match the tutorial's
FLOORS: dict[str, tuple[float, float]] = {
    "questions.jsonl": (0.85, 0.9),
    "real-dev.jsonl": (0.8, 0.85),
    "dev/blind-sample.jsonl": (0.6, 0.8),
    "dev/blind-real.jsonl": (0.6, 0.75),
    "dev/blind-mixed.jsonl": (0.6, 0.7),
    "dev/blind-new.jsonl": (0.7, 0.8),
    "dev/blind-structured.jsonl": (0.5, 0.8),
    # written after the answer model was fitted: held out from every fitted number
    "dev/w2-sample.jsonl": (0.6, 0.75),
    "dev/w2-new.jsonl": (0.5, 0.8),
    "dev/w2-real.jsonl": (0.65, 0.8),
    "dev/w2-structured.jsonl": (0.75, 0.85),
    "dev/w3-sample.jsonl": (0.45, 0.85),
    "dev/w3-real.jsonl": (0.5, 0.8),
    "dev/w3-structured.jsonl": (0.25, 0.85),
}


def _path(name: str) -> Path:
    return SHARED / "eval" / name if "/" not in name else REPO / "eval" / name


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_question_set_meets_its_floors(name, eval_core, tutorial):
    path = _path(name)
    if not path.exists():
        pytest.skip(f"{path} is not there")
    store = eval_core.ctx.store

    def chunk_text(chunk_id: str) -> str | None:
        chunk = store.chunks([chunk_id]).get(chunk_id)
        return chunk.text if chunk else None

    questions = load_questions(path)
    report = evaluate(eval_core, questions, chunk_text)
    baseline = tutorial.score(questions)
    must_floor, refusal_floor = FLOORS[name]
    fact = report.by_kind.get("fact", report.overall)
    failed = [(r.id, r.missing, r.refused) for r in report.results if not r.passed]
    assert fact.must_contain_rate >= must_floor, failed
    assert report.overall.refusal_accuracy >= refusal_floor, failed
    assert report.overall.source_recall_at_5 >= baseline.recall_at_4 - 0.02, failed
    assert report.overall.citation_precision >= 0.95
    assert report.overall.must_not_contain_violations <= 1
