"""One agenda item asked by its place or number («første sak», «sak 4/2020», «the last item»):
its title, what it said, decided and left to do, cited, under the meeting it belongs to."""

from __future__ import annotations

import pytest

from bot.core.question import AgendaPick
from bot.core.understand.meeting import agenda_pick
from bot.engine import Core


@pytest.mark.parametrize(("text", "pick"), [
    ("Hva var første sak på møtet i styringsgruppen?", AgendaPick(position=1)),
    ("What was the last item on the agenda of the Finnmark meeting?", AgendaPick(position=-1)),
    ("Kva handla sak 3 om på møtet i Vestland?", AgendaPick(number="3")),
    ("Hva ble vedtatt i sak 23/2026?", AgendaPick(number="23/2026")),  # numbered as minutes do
    ("Hva er første sak barnevernet bør prioritere?", None),  # a case, no meeting
    ("Hva står i punkt 6 i tilsynsrapporten?", None),  # a report's point
])  # fmt: skip
def test_an_agenda_item_asked_by_its_place_or_number(text, pick) -> None:  # type: ignore[no-untyped-def]
    assert agenda_pick(text) == pick


@pytest.fixture(scope="module")
def core(sample_context) -> Core:  # type: ignore[no-untyped-def]
    return Core(sample_context)


def test_the_first_item_of_a_meeting_is_its_first_sak(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hva var første sak på møtet i styringsgruppen i Vestland i februar 2020?")
    lines = answer.answer.splitlines()
    assert not answer.refused and lines[0].startswith("Fra referatet") and "2020" in lines[0]
    assert lines[1] == "**Sak 1/2020 Godkjenning av innkalling og referat**"
    assert "Innkalling og referat godkjent" in answer.answer and answer.citations
    assert "Sak 2/2020" not in answer.answer


def test_an_item_by_its_number_or_place_brings_its_decision_and_action(core) -> None:  # type: ignore[no-untyped-def]
    by_number = core.answer("Hva ble vedtatt i sak 4/2020?")
    assert "**Sak 4/2020 Stimuleringsmidler 2020**" in by_number.answer
    assert "søknadsverksted 3. mars 2020" in by_number.answer
    assert "Ingrid Hauge Sæle" in by_number.answer  # the action's owner
    last = core.answer("What was the last item on the agenda of the Vestland steering group "
                       "meeting in February 2020?")
    assert last.language == "en" and "**Sak 5/2020 Ny kommunestruktur" in last.answer
    assert "Neste møte" not in last.answer.splitlines()[1]  # the next meeting is no Sak
