"""Enrichers: stages that read each indexed document and keep rows of their own in the store.

An enricher hands back a `Writer`; the store runs it inside the document's own ledger
transaction, so its rows commit with the chunks or not at all, and a killed run leaves nothing
half-written (see indexer/store/knowledge.py). The project catalogue, answer-unit vectors and
meeting records (`indexer.minutes`) are enrichers, listed in `indexer/wiring.py` alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from indexer.models import Chunk, DocumentMeta, LoadedDocument
from indexer.store.ledger import Writer


class Enricher(Protocol):
    def enrich(
        self, doc: LoadedDocument, meta: DocumentMeta, chunks: list[Chunk]
    ) -> Writer | None:
        """Rows for a document just indexed (replacing its old ones); None writes nothing."""
        ...

    def remove(self, doc_id: str) -> Writer:
        """Take a removed document's rows out again."""
        ...


def enrichments(
    enrichers: Sequence[Enricher], doc: LoadedDocument, meta: DocumentMeta, chunks: list[Chunk]
) -> list[Writer]:
    found = (enricher.enrich(doc, meta, chunks) for enricher in enrichers)
    return [writer for writer in found if writer is not None]


def removals(enrichers: Sequence[Enricher], doc_id: str) -> list[Writer]:
    return [enricher.remove(doc_id) for enricher in enrichers]
