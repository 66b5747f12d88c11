"""Decisions and open action items across all minutes, and "what has X decided about Y"."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.core.understand import decisions, intent
from bot.minutes.decisions import list_decisions
from bot.minutes.route import try_answer
from tests.fakes import understood

VESTLAND = "2020-02-11_referat_styringsgruppe_vestland.md"
SETESDAL = "2023-05-10_referat_styringsgruppe_setesdal.md"


def test_decisions_are_listed_newest_first_with_their_citation(sample_context) -> None:
    found = list_decisions(sample_context)
    dates = [d.meeting_date for d in found]
    assert dates == sorted(dates, reverse=True)
    plan = next(d for d in found if "felles rekrutteringsplan" in d.text and d.kind == "vedtak")
    assert plan.source == SETESDAL and plan.citation.source == SETESDAL
    assert plan.sak == "Sak 9/2023 Rekruttering og stabilitet i barnevernstenestene"
    assert "felles rekrutteringsplan" in plan.citation.snippet


def test_network_and_since_filter_the_meetings(sample_context) -> None:
    vestland = list_decisions(sample_context, network="Vestland")
    assert vestland and VESTLAND in {d.source for d in vestland}
    assert SETESDAL not in {d.source for d in vestland}
    recent = list_decisions(sample_context, since=dt.date(2022, 1, 1))
    assert recent and all(d.meeting_date and d.meeting_date >= dt.date(2022, 1, 1)
                          for d in recent)


def test_action_items_past_their_deadline_are_not_open(sample_context) -> None:
    def deadline_action(ctx):  # type: ignore[no-untyped-def]
        return [d for d in list_decisions(ctx, network="Vestland")
                if d.kind == "oppfølging" and d.deadline == dt.date(2020, 3, 15)]

    before = dataclasses.replace(sample_context, today=lambda: dt.date(2020, 3, 1))
    after = dataclasses.replace(sample_context, today=lambda: dt.date(2020, 4, 1))
    assert [d.who for d in deadline_action(before)] == ["Jorunn Steinsland, Kvam herad"]
    assert deadline_action(after) == []
    undated = [d for d in list_decisions(after) if d.kind == "oppfølging"]
    assert undated and all(d.deadline is None or d.deadline >= dt.date(2020, 4, 1)
                           for d in undated)


def test_what_a_group_decided_about_a_topic(sample_context) -> None:
    question = understood(sample_context, "Hva har ressursgruppa bestemt om kompetansemiljøene?")
    answer = try_answer(question, sample_context)
    assert answer is not None and answer.kind == "list"
    assert "stormøte" in answer.answer
    assert {c.source for c in answer.citations} == {"000_9cd953df84ef8b74.txt"}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_decisions_about_an_unknown_topic_leave_the_question_to_the_general_answerer(
    sample_context,
) -> None:
    question = understood(sample_context, "Hva har styringsgruppa vedtatt om kjøkkenutstyr?")
    assert try_answer(question, sample_context) is None


def test_decisions_questions_in_three_languages_are_recognised() -> None:
    assert decisions.actor_and_topic("Kva har styringsgruppa vedteke om barnevernsvakt?") == (
        "styringsgruppa", "barnevernsvakt")
    assert decisions.actor_and_topic("What has the steering group decided about training?") == (
        "the steering group", "training")
    assert not intent.asks_decisions("Hva er et vedtak?")
    # a question word with a noun of its own asks for that, not for what was decided
    assert not intent.asks_decisions("Kva periode gjeld kompetanseløftet regjeringa vedtok?")
    assert not intent.asks_decisions("Hvilket beløp ble vedtatt for 2020?")
    assert intent.asks_decisions("Hva har styringsgruppa bestemt om barnevernsvakt?")
    # what the networks did is what their minutes decided and followed up; the municipalities'
    # doings are no meeting's
    asked = "Hva har nettverkene gjort for å rekruttere ansatte til barnevernet?"
    assert intent.asks_decisions(asked)
    assert decisions.actor_and_topic(asked) == ("nettverkene", "rekruttere ansatte til barnevernet")
    assert not intent.asks_decisions("Hva har kommunene gjort for å rekruttere fosterhjem?")
