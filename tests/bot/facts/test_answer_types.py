"""Whether a sentence holds the kind of fact asked for."""

import pytest

from bot.facts.answer_types import DURATION, PERSON, has_type, names_person


@pytest.mark.parametrize("sentence", ["Vertskommune: Klepp kommune", "Prosjektleder: Kari Nordmann",
                                      "Kompetansemiljø: RVTS Sør"])
def test_who_is_answered_by_a_person_or_an_organisation(sentence):
    assert has_type(sentence, PERSON)


def test_a_sentence_naming_no_one_does_not_answer_who():
    assert not has_type("Prosjektet varer i to år og evalueres underveis.", PERSON)


def test_why_is_answered_by_a_sentence_that_gives_a_reason():
    from bot.facts.answer_types import REASON

    assert has_type("Grunnen er at Helsetilsynet har lagt opp til mer aktivitet i hvert tilsyn.",
                    REASON)
    assert has_type("Det er fordi statistikken ikke skiller på når på året de er født.", REASON)
    assert not has_type("Statsforvalterne skal i 2023 gjennomføre 43 systemrevisjoner.", REASON)
    assert not has_type("Siden 2019 har nettverket møttes to ganger i året.", REASON)  # a time


@pytest.mark.parametrize("sentence, named", [
    ("Prosjektleiar: Ingeborg Haugen Lien, barnevernsfagleg rådgjevar", True),
    ("Spørsmål kan rettes til seniorrådgiver Kjersti Vold Ueland.", True),
    ("Opplæringa vert leidd av RVTS Sør.", False),  # an organisation
    ("Søkjar: Nord-Aurdal kommune saman med Vestre Slidre og Øystre Slidre", False),  # places
])
def test_a_person_is_named_by_first_and_last_name_not_a_place_written_like_one(sentence, named):
    assert names_person(sentence) is named


def test_how_long_is_answered_by_a_length_or_by_the_span_itself():
    assert has_type("Prosjektperiode: 1. april 2025 – 31. mars 2027", DURATION)
    assert has_type("Prosjektet varer i to år.", DURATION)
    assert not has_type("Prosjektet starta 1. april 2025.", DURATION)


def test_a_year_the_question_names_itself_does_not_say_when():
    from bot.facts.answer_types import dated

    assert not dated("Fylkesmannen har i 2018 fått tildelt 650 000 kr.", frozenset({2018}))
    assert dated("Fylkesmannen har i 2018 fått tildelt 650 000 kr.", frozenset())
    assert dated("Møtet var 7. juni 2018.", frozenset({2018}))


@pytest.mark.parametrize("sentence", [
    "Fylkesmannen gjennomførte tilsyn med kommunane Sogndal, Leikanger og Balestrand.",
    "The project ran in the municipalities of Hamar and Løten.",
    "Møtet ble holdt i Bodø.",
])
def test_where_and_which_municipalities_are_answered_by_places_named(sentence):
    from bot.facts.answer_types import PLACE

    assert has_type(sentence, PLACE)


def test_a_sentence_naming_no_place_does_not_answer_where():
    from bot.facts.answer_types import PLACE

    assert not has_type("Kommunen skal ha internkontroll etter kommuneloven.", PLACE)


@pytest.mark.parametrize("sentence", ["Denne delrapporten gjeld Nav Leikanger.",
                                      "Rapporten er sendt til Statsforvalteren Vestland."])
def test_an_office_written_like_a_name_is_no_person(sentence):
    from indexer.text.people import person_spans

    assert not names_person(sentence)
    assert person_spans(sentence) == []
