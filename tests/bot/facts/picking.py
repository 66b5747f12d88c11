"""Candidates, their scores and question views written by hand, for the tests of picking an
answer's sentences (no model, no store)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from bot.core.question import AnswerType, Intent, Part, Question
from bot.facts.candidates import Candidate
from bot.facts.features import PartView, QuestionView
from bot.facts.gate import Scored
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.store.lexical import tokenize

META = DocumentMeta(doc_id="d", source="d.md", path="d.md", title="Tilsyn",
                    doc_type=DocType.ANNET)


def scored(text: str, probability: float) -> Scored:
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    cand = Candidate(text=text, evidence=Evidence(chunk, META, 0.1, 0.5), start=0,
                     end=len(text), context="", is_label=False, is_item=False, items=0)
    return Scored(cand, probability, [])


def part_view(text: str, kinds: tuple[AnswerType, ...], words: str) -> PartView:
    focus = [({stem}, 1.0) for stem in tokenize(words)]
    return PartView(Part(text, kinds), focus, frozenset(), np.zeros(2), [], focus,
                    focus[0][0] if focus else set())


def view(*parts: PartView) -> QuestionView:
    question = Question(text="", language="nb", intent=Intent.FACT, standalone="",
                        today=dt.date(2026, 12, 2))
    return QuestionView(question, np.zeros(2), list(parts), [], [], 0.0)


def sentences_of(text: str):  # type: ignore[no-untyped-def]
    """`at(sentence, items)`: the candidate of one sentence of a one-chunk document."""
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    ev = Evidence(chunk, META, 0.1, 0.5)

    def at(sentence: str, items: int = 0) -> Candidate:
        start = text.index(sentence)
        return Candidate(sentence, ev, start, start + len(sentence), "", False, False, items)

    return at
