"""Is a fact asked of each document of a kind (`across`), and what is each document asked?"""

from __future__ import annotations

import pytest

from bot.core.question import Intent
from bot.core.understand import understand
from bot.core.understand.across import asked_of_each


@pytest.mark.parametrize(("text", "across"), [
    ("Hvor stor egenandel krever de ulike retningslinjene?", True),
    ("Compare the calls we have: what is the maximum per project in each?", True),
    ("Hvilke av tilsynsrapportene endte med lovbrudd?", True),
    ("Hvor stor egenandel krever retningslinjene i Viken og Trøndelag?", True),
    ("Hvor mye må betales tilbake? Er det forskjell på Viken og Trøndelag?", True),
    # a fact of several counties is each county's; of two municipalities, one project's
    ("Kor mykje ubrukte midlar kan vi ha att – i Viken, Trøndelag og Møre og Romsdal?", True),
    ("Hvor mye fikk Kvam og Voss i stimuleringsmidler?", False),
    ("vi har noen tilsynsrapporter liggende, hvilke av dem fant lovbrudd?", True),
    ("Hvilke sluttrapporter har vi, og hvor mye fikk prosjektene?", True),
    ("Hvilke sluttrapporter har vi?", False),  # a listing, no fact asked of each
    ("For hver prosjektbeskrivelse: hvilket fylke hørte kommunene til da?", True),
    ("Kva var målet i kvar sluttrapport?", True),
    # … nor when what is asked of each is what the listing shows anyway
    ("Hvilke dokumenter har vi fra Vestfold? Si hva slags dokument og hvilket år.", False),
    ("Hvor stor egenandel krever retningslinjene i Trøndelag?", False),  # one document
    ("Hvem leder prosjektet i Kvam og Voss?", False),
    ("Hvilke tilsynsrapporter finnes i basen, og fant de lovbrudd?", True),
    ("Hvilke statsforvaltere står bak tilsynsrapportene vi har i basen?", True),
    # what projects did, which no theme, place or year of the catalogue says
    ("Hvilke prosjekter har målt hvor ofte barnet blir snakket med alene?", True),
    ("Hvilke prosjekter har vi om fosterhjem?", False),
    ("Hvilke prosjekter har Kvam hatt?", False),
    ("Hvilke kommuner har hatt prosjekter om rusomsorg?", False),  # a theme: «Mente du …?»
    ("Lag en oversikt over søknadsfristene i utlysningene", True),
    ("Gi meg en tidslinje over tilsynene", True),
    ("Gi meg en oversikt over søknadsfristen i Rogaland", False),  # one document
    # a listing «with» what the ledger does not know of every document asks each of them
    ("List all the calls we have, with county and application deadline.", True),
    ("Hvilke utlysninger har vi, med søknadsfrist og beløp?", True),
    ("List all final reports with the municipalities and the year of each", False),
    ("Hvilke dokumenter har vi fra Innlandet, også fra tiden med Hedmark og Oppland?", False),
    # «Kva møte er det?» after a count of minutes asks which minutes: the listing says it
    ("Kor mange møtereferat har vi frå Vestland? Kva møte er det?", False),
    ("How many minutes do we have from Agder? Which meetings were they?", False),
    # every document of a kind, named by «ifølge» or «alle» and no place
    ("Kor mykje må betalast tilbake ifølge retningslinene?", True),
    ("What do all the calls say about co-funding?", True),
    ("Hvor mye må betales tilbake ifølge retningslinjene i Trøndelag?", False),
    ("Hva sier retningslinjene om ubrukte midler?", False),  # may well be one document
    # «the different», «the various», «comparing»: English for «de ulike», «sammenlign»
    ("Comparing counties: what co-funding share do the different guidelines require?", True),
    ("What is the maximum amount per project in the various calls?", True),
    ("Give me every call in the collection: county, max amount per project and the deadline.",
     True),
])
def test_a_fact_asked_of_each_document(kit, text, across):
    assert understand(text, [], kit).across is across


@pytest.mark.parametrize(("text", "asked"), [
    # which of them has the most is read off the rows, never asked of one document
    ("Hvor stor egenandel må kommunene stille med i de ulike fylkenes ordninger? Hvilket "
     "fylke krever mest?", ["Hvor stor egenandel må kommunene stille med i ordninger"]),
    # who issued the documents and the places they are of are the set, not the question
    ("Hvor stor egenandel krever de ulike statsforvalterne i retningslinjer og utlysninger?",
     ["Hvor stor egenandel krever?"]),
    ("Hvor stor egenandel krever retningslinjene i Viken, Trøndelag og Møre og Romsdal?",
     ["Hvor stor egenandel krever?"]),
    ("Hvilke utlysninger har vi, med fylke, søknadsfrist og beløp?", ["søknadsfrist", "beløp"]),
    ("List every call in the knowledge base, with the application deadline and the maximum "
     "amount per project.", ["application deadline", "maximum amount project"]),
    # … or after a colon, when that is a list of what to show and no question of its own
    ("Give me every call in the collection: county, max amount per project and the deadline.",
     ["max amount project", "deadline"]),
    # the part that names the documents is the listing, wherever it stands
    ("Kor stor eigendel må kommunane dekkje? Eg vil ha ei oversikt over alle retningslinene "
     "og utlysingane, fylke for fylke.", ["Kor stor eigendel må kommunane dekkje"]),
    # how the places differ is read off the rows; a comparison inside a fact is still asked
    ("Kor mykje ubrukte midlar kan ein sitje att med? Samanlikn Viken, Trøndelag og Møre og "
     "Romsdal.", ["Kor mykje ubrukte midlar kan ein sitje att med"]),
    ("Hvor mye må betales tilbake? Er det forskjell på Viken og Trøndelag?",
     ["Hvor mye må betales tilbake"]),
    # «the county guidelines» names the set; «above what amount» is then the head's question
    ("Across the county guidelines, above what amount do unused funds have to be paid back?",
     ["above what amount do unused funds have to be paid back?"]),
    # a clause that only names the set is no part of what each is asked
    ("vi har noen tilsynsrapporter liggende, hvilke av dem fant lovbrudd?", ["fant lovbrudd?"]),
    ("Sammenlign rammen og maksbeløpet per prosjekt i utlysningene fra Rogaland, Nordland og "
     "Troms og Finnmark", ["rammen og maksbeløpet per prosjekt"]),
])  # fmt: skip
def test_what_each_document_is_asked(kit, text, asked):
    q = understand(text, [], kit)
    parts = asked_of_each(q.parts, q.intent, tuple(p.name for p in q.places))
    assert [p.text for p in parts] == asked


def test_still_open_in_every_language_asks_each_call(kit):
    for text in ("Hvilke utlysninger er fortsatt åpne?", "Kva utlysingar er framleis opne?",
                 "Which calls are still open?"):
        q = understand(text, [], kit)
        assert q.intent == Intent.DOCUMENTS and q.across, text


def test_de_forskjellige_asks_of_each_like_de_ulike(kit):
    """«… i de forskjellige fylkene? Kan du lage en oversikt?»: asked of each county's
    documents; the request for an overview is how to answer, not a second question."""
    question = understand("Hvor stor egenandel kreves i de forskjellige fylkene? Kan du lage en "
                          "oversikt?", [], kit)
    assert question.across and question.per_county
    assert [p.text.rstrip("?") for p in question.parts] == [
        "Hvor stor egenandel kreves i de forskjellige fylkene"]
    overview = understand("Kan du lage en oversikt over prosjektene i Agder?", [], kit)
    assert overview.intent == Intent.PROJECTS  # the overview is the question here


def test_the_goal_of_the_different_projects_keeps_its_own_words():
    """«Hva var målet med de ulike ettervernsprosjektene?»: «med» names what is asked about,
    not what a listing shows of each (as in «utlysningene, med frist og beløp»)."""
    from bot.core.question import Part

    parts = asked_of_each((Part("Hva var målet med de ulike ettervernsprosjektene?"),),
                          Intent.FACT)
    assert [p.text for p in parts] == ["Hva var målet med ettervernsprosjektene?"]
    shown = asked_of_each((Part("Hvilke utlysninger har vi, med frist og maksbeløp?"),),
                          Intent.DOCUMENTS)
    assert [p.text for p in shown] == ["frist", "maksbeløp"]
