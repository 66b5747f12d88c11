"""Which project list a question asks for (`project_lists`), and what is asked of each project."""

from __future__ import annotations

import pytest

from bot.core.question import Intent, ListAsk
from bot.core.understand import understand
from indexer.models import DocType


def test_list_asks(kit):
    assert understand("Hvor mange kommuner har hatt prosjekter om ettervern?", [],
                      kit).list_ask == ListAsk.COUNT_MUNICIPALITIES
    assert understand("Sammenlign prosjektene om fosterhjem", [], kit).list_ask == ListAsk.COMPARE


@pytest.mark.parametrize("text", [
    "Kan du ramse opp kommunene som er med i tidlig innsats-prosjektet i Valdres?",
    "List opp alle kommunene i prosjektet i Valdres",
    "Name the municipalities in the Kongsberg project",
])  # fmt: skip
def test_a_request_to_enumerate_a_projects_municipalities_lists_them(kit, text):
    assert understand(text, [], kit).list_ask == ListAsk.MUNICIPALITIES
    assert understand("Nevn kommunene som deltok på samlingen", [], kit).list_ask is None


@pytest.mark.parametrize("text", [
    "Hva har Fjell kommune vært med på i læringsnettverket?",
    "Kva har Kvam vore med på?",
    "What has Voss taken part in?",
])  # fmt: skip
def test_what_a_place_took_part_in_is_its_projects(kit, text):
    assert understand(text, [], kit).list_ask == ListAsk.PROJECTS
    assert understand("Hva har vært gjort i prosjektet?", [], kit).intent == Intent.FACT


def test_a_question_about_projects_as_such_is_told_from_one_about_a_theme(kit):
    assert understand("Hvem ledet de ulike fosterhjemsprosjektene?", [], kit).projects_named
    assert not understand("Which office must carry out the most foster care inspections?", [],
                          kit).projects_named


def test_how_much_for_projects_is_one_sum_how_much_the_projects_got_is_a_list(kit):
    one = understand("Hvor mye fikk Fylkesmannen i Hordaland tildelt i 2018 til "
                     "utviklingsprosjekter i læringsnettverket?", [], kit)
    assert one.intent == Intent.FACT
    assert understand("Hvor mye fikk ettervernsprosjektene?", [], kit).list_ask == ListAsk.AMOUNTS


@pytest.mark.parametrize("text", [
    "Legg sammen det som er søkt om i alle prosjektbeskrivelsene vi har.",
    "Kan du leggje saman kva prosjekta har søkt om?",
    "Add up what the projects have applied for.",
])
def test_adding_up_what_projects_applied_for_is_a_sum_of_catalogue_amounts(kit, text):
    assert understand(text, [], kit).list_ask == ListAsk.AMOUNTS


@pytest.mark.parametrize(("text", "intent"), [
    ("Kva prosjektskildringar har vi, og kor mykje søkte kvart prosjekt om? Kor mykje blir det "
     "til saman?", Intent.PROJECTS),
    ("Hvilke prosjektbeskrivelser har vi, og hvor mye søkte de om til sammen?", Intent.PROJECTS),
    ("Hvilke prosjektbeskrivelser har vi?", Intent.DOCUMENTS),  # the documents themselves
    ("Hvor mange sluttrapporter har vi totalt?", Intent.DOCUMENTS),  # a count, no money
])  # fmt: skip
def test_the_sum_of_the_projects_documents_is_the_catalogues(kit, text, intent):
    question = understand(text, [], kit)
    assert question.intent == intent
    if intent == Intent.PROJECTS:
        assert question.list_ask == ListAsk.AMOUNTS and "søkt" in question.amount_kinds


@pytest.mark.parametrize(("text", "asked"), [
    ("Hvilke kommuner har hatt prosjekter om ettervern, og hva var målet med prosjektene?",
     ["hva var målet med prosjektene?"]),
    ("Which municipalities have had foster care projects, and who led them?", ["who led them?"]),
    ("Kva prosjekt om fosterheim har vi, og kven var prosjektleiar?", ["kven var prosjektleiar?"]),
    ("Kor mange kommunar var med i fosterheimsprosjekta til saman, og kven leia dei?",
     ["kven leia dei?"]),  # a count of the municipalities is a list of them too
    # a yes or no asked of every listed project
    ("Hvilke ettervernsprosjekter har vi, og fikk alle på plass en avtale med NAV?",
     ["fikk alle på plass en avtale med NAV?"]),
    ("Which foster care projects do we have, and did they reach their goals?",
     ["did they reach their goals?"]),
    ("Har vi hatt noe prosjekt om samtaler med barn, og fikk det noen effekt?",
     ["fikk det noen effekt?"]),  # of the one listed, the same
    # what the rows show, how they are shown, a sum, the list asked again: none asked of each
    ("Hvilke kommuner har hatt prosjekter om ettervern, og hva heter de kommunene i dag?", []),
    ("Hvilke kommuner har hatt prosjekter om fosterhjem? Bruk dagens kommunenavn.", []),
    ("Hvilke ettervernsprosjekter finnes, og hvilke kommuner står bak?", []),
    ("Hvilke ettervernsprosjekter har vi, og hvor mye fikk de?", []),
    ("Hvilke etterverns-prosjekter finnes det, og hvilke av dem har levert sluttrapport?", []),
])
def test_a_fact_asked_of_each_listed_project_is_read_apart(kit, text, asked):
    """The later part a project list's rows do not answer is asked of each project's own
    document; one the rows answer is not."""
    q = understand(text, [], kit)
    assert q.intent == Intent.PROJECTS
    assert [p.text for p in q.each_project] == asked


def test_a_part_asked_of_the_list_does_not_filter_it(kit):
    """«Hvilke etterverns-prosjekter finnes det, og hvilke av dem har levert sluttrapport?»:
    every aftercare project first, then those of them with a final report, as if the later part
    followed the list in the conversation; the hyphen is a compound."""
    q = understand("Hvilke etterverns-prosjekter finnes det, og hvilke av dem har levert "
                   "sluttrapport?", [], kit)
    assert q.intent == Intent.PROJECTS and q.whole_list_first and q.refines is not None
    assert q.refines.themes == frozenset({"ettervern"}) and not q.refines.doc_types
    assert q.doc_types == frozenset({DocType.SLUTTRAPPORT})
    filtered = understand("Hvilke ettervernsprosjekter har levert sluttrapport?", [], kit)
    assert filtered.doc_types == frozenset({DocType.SLUTTRAPPORT})


@pytest.mark.parametrize("text", [
    "Har noen buskerudkommuner prosjekt i kunnskapsbasen?",
    "Har nokon nabokommunar hatt prosjekt om ettervern?",
    "Have any municipalities run projects on foster care?",
])  # fmt: skip
def test_whether_any_municipalities_had_projects_asks_for_their_list(kit, text):
    question = understand(text, [], kit)
    assert (question.intent, question.list_ask) == (Intent.PROJECTS, ListAsk.PROJECTS)


@pytest.mark.parametrize("text", [
    "Hva er gjennomsnittlig søknadsbeløp i prosjektbeskrivelsene vi har?",
    "Kor mykje søkte prosjekta om i snitt?",
    "What is the average amount the projects applied for?",
])  # fmt: skip
def test_an_average_of_what_projects_applied_for_is_a_catalogue_sum(kit, text):
    question = understand(text, [], kit)
    assert (question.list_ask, question.averaged) == (ListAsk.AMOUNTS, True)


@pytest.mark.parametrize(("text", "asked"), [
    ("Hvor mange fosterhjemsprosjekter er det, og hva søkte eller fikk de?", ListAsk.AMOUNTS),
    ("How many aftercare projects are there, and how much did they apply for?", ListAsk.AMOUNTS),
    ("Hvor mange prosjekter fikk tildelt midler i 2021?", ListAsk.COUNT_PROJECTS),  # one part
])  # fmt: skip
def test_a_count_with_a_later_part_on_money_lists_the_amounts(kit, text, asked):
    """The rows with their amounts answer both: how many, and what each applied for or got."""
    assert understand(text, [], kit).list_ask == asked
