"""A fact asked of each document of a kind: one cited row per document, answered on its own
(questions written here; the sample corpus as the product ships)."""

from __future__ import annotations

import pytest

from bot.core.claims import normalise

pytestmark = pytest.mark.slow


def test_each_final_report_answers_with_its_own_amount(real_core):
    answer = real_core.answer("Hvilke sluttrapporter har vi, og hvor mye fikk prosjektene i "
                              "stimuleringsmidler?")
    assert answer.kind == "list" and not answer.refused
    rows = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    for place, amount in (("Hamar", "360 000"), ("Haugesund", "900 000"), ("Rana", "600 000")):
        row = next(r for r in rows if place in r)
        assert normalise(amount) in normalise(row), row
        assert "[" in row  # every row cited
    assert len(answer.citations) >= 3


def test_guidelines_and_calls_compared_county_by_county(real_core):
    answer = real_core.answer("Hvor stor egenandel krever de ulike retningslinjene og "
                              "utlysningene?")
    text = normalise(answer.answer)
    assert "trøndelag" in text and "rogaland" in text
    assert "25 prosent" in text and "20 prosent" in text


def test_which_of_them_asks_most_is_not_asked_of_each_document(real_core):
    answer = real_core.answer("Hvor stor egenandel krever de ulike statsforvalterne i "
                              "retningslinjer og utlysninger? Hvem krever mest?")
    text = normalise(answer.answer)
    assert answer.kind == "list"
    assert "25 prosent" in text and "20 prosent" in text


def test_a_kind_with_one_document_is_answered_as_one_fact(real_core):
    answer = real_core.answer("Hvor stor egenandel krever retningslinjene i Trøndelag, og hvem "
                              "krever mest?")
    assert answer.kind == "fact"


def test_a_call_that_is_still_open_is_told_from_one_whose_deadline_has_passed(real_core):
    answer = real_core.answer("Hvilke utlysninger har vi, og er de fortsatt åpne?")
    row = next(line for line in answer.answer.splitlines() if "Rogaland" in line)
    assert "15. april 2023" in row and "passert" in row


@pytest.mark.parametrize(("question", "passed"), [
    ("Which calls are still open?", "has passed"),
    ("Kva utlysingar er framleis opne?", "passert"),
])
def test_still_open_asked_in_english_and_nynorsk_gets_each_deadline(real_core, question, passed):
    answer = real_core.answer(question)
    row = next(line for line in answer.answer.splitlines() if "Rogaland" in line)
    assert "15. april 2023" in row and passed in row


def test_a_fact_asked_of_each_project_of_a_theme_reads_each_projects_own_document(real_core):
    answer = real_core.answer("Hvem ledet de ulike fosterhjemsprosjektene?")
    assert answer.kind == "list" and not answer.refused
    rows = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    for leader in ("Solveig Hjelmås Tveit", "Hilde Marie Sørheim", "Ragnhild Ystanes Bø"):
        assert any(leader in row and "[" in row for row in rows), (leader, rows)


def test_a_row_brings_a_second_sentence_for_what_its_first_leaves_unsaid(real_core):
    """«totalrammen og maks beløp per prosjekt»: «inntil 400 000 kr per prosjekt» says the
    maximum, and the frame is another sentence of the same call."""
    from bot.facts.across import answer_each, each_part

    q = each_part(real_core.understand("Hva er totalrammen og maks beløp per prosjekt i "
                                       "utlysningene?"))
    call = next(m for m in real_core.ctx.store.documents() if m.doc_type == "utlysning")
    facts = real_core.facts
    found = answer_each(q, facts.embed(q), [call], facts.extractive(), facts.retriever)
    said = normalise(" ".join(c.text for c in found.answers[0].sentences))
    assert normalise("2 400 000") in said and normalise("400 000 kr per prosjekt") in said


def test_asked_of_each_county_the_county_governors_own_documents_answer(real_core):
    """«… i de forskjellige fylkene?»: the guidelines and calls each county issued, not a
    project's own share of its budget («Kommunene dekker 330 000 kr som egenandel»)."""
    question = real_core.understand("Hvor stor egenandel kreves i de forskjellige fylkene?")
    assert question.per_county
    answer = real_core.answer(question.text)
    rows = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert len(rows) == 2
    assert any("Trøndelag" in r and "25 prosent" in r for r in rows)
    assert any("Rogaland" in r and "20 prosent" in r for r in rows)


def test_a_difference_asked_between_named_places_gets_a_row_for_each(real_core):
    """«… Er det forskjell på Rogaland og Trøndelag?»: no kind named, yet each place's own
    document answers on its own row (the gate for merely nearest documents does not apply)."""
    answer = real_core.answer("Hvor stor egenandel kreves? Er det forskjell på "
                              "Rogaland og Trøndelag?")
    rows = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert any("Trøndelag" in r and "25 prosent" in r for r in rows), answer.answer
    assert any("Rogaland" in r and "20 prosent" in r for r in rows), answer.answer


def test_a_fact_asked_of_each_listed_project_follows_the_list(real_core):
    """«Hvilke fosterhjemsprosjekter har vi, og hvem var prosjektleder?»: the list as always,
    then each project's leader from its own document, cited; what the rows show already
    («… og hva heter kommunene i dag?») adds no rows."""
    answer = real_core.answer("Hvilke fosterhjemsprosjekter har vi, og hvem var prosjektleder?")
    assert answer.kind == "list" and not answer.refused
    text = normalise(answer.answer)
    assert "haugesund" in text and "kvam" in text  # the list
    for leader in ("Hilde Marie Sørheim", "Solveig Hjelmås Tveit", "Ragnhild Ystanes Bø"):
        row = next(line for line in answer.answer.splitlines() if leader in line)
        assert "[" in row
    numbers = {n for s in answer.sentences for n in s.citations}
    assert numbers == {c.n for c in answer.citations}  # every marker has its source
    goal = real_core.answer("Hvilke kommuner har hatt prosjekter om ettervern, og hva var "
                            "målet med prosjektene?")
    assert "Hovedmål" in goal.answer and "Trondheim" in goal.answer
    plain = real_core.answer("Hvilke kommuner har hatt prosjekter om ettervern, og hva heter "
                             "de kommunene i dag?")
    assert "Hovedmål" not in plain.answer
