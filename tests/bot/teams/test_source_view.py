"""The page a citation opens: the document, escaped, with the cited passage marked."""

from __future__ import annotations

import re

from bot.teams.source_links import SourceRef
from bot.teams.source_view import SourceDocument, render_document
from indexer.models import Chunk, DocType, DocumentMeta

TEXT = ("# Referat <script>alert(1)</script>\n\n**Sted:** Evje\n\n## Sak 9/2023\n\n"
        "Vedtak: Kommunane lagar ein felles\nrekrutteringsplan.\n\n- Oppfølging: Olav")


def document(url: str | None = None) -> SourceDocument:
    meta = DocumentMeta(doc_id="d", source="r.md", path="r.md", title="Referat <b>",
                        doc_type=DocType.REFERAT, url=url)
    chunk = Chunk(chunk_id="d:0001", doc_id="d", position=1, text=TEXT[40:], start=40,
                  end=len(TEXT))
    return SourceDocument(meta, TEXT, [chunk])


def test_the_cited_passage_is_marked_across_lines_and_everything_is_escaped() -> None:
    ref = SourceRef("d", "d:0001", "Vedtak: Kommunane lagar ein felles rekrutteringsplan.")
    html = render_document(document(), ref)
    assert "<script>" not in html and "&lt;script&gt;" in html and "Referat &lt;b&gt;" in html
    assert '<p><mark id="sitat">Vedtak: Kommunane lagar ein felles</mark></p>' in html
    assert "<p><mark>rekrutteringsplan.</mark></p>" in html
    assert "<p><strong>Sted:</strong> Evje</p>" in html and "<h3>Sak 9/2023</h3>" in html
    assert "<p>• Oppfølging: Olav</p>" in html


def test_a_heading_that_is_cited_stays_a_heading() -> None:
    html = render_document(document(), SourceRef("d", None, "Sak 9/2023"))
    assert '<h3><mark id="sitat">Sak 9/2023</mark></h3>' in html


def test_a_snippet_not_found_marks_its_whole_chunk_and_the_original_is_linked() -> None:
    html = render_document(document("https://example.org/r"), SourceRef("d", "d:0001", "borte"))
    assert len(re.findall("<mark", html)) >= 3
    assert '<a href="https://example.org/r">Åpne originalen</a>' in html
