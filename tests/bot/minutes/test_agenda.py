"""One agenda item asked by its place or number («første sak», «sak 4/2020», «the last item»):
its title, what it said, decided and left to do, cited, under the meeting it belongs to."""

from __future__ import annotations

import pytest

from bot.core.citation import Citation
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Question
from bot.core.question_values import AgendaPick
from bot.core.understand.meeting import agenda_pick
from bot.engine import Core


@pytest.mark.parametrize(("text", "pick"), [
    ("Hva var første sak på møtet i styringsgruppen?", AgendaPick(position=1)),
    ("What was the last item on the agenda of the Finnmark meeting?", AgendaPick(position=-1)),
    ("Kva handla sak 3 om på møtet i Vestland?", AgendaPick(number="3")),
    ("Hva ble vedtatt i sak 23/2026?", AgendaPick(number="23/2026")),  # numbered as minutes do
    ("Hva er første sak barnevernet bør prioritere?", None),  # a case, no meeting
    ("Hva står i punkt 6 i tilsynsrapporten?", None),  # a report's point
    ("Hvor mange saker var på møtet i Setesdal?", AgendaPick(every=True)),
    ("Kva sakar stod på saklista i februar?", AgendaPick(every=True)),
    ("What was on the agenda at the Finnmark meeting?", AgendaPick(every=True)),
    ("Hvor mange saker med vold ble nevnt på samlingen?", None),  # cases, not items
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


def test_the_whole_agenda_counts_its_saks_each_cited(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hvor mange saker var på møtet i styringsgruppen i Vestland i februar "
                         "2020?")
    lines = answer.answer.splitlines()
    assert not answer.refused and "har 5 saker" in lines[0]
    assert lines[1].startswith("- Sak 1/2020 Godkjenning av innkalling og referat")
    assert lines[5].startswith("- Sak 5/2020 Ny kommunestruktur")
    assert all(line.rstrip().endswith("]") for line in lines[1:6])  # each Sak cited
    assert "Til stede" not in answer.answer  # counted items, not the people present


class _FactsAsked:
    """Stands in for the fact answerer: answers whatever it is asked, and keeps what that was."""

    def __init__(self) -> None:
        self.asked: list[Question] = []

    def seen_by(self, ctx: CoreContext) -> _FactsAsked:
        return self

    def answer(self, q: Question) -> Answer:
        self.asked.append(q)
        said = AnswerSentence(text="Søknadsverkstedet er 3. mars 2020.", citations=[1])
        return Answer(question=q.text, answer="Søknadsverkstedet er 3. mars 2020. [1]",
                      sentences=[said], citations=[Citation(n=1, source="r.md", title="R",
                                                            snippet="3. mars 2020")])


def test_a_part_beside_the_agenda_is_answered_after_it(sample_context) -> None:  # type: ignore[no-untyped-def]
    core = Core(sample_context)
    facts = _FactsAsked()
    core.facts = facts  # type: ignore[assignment]
    answer = core.answer("Hvor mange saker var på møtet i styringsgruppen i Vestland i februar "
                         "2020, og når skal søknadsverkstedet holdes?")
    assert "har 5 saker" in answer.answer and answer.answer.endswith("3. mars 2020. [6]")
    assert [p.text for p in facts.asked[0].parts] == ["når skal søknadsverkstedet holdes?"]
    assert facts.asked[0].agenda is None
