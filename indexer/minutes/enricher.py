"""Meeting records as an ingest enricher (indexer.ingest.enrichers.Enricher): every referat is
read once, at index time, into the record that summaries, decisions and participants answer
from; any other document removes a record it may have had."""

from __future__ import annotations

from indexer.minutes.read import read_minutes
from indexer.models import Chunk, DocType, DocumentMeta, LoadedDocument
from indexer.store.ledger import Writer
from indexer.store.meetings import remove_writer, replace_writer
from indexer.text.places import Gazetteer


def is_minutes(meta: DocumentMeta) -> bool:
    return meta.doc_type == DocType.REFERAT or meta.title.lower().startswith("referat")


class MeetingEnricher:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer  # municipalities named beside a participant

    def enrich(self, doc: LoadedDocument, meta: DocumentMeta, chunks: list[Chunk]) -> Writer:
        if not is_minutes(meta):
            return remove_writer(meta.doc_id)
        return replace_writer(read_minutes(meta, chunks, doc.text, self._gazetteer))

    def remove(self, doc_id: str) -> Writer:
        return remove_writer(doc_id)
