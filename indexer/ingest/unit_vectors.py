"""Answer-unit vectors as an ingest enricher: every sentence, label line and list of a document
is embedded once, at index time, so that answering a question never waits for the model.

A unit whose text is already stored (an unchanged sentence of a re-indexed document, a repeated
line) keeps its vector; only new text is embedded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from indexer.models import Chunk, DocumentMeta, LoadedDocument
from indexer.store import units
from indexer.store.knowledge import KnowledgeStore
from indexer.store.ledger import Writer
from indexer.text.units import answer_units, unit_key

if TYPE_CHECKING:  # the embedding stack loads only when a document is embedded
    from indexer.embeddings import VectorEmbeddings


class UnitVectorEnricher:
    def __init__(self, store: KnowledgeStore, embedder: Callable[[], VectorEmbeddings],
                 signature: Callable[[], str]) -> None:
        self._store = store
        self._embedder = embedder  # loaded on first use: a no-change run never needs it
        self._signature = signature  # the embedding model's, as the read side asks for it
        self.embedded = 0  # units embedded by this enricher (tests and reports)

    def enrich(self, doc: LoadedDocument, meta: DocumentMeta, chunks: list[Chunk]) -> Writer:
        texts = list(dict.fromkeys(u.text for c in chunks for u in answer_units(c.text)))
        keys = [unit_key(t) for t in texts]
        signature = self._signature()
        known = self._store.unit_vectors(keys, signature)
        missing = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in known]
        if missing:
            fresh = self._embedder().embed_passages([t for _, t in missing])
            known.update(zip([k for k, _ in missing], np.asarray(fresh), strict=True))
            self.embedded += len(missing)
        return units.replace_writer(meta.doc_id, signature,
                                    [(k, known[k]) for k in keys])

    def remove(self, doc_id: str) -> Writer:
        return units.remove_writer(doc_id)
