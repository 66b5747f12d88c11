"""Chroma behind a small port: embedded PersistentClient by default, HttpClient for a server."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from indexer.access import encode
from indexer.errors import ConfigError, StoreError
from indexer.models import Chunk, DocumentMeta
from indexer.settings import Settings


class VectorIndex(Protocol):
    def upsert(self, meta: DocumentMeta, chunks: Sequence[Chunk], vectors: np.ndarray) -> None: ...
    def delete_document(self, doc_id: str) -> None: ...
    def set_access(self, doc_id: str, access: Sequence[str]) -> None: ...
    def query(
        self, vector: np.ndarray, k: int, doc_ids: Sequence[str] | None = None,
        hidden: Sequence[str] = (),
    ) -> list[tuple[str, float]]: ...
    def count(self) -> int: ...
    def reset(self) -> None: ...


class ChromaIndex:
    """Cosine-space Chroma collection; one record per chunk, keyed by the stable chunk id."""

    def __init__(self, client: Any, collection: str) -> None:
        self._client = client
        self._name = collection
        self._collection = self._open()

    def _open(self) -> Any:
        return self._client.get_or_create_collection(
            self._name, metadata={"hnsw:space": "cosine"}
        )

    def upsert(self, meta: DocumentMeta, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        if not chunks:
            return
        self._collection.upsert(
            ids=[c.chunk_id for c in chunks],
            embeddings=np.asarray(vectors, dtype=np.float32),
            documents=[c.text for c in chunks],
            metadatas=[chunk_metadata(meta, c) for c in chunks],
        )

    def delete_document(self, doc_id: str) -> None:
        self._collection.delete(where={"doc_id": doc_id})

    def set_access(self, doc_id: str, access: Sequence[str]) -> None:
        """Only the access metadata of the document's chunks changes (Chroma merges it in)."""
        ids = self._collection.get(where={"doc_id": doc_id}, include=[])["ids"]
        if ids:
            self._collection.update(ids=ids, metadatas=[{"access": encode(access)}] * len(ids))

    def query(
        self, vector: np.ndarray, k: int, doc_ids: Sequence[str] | None = None,
        hidden: Sequence[str] = (),
    ) -> list[tuple[str, float]]:
        """Nearest chunks, searched only among `doc_ids` (when given) and never among `hidden`
        documents: the filter is applied inside the search, before anything is ranked."""
        total = self.count()
        if total == 0 or k <= 0 or (doc_ids is not None and not doc_ids):
            return []
        clauses: list[dict[str, Any]] = []
        if doc_ids is not None:
            clauses.append({"doc_id": {"$in": list(doc_ids)}})
        if hidden:
            clauses.append({"doc_id": {"$nin": list(hidden)}})
        where = clauses[0] if len(clauses) == 1 else ({"$and": clauses} if clauses else None)
        result = self._collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(k, total),
            where=where,
            include=["distances"],
        )
        ids = result["ids"][0]
        distances = result["distances"][0]
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True)]

    def count(self) -> int:
        return int(self._collection.count())

    def reset(self) -> None:
        """Drop every vector (used when the embedding model changes)."""
        self._client.delete_collection(self._name)
        self._collection = self._open()


def chunk_metadata(meta: DocumentMeta, chunk: Chunk) -> dict[str, str | int]:
    """Flat, non-null metadata (Chroma's rule) so the store can filter without the ledger."""
    return {
        "doc_id": meta.doc_id,
        "source": meta.source,
        "title": meta.title,
        "doc_type": meta.doc_type.value,
        "date": meta.date.isoformat() if meta.date else "",
        "year": meta.date.year if meta.date else -1,
        "county": meta.county or "",
        "current_county": meta.current_county or "",
        "network": meta.network or "",
        "municipalities": "|" + "|".join(m.current_name for m in meta.municipalities) + "|",
        "access": encode(meta.access),
        "section": chunk.section or "",
        "position": chunk.position,
        "start": chunk.start,
        "end": chunk.end,
    }


def open_chroma(settings: Settings) -> ChromaIndex:
    """Build the Chroma client from settings: a server when a host is set, else on disk."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
            client.heartbeat()
        else:
            settings.chroma_path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(
                path=str(settings.chroma_path), settings=chroma_settings
            )
    except Exception as exc:  # chromadb raises many types for connection problems
        if settings.chroma_host:
            raise ConfigError(
                f"Får ikke kontakt med Chroma-serveren på {settings.chroma_host}:"
                f"{settings.chroma_port} (LAERINGSBOT_CHROMA_HOST/LAERINGSBOT_CHROMA_PORT): {exc}"
            ) from exc
        raise StoreError(f"Kan ikke åpne Chroma i {settings.chroma_path}: {exc}") from exc
    return ChromaIndex(client, settings.chroma_collection)
