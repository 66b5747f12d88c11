"""Counties named together («Møre og Romsdal og Vestfold og Telemark») and a county that was
divided again (Vestfold og Telemark → Vestfold, Telemark): documents of both are listed, and
the note says the county was divided, not merged into itself."""

from __future__ import annotations

import pytest

from tests.bot.lists.conftest import indexed
from tests.fakes import listed as ask

DOCUMENTS = {
    "2019-04-03_referat_styringsgruppe_vestfold-telemark.md": """\
# Referat fra møte i styringsgruppen for læringsnettverket i Vestfold og Telemark

Til stede: barnevernlederne i Holmestrand, Tønsberg og Skien.

Sak 1/2019 Prosjekter. Vedtak: Holmestrand og Skien skriver en felles søknad.
""",
    "2022-03-08_referat_nettverkssamling_more-og-romsdal.md": """\
# Referat fra nettverkssamling i læringsnettverket for barnevern i Møre og Romsdal

Til stede: barnevernlederne i Ålesund, Molde og Volda.

Sak 1/2022 Haram. Vedtak: Ålesund legger fram en plan for delingen av tjenesten.
""",
}


@pytest.fixture(scope="module")
def counties_context(tmp_path_factory, gazetteer):  # type: ignore[no-untyped-def]
    return indexed(DOCUMENTS, "split-counties", tmp_path_factory, gazetteer)


@pytest.mark.parametrize("text", [
    "Hvor mange referater har vi fra Møre og Romsdal og Vestfold og Telemark til sammen?",
    "Kor mange møtereferat har vi frå Vestfold og Telemark og Møre og Romsdal?",
])  # fmt: skip
def test_two_counties_of_two_words_each_list_both(counties_context, text) -> None:  # type: ignore[no-untyped-def]
    answer = ask(counties_context, text)
    assert {c.source for c in answer.citations} == set(DOCUMENTS), answer.answer


def test_a_divided_county_is_said_to_be_divided(counties_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(counties_context, "Hvilke referater har vi fra Vestfold og Telemark?")
    assert "delt i Vestfold og Telemark" in answer.answer, answer.answer
    assert "en del av" not in answer.answer
