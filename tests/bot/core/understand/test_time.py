"""Years and time words in a question (`time`): a topic, a document's year, a project list's span."""

from __future__ import annotations

import pytest

from bot.core.question import TimeFocus
from bot.core.understand import understand
from indexer.catalogue import YearEdge


def test_years_and_time_words(kit):
    assert understand("Prosjekter fra 2020", [], kit).years.first == 2020
    assert understand("Hva skjedde i fjor?", [], kit).years.single == 2025
    assert understand("Når møtes styringsgruppa neste år?", [], kit).years.single == 2027
    assert understand("Når er neste samling?", [], kit).time == TimeFocus.NEXT
    assert understand("Hva ble bestemt på siste møte?", [], kit).meeting.latest
    tied = understand("Hva sto i referatet fra 2018?", [], kit)
    assert tied.years_tied and tied.years.single == 2018
    both = understand("Hvilke møtereferater har vi fra 2023 og 2024?", [], kit).years
    assert (both.first, both.last) == (2023, 2024)  # not 2023 alone
    english = understand("Which calls did we get in 2022 and 2023?", [], kit).years
    assert (english.first, english.last) == (2022, 2023)
    parts = understand("Hvor mye hadde Hordaland i 2018, og hvor mye fikk Vestland i 2020?", [],
                       kit)
    assert (parts.years.first, parts.years.last) == (2018, 2020)  # each part its year
    assert not parts.across  # one county in two names: a fact, not one row per county


@pytest.mark.parametrize(("text", "first", "last", "edge"), [
    ("Hvilke prosjekter startet etter 2021?", 2022, 9999, YearEdge.STARTED),
    ("Kva prosjekt starta i 2023, og kva var målet?", 2023, 2023, YearEdge.STARTED),
    ("Prosjekter med oppstart fra 2020", 2020, 9999, YearEdge.STARTED),
    ("Which projects ended before 2022?", 0, 2021, YearEdge.ENDED),
    ("Hvilke prosjekter var ferdige før 2020?", 0, 2019, YearEdge.ENDED),
    ("Hvilke prosjekter pågikk i 2022?", 2022, 2022, YearEdge.RAN),
    # an event's year bounds the span; who gave in a year («fra Bufdir i 2021») does not
    ("Hvilke prosjekter startet før reformen i 2022?", 0, 2021, YearEdge.STARTED),
    ("Which projects started after the merger in 2020?", 2021, 9999, YearEdge.STARTED),
    ("Hvilke prosjekter fikk penger fra Bufdir i 2021?", 2021, 2021, YearEdge.RAN),
    ("Hvilke prosjekter i 2022 startet tidlig innsats?", 2022, 2022, YearEdge.RAN),  # no year after
])  # fmt: skip
def test_a_project_list_asks_of_the_year_projects_started_or_ended(kit, text, first, last, edge):
    years = understand(text, [], kit).years
    assert (years.first, years.last, years.edge) == (first, last, edge)


@pytest.mark.parametrize("text", [
    "Hvilke prosjekter pågår nå?", "Kva prosjekt er i gang no?", "Which projects are still running?",
])  # fmt: skip
def test_projects_going_on_are_this_years(kit, text):
    assert understand(text, [], kit).years.single == 2026
    assert understand("Pågikk prosjektet i Kvam i 2024?", [], kit).years.single == 2024
    assert understand("Hvilke prosjekter har vi?", [], kit).years is None


def test_a_year_that_dates_a_places_history_is_no_year_asked(kit):
    for text in ("Hvilke prosjekter har vi fra kommuner som lå i Hedmark før 2020?",
                 "Which projects came from municipalities that were in Hordaland until 2020?"):
        assert understand(text, [], kit).years is None
    assert understand("Hvilke prosjekter var ferdige før 2020?", [], kit).years.last == 2019


def test_a_document_is_from_a_year_a_project_list_reaches_on(kit):
    assert understand("Hvilke dokumenter har vi fra 2023?", [], kit).years.single == 2023
    assert understand("Hvilke dokumenter har vi siden 2023?", [], kit).years.last == 9999
    assert understand("Hvilke prosjekter har vi hatt fra 2023?", [], kit).years.last == 9999


def test_a_year_a_document_mentions_is_no_year_it_is_from(kit):
    assert understand("Kva dokument nemner kompetansekrava som gjeld frå 2031?", [],
                      kit).years is None
    dated = understand("Hvilke dokumenter fra 2023 nevner Kjersti Toppe?", [], kit)
    assert dated.years is not None and dated.years.first == 2023 and "2023" not in dated.mentions


@pytest.mark.parametrize(("text", "year"), [
    ("Hva ble vedtatt på Finnmark-samlingen for to år siden?", 2024),
    ("Kva skjedde for eitt år sidan?", 2025), ("What was decided three years ago?", 2023),
    ("Hvem søkte i forfjor?", 2024),
])
def test_a_year_counted_back_from_today(kit, text, year):
    assert understand(text, [], kit).years.single == year


@pytest.mark.parametrize("text", [
    "Hun fyller 18 neste år – kan hun bli boende hos oss etter det?",
    "My son turns 18 next year. Can he keep getting help after that?",
    "Sonen min blir 18 år i 2027, kan han få ettervern?",
])  # fmt: skip
def test_a_birthday_is_the_askers_year_not_one_asked_of_the_documents(kit, text):
    asked = understand(text, [], kit)
    assert asked.years is None and asked.time != TimeFocus.NEXT
    assert understand("Hva skjer i prosjektet neste år?", [], kit).years.single == 2027
    assert understand("Hvor mange blir med i 2027?", [], kit).years.single == 2027


@pytest.mark.parametrize(("text", "first", "last", "edge"), [
    ("Kva sluttrapportar har vi, bortsett frå dei som kom i 2022?", 2022, 2022, YearEdge.RAN),
    ("Hvilke prosjekter har vi, utenom de som startet i 2021?", 2021, 2021, YearEdge.STARTED),
    ("List the minutes except 2022 and 2023", 2022, 2023, YearEdge.RAN),
])  # fmt: skip
def test_a_year_left_out_is_no_year_asked(kit, text, first, last, edge):
    asked = understand(text, [], kit)
    assert asked.years is None
    assert (asked.excluded_years.first, asked.excluded_years.last, asked.excluded_years.edge) == (
        first, last, edge)
    assert understand("Hvilke prosjekter har vi utenom Karmøy?", [], kit).excluded_years is None
