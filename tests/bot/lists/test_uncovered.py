"""«Hvilke fylker har ingen sluttrapporter?»: today's counties left once those with such a
document (or project) are taken out, and those that have one, each cited."""

from __future__ import annotations

import pytest

from tests.fakes import listed as ask
from tests.fakes import understood

REPORT_COUNTIES = {"Innlandet", "Rogaland", "Nordland"}  # Hamar, Haugesund, Rana


def _named(sentence: str) -> set[str]:
    return {name.split(" [")[0].strip(" .") for name in sentence.split(": ", 1)[1].split(", ")}


@pytest.mark.parametrize(("text", "opening"), [
    ("Hvilke fylker har ingen sluttrapporter?", "Fylker uten sluttrapporter"),
    ("Kva fylke har ikkje sluttrapport?", "Fylke utan sluttrapportar"),
    ("Which counties don't have any final reports?", "Counties with no final reports"),
])  # fmt: skip
def test_the_counties_without_a_kind_of_document_are_those_left(sample_context, text, opening):
    answer = ask(sample_context, text)
    without, with_, _ = answer.answer.split("\n")
    assert without.startswith(opening)
    assert _named(without).isdisjoint(REPORT_COUNTIES)
    assert {"Vestland", "Agder", "Oslo", "Troms", "Finnmark"} <= _named(without)
    assert _named(with_) == REPORT_COUNTIES and len(answer.citations) == 3


def test_counties_without_projects_on_a_theme_read_the_catalogue(sample_context):
    answer = ask(sample_context, "Hvilke fylker har ingen fosterhjemsprosjekter?")
    without, with_, _ = answer.answer.split("\n")
    assert "om fosterhjem" in without
    assert {"Rogaland", "Vestland"} <= _named(with_)
    assert "Vestland" not in _named(without) and "Agder" in _named(without)


@pytest.mark.parametrize("text", [
    "Hvilke fylker har sluttrapporter?",  # those that have, a listing of documents
    "Hvilke kommuner har ikke levert sluttrapport ennå?",  # municipalities, not counties
])  # fmt: skip
def test_a_question_not_asking_for_counties_left_over_is_not_this_list(sample_context, text):
    assert not understood(sample_context, text).counties_without
