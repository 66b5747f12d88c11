"""«Hvor står det at …?»: the answer names the document (and section) that says it, not only
its number in the source list."""

from __future__ import annotations

import dataclasses

from bot.facts.answer import cited_answer
from bot.facts.compose import ComposedSentence, Composition
from tests.bot.facts.picking import scored
from tests.fakes import understood

SAID = "16 prosent av de spurte har et dårlig inntrykk av barnevernet."


def _composition() -> Composition:
    evidence = scored(SAID, 0.9).candidate.evidence
    evidence = dataclasses.replace(evidence, chunk=evidence.chunk.model_copy(
        update={"heading_path": ["4 Krav til kompetanse", "4.1 Bakgrunn"]}))
    return Composition([ComposedSentence(SAID, (evidence,), (SAID,))], False, "", 0.9)


def test_where_it_is_said_names_the_document_and_its_section(sample_context):
    q = understood(sample_context, "Hvor står det at 16 prosent har et dårlig inntrykk av "
                                   "barnevernet?")
    answer = cited_answer(q, _composition(), {})
    assert answer.answer.startswith("Det står i Tilsyn, under «4.1 Bakgrunn» [1]. 16 prosent")


def test_a_plain_question_gets_the_fact_alone(sample_context):
    q = understood(sample_context, "Hvor mange har et dårlig inntrykk av barnevernet?")
    assert cited_answer(q, _composition(), {}).answer.startswith("16 prosent")
