"""A list the chunker cut in two is read on into the next chunk (chunks written here)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.facts.continued import with_lists_completed
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocumentMeta

DOC = ("Tema som prioriteres\nFor 2026 prioriteres disse temaene:\n• kompetanse,\n"
       "• ettervern,\n• samisk språk.\nKriterier\nSøknadsfrist: 15.01.2026")
CUT = DOC.index("\n• samisk")
META = DocumentMeta(doc_id="d", source="d.md", path="d.md", title="Utlysning")


def _chunk(position: int, start: int, end: int) -> Chunk:
    return Chunk(chunk_id=f"d:{position:04d}", doc_id="d", position=position,
                 text=DOC[start:end], start=start, end=end)


FIRST = _chunk(0, 0, CUT)
SECOND = _chunk(1, CUT - 12, len(DOC))  # the chunks overlap


class Store:
    """The store's chunks-by-id read, counting the calls."""

    def __init__(self, *chunks: Chunk) -> None:
        self.by_id = {c.chunk_id: c for c in chunks}
        self.reads = 0

    def chunks(self, ids: Sequence[str]) -> dict[str, Chunk]:
        self.reads += 1
        return {i: self.by_id[i] for i in ids if i in self.by_id}


def test_a_chunk_ending_inside_a_list_gets_the_rest_of_the_list_only() -> None:
    store = Store(FIRST, SECOND)
    [evidence] = with_lists_completed([Evidence(FIRST, META, 0.1, 0.5)], store.chunks)
    assert evidence.chunk.text == DOC[:DOC.index("\nKriterier")]
    assert evidence.chunk.end == DOC.index("\nKriterier")
    assert evidence.chunk.chunk_id == FIRST.chunk_id  # still cited as the chunk it is


def test_a_chunk_ending_in_prose_is_left_alone_and_reads_nothing() -> None:
    store = Store(FIRST, SECOND)
    whole = _chunk(0, 0, DOC.index("\nKriterier") + 10)
    assert with_lists_completed([Evidence(whole, META, 0.1, 0.5)], store.chunks)[0].chunk == whole
    assert store.reads == 0


def test_the_last_chunk_of_a_document_keeps_its_text() -> None:
    [evidence] = with_lists_completed([Evidence(FIRST, META, 0.1, 0.5)], Store(FIRST).chunks)
    assert evidence.chunk == FIRST
