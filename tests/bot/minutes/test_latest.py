"""When a group last met: the newest referat's date, cited, with the next meeting it planned —
said as passed when that day lies behind today, never as coming."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.core.understand.meeting import asks_last_meeting
from bot.engine import Core


@pytest.mark.parametrize(("text", "asked"), [
    ("Når var siste møte i ressursgruppa?", True),
    ("Når møttes styringsgruppa sist?", True),
    ("When did the Finnmark network last meet?", True),
    ("Når var siste møte, og når er det neste?", True),
    ("Når er neste møte?", False),
    ("Hva ble bestemt på siste møte?", False),  # its decisions
    ("Når ble siste sluttrapport levert?", False),  # no meeting
])  # fmt: skip
def test_when_a_group_last_met_is_asked(text, asked) -> None:  # type: ignore[no-untyped-def]
    assert asks_last_meeting(text) is asked


def core_on(ctx, today: dt.date) -> Core:  # type: ignore[no-untyped-def]
    return Core(dataclasses.replace(ctx, today=lambda: today))


def test_the_last_meeting_is_the_newest_referat_and_its_next_meeting_is_said_as_passed(
        sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = core_on(sample_context, dt.date(2026, 12, 6)).answer(
        "Når var siste møte i styringsgruppen i Vestland?")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("Siste møte jeg finner referat fra:") and "11.02.2020" in lines[0]
    assert "12. mai 2020" in lines[1] and "passert" in lines[1]
    assert all(s.citations for s in answer.sentences)


def test_a_next_meeting_still_ahead_is_said_as_set(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = core_on(sample_context, dt.date(2020, 3, 1)).answer(
        "When did the Vestland steering group last meet?")
    assert answer.language == "en" and "The next meeting is set for 12 May 2020" in answer.answer
