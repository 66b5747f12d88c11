"""PDF lines wrapped at the page edge are put back into paragraphs; real line ends stay."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from indexer.ingest.loaders import load_document
from indexer.ingest.pdf_lines import join_pages, reflow

_PAGE = """Referat fra møte i styringsgruppen for
læringsnettverket for barnevern i Vesterålen,
19.11.2026
Sted: Sortland rådhus, møterom Hovden, og digitalt (Teams), kl. 12.00–15.00
Til stede: Hanne Kristin Ellingsen (Sortland kommune, leder av styringsgruppen),
Per-Arne Bjørnå (Hadsel kommune), Stian Kristoffersen (Øksnes kommune), Ronja Strand
Ditlefsen (RKBU Nord, digitalt)
Referent: Stian Kristoffersen
Sak 21/26 Status i ettervernsprosjektet
Prosjektet fikk 480 000 kr i stimuleringsmidler fra Statsforvalteren i Nordland og varer
fra 1. januar 2025 til 31. desember 2026. Ellingsen orienterte om at 17 ungdommer følges av
to ettervernskontakter. Målet er nådd.
Vedtak: Styringsgruppen tar statusen til orientering.
4. Hva midlene ikke kan brukes til
• Utstyr som koster mer enn 15 000 kr per enhet.
• Reiseutgifter knyttet til prosjektet, også for deltakere fra andre kommuner i
samarbeidet.
Midlene kommer fra Barne-, ungdoms-
og familiedirektoratet og skal bidra til bedre kvalitet i barnevernstjenestene. Det gjel-
der alle."""


def test_wrapped_sentences_and_titles_are_joined() -> None:
    lines = reflow(_PAGE).splitlines()
    assert lines[0] == (
        "Referat fra møte i styringsgruppen for læringsnettverket for barnevern i Vesterålen, 19.11.2026"
    )
    assert (
        "Prosjektet fikk 480 000 kr i stimuleringsmidler fra Statsforvalteren i Nordland og varer "
        "fra 1. januar 2025 til 31. desember 2026. Ellingsen orienterte om at 17 ungdommer følges "
        "av to ettervernskontakter. Målet er nådd." in lines
    )
    assert any(line.endswith("Ronja Strand Ditlefsen (RKBU Nord, digitalt)") for line in lines)


def test_labels_bullets_numbered_headings_and_cases_start_their_own_line() -> None:
    lines = reflow(_PAGE).splitlines()
    for start in ("Sted:", "Til stede:", "Referent:", "Sak 21/26", "Vedtak:", "4. Hva", "• Utstyr"):
        assert sum(line.startswith(start) for line in lines) == 1, start
    assert (
        "• Reiseutgifter knyttet til prosjektet, også for deltakere fra andre kommuner i samarbeidet."
        in lines
    )


def test_hyphenated_words_are_mended_but_not_shared_compounds() -> None:
    text = reflow(_PAGE)
    assert "Barne-, ungdoms- og familiedirektoratet" in text
    assert "Det gjelder alle." in text


def test_short_lines_of_their_own_stay_apart() -> None:
    assert reflow("Ramme\nSamlet ramme er fire millioner kroner.\nHvem kan søke\nAlle.") == (
        "Ramme\nSamlet ramme er fire millioner kroner.\nHvem kan søke\nAlle."
    )


def test_a_sentence_running_over_a_page_break_is_joined() -> None:
    assert join_pages(["Beregnet kostnad fordeles", "etter innbyggertall.", "Neste side"]) == (
        "Beregnet kostnad fordeles etter innbyggertall.\n\nNeste side"
    )


def test_a_wrapped_pdf_paragraph_loads_as_one_line(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    sentence = (
        "Styringsgruppen vedtok at sluttrapporten skal sendes Statsforvalteren innen 31. mars 2027."
    )
    pdf.multi_cell(0, 6, "Sak 3/26 Sluttrapport\n" + " ".join([sentence] * 3) + "\nReferent: Ola")
    path = tmp_path / "referat.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert load_document(path).text.splitlines() == [
        "Sak 3/26 Sluttrapport",
        " ".join([sentence] * 3),
        "Referent: Ola",
    ]
