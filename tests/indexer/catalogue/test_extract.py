"""The project catalogue: extraction from every sample document, linking, storage, history."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from indexer.catalogue import extract
from indexer.catalogue.extract import extract_projects
from indexer.catalogue.fields import Span, amounts, period
from indexer.catalogue.leader import leader
from indexer.catalogue.link import link
from indexer.ingest.chunking import split_document
from indexer.ingest.loaders import load_document
from indexer.ingest.metadata import extract_metadata
from indexer.models import LoadedDocument
from indexer.text.themes import themes_in
from tests.conftest import KNOWLEDGE

FJELL = KNOWLEDGE / "2019-03-15_prosjektbeskrivelse_fjell-sund-oygarden_fosterhjem.md"

# What each sample document yields: (title, municipalities as written) per project.
EXPECTED = {
    "000_9cd953df84ef8b74.txt": [("Haugesunds-prosjektet", {"Haugesund"})],
    "001_16f217685acad70e.txt": [
        ("Barnevernets rolle i høykonfliktsaker", {"Kvam", "Fjell", "Radøy"}),
        ("Dokumentasjon av barnesamtaler", set()),
    ],
    "002_2c082c72471b777c.txt": [],
    "003_389c294a846d532a.txt": [],
    "004_300499633755e007.txt": [],
    "2019-03-15_prosjektbeskrivelse_fjell-sund-oygarden_fosterhjem.md": [
        ("Fosterhjem i vest", {"Fjell", "Sund", "Øygarden"})],
    "2020-02-11_referat_styringsgruppe_vestland.md": [
        ("Barnevernets rolle i høykonfliktsaker", {"Kvam", "Øygarden", "Alver"})],
    "2020-04-20_prosjektbeskrivelse_time-klepp_hoykonflikt.md": [
        ("Barnet i midten", {"Time", "Klepp"})],
    "2021-02-10_prosjektbeskrivelse_trondheim-malvik_ettervern.md": [
        ("Neste steg", {"Trondheim", "Malvik"})],
    "2021-10-26_referat_nettverkssamling_trondelag.md": [
        ("Neste steg", {"Trondheim", "Malvik"}),
        ("Fosterhjem i slekt og nettverk", {"Trondheim", "Klæbu"}),
    ],
    "2022-01-10_retningslinje_trondelag_stimuleringsmidler.md": [],
    "2022-06-30_sluttrapport_hamar-loten_kvalitetssystem.md": [
        ("Felles kvalitetssystem og internkontroll i barneverntjenestene i Hamar og Løten",
         {"Hamar", "Løten"})],
    "2022-12-15_sluttrapport_haugesund-karmoy_fosterhjem.md": [
        ("Sammen for fosterhjemmet", {"Haugesund", "Karmøy"})],
    "2023-03-01_utlysning_rogaland_stimuleringsmidler.md": [],
    "2023-05-10_referat_styringsgruppe_setesdal.md": [
        ("Tidleg inn i Setesdal", {"Evje og Hornnes"})],
    "2023-09-01_prosjektskildring_kvam-voss_fosterheim.md": [
        ("Rettleiing nær fosterheimen", {"Kvam", "Voss"}),
        ("Barnevernet si rolle i høgkonfliktsaker", {"Kvam"}),
    ],
    "2024-11-20_sluttrapport_rana-hemnes_foreldrestotte.md": [
        ("Trygge foreldre", {"Rana", "Hemnes"})],
}  # fmt: skip


def _mentions(path: Path, gazetteer, chat_model=None):  # type: ignore[no-untyped-def]
    doc = load_document(path)
    meta = extract_metadata(doc, path.name[:12], gazetteer)
    chunks = split_document(doc.text, meta.doc_id, meta.doc_type, 1200, 150)
    return doc, extract(doc, meta, chunks, gazetteer, chat_model)


@pytest.fixture(scope="module")
def sample_mentions(gazetteer):  # type: ignore[no-untyped-def]
    return {p.name: _mentions(p, gazetteer) for p in _sample_documents()}


def _sample_documents() -> list[Path]:
    """The indexed sample files (knowledge/README.md is a note about the folder)."""
    return sorted(p for p in KNOWLEDGE.iterdir() if p.name.lower() != "readme.md")


def test_expectations_cover_every_sample_document() -> None:
    assert set(EXPECTED) == {p.name for p in _sample_documents()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_document_yields_the_projects_it_names(name, sample_mentions) -> None:  # type: ignore[no-untyped-def]
    _doc, records = sample_mentions[name]
    found = [(r.title, {m.name for m in r.municipalities}) for r in records]
    assert found == EXPECTED[name]


def test_every_value_is_written_in_the_span_it_cites(sample_mentions) -> None:  # type: ignore[no-untyped-def]
    for doc, records in sample_mentions.values():
        for record in records:
            spans = [record.title_evidence, *record.sources]
            for place in record.municipalities:
                assert place.name in place.evidence.quote
                spans.append(place.evidence)
            for amount in record.amounts:
                digits = re.sub(r"(?<=\d)\s(?=\d{3})", "", amount.evidence.quote)
                assert str(amount.nok) in digits
                spans.append(amount.evidence)
            for theme in record.themes:
                assert theme.value in themes_in(theme.evidence.quote)
                spans.append(theme.evidence)
            for span in spans:  # the quote is the sentence around the exact value span
                assert " ".join(doc.text[span.start : span.end].replace("**", "").split()) in (
                    span.quote
                )
                assert span.chunk_id is not None


def test_project_description_gives_host_period_amounts_and_partners(sample_mentions) -> None:  # type: ignore[no-untyped-def]
    _doc, (record,) = sample_mentions[FJELL.name]
    assert record.quoted and record.primary
    assert {m.name: m.role for m in record.municipalities}["Fjell"] == "vertskommune"
    assert {m.current_name for m in record.municipalities} == {"Øygarden"}
    assert (record.start_year, record.end_year) == (2019, 2020)
    assert {a.kind: a.nok for a in record.amounts} == {
        "budsjett": 780_000, "søkt": 450_000, "egenandel": 330_000}
    assert {t.value for t in record.partners} == {"Bufetat", "RKBU"}
    assert record.theme_keys == ["fosterhjem"]


def test_a_project_document_names_its_leader_on_a_labelled_line(sample_mentions) -> None:  # type: ignore[no-untyped-def]
    _doc, (record,) = sample_mentions["2020-04-20_prosjektbeskrivelse_time-klepp_hoykonflikt.md"]
    assert record.leader is not None
    assert (record.leader.name, record.leader.position, record.leader.workplace) == (
        "Kristoffer Nærland", "fagleder", "barneverntjenesten i Klepp")
    assert "Kristoffer Nærland" in record.leader.evidence.quote
    _doc, (voss, looked_back) = sample_mentions["2023-09-01_prosjektskildring_kvam-voss_fosterheim.md"]
    assert voss.leader is not None and voss.leader.position == "barnevernsfagleg rådgjevar"
    assert looked_back.leader is None  # a project the description only mentions


def test_a_leader_line_is_read_apart_and_other_labels_are_not_leaders() -> None:
    assert leader("Prosjektleder: Camilla Brekke Holt, familierådskoordinator, "
                  "barneverntjenesten i Færder") == (
        "Camilla Brekke Holt", "familierådskoordinator", "barneverntjenesten i Færder")
    assert leader("**Prosjektleiar:** Ola Nordmann") == ("Ola Nordmann", None, None)
    assert leader("| Prosjektleder, 20 % stilling i to år | 290 000 kr |") is None
    assert leader("**Vertskommune:** Klepp kommune") is None


def test_final_report_amounts_were_granted_not_applied_for(sample_mentions) -> None:  # type: ignore[no-untyped-def]
    _doc, (record,) = sample_mentions["2022-12-15_sluttrapport_haugesund-karmoy_fosterhjem.md"]
    assert {a.kind: a.nok for a in record.amounts} == {
        "budsjett": 1_240_000, "tildelt": 900_000, "egenandel": 340_000, "forbruk": 1_226_500}


def test_amounts_skip_yearly_breakdowns_and_unlabelled_budget_rows() -> None:
    sentence = "Det søkes om 700 000 kr i stimuleringsmidler (350 000 kr i 2021 og 350 000 kr)."
    assert amounts(Span(0, len(sentence), sentence), final_report=False) == [("søkt", 700_000)]
    row = "| Evaluering (UiS) | 80 000 kr |"
    assert amounts(Span(0, len(row), row), final_report=False) == []


def test_theme_lexicon_meets_bokmal_nynorsk_and_english() -> None:
    for text in ("fosterhjemsprosjektene", "fosterheimar", "foster care projects"):
        assert themes_in(text) == ["fosterhjem"]
    assert themes_in("høgkonfliktsaker og foreldrekonflikt") == ["høykonflikt"]


def test_mentions_across_documents_link_into_one_project(sample_mentions) -> None:  # type: ignore[no-untyped-def]
    projects = link(r for _doc, records in sample_mentions.values() for r in records)
    by_title = {p.title: p for p in projects}
    conflict = by_title["Barnevernets rolle i høykonfliktsaker"]
    assert {s.source for s in conflict.sources} == {
        "001_16f217685acad70e.txt", "2020-02-11_referat_styringsgruppe_vestland.md",
        "2023-09-01_prosjektskildring_kvam-voss_fosterheim.md"}
    haugesund = by_title["Sammen for fosterhjemmet"]
    assert "000_9cd953df84ef8b74.txt" in {s.source for s in haugesund.sources}
    assert len(by_title["Neste steg"].sources) == 2
    assert "Barnet i midten" in by_title  # a separate high-conflict project in Rogaland
    assert "Haugesunds-prosjektet" not in by_title


def test_common_word_names_are_not_municipalities_out_of_context(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Referat fra styringsgruppen 01.02.2022\n\n"
        "### Sak 3/2022 Status i fosterhjemsprosjektet\n\n"
        "Prosjektleder Kari Bø orienterte om prosjektet. Vik ikke fra planen i prosjektet, sa hun. "
        "Nes er et nes i prosjektet. Prosjektet skal tette et hull, ikke lage et nytt Hole.\n"
    )
    records = _extract_text(text, gazetteer)
    assert [m.name for r in records for m in r.municipalities] == []
    records = _extract_text(text.replace("Nes er et nes i prosjektet.",
                                         "Hole kommune deltar i prosjektet."), gazetteer)
    assert [m.name for r in records for m in r.municipalities] == ["Hole"]


def test_organisation_names_are_not_partner_municipalities(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = ("Referat 01.02.2022\n\n### Sak 4/2022 Prosjektet om fosterhjem\n\n"
            "Korus Stavanger og Universitetet i Bergen bidrar i prosjektet sammen med Askøy.\n")
    records = _extract_text(text, gazetteer)
    assert [m.name for r in records for m in r.municipalities] == ["Askøy"]


def _extract_text(text: str, gazetteer):  # type: ignore[no-untyped-def]
    doc = LoadedDocument(path="x.md", source="x.md", text=text)
    meta = extract_metadata(doc, "doc", gazetteer)
    return extract_projects(doc, meta, split_document(text, "doc", meta.doc_type, 1200, 150),
                            gazetteer)


# --- the chat-model path ----------------------------------------------------------------------


def test_model_fields_not_found_in_their_quotes_are_dropped(gazetteer) -> None:  # type: ignore[no-untyped-def]
    reply = {"projects": [{
        "title": {"value": "Fosterhjem i vest",
                  "quote": "«Fosterhjem i vest» – felles rekruttering"},
        "municipalities": [
            {"name": "Fjell", "role": "vertskommune",
             "quote": "Fjell kommune (vertskommune) på vegne av barneverntjenestene"},
            {"name": "Stavanger", "role": "deltaker", "quote": "Stavanger kommune deltar også."},
            {"name": "Bergen", "role": "deltaker", "quote": "De tre kommunene vest for Bergen"},
        ],
        "themes": [{"value": "fosterhjem", "quote": "Flere barn skal kunne bo i fosterhjem"},
                   {"value": "ettervern", "quote": "Flere barn skal kunne bo i fosterhjem"}],
        "period": {"start_year": 2019, "end_year": 2020,
                   "quote": "Prosjektperiode:** 1. april 2019 – 31. desember 2020"},
        "amounts": [{"kind": "budsjett", "nok": 780000, "quote": "**Sum** | **780 000 kr**"},
                    {"kind": "tildelt", "nok": 999000, "quote": "Det søkes om 450 000 kr"}],
        "partners": [{"value": "RKBU Vest", "quote": "RKBU Vest bistår med følgeevaluering"},
                     {"value": "NTNU", "quote": "RKBU Vest bistår med følgeevaluering"}],
    }]}  # fmt: skip
    model = FakeListChatModel(responses=[f"```json\n{json.dumps(reply, ensure_ascii=False)}\n```"])
    _doc, (record,) = _mentions(FJELL, gazetteer, model)
    assert record.title == "Fosterhjem i vest" and record.quoted
    # Bergen is in its quote (the model was wrong to list it, but the text names it); Stavanger's
    # quote is not in the document at all.
    assert [m.name for m in record.municipalities] == ["Fjell", "Bergen"]
    assert record.municipalities[0].role == "vertskommune"
    assert record.theme_keys == ["fosterhjem"]
    assert (record.start_year, record.end_year) == (2019, 2020)
    assert [(a.kind, a.nok) for a in record.amounts] == [("budsjett", 780_000)]
    assert [t.value for t in record.partners] == ["RKBU Vest"]


def test_unreadable_model_answer_falls_back_to_the_rules(gazetteer) -> None:  # type: ignore[no-untyped-def]
    model = FakeListChatModel(responses=["Beklager, jeg kan ikke svare på det."])
    _doc, records = _mentions(FJELL, gazetteer, model)
    assert [r.title for r in records] == ["Fosterhjem i vest"]
    assert len(records[0].amounts) == 3


def test_a_final_reports_amounts_and_period_win_over_the_plans(gazetteer) -> None:  # type: ignore[no-untyped-def]
    """The description planned a budget of 640 000 kr and an end on 31 December 2020; the final
    report says it became 600 000 and 31 March 2021."""
    corpus = Path(__file__).parents[3] / "eval" / "corpus"
    mentions = [r for name in ("2018-11-05_prosjektbeskrivelse_holmestrand-sande_barnesamtaler.md",
                               "2021-05-31_sluttrapport_holmestrand_barnesamtaler.md")
                for r in _mentions(corpus / name, gazetteer)[1]]
    (project,) = [p for p in link(mentions) if len(p.sources) == 2]
    assert {a.kind: a.nok for a in project.amounts}["budsjett"] == 600_000
    assert project.amount("forbruk") is not None
    # … and so does the period it says the project ran: extended to 31 March 2021
    assert (project.start_year, project.end_year) == (2019, 2021)
    assert project.period_evidence is not None and "31. mars 2021" in project.period_evidence.quote


@pytest.mark.parametrize(("line", "years"), [
    ("**Prosjektperiode:** 1. april 2019 – 31. desember 2020", (2019, 2020)),
    # an extended period ends on its own second day, not on the earlier plan it names
    ("**Prosjektperiode:** 1. januar 2019 – 31. mars 2021 (forlenget fra 31. desember 2020)",
     (2019, 2021)),
    ("Periode: 2023–2024", (2023, 2024)),
])
def test_a_period_line_gives_its_start_and_end_year(line: str, years: tuple[int, int]) -> None:
    assert period(line) == years
