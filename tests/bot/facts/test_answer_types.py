"""Whether a sentence holds the kind of fact asked for."""

import pytest

from bot.facts.answer_types import PERSON, has_type


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
