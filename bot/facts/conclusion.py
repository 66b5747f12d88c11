"""What an inspection concluded. «Har noen sjekket om de følger opp fosterbarna?» answered
from an inspection report says what the inspection found («Det ble ikke funnet lovbrudd»), not
only that it was held; the conclusion often stands in a chunk retrieval did not bring, so it
is read from the report itself."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.question import AnswerType, Question
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType

# «Det ble ikke funnet lovbrudd under tilsynet», «Ved dette tilsynet blei det avdekt lovbrot»
CONCLUSION = re.compile(r"\b(?:(?:ikke|ikkje)\s+(?:funnet|avdekket|avdekka|avdekt)|funnet|fann|fant|"
                        r"avdekket|avdekka|avdekt|påpekt|påpeika)\b[^.]{0,40}\b"
                        r"(?:lovbrudd|lovbrot|avvik|brudd)\b|\b(?:lovbrudd|lovbrot|avvik)\b[^.]{0,30}"
                        r"\b(?:funnet|avdekket|avdekka|avdekt|påpekt)\b", re.I)


def with_conclusion(q: Question, evidence: list[Evidence],
                    document_chunks: Callable[[str], list[Chunk]]) -> list[Evidence]:
    """The best-ranked source, an inspection report asked a yes/no question of, with the chunk
    holding its conclusion when retrieval did not bring one: placed right after it, so that
    the composer reads it, with the weakest score, so that it ranks on its words alone."""
    if not evidence or not any(AnswerType.YESNO in p.answer_types for p in q.parts):
        return evidence
    top = evidence[0]
    if top.meta.doc_type != DocType.TILSYNSRAPPORT or any(
            e.meta.doc_id == top.meta.doc_id and CONCLUSION.search(e.chunk.text)
            for e in evidence):
        return evidence
    said = next((c for c in document_chunks(top.meta.doc_id) if CONCLUSION.search(c.text)), None)
    if said is None:
        return evidence
    weakest = min(e.score for e in evidence)
    return [top, Evidence(said, top.meta, weakest, 0.0, len(evidence), top.fit), *evidence[1:]]
