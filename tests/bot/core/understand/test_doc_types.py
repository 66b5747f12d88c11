"""The kinds of document a question names (`doc_types`): any form, the one named as the source,
several needed together, a web page."""

from __future__ import annotations

import pytest

from bot.core.question import Intent
from bot.core.understand import understand
from indexer.models import DocType


@pytest.mark.parametrize("text", ["Hvilke av tilsynene endte med lovbrudd?",
                                  "Lag en oversikt over når tilsynsbesøkene fant sted",
                                  "Which of the inspections found breaches of the law?",
                                  "List every supervision visit in the knowledge base.",
                                  "Hva er forskjellen på fosterhjemstilsynet i Holmestrand og "
                                  "det i Etne?"])
def test_inspections_in_other_words_are_the_inspection_reports(kit, text):
    assert understand(text, [], kit).doc_types == {DocType.TILSYNSRAPPORT}


def test_every_supervision_visit_listed_is_a_document_listing(kit):
    asked = understand("List every supervision visit in the knowledge base in date order.", [], kit)
    assert (asked.intent, asked.oldest_first) == (Intent.DOCUMENTS, True)


def test_the_health_supervisor_is_a_body_not_an_inspection(kit):
    assert understand("Hva sier Helsetilsynet om fosterhjem?", [], kit).doc_types == frozenset()


def test_inspections_counted_name_no_report(kit):
    asked = "Which office must carry out the most inspections in 2023 according to the guide?"
    assert DocType.TILSYNSRAPPORT not in understand(asked, [], kit).doc_types


def test_a_document_named_as_the_source_is_told_from_one_named_as_the_subject(kit):
    cited = understand("Hva brukte de ifølge sluttrapporten?", [], kit)
    assert cited.doc_types_cited == {DocType.SLUTTRAPPORT}
    english = understand("What did they spend according to its final report?", [], kit)
    assert english.doc_types_cited == {DocType.SLUTTRAPPORT}
    asked = understand("Hva viste sluttrapporten fra «Neste steg»?", [], kit)
    assert asked.doc_types_cited == {DocType.SLUTTRAPPORT}
    said = understand("What did the final report say about the youth council?", [], kit)
    assert said.doc_types_cited == {DocType.SLUTTRAPPORT}
    origin = understand("Når var møtet i referatet fra Sunnmøre?", [], kit)
    assert origin.doc_types_cited == {DocType.REFERAT}
    topic = understand("Hva sa hun om referatet?", [], kit)
    assert topic.doc_types_cited == frozenset()  # what she said, not what the minutes say
    subject = understand("Hvilke deler må sluttrapporten ha i Trøndelag?", [], kit)
    assert subject.doc_types_cited == frozenset()  # what a report must hold, asked of a guideline
    past = understand("Hva sto det i sluttrapporten til «Neste steg» om måloppnåelsen?", [], kit)
    assert past.doc_types_cited == {DocType.SLUTTRAPPORT}


@pytest.mark.parametrize("text, cited", [
    ("Hva fant Statsforvalteren da de hadde tilsyn med fosterhjemsoppfølgingen i Horten?", True),
    ("What did the 2023 inspection of Voss child welfare service find?", True),
    ("Fikk Haugesund lovbrudd i fosterhjemstilsynet?", True),
    ("Hva skjer hvis tilsynet finner lovbrudd?", False),  # the rules, in a guideline
    ("Hvor mange tilsyn skal Statsforvalteren i Vestland gjennomføre?", False),
])
def test_what_an_inspection_found_is_asked_of_its_report(kit, text, cited):
    asked = understand(text, [], kit).doc_types_cited
    assert (DocType.TILSYNSRAPPORT in asked) is cited


@pytest.mark.parametrize(("text", "every"), [
    ("Hvilke prosjekter har vi både prosjektbeskrivelse og sluttrapport for?", True),
    ("Which projects have both a project description and a final report?", True),
    ("Kva prosjekt har både prosjektskildring og sluttrapport?", True),
    ("Hvilke prosjekter har prosjektbeskrivelse eller sluttrapport?", False),
    ("Hvilke prosjekter har levert sluttrapport, både i Agder og Rogaland?", False),
])  # fmt: skip
def test_kinds_of_document_asked_together_are_each_needed(kit, text, every):
    q = understand(text, [], kit)
    assert q.intent == Intent.PROJECTS and not q.across and q.every_doc_type is every


@pytest.mark.parametrize(("text", "kept", "lacking"), [
    ("Hvilke prosjektbeskrivelser har vi ingen sluttrapport for?",
     {DocType.PROSJEKTBESKRIVELSE}, {DocType.SLUTTRAPPORT}),
    ("Which projects have a final report but no project description?",
     {DocType.SLUTTRAPPORT}, {DocType.PROSJEKTBESKRIVELSE}),
    ("Kva prosjekt manglar sluttrapport?", set(), {DocType.SLUTTRAPPORT}),
    ("Hvilke prosjekter har levert sluttrapport?", {DocType.SLUTTRAPPORT}, set()),
])  # fmt: skip
def test_a_kind_of_document_a_project_lacks_leaves_out_the_projects_with_one(kit, text, kept,
                                                                             lacking):
    q = understand(text, [], kit)
    assert q.intent == Intent.PROJECTS
    assert (q.doc_types, q.lacking_doc_types) == (kept, lacking)


@pytest.mark.parametrize("text", [
    "Hvilke nettverk hadde møter i 2023?", "Which steering groups met in 2023?",
    "Kva nettverk hadde samlingar i Vestland?",
])  # fmt: skip
def test_which_groups_met_is_answered_by_their_minutes(kit, text):
    q = understand(text, [], kit)
    assert q.intent == Intent.DOCUMENTS and DocType.REFERAT in q.doc_types


def test_counties_without_a_kind_of_document_still_ask_for_the_counties(kit):
    q = understand("Hvilke fylker har ingen sluttrapporter?", [], kit)
    assert q.counties_without and not q.lacking_doc_types


@pytest.mark.parametrize(("text", "page"), [
    ("Give me a quick overview of the Trøndelag learning network page", True),
    ("Oppsummer nettsida til KS om økonomien i reforma", True),
    ("Oppsummer det som har skjedd i nettverket siden 2020", False),  # «siden»: since
])  # fmt: skip
def test_a_summary_of_a_web_page_is_told_from_one_of_a_file(kit, text, page):
    assert understand(text, [], kit).web_page == page


@pytest.mark.parametrize(("text", "extreme"), [
    ("Hva er den nyeste sluttrapporten vi har?", "newest"),
    ("What's the newest call for applications we have, and what is its deadline?", "newest"),
    ("Kva er det eldste referatet frå Vestland?", "oldest"),
    ("Which is the oldest inspection report?", "oldest"),
    ("Hva er det eldste og det nyeste møtereferatet i basen?", "both"),
    ("Which are the oldest and newest final reports?", "both"),
    ("Hvilke sluttrapporter har vi?", ""),  # every report, a listing
    ("Hva står i referatet fra møtet?", ""),
])  # fmt: skip
def test_one_document_asked_by_its_date_is_the_newest_or_the_oldest(kit, text, extreme):
    assert understand(text, [], kit).document_extreme == extreme
