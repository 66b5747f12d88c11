"""Follow-ups: a question completed from the one before (`follow_up`), and a follow-up to a list
read against that list (`lists`)."""

from __future__ import annotations

import pytest

from bot.core.models import ChatTurn
from bot.core.question import Intent, ListAsk
from bot.core.understand import understand
from bot.core.understand.follow_up import standalone


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
    assert expected in standalone(follow_up, tuple(history))[0]


def test_standalone_question_is_left_alone():
    history = [ChatTurn(role="user", text="Hva skjedde i Hordaland i 2018?")]
    question = "Hva er søknadsfristen i utlysningen fra Rogaland?"
    assert standalone(question, tuple(history)) == (question, False)


def test_which_of_them_narrows_the_list_before(kit):
    history = [ChatTurn(role="user", text="Hvilke prosjekter har Kvam hatt?"),
               ChatTurn(role="assistant", text="…")]
    q = understand("og hvilke av dem handlet om ettervern?", history, kit)
    assert q.intent == Intent.PROJECTS and q.themes == {"ettervern"} and q.follow_up
    assert q.refines is not None and q.refines.municipalities[0].name == "Kvam"


def test_a_short_follow_up_swaps_a_filter_and_keeps_the_rest(kit):
    history = [ChatTurn(role="user", text="Kva kommunar i Vestland har hatt prosjekt om ettervern?"),
               ChatTurn(role="assistant", text="…")]
    q = understand("og i Rogaland?", history, kit)
    assert q.intent == Intent.PROJECTS and q.refines is None
    assert [c.name for c in q.counties] == ["Rogaland"] and q.themes == {"ettervern"}
    assert q.language == "nn" and q.list_ask == ListAsk.MUNICIPALITIES
    count = understand("og hvor mange er det?", history, kit)
    assert count.list_ask == ListAsk.COUNT_MUNICIPALITIES and count.counties[0].name == "Vestland"


def test_a_narrowed_document_list_is_from_the_year_named(kit):
    history = [ChatTurn(role="user", text="Hvilke sluttrapporter har vi?"),
               ChatTurn(role="assistant", text="…")]
    q = understand("og hvilke av dem er fra 2023?", history, kit)
    assert q.intent == Intent.DOCUMENTS and q.years.single == 2023 and q.refines is not None


def test_show_more_pages_on_through_the_same_list(kit):
    history = [ChatTurn(role="user", text="Hvilke sluttrapporter har vi?"),
               ChatTurn(role="assistant", text="…")]
    second = understand("vis flere", history, kit)
    assert second.intent == Intent.DOCUMENTS and second.page == 2
    history += [ChatTurn(role="user", text="vis flere"), ChatTurn(role="assistant", text="…")]
    assert understand("show more", history, kit).page == 3


@pytest.mark.parametrize("text", [
    "og hvem ledet prosjektet i Kvam?",  # a fact about one of them
    "Hvilke prosjekter finnes?",  # a fresh list question
    "og når er neste samling?",
])  # fmt: skip
def test_other_questions_after_a_list_are_not_read_as_the_list(kit, text):
    history = [ChatTurn(role="user", text="Hvilke prosjekter har det vært i Vestland?"),
               ChatTurn(role="assistant", text="…")]
    q = understand(text, history, kit)
    assert q.refines is None and not (q.intent == Intent.PROJECTS and q.counties)
