"""Document questions from the ledger: by type, year, place, network and theme; each row the
document's title, cited; `/kilder` is the same list with no filter."""

from __future__ import annotations

import pytest

from bot.core.question import Intent
from bot.lists import try_answer
from tests.fakes import listed as ask
from tests.fakes import understood

FINAL_REPORTS = {"2022-06-30_sluttrapport_hamar-loten_kvalitetssystem.md",
                 "2022-12-15_sluttrapport_haugesund-karmoy_fosterhjem.md",
                 "2024-11-20_sluttrapport_rana-hemnes_foreldrestotte.md"}  # fmt: skip



@pytest.mark.parametrize(("text", "opening"), [
    ("Hvilke sluttrapporter har vi?", "Sluttrapporter (3):"),
    ("Kva for sluttrapportar har vi?", "Sluttrapportar (3):"),
    ("List all final reports with the municipalities and the year of each", "Final reports (3):"),
])  # fmt: skip
def test_final_reports_are_listed_by_title_and_cited(sample_context, text, opening) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, text)
    assert answer.answer.startswith(opening)
    assert {c.source for c in answer.citations} == FINAL_REPORTS
    assert ".md" not in answer.answer and ".txt" not in answer.answer  # titles, not file names
    rows = answer.payload.rows
    assert all(row.title.startswith("Sluttrapport:") and row.places for row in rows)
    assert [row.date.year for row in rows] == [2024, 2022, 2022]  # newest first


def test_a_count_by_type_county_and_year(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvor mange referater fra Vestland i 2024?")
    assert answer.answer.startswith("Kunnskapsbasen har 1 referat i Vestland i 2024:")
    (citation,) = answer.citations
    assert citation.source == "000_9cd953df84ef8b74.txt"
    counted = ask(sample_context, "How many minutes do we have from Vestland?")
    assert counted.answer.startswith("The knowledge base holds 3 minutes in Vestland:")
    assert "Hordaland (now Vestland)" in counted.answer  # the 2018 referat, as it was written


def test_network_and_theme_narrow_a_document_list(sample_context) -> None:  # type: ignore[no-untyped-def]
    setesdal = ask(sample_context, "Hvilke referater har vi fra Setesdal?")
    assert [c.source for c in setesdal.citations] == [
        "2023-05-10_referat_styringsgruppe_setesdal.md"]
    foster = ask(sample_context, "Hvilke sluttrapporter har vi om fosterhjem?")
    assert [c.source for c in foster.citations] == [
        "2022-12-15_sluttrapport_haugesund-karmoy_fosterhjem.md"]


def test_sources_command_is_the_unfiltered_document_list(sample_context) -> None:  # type: ignore[no-untyped-def]
    question = understood(sample_context, "/kilder")
    assert question.intent == Intent.SOURCES
    answer = try_answer(question, sample_context)
    assert answer.answer.startswith("Dokumenter (17):")
    assert len(answer.payload.rows) == 17 == len(answer.citations)
    dates = [row.date for row in answer.payload.rows]
    assert dates[0].isoformat() == "2024-11-20" and dates[-1] is None  # newest first, undated last


def test_nothing_matching_says_so_in_the_question_language(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Kva for referat har vi frå Finnmark?")
    assert answer.refused and answer.answer.startswith("Eg fann ingen referat i Finnmark")


@pytest.mark.parametrize(("text", "opening", "sources"), [
    ("I hvilke dokumenter dukker Marte Lian Solberg opp?",
     "Dokumenter som nevner Marte Lian Solberg (2):",
     {"2021-02-10_prosjektbeskrivelse_trondheim-malvik_ettervern.md",
      "2021-10-26_referat_nettverkssamling_trondelag.md"}),
    ("Kva for referat nemner Marte Lian Solberg?", "Referat som nemner Marte Lian Solberg (1):",
     {"2021-10-26_referat_nettverkssamling_trondelag.md"}),
    ("Which documents mention RVTS Vest?", "Document mentioning RVTS Vest (1):",
     {"2022-12-15_sluttrapport_haugesund-karmoy_fosterhjem.md"}),
])  # fmt: skip
def test_documents_that_name_someone_are_those_whose_text_does(sample_context, text, opening,  # type: ignore[no-untyped-def]
                                                                 sources) -> None:
    answer = ask(sample_context, text)
    assert answer.answer.startswith(opening), answer.answer
    assert {c.source for c in answer.citations} == sources


def test_a_name_no_document_has_lists_none(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvilke dokumenter nevner Kari Nordmann?")
    assert answer.refused


def test_a_document_known_only_by_its_year_is_listed_with_the_year() -> None:
    from bot.core.payloads import DocumentRow
    from bot.lists.documents import _line

    row = DocumentRow(title="Barnevernsreformen hovedsak på bilateralt møte", doc_type="referat",
                      year=2021, source="2021_referat_ks.md")
    assert _line(row, "nb").endswith("– referat, 2021")
    assert "udatert" in _line(row.model_copy(update={"year": None}), "nb")


@pytest.mark.parametrize(("text", "oldest"), [
    ("List all the final reports in the knowledge base in date order.", True),
    ("Hvilke sluttrapporter har vi, i kronologisk rekkefølge?", True),
    ("Hvilke sluttrapporter har vi?", False),  # the newest first
])  # fmt: skip
def test_a_listing_in_date_order_begins_with_the_oldest(sample_context, text, oldest) -> None:  # type: ignore[no-untyped-def]
    dates = [row.date for row in ask(sample_context, text).payload.rows]
    assert dates == sorted(dates, reverse=not oldest) and len(dates) == 3


def test_a_document_belongs_to_the_county_it_names_not_to_a_municipality_it_mentions() -> None:
    from bot.core.question_values import Place
    from bot.lists.document_filter import DocumentFilter
    from indexer.models import DocType, DocumentMeta, MunicipalityMention

    def town(name: str, county: str) -> MunicipalityMention:
        return MunicipalityMention(name=name, kommunenummer="0", county=county,
                                   current_name=name, current_numbers=["0"],
                                   current_county=county)

    narvik = DocumentMeta(doc_id="n", source="n.md", path="n.md", title="Sluttrapport Narvik",
                          doc_type=DocType.SLUTTRAPPORT, county="Nordland",
                          current_county="Nordland",
                          municipalities=[town("Narvik", "Nordland"), town("Tromsø", "Troms")])
    call = DocumentMeta(doc_id="c", source="c.md", path="c.md", title="Utlysning",
                        doc_type=DocType.UTLYSNING, county="Troms, Finnmark")
    troms = Place(name="Troms", kind="county", current_names=("Troms",), former_names=())
    former = Place(name="Troms og Finnmark", kind="county", current_names=("Troms", "Finnmark"),
                   former_names=(), numbers=("5501",))
    assert not DocumentFilter(places=(troms,)).matches(narvik)  # Tromsø is only mentioned
    assert DocumentFilter(places=(troms,)).matches(call)
    assert DocumentFilter(places=(former,)).matches(call)  # the former county, as it is now
    group = DocumentMeta(doc_id="g", source="g.md", path="g.md", title="Ressursgruppe",
                         doc_type=DocType.REFERAT, county="Vestland", current_county="Vestland",
                         municipalities=[town("Bergen", "Vestland"), town("Time", "Rogaland"),
                                         town("Hå", "Rogaland")])
    rogaland = Place(name="Rogaland", kind="county", current_names=("Rogaland",), former_names=())
    assert DocumentFilter(places=(rogaland,)).matches(group)  # several of its municipalities
    # «Hvor nevnes Tromsø?»: a document whose text names the place is one that mentions it
    tromso = Place(name="Tromsø", kind="municipality", current_names=("Tromsø",), former_names=())
    assert DocumentFilter(places=(tromso,), naming_places=frozenset({"c"})).matches(call)
    assert not DocumentFilter(places=(tromso,), naming_places=frozenset({"c"}),
                              types=frozenset({DocType.REFERAT})).matches(call)


@pytest.mark.parametrize(("text", "mentioned"), [
    ("Hvor nevnes Haram?", True),
    ("Which documents mention Karmøy?", True),
    ("Hvilke dokumenter har vi fra Karmøy?", False),  # filed under the place
])  # fmt: skip
def test_a_place_asked_as_mentioned_is_looked_for_in_the_text(sample_context, text,  # type: ignore[no-untyped-def]
                                                             mentioned) -> None:
    q = understood(sample_context, text)
    assert q.intent == Intent.DOCUMENTS and q.places_mentioned is mentioned


@pytest.mark.parametrize("text", [
    "Når var siste møte i hvert av læringsnettverkene vi har referat fra?",
    "When was the latest meeting of each network?",
])  # fmt: skip
def test_the_latest_minutes_of_each_network_are_one_row_each(sample_context, text) -> None:  # type: ignore[no-untyped-def]
    q = understood(sample_context, text)
    assert q.intent == Intent.DOCUMENTS and q.latest_each_network
    rows = ask(sample_context, text).payload.rows
    networks = [row.network or row.county for row in rows]
    assert len(networks) == len(set(networks)) and all(row.doc_type == "referat" for row in rows)
    assert not understood(sample_context, "Når var siste møte i nettverket i Setesdal?"
                          ).latest_each_network


def test_a_place_left_out_takes_its_documents_out_of_the_list(sample_context) -> None:  # type: ignore[no-untyped-def]
    every = ask(sample_context, "Hvilke referater har vi?").payload
    vestland = ask(sample_context, "Hvilke referater har vi fra Vestland?").payload
    rest = ask(sample_context, "Hvilke referater har vi utenom Vestland?")
    assert rest.answer.startswith(f"Referater utenom Vestland ({every.total - vestland.total})")
    assert not {r.title for r in rest.payload.rows} & {r.title for r in vestland.rows}
    assert vestland.total and rest.payload.total


def test_a_theme_left_out_takes_its_projects_documents_out_of_the_list(sample_context) -> None:  # type: ignore[no-untyped-def]
    every = ask(sample_context, "Hvilke referater har vi?").payload
    foster = ask(sample_context, "Hvilke referater om fosterhjem har vi?").payload
    rest = ask(sample_context, "Hvilke referater har vi, når jeg ser bort fra de som handler "
                               "om fosterhjem?")
    assert rest.answer.startswith(
        f"Referater utenom fosterhjem ({every.total - foster.total})"), rest.answer
    assert not {r.title for r in rest.payload.rows} & {r.title for r in foster.rows}
    assert foster.total and rest.payload.total


@pytest.mark.parametrize("text", [
    "Kva referat har vi, bortsett frå dei som kom i 2022?",
    "Which minutes do we have, except those from 2022?",
])  # fmt: skip
def test_a_year_left_out_takes_its_documents_out_of_the_list(sample_context, text) -> None:  # type: ignore[no-untyped-def]
    every = ask(sample_context, "Hvilke referater har vi?").payload
    of_year = ask(sample_context, "Hvilke referater har vi fra 2022?").payload
    rest = ask(sample_context, text)
    assert understood(sample_context, text).years is None
    assert rest.payload.total == every.total - of_year.total and of_year.total
    assert all(r.date is None or r.date.year != 2022 for r in rest.payload.rows)
    assert "2022" in rest.answer.splitlines()[0]  # the heading says what it left out


@pytest.mark.parametrize(("text", "year"), [
    ("Hvilke læringsnettverk har ikke noe referat nyere enn 2022?", 2022),
    ("Which networks have not met since 2023?", 2022),
    ("Kva nettverk har ingen møte etter 2021?", 2021),
])  # fmt: skip
def test_networks_quiet_since_a_year_are_those_whose_newest_minutes_are_that_old(
        sample_context, text, year) -> None:  # type: ignore[no-untyped-def]
    q = understood(sample_context, text)
    assert q.intent == Intent.DOCUMENTS and q.quiet_after == year and q.years is None
    every = ask(sample_context, "When was the latest meeting of each network?").payload.rows
    quiet = ask(sample_context, text).payload.rows
    assert {r.title for r in quiet} == {r.title for r in every if r.date and r.date.year <= year}
    assert quiet and len(quiet) < len(every)  # the sample corpus has newer minutes too
    assert understood(sample_context, "Hvilke referater er nyere enn 2022?").quiet_after is None


NYNORSK = {"003_389c294a846d532a.txt", "2023-05-10_referat_styringsgruppe_setesdal.md",
           "2023-09-01_prosjektskildring_kvam-voss_fosterheim.md"}  # fmt: skip


@pytest.mark.parametrize(("text", "opening"), [
    ("Hvilke dokumenter er skrevet på nynorsk? Vi har en nynorskkommune som spør.",
     "Dokumenter skrevet på nynorsk (3):"),
    ("Kva for dokument i kunnskapsbasen er skrivne på nynorsk?", "Dokument skrivne på nynorsk (3):"),
    ("Which documents are written in Nynorsk?", "Documents written in Nynorsk (3):"),
])  # fmt: skip
def test_documents_by_the_language_they_are_written_in(sample_context, text, opening) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, text)
    assert answer.answer.startswith(opening), answer.answer
    assert {c.source for c in answer.citations} == NYNORSK


def test_a_rule_about_language_is_no_document_listing(sample_context) -> None:  # type: ignore[no-untyped-def]
    asked = understood(sample_context, "Må søknaden skrives på nynorsk?")
    assert asked.intent != Intent.DOCUMENTS and not asked.document_languages


def test_documents_by_the_kind_of_file(sample_context) -> None:  # type: ignore[no-untyped-def]
    """No PDF in the sample corpus: said so, not every document listed."""
    asked = understood(sample_context, "Which docs in the knowledge base are PDFs?")
    assert (asked.intent, asked.document_formats) == (Intent.DOCUMENTS, {"pdf"})
    answer = ask(sample_context, "Which docs in the knowledge base are PDFs?")
    assert answer.refused and "PDF" in answer.answer
