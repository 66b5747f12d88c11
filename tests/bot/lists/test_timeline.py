"""Projects ranked by their stated periods: which started first, ends last, lasted longest —
each named with its period and cited, a day written to the day ranking before a bare year."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.question import Intent, TimeRank
from bot.core.question_values import DurationBound
from bot.core.understand.timeline import alongside, lasting, time_ranks
from bot.lists import try_answer
from bot.lists.rows import title_of
from bot.lists.timeline import Period, period
from indexer.catalogue import ProjectQuery, ProjectRecord
from indexer.catalogue.models import Evidence
from tests.fakes import understood


@pytest.mark.parametrize(("text", "ranks"), [
    ("Hvilket prosjekt startet først, og hvilket er det siste som avsluttes?",
     (TimeRank.STARTED_FIRST, TimeRank.ENDED_LAST)),
    ("Hvilket av prosjektene startet først?", (TimeRank.STARTED_FIRST,)),
    ("Kva prosjekt vart avslutta sist?", (TimeRank.ENDED_LAST,)),
    ("Which project finished last?", (TimeRank.ENDED_LAST,)),
    ("Which of the foster care projects started most recently?", (TimeRank.STARTED_LAST,)),
    ("Hvilket prosjekt varte lengst?", (TimeRank.LONGEST,)),
    ("Hva er det eldste prosjektet?", (TimeRank.STARTED_FIRST,)),
    ("Hva står i den siste sluttrapporten?", ()),  # a report, not an end
    ("Hva skal prosjektet gjøre først?", ()),  # no ranking by time
    ("Når startet prosjektet i Valdres?", ()),  # one project's start: a fact
    ("Hva ble vedtatt på siste møte?", ()),
    # a title is a name: «Samtalen først» ranks nothing
    ("How much has the 'Samtalen først' project spent, and when does it finish?", ()),
    ("Når avsluttes «Samtalen først»-prosjektet?", ()),
])  # fmt: skip
def test_which_rankings_a_question_asks(text, ranks) -> None:  # type: ignore[no-untyped-def]
    assert time_ranks(text) == ranks


def _project(quote: str, start: int, end: int) -> ProjectRecord:
    said = Evidence(doc_id="d", source="d.md", title="Prosjekt", start=0, end=len(quote),
                    quote=quote)
    return ProjectRecord(project_id="p", title="Prosjekt", title_evidence=said,
                         start_year=start, end_year=end, period_evidence=said)


@pytest.mark.parametrize(("quote", "years", "expected"), [
    ("Prosjektperiode: 1. januar 2019 – 31. desember 2020", (2019, 2020),
     Period(dt.date(2019, 1, 1), dt.date(2020, 12, 31), True, True)),
    ("prosjektet om fosterhjem i slekt og nettverk (2019–2020)", (2019, 2020),
     Period(dt.date(2019, 1, 1), dt.date(2020, 12, 31), False, False)),
])  # fmt: skip
def test_a_period_is_read_to_the_day_where_it_is_written_so(quote, years, expected) -> None:  # type: ignore[no-untyped-def]
    assert period(_project(quote, *years)) == expected
    assert expected.months == 24


def test_the_first_to_start_and_the_last_to_end_are_named_and_cited(sample_context) -> None:  # type: ignore[no-untyped-def]
    question = understood(sample_context,
                          "Hvilket prosjekt startet først, og hvilket er det siste som avsluttes?")
    assert question.intent == Intent.PROJECTS
    answer = try_answer(question, sample_context)
    assert answer is not None and not answer.refused
    lines = answer.answer.splitlines()
    first = next(line for line in lines if line.startswith("Startet først:"))
    last = next(line for line in lines if line.startswith("Slutter sist:"))
    # «Fosterhjem i vest» from 1 April 2019 before the Trondheim project known only as 2019–2020
    assert "«Fosterhjem i vest»" in first and "1. april 2019" in first and "[" in first
    assert "«Rettleiing nær fosterheimen»" in last and "30. september 2025" in last
    assert any(line.startswith("Rangert etter prosjektperioden") for line in lines)
    rows = [line for line in lines if line.startswith("- ")]
    assert "«Fosterhjem i vest»" in rows[0] or "Fosterhjem i slekt" in rows[0]  # by start


def test_a_theme_narrows_the_ranking_and_english_gets_english(sample_context) -> None:  # type: ignore[no-untyped-def]
    question = understood(sample_context, "Which foster care project lasted longest?")
    answer = try_answer(question, sample_context)
    assert answer is not None and answer.language == "en"
    longest = next(line for line in answer.answer.splitlines()
                   if line.startswith("Lasted longest:"))
    assert "«Sammen for fosterhjemmet»" in longest and "35 months" in longest


@pytest.mark.parametrize(("text", "bound"), [
    ("Hvilke prosjekter varte lenger enn to år? Ta med periodene.", DurationBound(24, True)),
    ("Which projects ran for more than two years?", DurationBound(24, True)),
    ("Kva prosjekt hadde ein periode på meir enn 18 månader?", DurationBound(18, True)),
    ("Hvilke prosjekter varte kortere enn ett år?", DurationBound(12, False)),
    ("Hvilke prosjekter fikk mer enn 2 millioner?", None),  # an amount, not a length
    ("Hvilke prosjekter er for ungdom over 18 år?", None),  # an age
])  # fmt: skip
def test_a_bound_on_how_long_projects_ran(text, bound) -> None:  # type: ignore[no-untyped-def]
    assert lasting(text) == bound


def test_projects_past_a_length_are_those_whose_stated_period_is(sample_context) -> None:  # type: ignore[no-untyped-def]
    question = understood(sample_context, "Hvilke prosjekter varte lenger enn to år?")
    assert question.intent == Intent.PROJECTS and question.lasting == DurationBound(24, True)
    answer = try_answer(question, sample_context)
    assert answer is not None and answer.answer.startswith("Prosjekter som varte lenger enn 2 år")
    every = sample_context.store.find_projects(ProjectQuery())
    longer = {p.project_id for p in every if (found := period(p)) and found.months > 24}
    shorter = [p for p in every if (found := period(p)) and found.months <= 24]
    assert longer and shorter  # the sample corpus has both
    rows = [line for line in answer.answer.split("\n") if line.startswith("- ")]
    assert len(rows) == len(longer)
    assert not any(title_of(p) in answer.answer for p in shorter)


@pytest.mark.parametrize(("text", "asked"), [
    ("Hvilke prosjekter pågikk samtidig med ettervernsprosjektet i Vinje og Tokke?", True),
    ("Which other projects overlapped in time with the project in Kvam and Voss?", True),
    ("Kva prosjekt gjekk føre seg parallelt med «Se meg»?", True),
    ("Hvilke prosjekter startet samme år som Valdres-prosjektet?", False),  # a year, not a span
    ("Jobbet de samtidig med skolene?", False),  # no project asked
])  # fmt: skip
def test_projects_asked_alongside_another(text, asked) -> None:  # type: ignore[no-untyped-def]
    assert alongside(text) is asked


def test_projects_alongside_the_named_one_are_those_whose_periods_overlap_it(sample_context) -> None:  # type: ignore[no-untyped-def]
    question = understood(sample_context,
                          "Hvilke prosjekter pågikk samtidig med fosterhjemsprosjektet i Kvam?")
    assert question.intent == Intent.PROJECTS and question.alongside
    answer = try_answer(question, sample_context)
    assert answer is not None and not answer.refused
    opening = answer.answer.splitlines()[0]
    assert "samtidig med «Rettleiing nær fosterheimen»" in opening and "2025" in opening
    assert answer.sentences[0].citations  # the named project's period, cited
    every = sample_context.store.find_projects(ProjectQuery())
    kvam = next(p for p in every if "fosterheimen" in p.title)
    span = period(kvam)
    assert span is not None
    rows = [line for line in answer.answer.split("\n") if line.startswith("- ")]
    overlapping = [p for p in every if p is not kvam and (found := period(p))
                   and found.start <= span.end and span.start <= found.end]
    assert overlapping and len(rows) == len(overlapping)
    assert not any("fosterheimen" in row for row in rows)  # not the named one itself
    ended = [p for p in every if (found := period(p)) and found.end < span.start]
    assert ended and not any(title_of(p) in answer.answer.split("\n", 1)[1] for p in ended)
