"""Several questions in one message that each stand alone are answered apart; a later one that
leans on the first keeps the message one question with parts."""

from __future__ import annotations

import pytest

from bot.core.models import ChatTurn
from bot.core.understand import understand
from bot.core.understand.separate import questions


@pytest.mark.parametrize("message, expected", [
    ("Hvor mange regionale læringsnettverk finnes i Trøndelag?\nOgså: hva heter brosjyren som "
     "Landsforeningen for barnevernsbarn har laget?",
     ("Hvor mange regionale læringsnettverk finnes i Trøndelag?",
      "hva heter brosjyren som Landsforeningen for barnevernsbarn har laget?")),
    ("How many inspections did Statsforvalteren i Vestland carry out in 2023? Also: who was the "
     "former Løten mayor who spoke in Vestland?",
     ("How many inspections did Statsforvalteren i Vestland carry out in 2023?",
      "who was the former Løten mayor who spoke in Vestland?")),
    ("1. Når er søknadsfristen i Rogaland?\n2. Hvem leder prosjektet i Rana?",
     ("Når er søknadsfristen i Rogaland?", "Hvem leder prosjektet i Rana?")),
])
def test_questions_on_their_own_lines_or_after_also_are_answered_apart(message, expected):
    assert questions(message) == expected


@pytest.mark.parametrize("message", [
    "Hvem leder prosjektet i Rana?\nHvor mye kostet det?",  # «det»: the project above
    "Hvem leder prosjektet i Rana?\nOg hva var målet med prosjektet?",
    "Vi er en kommune i Agder og vil søke.\nHvor mye kan vi søke om?",  # context, then a question
    "Hvem leder prosjektet i Rana, og hvor mye søker de om?",  # one line: parts of one question
    "Hvilke kommuner har hatt prosjekter?\n- om fosterhjem\n- i Vestland",  # one list question
])
def test_a_question_that_leans_on_another_or_a_single_question_stays_one(message):
    assert questions(message) == ()


def test_the_understood_question_carries_its_separate_questions_unless_a_draft_waits(kit):
    message = "Når er søknadsfristen i Rogaland?\nHvem leder prosjektet i Rana?"
    assert understand(message, [], kit).separate == (
        "Når er søknadsfristen i Rogaland?", "Hvem leder prosjektet i Rana?")
    from bot.core.dialog import DraftDialog

    waiting = DraftDialog(kind="plan", language="nb", opening="Lag en prosjektplan")
    turns = [ChatTurn(role="user", text="Lag en prosjektplan"),
             ChatTurn(role="assistant", text="Hva heter prosjektet?", dialog=waiting)]
    assert understand(message, turns, kit).separate == ()  # the draft's next answer
