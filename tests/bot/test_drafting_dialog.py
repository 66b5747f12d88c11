"""The drafting dialog as a pure fold over the history, and the parsing of what users write."""

from __future__ import annotations

import pytest

from bot.core.models import ChatTurn, Language
from bot.core.understand.intent import is_draft_request
from bot.drafting.dialog import DraftState, advance, replay
from bot.drafting.parsing import (
    find_places,
    normalise_command,
    parse_budget,
    parse_opening,
    parse_period,
)


@pytest.fixture
def parse(gazetteer):  # type: ignore[no-untyped-def]
    def _parse(text: str, language: Language):  # type: ignore[no-untyped-def]
        return parse_opening(text, language, gazetteer)

    return _parse


def talk(parse, *messages: str) -> tuple[list[ChatTurn], DraftState | None]:  # type: ignore[no-untyped-def]
    """Run messages through the fold as the core would, answering with each state's marker."""
    history: list[ChatTurn] = []
    state = None
    for text in messages:
        state = advance(history, text, parse)
        reply = state.marker() if state else "Et annet svar fra kjernen."
        history += [ChatTurn(role="user", text=text), ChatTurn(role="assistant", text=reply)]
    return history, state


@pytest.mark.parametrize("text", [
    "/utkast",
    "/utkast fosterhjem i Kvam og Voss",
    "Hjelp meg å skrive en prosjektplan for et fosterhjemsprosjekt i Kvam og Voss",
    "Hjelp meg å skrive sluttrapporten for «Neste steg»",
    "Kan du hjelpe meg å lage en søknad om stimuleringsmidler?",
    "Help me write a project plan for a foster care project in Bergen",
    "Skriv et utkast til prosjektplan om ettervern",
])
def test_draft_requests_are_recognised(text):
    assert is_draft_request(text)


@pytest.mark.parametrize("text", [
    "Hvilke kommuner har hatt fosterhjemsprosjekter?",
    "Hva er søknadsfristen i Rogaland?",
    "Oppsummer referatet fra 31.01.2024",
])
def test_ordinary_questions_are_not_draft_requests(text):
    assert not is_draft_request(text)


def test_opening_request_answers_its_own_questions(parse):
    opening = parse("Hjelp meg å skrive en prosjektplan for et høykonfliktprosjekt mellom Hå og "
                    "Time som skal søke stimuleringsmidler etter utlysningen i Rogaland av "
                    "1. mars 2023.", "nb")
    assert opening.kind == "plan"
    assert opening.answers == {"municipalities": "Hå og Time", "theme": "høykonflikt"}
    assert opening.hints == {"county": "Rogaland", "call_date": "2023-03-01"}


def test_opening_for_a_final_report_names_the_project(parse):
    opening = parse("Hjelp meg å skrive sluttrapporten for ettervernsprosjektet «Neste steg» i "
                    "Trondheim og Malvik.", "nb")
    assert opening.kind == "report"
    assert opening.hints["name"] == "Neste steg"
    assert opening.answers["theme"] == "ettervern"


def test_opening_amount_and_period_are_taken(parse):
    opening = parse("/utkast fosterhjem i Kvam og Voss, vi søker om 300 000 kr for "
                    "1. januar 2024 – 31. desember 2025", "nb")
    assert parse_budget(opening.answers["budget"]).applied == 300_000
    period = parse_period(opening.answers["period"])
    assert period is not None and period.years == 2.0


def test_each_question_is_asked_once_and_prefilled_ones_are_skipped(parse):
    _, state = talk(parse, "Hjelp meg å skrive en prosjektplan for et fosterhjemsprosjekt i "
                           "Kvam og Voss")
    assert state is not None and state.pending == "target_group"
    _, state = talk(parse, "Hjelp meg å skrive en prosjektplan for et fosterhjemsprosjekt i "
                           "Kvam og Voss", "Fosterforeldre", "Færre brudd")
    assert state is not None
    assert state.answers["target_group"] == "Fosterforeldre"
    assert state.answers["goals"] == "Færre brudd"
    assert state.pending == "measures"


def test_skip_back_done_and_cancel(parse):
    opening = "/utkast fosterhjem i Kvam og Voss"
    _, state = talk(parse, opening, "hopp over")
    assert state is not None and state.skipped == ["target_group"] and state.pending == "goals"
    _, state = talk(parse, opening, "Fosterforeldre", "tilbake")
    assert state is not None and "target_group" not in state.answers
    assert state.pending == "target_group" and state.event == "back"
    _, state = talk(parse, opening, "tilbake")
    assert state is not None and state.event == "back_empty" and state.pending == "target_group"
    _, state = talk(parse, opening, "Fosterforeldre", "Ferdig!")
    assert state is not None and state.status == "done" and state.pending is None
    _, state = talk(parse, opening, "avbryt")
    assert state is not None and state.status == "cancelled"


def test_after_the_dialog_ends_other_questions_are_not_taken(parse):
    history, state = talk(parse, "/utkast fosterhjem i Kvam og Voss", "avbryt")
    assert advance(history, "Hva er søknadsfristen?", parse) is None
    history, _ = talk(parse, "/utkast fosterhjem i Kvam og Voss", "ferdig")
    assert advance(history, "Fosterforeldre", parse) is None


def test_a_side_question_pauses_the_dialog_and_fortsett_resumes(parse):
    history, _ = talk(parse, "/utkast fosterhjem i Kvam og Voss")
    assert advance(history, "Hvor mange fosterhjem har Voss?", parse) is None
    history += [ChatTurn(role="user", text="Hvor mange fosterhjem har Voss?"),
                ChatTurn(role="assistant", text="Om lag 40 fosterheimar [1].")]
    assert advance(history, "Fosterforeldre", parse) is None  # the question is no longer open
    resumed = advance(history, "fortsett", parse)
    assert resumed is not None and resumed.event == "resume"
    history += [ChatTurn(role="user", text="fortsett"),
                ChatTurn(role="assistant", text=resumed.marker())]
    state = advance(history, "Fosterforeldre", parse)
    assert state is not None and state.answers["target_group"] == "Fosterforeldre"


def test_the_fold_survives_a_restart(parse):
    """Nothing but the history is needed: replaying it gives the same state."""
    history, state = talk(parse, "/utkast fosterhjem i Kvam og Voss", "Fosterforeldre",
                          "hopp over", "Veiledningsgrupper")
    again, awaiting = replay(history, parse)
    assert again == state and awaiting


def test_a_turn_without_the_marker_is_not_an_open_question(parse):
    history, _ = talk(parse, "/utkast fosterhjem i Kvam og Voss")
    history[-1] = ChatTurn(role="assistant", text="Noe helt annet.")
    assert advance(history, "Fosterforeldre", parse) is None


def test_a_new_request_restarts_the_dialog(parse):
    history, _ = talk(parse, "/utkast fosterhjem i Kvam og Voss", "Fosterforeldre")
    state = advance(history, "Hjelp meg å skrive sluttrapporten for «Neste steg»", parse)
    assert state is not None and state.kind == "report" and "target_group" not in state.answers


def test_english_dialog_keeps_english(parse):
    _, state = talk(parse, "Help me write a project plan for a foster care project in Kvam and "
                           "Voss", "Foster parents")
    assert state is not None and state.language == "en"
    assert state.marker().startswith("Draft project plan – question")


@pytest.mark.parametrize(("text", "command"), [
    ("Hopp over.", "skip"), ("skip", "skip"), ("Tilbake", "back"), ("back", "back"),
    ("avbryt", "cancel"), ("ferdig", "done"), ("Fosterforeldre", None),
])
def test_commands(text, command):
    assert normalise_command(text) == command


def test_budget_words_say_which_amount_is_which():
    budget = parse_budget("Vi søker om 300 000 kr, totalt 450 000 kr, egenandel 150 000 kr")
    assert (budget.applied, budget.total, budget.own) == (300_000, 450_000, 150_000)
    assert budget.share == pytest.approx(33.3, abs=0.1)
    assert parse_budget("Egenandel 15 prosent, vi søker 400 000 kr").share == 15


def test_periods():
    assert parse_period("august 2024 – juli 2026").years == pytest.approx(2.0, abs=0.01)
    assert parse_period("2024–2026").years == pytest.approx(3.0, abs=0.01)
    assert parse_period("to år").years == 2
    assert parse_period("snart") is None


def test_lower_case_municipality_answers(gazetteer):
    assert [m.name for m in find_places("hå og time", gazetteer)] == ["Hå", "Time"]
    assert [m.name for m in find_places("Hå", gazetteer)] == ["Hå"]


def test_an_answer_that_starts_with_skriv_does_not_restart(parse):
    history, _ = talk(parse, "/utkast fosterhjem i Kvam og Voss")
    state = advance(history, "Skriv rapport til styringsgruppa hver måned", parse)
    assert state is not None and state.answers["target_group"].startswith("Skriv rapport")
