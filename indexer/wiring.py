"""The composition root of the write side: Settings in, ready-made store and pipeline deps out.

The pipeline and its enrichers (and through them BM25, scipy, LangChain) are imported when
`index_deps` builds them, so a command that only reads the store (`laeringsbot status`) starts
without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.settings import Settings
from indexer.store.knowledge import KnowledgeStore
from indexer.store.vectors import open_chroma

if TYPE_CHECKING:
    from indexer.chat_model import ChatModel
    from indexer.ingest.pipeline import IndexDeps
    from indexer.text.places import Gazetteer


def open_store(settings: Settings, with_vectors: bool = False) -> KnowledgeStore:
    """The ledger always; Chroma only when asked (opening it costs time)."""
    store = KnowledgeStore.open(settings.database_url or settings.state_db_path,
                               settings.lexical_dir)
    if with_vectors:
        store.attach_vectors(open_chroma(settings))
    return store


def index_deps(
    settings: Settings,
    store: KnowledgeStore,
    gazetteer: Gazetteer | None = None,
    chat_model: ChatModel | None = None,  # project catalogue by structured output
) -> IndexDeps:
    from indexer.catalogue.enricher import CatalogueEnricher
    from indexer.embeddings import build_embeddings, embedding_signature  # LangChain: slow
    from indexer.ingest.pipeline import IndexDeps
    from indexer.ingest.unit_vectors import UnitVectorEnricher
    from indexer.minutes.enricher import MeetingEnricher
    from indexer.text.places import Gazetteer

    gazetteer = gazetteer or Gazetteer.load()
    deps = IndexDeps(
        store=store,
        embedder_factory=lambda: build_embeddings(settings),
        gazetteer=gazetteer,
        open_vectors=lambda: open_chroma(settings),
        signature=f"{embedding_signature(settings)}|{settings.chunk_size}|{settings.chunk_overlap}",
        chunk_size=settings.chunk_size,
        chunk_overlap=settings.chunk_overlap,
        max_file_bytes=settings.max_file_mb * 1024 * 1024,
        enrichers=[CatalogueEnricher(gazetteer, chat_model), MeetingEnricher(gazetteer)],
    )
    # Answer units are embedded with whatever embedder the run uses (a test may swap it in).
    deps.enrichers.append(UnitVectorEnricher(store, lambda: deps.embedder_factory(),
                                             lambda: deps.signature.split("|")[0]))
    return deps
