"""Reading what applicants write: draft requests, the opening, amounts, periods, places."""

from __future__ import annotations

import pytest

from bot.core.models import Language
from bot.core.understand.intent import is_draft_request
from bot.drafting.parsing import find_places, parse_budget, parse_opening, parse_period


@pytest.fixture
def parse(gazetteer):  # type: ignore[no-untyped-def]
    def _parse(text: str, language: Language):  # type: ignore[no-untyped-def]
        return parse_opening(text, language, gazetteer)

    return _parse


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


@pytest.mark.parametrize(("text", "value"), [
    ("Vi søker om 300 000 kr", 300_000), ("We apply for NOK 300 000", 300_000),
    ("kr 450 000 totalt", 450_000), ("1,2 mill. kroner", 1_200_000), ("300.000,-", 300_000),
])
def test_amounts_are_read_in_every_usual_form(text, value):
    from bot.drafting.parsing import amounts

    assert [a[0] for a in amounts(text)] == [value]
