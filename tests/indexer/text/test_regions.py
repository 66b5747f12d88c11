"""Parts of the country (landsdeler) a question names, and the counties each covers today."""

from __future__ import annotations

import pytest

from indexer.text.regions import regions_in


@pytest.mark.parametrize(("text", "counties"), [
    ("Hvilke prosjekter har vært i Nord-Norge?", ("Nordland", "Troms", "Finnmark")),
    ("kva prosjekt har vi hatt i nord-noreg", ("Nordland", "Troms", "Finnmark")),
    ("prosjekter i nord norge?", ("Nordland", "Troms", "Finnmark")),
    ("Which projects in Western Norway dealt with foster care?",
     ("Rogaland", "Vestland", "Møre og Romsdal")),
    ("Tilsyn på Sørlandet?", ("Agder",)),
    ("Prosjekter i Midt-Norge", ("Trøndelag", "Møre og Romsdal")),
    ("Nord-Norges prosjekter", ("Nordland", "Troms", "Finnmark")),
])  # fmt: skip
def test_a_part_of_the_country_is_read_as_its_counties(text, counties):
    assert [r.counties for r in regions_in(text)] == [counties]


def test_each_part_once_in_order_of_mention():
    found = regions_in("Østlandet, Vestlandet og så Østlandet igjen")
    assert [r.name for r in found] == ["Østlandet", "Vestlandet"]


@pytest.mark.parametrize("text", [
    "Høgskulen på Vestlandet hadde ansvaret for evalueringen.",
    "Sørlandet sykehus var med i prosjektet.",
    "Nord-Norgebanen er ikke bygget.",
])  # fmt: skip
def test_a_body_or_a_longer_word_is_no_part_of_the_country(text):
    assert regions_in(text) == []
