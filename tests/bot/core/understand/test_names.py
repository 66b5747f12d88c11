"""Names a question is about (`names`): a project named, the names documents are asked to mention."""

from __future__ import annotations

import pytest

from bot.core.understand import understand


@pytest.mark.parametrize(("text", "name"), [
    ("Hvilke kommuner er med i Se meg-prosjektet?", "Se meg"),
    ("Er Saman frå start-prosjektet ferdig?", "Saman frå start"),
    ("Who led the Valdres project?", "Valdres"),
    ("Hvilke prosjekter har vi?", None),
    ("Fosterhjemsprosjektet i Kvam", None),
])  # fmt: skip
def test_a_project_named_before_prosjektet(kit, text, name):
    assert understand(text, [], kit).project_named == name


@pytest.mark.parametrize(("text", "mentions"), [
    ("I hvilke dokumenter dukker Kjersti Toppe opp?", ("Kjersti", "Toppe")),
    ("Kva dokument nemner RKBU Vest?", ("RKBU", "Vest")),
    ("Which documents mention Bufetat?", ("Bufetat",)),
    ("Hvilke dokumenter har vi fra Vestland?", ()),  # a place is a filter of its own
    ("Hva sa Kjersti Toppe om reformen?", ()),  # a fact question, no document list
    ("I hvilke sammenhenger dukker Kjersti Toppe opp?", ("Kjersti", "Toppe")),
    ("Where does minister Kjersti Toppe show up?", ("Kjersti", "Toppe")),
    ("Hvor nevnes RKBU Vest?", ("RKBU", "Vest")),
    ("Kva sider nemner statsråd Kjersti Toppe, og i kva samanheng?", ("Kjersti", "Toppe")),
    ("Which pages mention RKBU Vest?", ("RKBU", "Vest")),
    ("Where is the deadline mentioned?", ()),  # no name: a fact question
    ("Hvor ble samlingen i Bergen holdt?", ()),  # where it was held, no mention asked
    # «hvor mange» asks a count; a later sentence saying where it came up names no search
    ("Hvor mange lover gjaldt det? Det ble nevnt på REKOM-møtet.", ()),
    ("Kva dokument nemner kompetansekrava som gjeld frå 2031?", ("2031",)),  # no year filter
])  # fmt: skip
def test_the_names_a_document_question_asks_documents_to_mention(kit, text, mentions) -> None:  # type: ignore[no-untyped-def]
    assert understand(text, [], kit).mentions == mentions


@pytest.mark.parametrize(("text", "named"), [
    ("Hvilke kommuner var med i tilsynet om ettervern og Nav-tjenester i 2019?", ("Nav",)),
    ("Hva sier KS-siden om ettervern?", ("KS",)),
    ("Er det prosjektleder i Valdres-prosjektet?", ("Valdres",)),
    ("Hvem leder prosjektet i Nord-Aurdal?", ("Nord-Aurdal",)),  # a name joined to a name
    # the country's adjective describes; «in Norway» asks the national figure
    ("Why is Norwegian aftercare counted from 19?", ()),
    ("How many young people in Norway received aftercare in 2020?", ("Norway",)),
])  # fmt: skip
def test_the_names_a_question_is_about(kit, text, named) -> None:  # type: ignore[no-untyped-def]
    """«Nav-tjenester» names Nav: the documents write «Nav», never the compound."""
    assert understand(text, [], kit).names == named


@pytest.mark.parametrize(("text", "asked"), [
    ("Hvor er det oppgitt at 16 prosent har et dårlig inntrykk av barnevernet?", True),
    ("Kvar står det at kommunen må ha ein plan?", True),
    ("Which document says that the reform started in 2022?", True),
    ("Where does it say that foster homes get two visits a year?", True),
    ("Hvor står plikten til internkontroll?", False),  # a provision of a law
    ("Hvor er neste samling?", False),
])  # fmt: skip
def test_which_document_says_a_thing_is_asked_apart_from_where_a_law_says_it(kit, text, asked):
    assert understand(text, [], kit).where_said is asked


@pytest.mark.parametrize(("text", "asked"), [
    ("Hvilken statsforvalter hadde tilsynet med Lunner?", True),
    ("Kven gjennomførte tilsynet med Etne Vindafjord?", True),
    ("Which county governor carried out the inspection in Holmestrand?", True),
    ("Hvem står bak veilederen om internkontroll?", True),
    ("Which agency published the call?", True),
    ("Hva ble konklusjonen, hvilket SF-embete sto for det, og når var de på besøk?", True),
    ("What was the conclusion, which office did it and on what dates were they there?", True),
    # a body named to be confirmed: the publisher says whether it was
    ("Var det Statsforvaltaren i Vestland som hadde tilsynet med Etne Vindafjord?", True),
    ("Was it the county governor of Oslo who carried out the Lunner inspection?", True),
    ("Er det statsforvalteren som bestemmer fordelingen?", False),  # no document's maker
    ("Hvem leder prosjektet?", False),  # a person in the document, not who issued it
    ("Hvem hadde ansvaret for oppfølgingen?", False),
    ("Hvilken kommune var vertskommune?", False),
])  # fmt: skip
def test_who_issued_a_document_is_asked_apart_from_a_person_in_it(kit, text, asked):
    assert understand(text, [], kit).asks_issuer is asked
