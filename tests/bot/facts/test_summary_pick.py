"""Which sentences a summary keeps (no model: scored candidates written here)."""

from __future__ import annotations

from bot.facts.candidates import Candidate
from bot.facts.gate import Scored
from bot.facts.retrieval import Evidence
from bot.facts.summary import MAX_SENTENCES, pick
from indexer.models import Chunk, DocType, DocumentMeta

META = DocumentMeta(doc_id="d", source="d.md", path="d.md", title="Prosjekt",
                    doc_type=DocType.PROSJEKTBESKRIVELSE)


def scored(text: str, section: str, probability: float, position: int, label: bool = False
           ) -> Scored:  # fmt: skip
    chunk = Chunk(chunk_id=f"d:{position}", doc_id="d", position=position, text=text,
                  heading_path=[section] if section else [], start=0, end=len(text))
    cand = Candidate(text=text, evidence=Evidence(chunk, META, 0.1, 0.5), start=0,
                     end=len(text), context="", is_label=label, is_item=False, items=0)
    return Scored(cand, probability, [])


def test_each_figure_of_the_fact_sheet_gets_its_place_beside_every_section():
    sheet = [scored("Prosjektperiode: 1. april 2025 – 31. mars 2027", "", 0.96, 0, True),
             scored("Søkt beløp: 560 000 kr", "", 0.95, 1, True),
             scored("Prosjektleiar: Ingeborg Lien", "", 0.97, 2, True)]  # no figure
    themes = "mål tiltak bakgrunn evaluering forankring organisering risiko spredning".split()
    sections = [scored(f"Setning om {theme}.", theme, 0.97, 10 + i)
                for i, theme in enumerate(themes[:MAX_SENTENCES])]
    texts = [s.candidate.text for s in pick(sheet + sections)]
    assert "Søkt beløp: 560 000 kr" in texts and len(texts) == MAX_SENTENCES
