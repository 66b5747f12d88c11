"""Decisions and action items asked in chat, in every phrasing (bestemt, vedtatt, besluttet,
vedteke, vedtok, decided, vedtak, beslutninger, oppfølgingspunkter, enige), with networks and
time words resolved («siste møte», «i fjor», «i vår»): the same as `laeringsbot decisions`."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.core.models import Answer, ChatTurn
from bot.core.payloads import DecisionList, ParticipantList
from bot.engine import Core
from bot.minutes.decisions import list_decisions

RESSURSGRUPPE = "000_9cd953df84ef8b74.txt"
REKOM = "004_300499633755e007.txt"
VESTLAND = "2020-02-11_referat_styringsgruppe_vestland.md"
TRONDELAG = "2021-10-26_referat_nettverkssamling_trondelag.md"
SETESDAL = "2023-05-10_referat_styringsgruppe_setesdal.md"


def core_on(ctx, today: dt.date) -> Core:  # type: ignore[no-untyped-def]
    return Core(dataclasses.replace(ctx, today=lambda: today))


@pytest.fixture(scope="module")
def core(sample_context) -> Core:  # type: ignore[no-untyped-def]
    return core_on(sample_context, dt.date(2024, 6, 1))


def sources(answer: Answer) -> set[str]:
    assert isinstance(answer.payload, DecisionList), answer.answer
    return {d.source for d in answer.payload.decisions}


def test_the_last_meeting_of_the_resource_group_as_the_cli_lists_it(core, sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hva ble bestemt på siste møte i ressursgruppa?")
    assert answer.kind == "list" and not answer.refused
    assert answer.answer.startswith("Vedtak og oppfølgingspunkter fra «Referat fra møte i "
                                    "utvidet ressursgruppe")
    cli = list_decisions(sample_context, network="ressursgruppe")
    assert cli and [d.text for d in answer.payload.decisions] == [d.text for d in cli]  # type: ignore[union-attr]
    assert "sender en beskjed til SF i Rogaland /Vestland. [1]" in answer.answer
    assert [c.source for c in answer.citations] == [RESSURSGRUPPE]


@pytest.mark.parametrize(("question", "language", "source"), [
    ("Hva ble vedtatt i styringsgruppen i Vestland i 2020?", "nb", VESTLAND),
    ("Hva ble besluttet på nettverkssamlingen i Trøndelag?", "nb", TRONDELAG),
    ("Kva vart vedteke på siste møte i Setesdal?", "nn", SETESDAL),
    ("Hva vedtok styringsgruppa i Setesdal i fjor?", "nb", SETESDAL),
    ("What was decided at the steering group meeting in Vestland in February 2020?", "en",
     VESTLAND),
    ("Hvilke beslutninger ble tatt i REKOM i september 2022?", "nb", REKOM),
    ("Hvilke oppfølgingspunkter kom fra nettverkssamlingen i Trøndelag?", "nb", TRONDELAG),
    ("Hva ble styringsgruppa i Setesdal enige om?", "nb", SETESDAL),
    ("What was agreed at the last meeting?", "en", RESSURSGRUPPE),
    ("Kva for vedtak gjorde styringsgruppa for læringsnettverket i Vestland?", "nn", VESTLAND),
])  # fmt: skip
def test_every_phrasing_names_one_meeting_and_lists_its_decisions(core, question, language,
                                                                   source) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert answer.kind == "list" and answer.language == language, answer.answer
    assert sources(answer) == {source}
    assert {c.source for c in answer.citations} == {source}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_this_spring_is_the_spring_of_the_year_asked_in(sample_context) -> None:  # type: ignore[no-untyped-def]
    june = core_on(sample_context, dt.date(2023, 6, 15))
    answer = june.answer("Hvilke vedtak ble fattet i vår?")
    assert sources(answer) == {SETESDAL}
    assert "Kommunane lagar ein felles rekrutteringsplan" in answer.answer
    autumn = core_on(sample_context, dt.date(2020, 10, 1)).answer("Hva ble bestemt i høst?")
    assert autumn.refused and "Jeg fant ikke noe referat mellom 1. august 2020" in autumn.answer


def test_a_whole_year_lists_each_meeting_dated(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hva ble bestemt på møtene i 2020 og 2021?")
    assert answer.answer.startswith("Vedtak og oppfølgingspunkter fra 2 møter, nyeste først:")
    assert sources(answer) == {VESTLAND, TRONDELAG}
    assert "- 26. oktober 2021, Sak 8/2021" in answer.answer


def test_decisions_about_a_topic_come_from_the_agenda_item_about_it(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hva ble bestemt om barnevernsvakt?")
    assert sources(answer) == {SETESDAL}
    assert all(d.sak == "Sak 11/2023 Barnevernsvakt" for d in answer.payload.decisions)  # type: ignore[union-attr]
    nynorsk = core.answer("Kva har styringsgruppa vedteke om rekruttering?")
    assert nynorsk.language == "nn" and sources(nynorsk) == {SETESDAL}
    assert "Sak 9/2023 Rekruttering og stabilitet" in nynorsk.answer


@pytest.mark.parametrize("question", ["Hva er vedtatt om rekruttering i nettverkene?",
                                      "What has been decided about recruitment in the networks?"])
def test_a_topic_word_most_agenda_items_share_does_not_pull_them_in(core, question) -> None:  # type: ignore[no-untyped-def]
    """«nettverkene» stands in many items of the networks' minutes: only the items about
    recruitment answer, not every item that names a network."""
    answer = core.answer(question)
    assert {d.sak for d in answer.payload.decisions} == {  # type: ignore[union-attr]
        "Sak 9/2023 Rekruttering og stabilitet i barnevernstenestene"}, answer.answer


@pytest.mark.parametrize(("question", "sak"), [
    ("Kva vart vedteke om barnevernsvakt i styringsgruppa i Setesdal 10. mai 2023?",
     "Sak 11/2023 Barnevernsvakt"),
    ("Hva ble bestemt om søknadsverkstedet på møtet i styringsgruppen i Vestland i februar 2020?",
     "Sak 4/2020 Stimuleringsmidler 2020"),
])  # fmt: skip
def test_a_topic_at_a_named_meeting_is_not_read_from_the_meeting_s_own_name(core, question,
                                                                           sak) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert {d.sak for d in answer.payload.decisions} == {sak}, answer.answer  # type: ignore[union-attr]


def test_a_meeting_we_do_not_have_is_refused_with_the_nearest(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hva ble vedtatt på møtet 14.03.2023?")
    assert answer.refused and "Jeg fant ikke noe referat fra 14. mars 2023" in answer.answer
    assert SETESDAL in {c.source for c in answer.citations}


@pytest.mark.parametrize("question", [
    "Hva ble bestemt om barnevernsvakt da styringsgruppa i Setesdal møttes i september 2023?",
    "Kva vart vedteke om rekruttering i styringsgruppa i Setesdal i oktober 2023?",
])  # fmt: skip
def test_a_topic_at_a_meeting_we_do_not_have_is_refused_not_answered_from_another(
        core, question) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert answer.refused, answer.answer  # May's decision is not September's
    assert SETESDAL in {c.source for c in answer.citations}  # offered as the nearest


def test_all_decisions_and_open_action_items_when_no_meeting_is_named(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hvilke vedtak er gjort?")
    assert answer.answer.startswith("Vedtak og åpne oppfølgingspunkter i referatene, nyeste først")
    assert sources(answer) == {RESSURSGRUPPE, REKOM, VESTLAND, TRONDELAG, SETESDAL,
                               "001_16f217685acad70e.txt"}
    passed = [d for d in answer.payload.decisions  # type: ignore[union-attr]
              if d.deadline is not None and d.deadline < dt.date(2024, 6, 1)]
    assert passed == []


def test_follow_ups_keep_the_meeting_they_talk_about(core) -> None:  # type: ignore[no-untyped-def]
    history: list[ChatTurn] = []
    answers = []
    for text in ("Oppsummer referatet fra 10.05.2023", "og hvem deltok på møtet?",
                 "og hva ble bestemt der?"):
        answers.append(core.answer(text, history))
        history += [ChatTurn(role="user", text=text), answers[-1].turn()]
    assert isinstance(answers[1].payload, ParticipantList)
    assert answers[1].payload.meetings[0].source == SETESDAL
    assert sources(answers[2]) == {SETESDAL}


def test_the_next_meeting_asked_beside_the_decisions_is_told_and_marked_past(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hva ble vedtatt i styringsgruppen i Vestland i februar 2020, og når er "
                         "neste møte?")
    assert sources(answer) == {VESTLAND}
    last = answer.answer.splitlines()[-1]
    assert last.startswith("Neste møte: 12. mai 2020") and "(datoen er passert)" in last
    assert answer.citations[-1].source == VESTLAND
    plain = core.answer("Hva ble besluttet på nettverkssamlingen i Trøndelag?")
    assert sources(plain) == {TRONDELAG} and "Neste møte" not in plain.answer  # only when asked


@pytest.mark.parametrize(("question", "source", "when"), [
    ("Hva vedtok styringsgruppa i Setesdal om barnevernsvakt?", SETESDAL, "6. september 2023"),
    ("Hva ble vedtatt i styringsgruppen i Vestland i februar 2020?", VESTLAND, "12. mai 2020"),
])  # fmt: skip
def test_a_decision_put_off_to_the_next_meeting_says_when_that_is(core, question, source,
                                                                   when) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert sources(answer) == {source}
    last = answer.answer.splitlines()[-1]
    assert last.startswith(f"Neste møte: {when}") and "(datoen er passert)" in last
    assert answer.citations[-1].source == source


@pytest.mark.parametrize("question", [
    "Styringsgruppemøtet i Setesdal i mai 2023: kven var ansvarleg for kva?",
    "Who was responsible for what after the Setesdal steering group meeting in May 2023?",
])
def test_who_was_responsible_for_what_lists_the_meetings_action_items(core, question) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert sources(answer) == {SETESDAL} and not answer.answer.startswith("Tolk"), answer.answer
    owners = " ".join(d.who or "" for d in answer.payload.decisions)  # type: ignore[union-attr]
    assert all(name in owners for name in ("Olav Tveiten", "Knut Homme", "Sigrid Ose"))


def test_a_named_action_item_asks_for_the_meetings_action_items(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Kva oppfølgingsoppgåve fekk Olav Tveiten etter styringsgruppemøtet i "
                         "Setesdal i mai 2023, og kva var fristen?")
    assert sources(answer) == {SETESDAL}
    assert any("Olav Tveiten" in (d.who or "") for d in answer.payload.decisions)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", [
    "Kva har nettverka vedteke for å rekruttere fleire tilsette til barnevernet?",
    "Hva har nettverkene gjort for å rekruttere flere ansatte til barnevernet?",
])
def test_what_was_decided_in_order_to_reach_a_goal_is_a_topic(core, text) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(text)
    texts = [d.text for d in answer.payload.decisions]  # type: ignore[union-attr]
    assert any("rekrutteringsplan" in text for text in texts)
    assert not any("barnevernsvakt" in text for text in texts)  # another agenda item


def test_who_does_what_after_a_meeting_asks_for_its_action_items(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Styringsgruppemøtet i Setesdal i mai 2023: hvem skal følge opp hva?")
    assert sources(answer) == {SETESDAL}
    assert any(d.kind == "oppfølging" for d in answer.payload.decisions)  # type: ignore[union-attr]


def test_action_items_say_which_deadlines_have_passed(sample_context) -> None:  # type: ignore[no-untyped-def]
    question = "Styringsgruppemøtet i Setesdal i mai 2023: hvilke oppfølgingsfrister har gått ut?"
    for today, passed in ((dt.date(2023, 8, 1), False), (dt.date(2024, 6, 1), True)):
        answer = core_on(sample_context, today).answer(question)
        assert sources(answer) == {SETESDAL}
        due = [line for line in answer.answer.splitlines() if "frist: 1. september 2023" in line]
        assert due and all(("2023, passert)" in line) == passed for line in due), due


@pytest.mark.parametrize(("question", "who"), [
    ("Hvilke oppgaver fikk Olav Tveiten?", "Olav Tveiten"),
    ("Kva oppfølgingspunkt fekk Knut Homme?", "Knut Homme"),
    ("Which action items were assigned to Statsforvalteren?", "Statsforvalteren"),
    ("Hva skal Statsforvaltaren følge opp?", "Statsforvaltaren"),  # Nynorsk spelling too
])
def test_action_items_asked_for_one_person_or_body_are_theirs_alone(core, question, who
                                                                   ) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert answer.kind == "list", answer.answer
    listed = answer.payload.decisions  # type: ignore[union-attr]
    first = who.split()[0].casefold()[:10]
    items = [d for d in listed if d.kind == "oppfølging"]
    assert items and all(first in (d.who or "").casefold() for d in items), answer.answer
    saks = {(d.source, d.sak) for d in items}  # a decision shown is one of their items' Saks
    assert all((d.source, d.sak) in saks for d in listed if d.kind == "vedtak")


def test_a_person_with_no_action_items_is_told_so(core) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer("Hvilke oppgaver fikk Kari Nordmann?")
    assert answer.refused and "Kari Nordmann" in answer.answer


@pytest.mark.parametrize("question", [
    "Hvilke av fristene fra styringsgruppemøtet i Setesdal i mai 2023 har ikke gått ut ennå?",
    "Which deadlines from the Setesdal meeting in May 2023 are still open?",
])
def test_deadlines_not_yet_passed_are_the_action_items_still_open(sample_context, question
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    """The same question before and after «1. september 2023»: the item due then is listed
    only while it is ahead, and no decision is listed as a deadline."""
    for today, listed in ((dt.date(2023, 8, 1), True), (dt.date(2024, 6, 1), False)):
        answer = core_on(sample_context, today).answer(question)
        assert sources(answer) == {SETESDAL}, answer.answer
        decisions = answer.payload.decisions  # type: ignore[union-attr]
        assert all(d.kind == "oppfølging" for d in decisions)
        assert any(d.deadline == dt.date(2023, 9, 1) for d in decisions) is listed


@pytest.mark.parametrize(("question", "language"), [
    ("Hvilke oppfølgingspunkter i referatene hadde frist i 2023? Sorter etter dato", "nb"),
    ("Which action items were due in 2023?", "en"),
])
def test_action_items_due_in_a_year_come_from_every_referat_soonest_first(core, question,
                                                                          language) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert answer.kind == "list" and answer.language == language, answer.answer
    due = answer.payload.decisions  # type: ignore[union-attr]
    assert due and all(d.kind == "oppfølging" and d.deadline and d.deadline.year == 2023
                       for d in due)
    assert [d.deadline for d in due] == sorted(d.deadline for d in due)  # type: ignore[type-var]
    assert sources(answer) == {SETESDAL}
