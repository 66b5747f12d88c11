"""The meetings the minutes plan next, across every referat, with a fixed today: those still
ahead first, passed ones said to be passed, each cited to its referat."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.minutes.ahead import answer_ahead
from tests.fakes import understood

VESTLAND = "2020-02-11_referat_styringsgruppe_vestland.md"


@pytest.mark.parametrize(("today", "first_ahead"), [
    (dt.date(2020, 3, 1), "12. mai 2020"),  # the Vestland steering group's next meeting
    (dt.date(2026, 12, 2), None),  # every «neste møte» in the sample minutes has passed
])  # fmt: skip
def test_every_referats_next_meeting_is_told_ahead_or_passed(sample_context, today,
                                                           first_ahead) -> None:  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: today)
    question = understood(ctx, "Er det noen møter eller samlinger som står for tur?")
    assert question.meetings_ahead
    answer = answer_ahead(question, ctx)
    assert answer is not None and not answer.refused
    lines = answer.answer.splitlines()
    if first_ahead is None:
        assert "ingen møter som står for tur" in lines[0] and lines[1] == "Passert:"
    else:
        assert lines[1].startswith(f"- {first_ahead}") and "Passert:" in lines
    rows = [line for line in lines if line.startswith("- ")]
    assert len(rows) >= 3 and all("[" in row for row in rows)  # every row cited
    assert VESTLAND in {c.source for c in answer.citations}


def test_a_named_network_keeps_its_own_minutes(sample_context) -> None:  # type: ignore[no-untyped-def]
    question = understood(sample_context, "Which meetings are coming up in Setesdal?")
    answer = answer_ahead(question, sample_context)
    assert answer is not None and answer.language == "en"
    assert {c.source for c in answer.citations} == {"2023-05-10_referat_styringsgruppe_setesdal.md"}


@pytest.mark.parametrize(("text", "ahead"), [
    ("Er det noen møter som står for tur nå?", True),
    ("Hvilke samlinger er planlagt framover?", True),
    ("For each set of minutes, what was the next planned meeting date?", True),
    ("Kva er neste møte i kvart referat?", True),
    ("Har noen av nettverkene et møte som fortsatt ligger fram i tid?", True),  # one each
    ("Which of the networks have their next meeting still ahead?", True),
    ("Hvilke av de planlagte neste møtene i referatene er allerede passert?", True),
    ("Which of the meetings the minutes plan have already passed?", True),
    ("Når er neste møte i styringsgruppa i Setesdal?", False),  # one network's: a fact
    ("Hvilke møter har Valle deltatt på?", False),
])  # fmt: skip
def test_which_questions_ask_the_meetings_ahead(sample_context, text, ahead) -> None:  # type: ignore[no-untyped-def]
    assert understood(sample_context, text).meetings_ahead is ahead
