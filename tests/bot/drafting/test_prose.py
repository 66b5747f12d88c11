"""Prose per section from a chat model (LangChain fakes), still cited and claim-checked."""

from __future__ import annotations

import dataclasses
import datetime as dt

from langchain_core.language_models.fake_chat_models import (
    FakeListChatModel,
    GenericFakeChatModel,
)

from bot import drafting
from bot.engine import Core
from tests.fakes import converse, draft_of, understood

REQUEST = "/utkast høykonflikt i Hå og Time etter utlysningen i Rogaland av 1. mars 2023"


def finish(ctx, *answers: str):  # type: ignore[no-untyped-def]
    core = Core(ctx, routes=[drafting.try_answer])
    final = converse(core.answer, [REQUEST, *answers, "ferdig"])[-1]
    assert final.kind == "draft"
    return final


def with_model(sample_context, model):  # type: ignore[no-untyped-def]
    return dataclasses.replace(sample_context, chat_model=model,
                               today=lambda: dt.date(2023, 3, 20))


def test_model_prose_replaces_the_answers_and_invented_numbers_are_dropped(sample_context):
    model = FakeListChatModel(responses=[
        "Hå og Time samarbeider om barn som lever i høy konflikt. "
        "Prosjektet har fått 9 999 999 kr fra Bufdir. "
        "Utlysningen krever samarbeid mellom minst to kommuner [1][99]."
    ])
    answer = finish(with_model(sample_context, model), "Barn i høykonfliktsaker")
    sections = {s.title: s for s in draft_of(answer).sections}
    background = sections["Bakgrunn og behov"].text
    assert "Hå og Time samarbeider om barn som lever i høy konflikt." in background
    assert "9 999 999" not in answer.answer
    assert "Tema: høykonflikt" not in background  # the model's prose took the answers' place
    assert "[99]" not in answer.answer
    assert "[mangler:" in sections["Evaluering"].text  # nothing told: no prose, still flagged
    assert "Barn i høykonfliktsaker" not in sections["Mål og målgruppe"].text


def test_prose_is_only_written_for_the_finished_draft(sample_context):
    model = FakeListChatModel(responses=["Hå og Time samarbeider."])
    ctx = with_model(sample_context, model)
    answer = drafting.try_answer(understood(ctx, REQUEST), ctx)
    assert answer is not None and "Hå og Time samarbeider." not in answer.answer


def test_a_failing_model_leaves_the_extractive_draft(sample_context):
    broken = GenericFakeChatModel(messages=iter([]))
    answer = finish(with_model(sample_context, broken), "Barn i høykonfliktsaker")
    sections = {s.title: s for s in draft_of(answer).sections}
    assert sections["Mål og målgruppe"].text.startswith("Barn i høykonfliktsaker")
