"""Generation through a LangChain chat model: it decides from the evidence; every sentence is
cited and claim-checked."""

from __future__ import annotations

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.core.context import CoreContext
from bot.engine import Core


def _core_with(sample_context, replies: list[str]) -> Core:
    ctx = CoreContext(settings=sample_context.settings, store=sample_context.store,
                      embeddings=sample_context.embeddings, gazetteer=sample_context.gazetteer,
                      chat_model=FakeListChatModel(responses=replies))
    return Core(ctx, routes=[])


QUESTION = "Hvilket maksimalt beløp per prosjekt sto i utlysningen i Rogaland i 2023?"


def test_model_sentences_keep_their_citations(sample_context):
    core = _core_with(sample_context, ["Det kan søkes om inntil 400 000 kr per prosjekt [1]."])
    answer = core.answer(QUESTION)
    assert not answer.refused
    assert "400 000" in answer.answer and "[1]" in answer.answer
    assert answer.sentences[0].citations == [1]


def test_invented_number_is_removed_by_the_claim_check(sample_context):
    core = _core_with(sample_context, [
        "Det kan søkes om inntil 400 000 kr per prosjekt [1]. Fristen er 1. mai 2031 [1]."])
    answer = core.answer(QUESTION)
    assert "2031" not in answer.answer
    assert "400 000" in answer.answer


def test_uncited_model_sentence_is_dropped(sample_context):
    core = _core_with(sample_context, [
        "Det kan søkes om inntil 400 000 kr per prosjekt [1]. Dette er et godt tilbud."])
    assert "godt tilbud" not in core.answer(QUESTION).answer


def test_the_model_decides_when_the_sources_hold_no_answer(sample_context):
    core = _core_with(sample_context, ["IKKE_I_KILDENE"])
    answer = core.answer(QUESTION)
    assert answer.refused and "400 000" not in answer.answer


def test_a_model_answers_what_the_extractive_composer_refuses(sample_context):
    """The extractive guard no longer decides for the model: given the evidence, it answers."""
    question = "Hvor mye kunne et prosjekt i Finnmark få i 2023?"
    extractive = Core(sample_context, routes=[]).answer(question)
    assert extractive.refused  # the premise: the offline composer will not answer this
    # The model cites every source it was shown: which rank the Rogaland call has depends on
    # the fitted retrieval weights, not on what this test is about.
    core = _core_with(sample_context, [
        "Det kan søkes om inntil 400 000 kr per prosjekt [1][2][3][4][5][6]."])
    answer = core.answer(question)
    assert not answer.refused and "400 000" in answer.answer
    assert "2023-03-01_utlysning_rogaland_stimuleringsmidler.md" in {
        c.source for c in answer.citations}


def test_an_ungrounded_model_answer_becomes_a_refusal(sample_context):
    core = _core_with(sample_context, ["Fristen i Finnmark er 1. mai 2030 [1]."])
    answer = core.answer("Hva er søknadsfristen for stimuleringsmidler i Finnmark?")
    assert answer.refused and "2030" not in answer.answer
