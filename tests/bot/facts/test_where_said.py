"""«Hvor står det at …?»: the answer names the document (and section) that says it, not only
its number in the source list."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.facts.cited import cited_answer
from bot.facts.compose import ComposedSentence, Composition
from indexer.models import DocType
from tests.bot.facts.picking import scored
from tests.fakes import understood

SAID = "16 prosent av de spurte har et dårlig inntrykk av barnevernet."


def _composition() -> Composition:
    evidence = scored(SAID, 0.9).candidate.evidence
    evidence = dataclasses.replace(evidence, chunk=evidence.chunk.model_copy(
        update={"heading_path": ["4 Krav til kompetanse", "4.1 Bakgrunn"]}))
    return Composition([ComposedSentence(SAID, (evidence,), (SAID,))], False, "", 0.9)


def _said_in(**meta: object) -> Composition:
    """SAID, from a document with this metadata."""
    evidence = scored(SAID, 0.9).candidate.evidence
    evidence = dataclasses.replace(evidence, meta=evidence.meta.model_copy(update=meta))
    return Composition([ComposedSentence(SAID, (evidence,), (SAID,))], False, "", 0.9)


def test_where_it_is_said_names_the_document_and_its_section(sample_context):
    q = understood(sample_context, "Hvor står det at 16 prosent har et dårlig inntrykk av "
                                   "barnevernet?")
    answer = cited_answer(q, _composition(), {})
    assert answer.answer.startswith("Det står i Tilsyn, under «4.1 Bakgrunn» [1]. 16 prosent")


def test_a_plain_question_gets_the_fact_alone(sample_context):
    q = understood(sample_context, "Hvor mange har et dårlig inntrykk av barnevernet?")
    assert cited_answer(q, _composition(), {}).answer.startswith("16 prosent")


def test_when_it_was_decided_names_the_date_of_the_meeting_whose_minutes_say_it(sample_context):
    composition = _said_in(doc_type=DocType.REFERAT, date=dt.date(2026, 11, 18))
    q = understood(sample_context, "Når ble det bestemt at 16 prosent skulle spørres?")
    assert q.when_decided
    assert cited_answer(q, composition, {}).answer.startswith(
        "Dette er fra referatet av møtet 18. november 2026 [1]. 16 prosent")
    other = understood(sample_context, "Hvor mange har et dårlig inntrykk av barnevernet?")
    assert not other.when_decided


def test_the_newest_document_of_a_kind_is_named_before_its_sentences(sample_context):
    composition = _said_in(doc_type=DocType.SLUTTRAPPORT, date=dt.date(2025, 3, 10))
    report = composition.sentences[0].evidence[0]
    q = understood(sample_context, "Hva er den nyeste sluttrapporten vi har?")
    assert q.document_extreme == "newest"
    assert cited_answer(q, composition, {}, [report]).answer.startswith(
        "Nyeste sluttrapport: «Tilsyn» (10. mars 2025). [1] 16 prosent")


def test_the_oldest_and_the_newest_document_are_the_answer_when_no_sentence_is(sample_context):
    """«Hva er det eldste og det nyeste møtereferatet?»: no sentence of either says its age,
    the two documents, each cited by its opening, answer it."""
    opening = scored(SAID, 0.9).candidate.evidence
    old, new = (dataclasses.replace(opening, chunk=opening.chunk.model_copy(update={
        "chunk_id": name}), meta=opening.meta.model_copy(update={
        "doc_id": name, "title": name, "doc_type": DocType.REFERAT, "date": date}))
        for name, date in [("Samling", dt.date(2018, 9, 13)), ("Styringsgruppe",
                                                                dt.date(2026, 11, 18))])
    q = understood(sample_context, "Hva er det eldste og det nyeste møtereferatet i basen?")
    assert q.document_extreme == "both"
    answer = cited_answer(q, Composition([], False), {}, [old, new])
    assert not answer.refused
    assert answer.answer == ("Eldste referat: «Samling» (13. september 2018). [1] "
                             "Nyeste referat: «Styringsgruppe» (18. november 2026). [2]")
    assert understood(sample_context, "Hva er det nyeste referatet?").document_extreme == "newest"
    where = dataclasses.replace(q, where_said=True)  # «Hvor står det …» with no sentence kept
    assert cited_answer(where, Composition([], False), {}, [old, new]).answer == answer.answer


def test_who_issued_it_is_named_from_the_documents_front_matter(sample_context):
    composition = _said_in(publisher="Statsforvalteren i Oslo og Viken")
    q = understood(sample_context, "Hvilken statsforvalter gjennomførte tilsynet?")
    assert q.asks_issuer
    assert cited_answer(q, composition, {}).answer.startswith(
        "Tilsyn er fra Statsforvalteren i Oslo og Viken [1]. 16 prosent")
    plain = understood(sample_context, "Hvor mange har et dårlig inntrykk av barnevernet?")
    assert not plain.asks_issuer
    assert cited_answer(plain, composition, {}).answer.startswith("16 prosent")
