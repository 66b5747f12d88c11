"""What a project is about: title, «om X» subject, purpose and goals; passing mentions are not."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.catalogue.about import stated
from indexer.catalogue.extract import extract_projects
from indexer.catalogue.fields import Span, amounts
from indexer.ingest.chunking import split_document
from indexer.models import DocType, DocumentMeta, LoadedDocument
from tests.fakes import project_description


def _records(text: str, doc_type: DocType, gazetteer):  # type: ignore[no-untyped-def]
    doc = LoadedDocument(path="x.md", source="x.md", text=text)
    meta = DocumentMeta(doc_id="doc", source="x.md", path="x.md", title=text.splitlines()[0][2:],
                        doc_type=doc_type, date=dt.date(2024, 3, 1), county="Vestland",
                        current_county="Vestland")  # fmt: skip
    chunks = split_document(text, "doc", doc_type, 1200, 150)
    return extract_projects(doc, meta, chunks, gazetteer)


@pytest.mark.parametrize("sentence", [
    "Prosjektet har også sett på hvordan barn i fosterhjem følges opp.",
    "Tiltakene gjelder blant annet fosterhjem og institusjon.",
    "Barn som bor i fosterhjem, omfattes ikke av prosjektet.",
    "Prosjektet tek òg for seg fosterheimar.",
    "Fosterheimar er ikkje ein del av dette prosjektet.",
    "The project also looked at foster care.",
    "Det er ikke et fosterhjemsprosjekt.",
])  # fmt: skip
def test_a_passing_mention_states_no_theme(sentence) -> None:  # type: ignore[no-untyped-def]
    assert stated(sentence) == []


@pytest.mark.parametrize(("sentence", "key"), [
    ("Hovedmålet er at flere barn kan bo i fosterhjem i eget nærmiljø.", "fosterhjem"),
    ("Føremålet er betre ettervern for unge vaksne.", "ettervern"),
    ("The aim is better aftercare for young adults.", "ettervern"),
])  # fmt: skip
def test_a_purpose_sentence_states_its_theme(sentence, key) -> None:  # type: ignore[no-untyped-def]
    assert [hit.key for hit in stated(sentence)] == [key]


def test_a_description_without_a_theme_in_its_title_takes_its_purpose(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = project_description("«Trygg start» i Kvam og Voss", "Kvam herad", partner="Voss herad",
                               body="## Bakgrunn\n\nMange barn flytter mellom fosterhjem, og vi "
                                    "ser høy konflikt.\n\n## Formål\n\nFormålet er å styrke "
                                    "ettervernet for ungdom mellom 18 og 25 år.\n\n## Mål\n\n"
                                    "1. Alle ungdommer skal ha en ettervernsplan.\n2. Prosjektet "
                                    "skal også se på samarbeid med fosterhjemmene.\n")
    (record,) = _records(text, DocType.PROSJEKTBESKRIVELSE, gazetteer)
    assert record.theme_keys == ["ettervern"]
    assert "Formålet er å styrke ettervernet" in record.themes[0].evidence.quote


def _agenda(gazetteer, *items: tuple[str, str]):  # type: ignore[no-untyped-def]
    """The projects a referat of these agenda items (heading, text) names."""
    text = "# Referat frå nettverkssamling\n\n" + "".join(
        f"## {heading}\n\n{body}\n\n" for heading, body in items)
    return _records(text, DocType.REFERAT, gazetteer)


@pytest.mark.parametrize(("items", "themes"), [
    # the heading and the «om X» subject; a passing mention and a «not» state none
    ([("Sak 4/2024 Prosjektet om samisk språk og kultur (Kvam og Voss)",
       "Tenestene har laga ei rutine for tolk. Prosjektet har også sett på korleis barn i "
       "fosterheim blir følgde opp, men det er ikkje eit fosterheimsprosjekt."),
      ("Sak 5/2024 Status i prosjektet i Bergen",
       "Prosjektet i Bergen handlar om ettervern for unge vaksne. Dei har òg sett på "
       "fosterheimar.")], [[], ["ettervern"]]),
    # the theme a body states in words the project's name echoes, not one said in passing
    ([("Sak 22/2026 Status for prosjektet «Samtalen først» (Østre og Vestre Toten)",
       "Prosjektet avsluttes 31. desember 2026. I 2026 har 86 prosent av undersøkelsene hatt "
       "minst én samtale med barnet alene."),
      ("Sak 23/2026 Prosjektet om samisk språk og kultur (Gjøvik)",
       "Prosjektet går som planlagt. Tjenestene har laget en rutine for tolk i samtaler med "
       "barn og foreldre.")], [["barnesamtaler"], []]),
    # services working together are a cross-sector project
    ([("Sak 3/2022 Prosjektet «Barnet i sentrum» – samarbeid mellom barnevern og skule",
       "Prosjektet er eit samarbeid mellom Ålesund, Sula og Giske.")], [["tverrfaglig"]]),
])  # fmt: skip
def test_an_agenda_item_is_about_what_its_heading_subject_and_name_say(
        gazetteer, items, themes) -> None:  # type: ignore[no-untyped-def]
    text = "# Referat frå nettverkssamling\n\n" + "".join(
        f"## {heading}\n\n{body}\n\n" for heading, body in items)
    records = _records(text, DocType.REFERAT, gazetteer)
    assert [r.theme_keys for r in records] == themes
    for record in records:  # each theme cited where it is stated
        assert all(tag.evidence.quote for tag in record.themes)


def test_spent_amounts_and_a_frame_are_kept_apart() -> None:
    sentence = "Det er brukt 512 000 kr av en samlet ramme på 560 000 kr."
    assert amounts(Span(0, len(sentence), sentence), final_report=False) == [
        ("forbruk", 512_000), ("budsjett", 560_000)]
