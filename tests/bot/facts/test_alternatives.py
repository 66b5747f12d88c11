"""Either-or questions: each choice offered is looked for in the sources."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.question import AnswerType
from bot.core.understand.yes_no import alternatives
from bot.facts.alternatives import choices_missing
from tests.bot.facts.picking import part_view, scored, view


@pytest.mark.parametrize(("text", "choices"), [
    ("Ble overgangsperioden to eller tre år?", ("to år", "tre år")),
    ("Var det Kvam eller Voss som var vertskommune?", ("Kvam", "Voss")),
    ("Was the host Bergen or Voss?", ("Bergen", "Voss")),
    ("Hvor mye fikk Kvam eller Voss?", ()),  # no yes/no question: no choice to settle
    ("Må de være to eller flere kommuner?", ()),  # «flere» is no choice of its own
])  # fmt: skip
def test_the_choices_of_an_either_or_question(text, choices) -> None:  # type: ignore[no-untyped-def]
    assert alternatives(text) == choices


def test_a_choice_no_picked_sentence_says_takes_the_sentence_that_does() -> None:
    two = scored("Solberg-regjeringen foreslo en overgangsperiode på to år.", 0.9)
    three = scored("Støre-regjeringen foreslår å utvide den til tre år.", 0.7)
    unlikely = scored("Perioden ble tre år, skrev en avis.", 0.1)
    part = part_view("Ble overgangsperioden to eller tre år?", (AnswerType.YESNO,), "overgangsperiode")
    part = dataclasses.replace(part, part=dataclasses.replace(
        part.part, alternatives=("to år", "tre år")))
    question = view(part)
    assert choices_missing(question, [[two, three, unlikely]], [two.candidate], 0.3) == [
        three.candidate]
    assert choices_missing(question, [[two, three]], [two.candidate, three.candidate], 0.3) == []
    assert choices_missing(question, [[two, unlikely]], [two.candidate], 0.3) == []  # too unlikely
