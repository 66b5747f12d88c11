"""Generation through a LangChain chat model: cited, claim-checked, never the last word."""

from __future__ import annotations

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.core.context import CoreContext
from bot.core.engine import Core


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


def test_model_missing_a_supported_answer_falls_back_to_the_extractive_one(sample_context):
    core = _core_with(sample_context, ["IKKE_I_KILDENE"])
    answer = core.answer(QUESTION)
    assert not answer.refused and "400 000" in answer.answer


def test_model_is_not_asked_when_the_sources_do_not_answer(sample_context):
    core = _core_with(sample_context, ["Fristen i Finnmark er 1. mai 2030 [1]."])
    answer = core.answer("Hva er søknadsfristen for stimuleringsmidler i Finnmark?")
    assert answer.refused and "2030" not in answer.answer
