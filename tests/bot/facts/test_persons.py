"""A person the documents never mention is not answered about (questions written here)."""

from __future__ import annotations

import pytest

from bot.core.understand import Kit, understand
from bot.facts.persons import unknown_person
from indexer.store.lexical import LexicalIndex

TEXTS = ["Gunn Marit Helgesen, KS' styreleder, møtte statsråd Kjersti Toppe.",
         "Barnevernloven og sosialtjenesteloven gjelder ettervern."]


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    return LexicalIndex.build(["c1", "c2"], TEXTS, "g1")


@pytest.fixture(scope="module")
def kit(gazetteer):  # type: ignore[no-untyped-def]
    return Kit(gazetteer)


@pytest.mark.parametrize(("question", "stranger"), [
    ("Hva sa Kjell Ingolf Ropstad om overgangsordningen?", "Kjell Ingolf Ropstad"),
    ("Kva meinte Ola Brønnøysund om reforma?", "Ola Brønnøysund"),
    ("Hva sa Gunn Marit Helgesen til statsråden?", None),  # the documents name her
    ("What does the Child Welfare Act say about aftercare?", None),  # a law, not a person
    ("Hva gjør Stiftelsen Barnas Hus?", None),  # a body
    ("Hvem fra Østre Toten og Nordre Land var med?", None),  # places
    ("How many services do the State Administrators audit?", None),  # a body, plural
    ("What did the State Administrator's report find?", None),  # a body, possessive
])
def test_a_person_no_document_names_is_told_apart(kit, lexical, question, stranger):
    assert unknown_person(understand(question, [], kit), lexical) == stranger
