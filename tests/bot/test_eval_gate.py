"""The quality gate: the dev questions must pass with the offline default, as in the issue."""

from __future__ import annotations

import pytest

from bot.evaluation import evaluate, load_questions
from tests.conftest import SHARED_EVAL

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not SHARED_EVAL.exists(), reason="../shared/eval is not beside the repo")
def test_dev_questions_meet_the_thresholds(real_core):
    store = real_core.ctx.store

    def chunk_text(chunk_id: str) -> str | None:
        chunk = store.chunks([chunk_id]).get(chunk_id)
        return chunk.text if chunk else None

    report = evaluate(real_core, load_questions(SHARED_EVAL), chunk_text)
    failed = [(r.id, r.missing, r.refused) for r in report.results if not r.passed]
    scores = report.overall
    assert scores.must_contain_rate >= 0.9, failed
    assert scores.source_recall_at_5 >= 0.95, failed
    assert scores.refusal_accuracy == 1.0, failed
    assert scores.citation_precision >= 0.95
    assert scores.must_not_contain_violations == 0
