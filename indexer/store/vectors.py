"""Chroma behind a small port: embedded PersistentClient by default, HttpClient for a server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Protocol, TypeVar

import numpy as np

from indexer.access import encode
from indexer.errors import ConfigError, StoreError
from indexer.ingest.chunking import embedding_key, embedding_text
from indexer.models import Chunk, DocumentMeta
from indexer.settings import Settings

T = TypeVar("T")


class VectorIndex(Protocol):
    def upsert(self, meta: DocumentMeta, chunks: Sequence[Chunk], vectors: np.ndarray) -> None: ...
    def delete_document(self, doc_id: str) -> None: ...
    def set_access(self, doc_id: str, access: Sequence[str]) -> None: ...
    def query(
        self, vector: np.ndarray, k: int, doc_ids: Sequence[str] | None = None,
        hidden: Sequence[str] = (),
    ) -> list[tuple[str, float]]: ...
    def count(self) -> int: ...
    def ids(self) -> list[str]: ...
    def stored(self, doc_id: str) -> dict[str, np.ndarray]: ...
    def reset(self) -> None: ...
    def refresh(self) -> None: ...


# How widely HNSW searches its graph. At Chroma's default (100) a store reindexed many times
# (each reindex leaves deleted nodes in the graph) missed a question's nearest chunk in some
# processes and found it in others; at 400 every process found it, for a few milliseconds.
SEARCH_EF = 400


class ChromaIndex:
    """Cosine-space Chroma collection; one record per chunk, keyed by the stable chunk id.

    `connect` builds a client; `refresh` builds a new one. Embedded Chroma keeps its vector index
    in memory per process, so a serving process must reconnect to see another process's writes
    (else it misses new chunks and fails on ids it cannot find); a server may have recreated the
    collection. A failed call reconnects and tries once more; a second failure is one StoreError
    naming the server, never a client library's traceback. The lock keeps a call off a client
    that is being replaced.
    """

    def __init__(self, connect: Callable[[], Any], collection: str, place: str = "Chroma") -> None:
        self._connect = connect
        self._name = collection
        self._place = place  # «Chroma-serveren på host:port» or «Chroma i <mappe>», for messages
        self._lock = threading.RLock()
        self._client = connect()
        self._collection = self._open()

    def _open(self) -> Any:
        collection = self._client.get_or_create_collection(
            self._name, metadata={"hnsw:space": "cosine"}
        )
        configuration: dict[str, Any] = getattr(collection, "configuration", None) or {}
        hnsw: dict[str, Any] = configuration.get("hnsw") or {}
        if int(hnsw.get("ef_search", SEARCH_EF)) < SEARCH_EF:
            collection.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})
            collection = self._client.get_collection(self._name)  # read with it from now on
        return collection

    def refresh(self) -> None:
        with self._lock:
            close = getattr(self._client, "close", None)
            if callable(close):
                close()  # an embedded client is shared per path: the last close frees it
            self._client = self._connect()
            self._collection = self._open()

    def _call(self, work: Callable[[Any], T]) -> T:
        with self._lock:
            try:
                return work(self._collection)
            except Exception as first:
                if not _lost(first):
                    raise
            try:
                self.refresh()  # the client raises anything when it cannot connect
                return work(self._collection)
            except Exception as exc:
                raise StoreError(
                    f"Mistet kontakten med {self._place} ({_short(exc)}). Start Chroma igjen "
                    "og kjør indekseringen på nytt: den fullfører det som mangler."
                ) from None

    def upsert(self, meta: DocumentMeta, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        if not chunks:
            return
        self._call(lambda c: c.upsert(
            ids=[ch.chunk_id for ch in chunks],
            embeddings=np.asarray(vectors, dtype=np.float32),
            documents=[ch.text for ch in chunks],
            metadatas=[chunk_metadata(meta, ch) for ch in chunks],
        ))

    def delete_document(self, doc_id: str) -> None:
        self._call(lambda c: c.delete(where={"doc_id": doc_id}))

    def set_access(self, doc_id: str, access: Sequence[str]) -> None:
        """Only the access metadata of the document's chunks changes (Chroma merges it in)."""
        ids = self._call(lambda c: c.get(where={"doc_id": doc_id}, include=[]))["ids"]
        if ids:
            self._call(lambda c: c.update(ids=ids,
                                          metadatas=[{"access": encode(access)}] * len(ids)))

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
        result = self._call(lambda c: c.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(k, total),
            where=where,
            include=["distances"],
        ))
        ids = result["ids"][0]
        distances = result["distances"][0]
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True)]

    def count(self) -> int:
        return int(self._call(lambda c: c.count()))

    def ids(self) -> list[str]:
        """Every chunk id in the collection (the consistency check counts them per document)."""
        found: list[str] = []
        while True:
            offset = len(found)
            page = self._call(lambda c: c.get(include=[], limit=_PAGE, offset=offset))  # noqa: B023
            found += page["ids"]
            if len(page["ids"]) < _PAGE:
                return found

    def stored(self, doc_id: str) -> dict[str, np.ndarray]:
        """A document's vectors by `embed_key`: what an edit of it may reuse."""
        got = self._call(lambda c: c.get(where={"doc_id": doc_id},
                                         include=["embeddings", "metadatas"]))
        metadatas: list[dict[str, Any]] = list(got["metadatas"] or [])
        embeddings: list[Any] = list(got["embeddings"] if got["embeddings"] is not None else [])
        return {str(m["embed_key"]): np.asarray(e, dtype=np.float32)
                for m, e in zip(metadatas, embeddings, strict=True) if m and "embed_key" in m}

    def reset(self) -> None:
        """Drop every vector (used when the embedding model changes)."""
        def drop(_: Any) -> None:
            self._client.delete_collection(self._name)
            self._collection = self._open()

        self._call(drop)


_PAGE = 5000


def _lost(exc: Exception) -> bool:
    """A failure of Chroma or the way to it (not a bug of ours): worth a reconnect."""
    library = type(exc).__module__.split(".")[0]
    return library in {"chromadb", "httpx", "httpcore"} or isinstance(exc, OSError)


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:160]}" if text else type(exc).__name__


def chunk_metadata(meta: DocumentMeta, chunk: Chunk) -> dict[str, str | int]:
    """Flat, non-null metadata (Chroma's rule) so the store can filter without the ledger."""
    return {
        "doc_id": meta.doc_id,
        "source": meta.source,
        "title": meta.title,
        "doc_type": meta.doc_type.value,
        "date": meta.date.isoformat() if meta.date else "",
        "year": meta.known_year or -1,
        "county": meta.county or "",
        "current_county": meta.current_county or "",
        "network": meta.network or "",
        "municipalities": "|" + "|".join(m.current_name for m in meta.municipalities) + "|",
        "access": encode(meta.access),
        "section": chunk.section or "",
        "position": chunk.position,
        "start": chunk.start,
        "end": chunk.end,
        "embed_key": embedding_key(embedding_text(chunk, meta.title)),
    }


def open_chroma(settings: Settings) -> ChromaIndex:
    """Build the Chroma client from settings: a server when a host is set, else on disk."""
    try:
        return ChromaIndex(partial(_client, settings), settings.chroma_collection,
                           place=_place(settings))
    except Exception as exc:  # chromadb raises many types for connection problems
        if settings.chroma_host:
            raise ConfigError(
                f"Får ikke kontakt med Chroma-serveren på {settings.chroma_host}:"
                f"{settings.chroma_port} (LAERINGSBOT_CHROMA_HOST/LAERINGSBOT_CHROMA_PORT): {exc}"
            ) from exc
        raise StoreError(f"Kan ikke åpne Chroma i {settings.chroma_path}: {exc}") from exc


def _client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        client = chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
        )
        client.heartbeat()
        return client
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _place(settings: Settings) -> str:
    if settings.chroma_host:
        return f"Chroma-serveren på {settings.chroma_host}:{settings.chroma_port}"
    return f"Chroma i {settings.chroma_path}"
