"""Who a document names: people by first and last name, not offices, bodies or places."""

from __future__ import annotations

import pytest

from indexer.text.people import people_named, person_spans
from indexer.text.places import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_people_are_named_once_in_order_of_first_mention(gazetteer):
    text = ("Til stede: Kari Eiken Bjørdal (Kvam herad), Per Arne Valderhaug.\n"
            "Referent: Kari Eiken Bjørdal.")
    assert people_named(text, gazetteer) == ["Kari Eiken Bjørdal", "Per Arne Valderhaug"]


def test_a_title_starting_the_sentence_is_not_part_of_the_name(gazetteer):
    text = "Prosjektleder Marte Lian Solberg orienterte. Seniorrådgiver Kjell Arne Ravna skrev."
    assert people_named(text, gazetteer) == ["Marte Lian Solberg", "Kjell Arne Ravna"]


def test_offices_places_bodies_and_sentence_starts_are_no_one(gazetteer):
    text = ("Fra Statsforvalteren i Vestland deltok to. Etne Vindafjord fekk tilsyn. RKBU "
            "Midt-Norge og Korus Bergen deltok, med Høyskolen Vestlandet og International Child "
            "Development Programme. Vestre Slidre kommune er med. Nav Leikanger svarte.")
    assert people_named(text, gazetteer) == []


def test_a_shorter_form_of_a_name_is_the_fuller_one(gazetteer):
    text = "Bente Cecilie\nFoss skrev. Vi kontaktar Bente Cecilie Foss om saka."
    assert people_named(text, gazetteer) == ["Bente Cecilie Foss"]


def test_a_person_is_found_in_a_sentence_but_an_office_is_not():
    sentence = "Nav Leikanger og Tone Ramsland Eikeland møttes."
    assert [sentence[a:b] for a, b in person_spans(sentence)] == ["Tone Ramsland Eikeland"]
