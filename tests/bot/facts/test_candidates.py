"""Which texts of a retrieved chunk may be said as an answer."""

from __future__ import annotations

import pytest

from bot.facts.candidates import candidates, caption, is_dateline
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocumentMeta

META = DocumentMeta(doc_id="d", source="d.txt", path="d.txt", title="Referat fra samling")


def evidence(text: str, headings: list[str]) -> Evidence:
    chunk = Chunk(chunk_id="d:1", doc_id="d", position=1, text=text, heading_path=headings,
                  start=0, end=len(text))
    return Evidence(chunk, META, 0.1, 0.5)


def test_a_long_heading_above_the_chunk_that_states_a_fact_is_a_sentence() -> None:
    stated = ("**Kommunene arbeider videre med to prosjekter frem mot søknadsfristen den "
              "1. november 2018:**")
    ev = evidence("#### Basisopplæring\n\nDet er behov for flere avklaringer.",
                  [stated, "Basisopplæring"])
    texts = [c.text for c in candidates([ev, ev])]
    assert texts.count("Kommunene arbeider videre med to prosjekter frem mot søknadsfristen den "
                       "1. november 2018:") == 1  # once, however many chunks stand under it
    assert "Basisopplæring" not in texts  # a short heading names, it does not state


def test_a_heading_line_inside_the_chunk_is_no_answer() -> None:
    ev = evidence("# 4. Metode for tilsynet\n\nI denne delen gjennomgås planleggingen av tilsynet.\n"
                  "## Konklusjon:\n\nDet ble ikke funnet lovbrudd.\n## 4.1. Volum\n", ["4.1. Volum"])
    assert [c.text for c in candidates([ev])] == [
        "I denne delen gjennomgås planleggingen av tilsynet.",
        "Konklusjon: Det ble ikke funnet lovbrudd.", "Det ble ikke funnet lovbrudd."]


def test_a_short_numbered_line_alone_between_prose_is_a_heading_but_a_list_item_is_not() -> None:
    ev = evidence("4. Hva midlene ikke kan brukes til\nKjøp av utstyr.\n5. Egenandel\n"
                  "Kommunene dekker minst 20 prosent.\n1. Gruppeveiledning\n2. Faddermodell\n",
                  [])
    texts = [c.text for c in candidates([ev])]
    assert "5. Egenandel" not in texts and "Kommunene dekker minst 20 prosent." in texts
    assert "1. Gruppeveiledning" in texts and "2. Faddermodell" in texts


def test_a_pdfs_numbered_section_title_is_the_context_of_the_sentences_below_it() -> None:
    """«5. Egenandel» over «Kommunene dekker minst 20 prosent.» is what a '#' heading is in a
    Markdown file: the sentence is about the own share though it never says so."""
    ev = evidence("4. Ikke dekket\nKjøp av utstyr.\n5. Egenandel\n"
                  "Kommunene dekker minst 20 prosent.\n# Neste del\nAndre regler.\n", [])
    context = {c.text: c.context for c in candidates([ev])}
    assert "5. Egenandel" in context["Kommunene dekker minst 20 prosent."]
    assert "4. Ikke dekket" in context["Kjøp av utstyr."]
    assert "Egenandel" not in context["Andre regler."]  # a '#' heading ends the section


@pytest.mark.parametrize(("text", "dateline"), [
    ("Statsforvaltaren i Møre og Romsdal, 12. februar 2024", True),
    ("Narvik, 20. juni 2023", True),
    ("Møtet ble holdt i Bergen, 12. februar 2019.", False),  # a sentence
    ("Søknadsfrist: 15. april 2023", False),  # a label line answers «når?»
])  # fmt: skip
def test_a_dateline_is_told_from_a_sentence(text, dateline):
    """A fact answer does not lead with who signed the document and when."""
    assert is_dateline(text) == dateline


def test_a_byline_or_numbered_title_is_a_caption_but_a_title_over_a_list_is_not() -> None:
    """A byline says who someone is, not what a question asks; «Tema som prioriteres» over its
    bullets leads in to them, «Søknadsfrist 15. april 2023» states its date, and a list item
    ending in a comma is an item."""
    ev = evidence("Gunn Marit Helgesen, KS' styreleder\nStaten og KS er enige om reformen.\n"
                  "5. Egenandel\nKommunene dekker minst 20 prosent.\nSøknadsfrist 15. april 2023\n"
                  "Tema som prioriteres\n• ettervern og overgangen til voksenlivet,\n"
                  "• samisk språk og kultur.\n", [])
    found = {c.text: caption(c) for c in candidates([ev])}
    assert found["Gunn Marit Helgesen, KS' styreleder"]
    assert not found["Staten og KS er enige om reformen."]
    assert not found["Søknadsfrist 15. april 2023"]
    assert not found.get("Tema som prioriteres", False)
    assert not any(caption for text, caption in found.items() if "ettervern" in text)
