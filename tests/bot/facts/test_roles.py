"""«Hvem er barnevernleder i Lillesand?» is answered only by a sentence naming a person as that
role: under a label or heading naming it, or beside the role word (sentences written here)."""

from __future__ import annotations

from bot.facts.persons import names_role
from tests.bot.facts.test_amounts import _sentence


def test_a_role_named_far_from_the_person_is_not_that_persons_role() -> None:
    far = _sentence("Oppfølging: Sende invitasjon til barnevernlederne i Lillesand og Birkenes "
                    "innen 1. november 2019 – ansvar: Tone Ramsland Eikeland, Kristiansand.")
    assert not names_role("barnevernleder", far)


def test_a_role_beside_the_name_or_as_its_label_is_that_persons_role() -> None:
    near = _sentence("Til stede: Camilla Bjørnstad Rud (barnevernsleder, Gjøvik kommune).")
    label = _sentence("Prosjektleiar: Ragnhild Ystanes Bø, barnevernsfagleg rådgjevar")
    assert names_role("barnevernleder", near)
    assert names_role("project manager", label) and names_role("prosjektleder", label)


def test_a_role_with_no_person_named_is_no_answer() -> None:
    assert not names_role("prosjektleder", _sentence("Prosjektleder skal tilsettes i 2024."))


def test_a_leader_asked_as_a_verb_is_named_by_any_leader_label() -> None:
    """«Hvem leder dem?»: the role is «leder», said as the last part of a compound label whose
    stem the stemmer cuts («Prosjektleiar» → «prosjektlei»)."""
    assert names_role("leder", _sentence("Prosjektleiar: Gunhild Midtbø Kvålsvoll, Vinje"))
    assert names_role("leder", _sentence("Prosjektleder: Jørn Are Pettersen, Narvik"))
    assert not names_role("leder", _sentence("Kontaktperson: Gunhild Midtbø Kvålsvoll, Vinje"))


def test_a_contact_person_is_named_under_a_line_saying_contact() -> None:
    """«Kontakt⏎Seniorrådgiver Trine Sletten Olsen …»: a PDF's heading is a short line of its
    own above the sentence, and «kontaktperson» is said by its first part."""
    import dataclasses

    text = "Påmelding til kontaktpersonen nedenfor.\nKontakt\nSeniorrådgiver Trine Sletten Olsen."
    whole = _sentence(text)
    start = text.index("Seniorrådgiver")
    under = dataclasses.replace(whole, text=text[start:], start=start, end=len(text))
    assert names_role("kontaktperson", under)
    assert not names_role("prosjektleder", under)
    above = text.index("Påmelding")
    first = dataclasses.replace(whole, text="Påmelding til kontaktpersonen nedenfor.",
                                start=above, end=text.index("\n"))
    assert not names_role("kontaktperson", first)  # no person named
