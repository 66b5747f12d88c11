"""Meetings named in words nobody tuned for: the kind of meeting in English («steering group»,
«resource group»), a month without its year («i mai»), and a deadline's month beside the
meeting («har frist i desember 2026»), which is not the meeting's date."""

from __future__ import annotations

import pytest

from bot.core.payloads import DecisionList
from bot.engine import Core
from tests.bot.minutes.test_participants import RESSURSGRUPPE, SETESDAL, VESTLAND, ask


@pytest.fixture(scope="module")
def core(sample_context) -> Core:  # type: ignore[no-untyped-def]
    return Core(sample_context)


def meetings(core: Core, question: str) -> set[str]:
    answer = ask(core, question)
    assert isinstance(answer.payload, DecisionList), answer.answer
    return {d.source for d in answer.payload.decisions}


@pytest.mark.parametrize(("question", "source"), [
    ("What was decided at the most recent steering group meeting we have minutes from? Bullet "
     "points please.", SETESDAL),
    ("What did the resource group decide?", RESSURSGRUPPE),
    ("Kva vart vedteke på møtet i mai?", SETESDAL),
    ("Hva ble bestemt på møtet i februar?", VESTLAND),
    ("Fra styringsgruppemøtet i februar: hvilke oppfølgingspunkter har frist i mars 2020, og hvem "
     "har ansvaret?", VESTLAND),
    ("Which action items from the steering group meeting in Vestland are due by March 2020?",
     VESTLAND),
])
def test_the_meeting_is_found_by_words_nobody_tuned_for(core, question, source) -> None:  # type: ignore[no-untyped-def]
    assert meetings(core, question) == {source}


def test_a_month_no_meeting_was_held_in_is_refused_with_the_nearest(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hva ble vedtatt på møtet i august?")
    assert answer.refused and "fra august" in answer.answer


def test_a_deadline_year_is_not_the_meetings(core) -> None:  # type: ignore[no-untyped-def]
    understood = core.understand("Hvilke oppfølgingspunkter har frist i 2027?")
    assert understood.meeting is not None and understood.meeting.year is None
