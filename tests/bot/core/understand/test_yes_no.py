"""Does a question (part) ask yes or no (`yes_no`)? The verb first asks it; a request worded as a
question does not."""

from __future__ import annotations

import pytest

from bot.core.question import AnswerType
from bot.core.understand import understand


@pytest.mark.parametrize(("text", "yes_no"), [
    ("Can you list the inspection dates for each report?", False),
    ("Kan du fortelle meg når søknadsfristen er?", False),
    ("Could you please summarise the Lunner report?", False),
    ("Kan jeg få en liste over sluttrapportene?", False),
    # a question about what one may do stays a yes/no question
    ("Kan du søke om midler til utstyr?", True),
    ("Can you apply for funding for equipment?", True),
])  # fmt: skip
def test_a_request_worded_as_a_question_asks_for_what_it_names(kit, text, yes_no):
    assert (AnswerType.YESNO in understand(text, [], kit).parts[0].answer_types) is yes_no


@pytest.mark.parametrize("text", [
    "Fortsetter vakttelefonen etter prosjektet?", "Klarte Voss å rekruttere nok fosterheimar?",
    "Måtte nettverket velge en leder?", "Vil kommunene få mer penger?",
    "Trådte loven i kraft i 2022?", "Would the county pay for travel?",
    # any verb before its subject, not only the common ones
    "Held Haugesund og Karmøy fram med vakttelefonen?", "Heldt dei fram med vakttelefonen?",
    "Fortsatte de med faddermodellen?", "Vedtok styringsgruppa noko om vakta?",
    "Lyktes prosjektet med å rekruttere hybelvertar?", "fann dei lovbrot?",
    "And is the case still open?",  # a later part, joined by «and»
])
def test_a_question_opening_with_its_verb_asks_yes_or_no(kit, text):
    assert understand(text, [], kit).parts[0].answer_types[0] == AnswerType.YESNO


@pytest.mark.parametrize("text", [
    "Hamar og Løten – hva gjorde de?", "Søknadsfristen for Nordland?", "Bergen kommune?",
    "Referatet fra Setesdal?", "Prosjektet i Kvam, hvem leder det?",
])
def test_a_question_opening_with_a_name_or_noun_asks_no_yes_or_no(kit, text):
    assert AnswerType.YESNO not in understand(text, [], kit).parts[0].answer_types


@pytest.mark.parametrize("text", [
    "Holmestrand-tilsynet var i mai 2023, sant?", "Fristen er 1. mars – stemmer det?",
    "The project ended in 2022, right?", "fristen var 1. mai, ikke sant?",
    "Det var 50 tilsyn – er det riktig?",
])
def test_a_claim_with_a_tag_asks_whether_it_holds(kit, text):
    understood = understand(text, [], kit)
    assert AnswerType.YESNO in understood.parts[0].answer_types and understood.claims


def test_a_claim_led_by_its_question_is_a_claim_and_an_open_question_none(kit):
    assert understand("Stemmer det at fristen var 1. mai 2024?", [], kit).claims
    assert understand("Is it true that the project ended in 2022?", [], kit).claims
    assert not understand("Når var fristen i 2024?", [], kit).claims
    assert not understand("Var fristen 1. mai?", [], kit).claims  # asks, claims nothing tagged


@pytest.mark.parametrize("text", ["Hva er sant om fristen?", "Which answer is correct?"])
def test_an_open_question_about_what_is_right_asks_no_yes_or_no(kit, text):
    assert AnswerType.YESNO not in understand(text, [], kit).parts[0].answer_types
