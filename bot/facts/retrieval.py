"""Hybrid retrieval: dense (Chroma) + lexical (BM25) fused with reciprocal rank fusion.

Dense search carries meaning across Bokmål, Nynorsk and English; BM25 carries exact names,
numbers and rare words. What the question says about place, year and document type weighs
documents softly (`fit`): metadata can be missing or wrong, and a hard filter would then throw
away the one document that answers. Only chunks of committed documents come back (the ledger
decides), so a deleted or half-written document can never be cited.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from bot.core.ranking import reciprocal_rank_fusion
from indexer.embeddings import VectorEmbeddings
from indexer.models import Chunk, DocumentMeta
from indexer.store.visible import KnowledgeReader

Fit = Callable[[DocumentMeta], float]  # -1 (the question names something else) … +1 (matches)


@dataclass(frozen=True)
class Evidence:
    chunk: Chunk
    meta: DocumentMeta
    score: float  # fused RRF score, after the soft metadata weighting
    dense: float  # cosine similarity of the chunk to the query (0 when not in dense hits)
    rank: int = 0  # 0-based position in the fused ranking
    fit: float = 0.0  # the metadata fit of its document


@dataclass(frozen=True)
class Retrieval:
    evidence: list[Evidence]
    timings_ms: dict[str, float] = field(default_factory=dict)


class HybridRetriever:
    """Stateless per call (timings come back with the result), so threads can share it."""

    fit_weight: float = 0.5

    def __init__(self, store: KnowledgeReader, embeddings: VectorEmbeddings, depth: int = 30,
                 fit_weight: float = 0.5) -> None:
        self.store = store
        self.embeddings = embeddings
        self.depth = depth
        self.fit_weight = fit_weight  # how far a metadata (mis)match moves a chunk's score

    def search(
        self, query: str, k: int = 8, documents: Sequence[DocumentMeta] | None = None,
        fit: Fit | None = None, vector: np.ndarray | None = None,
    ) -> list[Evidence]:
        return self.retrieve(query, k, documents, fit, vector).evidence

    def retrieve(
        self, query: str, k: int = 8, documents: Sequence[DocumentMeta] | None = None,
        fit: Fit | None = None, vector: np.ndarray | None = None,
    ) -> Retrieval:
        """Top-k evidence; `documents` restricts the search (a hard filter). What the store
        hides from this viewer is left out of both searches before they rank anything."""
        t0 = time.perf_counter()
        if documents is not None and not documents:
            return Retrieval([])
        pool = documents if documents is not None else self.store.documents()
        metas = {m.doc_id: m for m in pool}
        doc_ids = list(metas) if documents is not None else None
        query_vector = vector if vector is not None else np.asarray(
            self.embeddings.embed_queries([query])[0])
        t1 = time.perf_counter()
        hidden = sorted(self.store.hidden())
        dense = self.store.vectors.query(query_vector, self.depth, doc_ids, hidden)
        t2 = time.perf_counter()
        lexical = self.store.lexical()
        allowed_chunks = (lexical.chunks_of(doc_ids) if doc_ids is not None
                          else lexical.chunks_except(hidden) if hidden else None)
        sparse = lexical.search(query, self.depth, allowed_chunks)
        t3 = time.perf_counter()
        fused = reciprocal_rank_fusion([[c for c, _ in dense], [c for c, _ in sparse]])
        dense_scores = dict(dense)
        chunks = self.store.chunks(list(fused))
        scored: list[tuple[float, Chunk, DocumentMeta, float]] = []
        for chunk_id, score in fused.items():
            chunk = chunks.get(chunk_id)
            meta = metas.get(chunk.doc_id) if chunk else None
            if chunk is None or meta is None:
                continue  # not committed (deleted or half-written): never cite it
            match = fit(meta) if fit else 0.0
            scored.append((score * (1.0 + self.fit_weight * match), chunk, meta, match))
        scored.sort(key=lambda s: -s[0])
        evidence = [Evidence(chunk, meta, score, dense_scores.get(chunk.chunk_id, 0.0), rank, m)
                    for rank, (score, chunk, meta, m) in enumerate(scored[:k])]
        timings = {"embed_ms": (t1 - t0) * 1000, "dense_ms": (t2 - t1) * 1000,
                   "lexical_ms": (t3 - t2) * 1000, "fuse_ms": (time.perf_counter() - t3) * 1000}
        return Retrieval(evidence, timings)


def cosine_top(matrix: np.ndarray, vector: np.ndarray, k: int) -> list[int]:
    """Brute-force reference scan (benchmarks compare Chroma against it)."""
    scores = matrix @ vector
    top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
    return [int(i) for i in top[np.argsort(-scores[top])]]
