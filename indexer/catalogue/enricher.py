"""The project catalogue as an ingest enricher (indexer.ingest.enrichers.Enricher)."""

from __future__ import annotations

from indexer.catalogue import extract
from indexer.chat_model import ChatModel
from indexer.models import Chunk, DocumentMeta, LoadedDocument
from indexer.store.catalogue import remove_writer, replace_writer
from indexer.store.ledger import Writer
from indexer.text.places import Gazetteer


class CatalogueEnricher:
    """Every indexed document replaces its own project mentions (maybe with none)."""

    def __init__(self, gazetteer: Gazetteer, chat_model: ChatModel | None = None) -> None:
        self._gazetteer = gazetteer
        self._chat_model = chat_model  # extraction by structured output

    def enrich(self, doc: LoadedDocument, meta: DocumentMeta, chunks: list[Chunk]) -> Writer:
        mentions = extract(doc, meta, chunks, self._gazetteer, self._chat_model)
        return replace_writer(meta.doc_id, mentions)

    def remove(self, doc_id: str) -> Writer:
        return remove_writer(doc_id)
