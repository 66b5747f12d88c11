"""Catalogue questions in words nobody tuned for: a theme of several English words before
«projects», the project documents standing for their projects («Sluttrapportene fra Nordland –
hvor mye fikk de?»), and one named project's amount, which is refused when its sources give
none of the kind asked (with the amounts they do give), never answered with another kind."""

from __future__ import annotations

import pytest

from bot.core.claims import normalise
from bot.core.question import Intent, ListAsk
from tests.fakes import listed as ask
from tests.fakes import understood


@pytest.mark.parametrize(("question", "title"), [
    ("Which aftercare projects do we have?", "Neste steg"),
    ("Which high-conflict projects do we have in Rogaland?", "Barnet i midten"),
    ("What parental support projects are there in Nordland?", "Trygge foreldre"),
    ("Hva har vi av prosjekter i Rogaland om høykonflikt?", "Barnet i midten"),
])
def test_a_theme_of_several_words_before_projects_is_a_list(sample_context, question,  # type: ignore[no-untyped-def]
                                                            title) -> None:
    answer = ask(sample_context, question)
    assert answer is not None and not answer.refused, question
    assert [row.title for row in answer.payload.rows] == [title]


def test_a_theme_with_no_projects_in_the_county_is_refused(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Which foster care projects have been funded in Finnmark, and "
                                 "how much did they get?")
    assert answer is not None and answer.refused
    assert answer.answer.startswith("I found no projects on foster care in Finnmark")


def test_final_reports_stand_for_their_projects_in_a_sum(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Sluttrapportene fra Nordland – hvor mye fikk de i "
                                 "stimuleringsmidler til sammen, og hvor mye brukte de?")
    assert answer is not None and not answer.refused
    assert answer.payload.amounts == ["granted", "spent"]
    assert "tildelt 600 000 kr, brukt 872 300 kr" in normalise(answer.answer)


@pytest.mark.parametrize(("question", "given"), [
    ("Hvor mye fikk Trondheim og Malvik faktisk tildelt til ettervernsprosjektet «Neste steg»?",
     "søkt 700 000 kr"),
    ("How much did the county governor in Rogaland actually grant Time and Klepp for their "
     "high-conflict project?", "applied for 380 000 kr"),
])
def test_a_granted_amount_no_source_gives_is_refused_with_what_they_do(sample_context,  # type: ignore[no-untyped-def]
                                                                       question, given) -> None:
    answer = ask(sample_context, question)
    assert answer is not None and answer.refused and answer.kind == "refusal"
    assert given in normalise(answer.answer)
    assert answer.citations and all("prosjektbeskrivelse" in c.source for c in answer.citations)


def test_a_granted_amount_a_final_report_gives_is_answered(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvor mye fikk Rana og Hemnes tildelt til prosjektet «Trygge "
                                 "foreldre», og hvor mye brukte de?")
    assert answer is not None and not answer.refused
    assert "tildelt 600 000 kr, brukt 872 300 kr" in normalise(answer.answer)


@pytest.mark.parametrize("question", [
    "Hvor mye fikk Holmestrand tildelt til barnesamtaleprosjektet, og hva skulle restpengene "
    "gå til?",
    "Hvor mye fikk Fylkesmannen i Hordaland tildelt i 2018 til utviklingsprosjekter i "
    "læringsnettverket?",
    "Hvem leder «Barnet i midten», og hvor mye søker de om?",
    "What is the project about?",
    "What kind of projects get funding?",
    "Hvilket høyeste beløp per prosjekt kan kommunene i Rogaland søke om?",
    "Which maximum amount per project does the call allow?",
])
def test_other_money_questions_stay_with_the_fact_answerer(sample_context, question) -> None:  # type: ignore[no-untyped-def]
    found = understood(sample_context, question)
    assert found.intent != Intent.PROJECTS or found.list_ask != ListAsk.AMOUNTS, question


def test_a_cited_refusal_is_not_handed_to_the_fact_answerer(sample_context) -> None:  # type: ignore[no-untyped-def]
    """The fact answerer would quote what was applied for as if it answered «how much granted»."""
    from bot.engine import Core

    answer = Core(sample_context).answer("How much did the county governor in Rogaland actually "
                                         "grant Time and Klepp for their high-conflict project?")
    assert answer.refused and "applied for 380 000 kr" in normalise(answer.answer)


def test_one_projects_subject_is_no_unknown_theme(sample_context) -> None:  # type: ignore[no-untyped-def]
    found = understood(sample_context, "Hvor mye fikk Time og Klepp innvilget til prosjektet om "
                                       "barns medvirkning?")
    assert found.list_ask == ListAsk.AMOUNTS and found.unknown_theme is None
