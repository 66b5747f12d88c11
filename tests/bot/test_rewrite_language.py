from __future__ import annotations

import pytest

from bot.core.models import ChatTurn
from bot.core.rewrite import standalone_question
from indexer.text.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hvem er prosjektleder for prosjektet?", "nb"),
        ("Kven er prosjektleiar, og når sluttar prosjektet?", "nn"),
        ("Kva vart vedteke om rekruttering av tilsette?", "nn"),
        ("Who took over the parent groups after the project?", "en"),
        ("Hvilke kommuner har hatt fosterhjemsprosjekter?", "nb"),
    ],
)
def test_language_of_question(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("Hva skjedde på læringsnettverkssamlingen i Hordaland i 2018?",
         "og når er neste samling?", "Hordaland"),
        ("Kva gjer prosjektet «Rettleiing nær fosterheimen»?", "og kven leier det?",
         "«Rettleiing nær fosterheimen»"),
        ("What happened at the meeting in Trøndelag in 2021?", "and when is the next one?",
         "Trøndelag"),
    ],
)
def test_follow_up_inherits_context(previous, follow_up, expected):
    history = [ChatTurn(role="user", text=previous), ChatTurn(role="assistant", text="…")]
    assert expected in standalone_question(follow_up, history)


def test_standalone_question_is_left_alone():
    history = [ChatTurn(role="user", text="Hva skjedde i Hordaland i 2018?")]
    question = "Hva er søknadsfristen i utlysningen fra Rogaland?"
    assert standalone_question(question, history) == question
