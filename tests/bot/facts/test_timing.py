"""Time awareness with a fixed today: a passed date is never stated as upcoming."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.engine import Core
from bot.facts.compose import ComposedSentence, Composition
from bot.facts.timing import past_note, what_there_is
from tests.fakes import understood


def _sentences(*texts: str) -> list[ComposedSentence]:
    return [ComposedSentence(t, (), ()) for t in texts]


def test_a_past_next_meeting_is_said_to_have_passed(sample_context):
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2026, 12, 2))
    q = understood(ctx, "Når er neste samling i Hordaland?")
    note = past_note(q, _sentences("Neste samling er 12. februar 2019 i Bergen."))
    assert note is not None and "passert" in note and "2. desember 2026" in note


def test_a_coming_date_gets_no_note(sample_context):
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2018, 12, 1))
    q = understood(ctx, "Når er neste samling i Hordaland?")
    assert past_note(q, _sentences("Neste samling er 12. februar 2019 i Bergen.")) is None


def test_a_question_about_the_past_gets_no_note(sample_context):
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2026, 12, 2))
    q = understood(ctx, "Når ble samlingen i Hordaland holdt i 2019?")
    assert past_note(q, _sentences("Samlingen ble holdt 12. februar 2019 i Bergen.")) is None


def test_the_note_is_in_the_questions_language(sample_context):
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2026, 12, 2))
    q = understood(ctx, "When is the next meeting in Hordaland?")
    note = past_note(q, _sentences("Neste samling er 12. februar 2019 i Bergen."))
    assert note is not None and note.startswith("Note:")


def test_another_years_answer_is_offered_as_what_there_is(sample_context):
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2026, 12, 2))
    core = Core(ctx)
    q = understood(ctx, "Hva er søknadsfristen for stimuleringsmidler i Rogaland i 2026?")
    vectors = core.facts.embed(q)
    evidence, _ = core.facts.evidence(q, vectors)
    best = core.facts.extractive().compose(q, vectors, evidence).best
    assert best is not None
    offered = what_there_is(q, Composition([], True, best=best, instead=True))
    assert offered is not None and "2026" in offered
    assert best.text.replace("**", "").strip() in offered  # quoted without markup


def test_a_claim_for_another_year_is_corrected_not_refused(sample_context):
    """«Fristen var 15. april 2024, ikke sant?» asks to confirm: 2023's deadline answers «no»."""
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2026, 12, 2))
    core = Core(ctx)
    claimed = core.answer("Bare for å dobbeltsjekke: søknadsfristen i Rogaland-utlysningen av "
                          "stimuleringsmidler var 15. april 2024, ikke sant?")
    assert not claimed.refused and claimed.answer.startswith("Nei, ikke for Rogaland 2024")
    assert "15. april 2023" in claimed.answer and claimed.citations and claimed.sentences
    asked = core.answer("Hva var søknadsfristen i Rogaland-utlysningen av stimuleringsmidler i "
                        "2024?")  # no claim: no «Nei», refused
    assert asked.refused and not asked.answer.startswith("Nei")


def test_how_it_went_asked_of_a_plan_says_no_result_and_quotes_the_plan(sample_context):
    """«Nådde de målet?» with only the project description in hand: its goal is no result."""
    core = Core(sample_context)
    q = understood(sample_context, "Nådde Kvam og Voss målene i fosterheimsprosjektet sitt?")
    assert q.outcome
    vectors = core.facts.embed(q)
    evidence, _ = core.facts.evidence(q, vectors)
    plan = next(e for e in evidence if "kvam-voss" in e.meta.source)
    best = core.facts.extractive().compose(q, vectors, [plan]).best
    assert best is not None
    said = what_there_is(q, Composition([], True, best=best, planned=True))
    assert said is not None and "planlagt" in said and best.text.replace("**", "") in said
    assert "Rettleiing nær fosterheimen" in said  # which document it is


def test_a_report_asked_of_a_project_that_has_none_is_said_to_be_missing(sample_context):
    """«Hva viste sluttrapporten fra «Neste steg»?»: the project has a description and minutes
    about it, no final report; the refusal says so and quotes the closest sentence."""
    core = Core(sample_context)
    q = understood(sample_context, "Hva viste sluttrapporten fra «Neste steg» om ungdomsrådet?")
    vectors = core.facts.embed(q)
    evidence, _ = core.facts.evidence(q, vectors)
    best = core.facts.extractive().compose(q, vectors, evidence).best
    assert best is not None and best.evidence.meta.doc_type != "sluttrapport"
    said = what_there_is(q, Composition([], True, best=best, document_kind="sluttrapport"))
    assert said is not None and said.startswith("Jeg finner ingen sluttrapport")
    assert best.evidence.meta.title in said and best.text.replace("**", "").strip() in said
    english = understood(sample_context, "What did the final report of Neste steg show?")
    told = what_there_is(english, Composition([], True, best=best, document_kind="sluttrapport"))
    assert told is not None and told.startswith("I find no final report")


def test_a_plan_alone_never_answers_how_it_went(sample_context):
    core = Core(sample_context)
    q = understood(sample_context, "Nådde Kvam og Voss målene i fosterheimsprosjektet sitt?")
    vectors = core.facts.embed(q)
    evidence, _ = core.facts.evidence(q, vectors)
    composition = core.facts.extractive().compose(
        q, vectors, [e for e in evidence if "kvam-voss" in e.meta.source])
    assert composition.refused and not composition.sentences
