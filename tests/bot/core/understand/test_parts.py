"""The parts of a question (`parts`): where one question ends and the next begins, what only
says how to answer, and what each part asks."""

from __future__ import annotations

import pytest

from bot.core.question import AnswerType
from bot.core.understand import understand


@pytest.mark.parametrize(("text", "parts"), [
    # a bare second question word borrows what the first clause asks about
    ("When does the Sunnmøre network meet next, and where?",
     ["When does the Sunnmøre network meet next", "where does the Sunnmøre network meet next"]),
    ("Når og hvor er neste samling?", ["Når er neste samling?", "hvor er neste samling?"]),
    # Nynorsk «korleis», «korfor» start a clause as «hvordan», «hvorfor» do
    ("Kor mykje blir flytta til kommunane, og korleis fordeler det seg?",
     ["Kor mykje blir flytta til kommunane", "korleis fordeler det seg?"]),
    # how to answer is not asked
    ("Hvem leder prosjektet i Kvam? Svar kort.", ["Hvem leder prosjektet i Kvam?"]),
    ("Hva er egenandelen i Viken? Gi meg en oversikt per fylke.",
     ["Hva er egenandelen i Viken?"]),
    ("Hva kan midlene brukes til i Viken? Kort punktliste", ["Hva kan midlene brukes til i Viken?"]),
    ("Kven kan kommunen samarbeide med? lista gjerne opp", ["Kven kan kommunen samarbeide med?"]),
    ("What changed in the revised call? Bullet points please.",
     ["What changed in the revised call?"]),
    ("Hva er listen? Liste over kommuner.", ["Hva er listen", "Liste over kommuner."]),  # asks
    # a yes/no question after «, og» is a part of its own
    ("Når var tilsynet i Lunner, og var de fysisk til stede?",
     ["Når var tilsynet i Lunner", "var de fysisk til stede?"]),
    ("Kan bydeler søke om tilskuddet, og rekker vi fortsatt å søke?",
     ["Kan bydeler søke om tilskuddet", "rekker vi fortsatt å søke?"]),
    # a comma before a question word starts another question after one, not before any
    ("Prosjektet i Os – hvem er vertskommune, hvor mye søkes det om, og hva koster det?",
     ["Prosjektet i Os – hvem er vertskommune", "hvor mye søkes det om", "hva koster det?"]),
    ("I Time og Klepp, hvem er vertskommune?", ["I Time og Klepp, hvem er vertskommune?"]),
    # a preposition may stand between «and» and the question word
    ("What was the conclusion, which office did it and on what dates were they there?",
     ["What was the conclusion", "which office did it", "what dates were they there?"]),
    ("Kor mange fedrar var med, av kor mange foreldre totalt?",
     ["Kor mange fedrar var med", "av kor mange foreldre totalt?"]),
    # statements before the question set the scene; a date's full stop ends no sentence
    ("Gjøvikregionen skal få felles vakt. Starter den selv om Nordre Land ikke har vedtatt "
     "avtalen, og når er oppstart?",
     ["Starter den selv om Nordre Land ikke har vedtatt avtalen", "når er oppstart?"]),
    ("Hva skjedde 1. mars? Svar kort.", ["Hva skjedde 1. mars?"]),
    # nor does an abbreviation's
    ("Har kommuner i Vestland (tidl. Hordaland) hatt mer enn ett prosjekt?",
     ["Har kommuner i Vestland (tidl. Hordaland) hatt mer enn ett prosjekt?"]),
    # … unless the question only asks whether they hold
    ("I heard they got a million kroner. Is that right?",
     ["I heard they got a million kroner. Is that right?"]),
    # who asks, before a colon and the question; not a meeting named before its asks
    ("Quick check from a Danish consultant: is it correct that the project in Narvik failed?",
     ["is it correct that the project in Narvik failed?"]),
    ("Kort: hva fikk Rana igjen for prosjektet?", ["hva fikk Rana igjen for prosjektet?"]),
    ("Finnmark-samlinga april -24: oppfølgingspunkter, ansvarlig + frist?",
     ["Finnmark-samlinga april -24: oppfølgingspunkter, ansvarlig + frist?"]),
    ("Ubrukte midler: hvor går beløpsgrensa for tilbakebetaling?",  # a topic, not who asks
     ["Ubrukte midler: hvor går beløpsgrensa for tilbakebetaling?"]),
    # a request said as a statement is asked, the scene after it is not
    ("Jeg trenger søknadsfristen i Troms. Vi søkte i fjor. Må vi søke på nytt?",
     ["Jeg trenger søknadsfristen i Troms.", "Må vi søke på nytt?"]),
    ("I need the deadline for Nordland. Is it still open?",
     ["I need the deadline for Nordland.", "Is it still open?"]),
])
def test_the_parts_of_a_question(kit, text, parts):
    assert [p.text for p in understand(text, [], kit).parts] == parts


@pytest.mark.parametrize(("text", "asked"), [
    ("Utlysningen i Agder 2024: svar med to linjer, «Maks per søknad: …» og «Frist: …»",
     [("Maks per søknad (Utlysningen i Agder 2024)", (AnswerType.AMOUNT,)),
      ("Frist (Utlysningen i Agder 2024)", (AnswerType.DATE,))]),
    ("Rekker vi å søke? Svar med linjene «Søknadsfrist:» og «Beløp til nye søknader:».",
     [("Søknadsfrist (Rekker vi å søke?)", (AnswerType.DATE,)),
      ("Beløp til nye søknader (Rekker vi å søke?)", (AnswerType.AMOUNT,))]),
])
def test_each_label_of_an_asked_form_is_a_part(kit, text, asked):
    parts = understand(text, [], kit).parts
    assert [(p.text, p.answer_types) for p in parts] == asked


@pytest.mark.parametrize("text", ["Når er fristen i Agder? Svar på formen «Søknadsfrist: …»",
                                  "Svar på formen «Søknadsfrist: …». Når er fristen i Agder?"])
def test_one_label_of_an_asked_form_only_says_how_to_answer(kit, text):
    assert [p.text for p in understand(text, [], kit).parts] == ["Når er fristen i Agder?"]


@pytest.mark.parametrize(("text", "asked"), [
    ("hva ble hovedresultatet i hver av sluttrapportene? bare ett tall per prosjekt holder",
     "hva ble hovedresultatet i hver av sluttrapportene?"),
    ("Når var fristen? Årstallet er nok.", "Når var fristen?"),
    ("When did it start? The year is enough.", "When did it start?"),
])  # fmt: skip
def test_a_sentence_saying_how_much_answer_will_do_asks_nothing(kit, text, asked):
    assert [p.text for p in understand(text, [], kit).parts] == [asked]


def test_two_kinds_of_fact_in_one_clause_are_two_parts(kit):
    q = understand("Søknadsfrist og maks beløp for stimuleringsmidler i Rogaland?", [], kit)
    assert [p.answer_types for p in q.parts] == [(AnswerType.DATE,), (AnswerType.AMOUNT,)]
    assert "Maks" not in understand("Frist? Svar kort, typ «Frist: …» og «Maks: …»", [],
                                    kit).names  # a template in quotes names nothing
    late = understand("Hvilke utlysninger har vi, og hva er maks beløp per prosjekt og "
                      "søknadsfrist i hver?", [], kit)  # the deadline is joined to the amount
    assert [(p.text, p.answer_types) for p in late.parts[1:]] == [
        ("hva er maks beløp per prosjekt", (AnswerType.AMOUNT,)),
        ("søknadsfrist i hver?", (AnswerType.DATE,))]  # each kind asks its own words
    from bot.core.understand.across import asked_of_each

    assert [p.answer_types for p in asked_of_each(late.parts, late.intent)] == [
        (AnswerType.AMOUNT,), (AnswerType.DATE,)]  # each document is asked both


def test_a_multi_part_question_has_parts_with_their_answer_types(kit):
    q = understand("Hvem leder prosjektet i Kvam, og hvor mye søkes det om?", [], kit)
    assert [p.answer_types for p in q.parts] == [(AnswerType.PERSON,), (AnswerType.AMOUNT,)]
    assert understand("Må kommunene fortsatt betale egenandel?", [], kit).answer_types[0] \
        == AnswerType.YESNO


def test_why_asks_a_reason_in_its_own_part(kit):
    q = understand("Hvor mye flyttes til kommunene, og hvorfor ble det mindre i 2022?", [], kit)
    assert [p.answer_types for p in q.parts] == [(AnswerType.AMOUNT,), (AnswerType.REASON,)]
    assert understand("Kvifor er kravet redusert?", [], kit).answer_types == (AnswerType.REASON,)


@pytest.mark.parametrize("text", [
    "Hvem var prosjektleder i Haugesund/Karmøy-prosjektet, og gikk antall brudd ned?",
    "Kven leidde prosjektet, og gjekk talet på flyttingar ned?",
    "Hva kostet prosjektet, og økte antall fosterhjem?",
])  # fmt: skip
def test_a_yes_no_clause_after_og_is_its_own_part(kit, text):  # type: ignore[no-untyped-def]
    assert len(understand(text, [], kit).parts) == 2


def test_a_topic_set_before_a_dash_or_colon_does_not_hide_what_is_asked(kit):
    q = understand("Fosterhjemsprosjektet til kommunene som i dag er Øygarden kommune – hvor mye "
                   "søkte de om?", [], kit)
    assert q.parts[0].answer_types == (AnswerType.AMOUNT,)
    assert understand("Referatet fra styringsgruppa i Vestland i februar: når er neste møte?", [],
                      kit).parts[0].answer_types == (AnswerType.DATE,)


def test_short_asks_listed_after_a_colon_are_parts_of_their_own(kit):
    q = understand("Sammenlign utlysningene fra Rogaland og Nordland: ramme, maks per prosjekt "
                   "og søknadsfrist. Hvem gir mest?", [], kit)
    kinds = [p.answer_types for p in q.parts]
    assert kinds[:3] == [(AnswerType.AMOUNT,), (AnswerType.AMOUNT,), (AnswerType.DATE,)]
    assert all("Rogaland og Nordland" in p.text for p in q.parts[:3])  # each keeps its subject
    names = understand("Hvilke prosjekter i Agder: Kristiansand, Vennesla eller Birkenes?", [],
                       kit)
    assert len(names.parts) == 1  # names listed after a colon are no asks


def test_a_request_before_the_question_is_asked_too(kit):
    """«Compare the calls …: frame, max per project and deadline. Which is the biggest pot?»:
    the first sentence asks (an imperative), it does not set the scene."""
    q = understand("Compare the calls from Rogaland and Trøndelag: total frame, max per project "
                   "and the application deadline. Which one is the biggest pot?", [], kit)
    types = [t for p in q.parts for t in p.answer_types]
    assert types.count(AnswerType.AMOUNT) >= 2 and AnswerType.DATE in types
    scene = understand("Jeg leser om Fosterhjem i vest. Hvem ledet prosjektet der da?", [], kit)
    assert [p.text for p in scene.parts] == ["Hvem ledet prosjektet der da?"]


def test_a_question_word_after_and_and_a_preposition_opens_a_part(kit):
    """«…, and for how many years?» is a second part, asking a count of its own."""
    q = understand("Who can apply for Bufdir's grant for parental support, and for how many "
                   "years?", [], kit)
    assert [p.text for p in q.parts][-1] == "how many years?"
    assert AnswerType.COUNT in q.parts[-1].answer_types


@pytest.mark.parametrize(("text", "negated"), [
    ("Hva kan midlene ikke brukes til?", True),
    ("Which costs are not covered?", True),
    ("Starter vakta som planlagt selv om Nordre Land ikke har sagt ja ennå?", False),
    ("Will the service start even if one municipality has not agreed?", False),
])  # fmt: skip
def test_a_not_in_a_concession_is_not_what_is_asked(kit, text, negated):
    assert understand(text, [], kit).parts[0].negated is negated


def test_hearsay_before_a_claim_is_no_part_of_what_is_asked(kit) -> None:
    q = understand("Jeg har hørt at Fylkesmannen i Hordaland fikk 750 000 kr i 2018, er det "
                   "riktig?", [], kit)
    assert q.standalone.startswith("Fylkesmannen i Hordaland fikk 750 000 kr")
    assert "hørt" in understand("Ble barnet hørt i undersøkelsen?", [], kit).standalone
