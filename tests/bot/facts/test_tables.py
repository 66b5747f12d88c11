"""A whole table is an answer to a list question only; a single fact is answered by its row."""

from __future__ import annotations

import numpy as np

from bot.core.question import AnswerType, Part
from bot.facts.candidates import Candidate
from bot.facts.compose import tables_for_lists
from bot.facts.features import PartView
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType, DocumentMeta

TABLE = "Embete | Antall; Statsforvalteren i Agder | 3; Statsforvalteren i Rogaland | 4."
ROW = "Statsforvalteren i Agder | 3"


def _candidate(text: str, table: bool) -> Candidate:
    meta = DocumentMeta(doc_id="d", source="d.md", path="d.md", title="Veileder",
                        doc_type=DocType.RETNINGSLINJE)
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    return Candidate(text=text, evidence=Evidence(chunk, meta, 0.1, 0.5), start=0,
                     end=len(text), context="", is_label=False, is_item=False,
                     items=3 if table else 0, block=table, table=table)


def _part(*types: AnswerType) -> PartView:
    return PartView(Part("?", types), [], frozenset(), np.zeros(1), [t.value for t in types],
                    [], set())


def test_a_list_question_keeps_the_table() -> None:
    found = [_candidate(TABLE, True), _candidate(ROW, False)]
    assert tables_for_lists([_part(AnswerType.LIST)], found) == found


def test_a_fact_question_is_answered_by_rows_not_the_table() -> None:
    found = [_candidate(TABLE, True), _candidate(ROW, False)]
    assert [c.text for c in tables_for_lists([_part(AnswerType.COUNT)], found)] == [ROW]
