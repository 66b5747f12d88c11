"""Whether a sentence holds the kind of fact asked for."""

import pytest

from bot.facts.answer_types import PERSON, has_type


@pytest.mark.parametrize("sentence", ["Vertskommune: Klepp kommune", "Prosjektleder: Kari Nordmann",
                                      "Kompetansemiljø: RVTS Sør"])
def test_who_is_answered_by_a_person_or_an_organisation(sentence):
    assert has_type(sentence, PERSON)


def test_a_sentence_naming_no_one_does_not_answer_who():
    assert not has_type("Prosjektet varer i to år og evalueres underveis.", PERSON)
