"""Hybrid retrieval: dense (Chroma) + lexical (BM25) fused with reciprocal rank fusion.

Dense search carries meaning across Bokmål, Nynorsk and English; BM25 carries exact names,
numbers and rare words. Only chunks of committed documents come back (the ledger decides), so
a deleted or half-written document can never be cited.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from indexer.embeddings import VectorEmbeddings
from indexer.models import Chunk, DocumentMeta
from indexer.store.knowledge import KnowledgeStore

RRF_K = 60


@dataclass(frozen=True)
class Evidence:
    chunk: Chunk
    meta: DocumentMeta
    score: float  # fused RRF score
    dense: float  # cosine similarity of the chunk to the query (0 when not in dense hits)


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = RRF_K, weights: Sequence[float] | None = None
) -> dict[str, float]:
    """score(id) = Σ w / (k + rank): robust to the two lists' incomparable score scales."""
    fused: dict[str, float] = {}
    weights = weights or [1.0] * len(rankings)
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank)
    return fused


class HybridRetriever:
    def __init__(self, store: KnowledgeStore, embeddings: VectorEmbeddings, depth: int = 30):
        self.store = store
        self.embeddings = embeddings
        self.depth = depth
        self.last_timings: dict[str, float] = {}

    def search(
        self, query: str, k: int = 8, documents: Sequence[DocumentMeta] | None = None,
        boost_years: set[int] | None = None,
    ) -> list[Evidence]:
        """Top-k evidence; `documents` restricts the search to those documents (hard filter)."""
        t0 = time.perf_counter()
        if documents is not None and not documents:
            return []
        pool = documents if documents is not None else self.store.documents()
        metas = {m.doc_id: m for m in pool}
        doc_ids = list(metas) if documents is not None else None
        vector = self.embeddings.embed_queries([query])[0]
        t1 = time.perf_counter()
        dense = self.store.vectors.query(vector, self.depth, doc_ids)
        t2 = time.perf_counter()
        lexical = self.store.lexical()
        allowed_chunks = lexical.chunks_of(doc_ids) if doc_ids is not None else None
        sparse = lexical.search(query, self.depth, allowed_chunks)
        t3 = time.perf_counter()
        fused = reciprocal_rank_fusion([[c for c, _ in dense], [c for c, _ in sparse]])
        dense_scores = dict(dense)
        chunks = self.store.chunks(list(fused))
        evidence = []
        for chunk_id, score in fused.items():
            chunk = chunks.get(chunk_id)
            meta = metas.get(chunk.doc_id) if chunk else None
            if chunk is None or meta is None:
                continue  # not committed (deleted or half-written): never cite it
            if boost_years and meta.date and meta.date.year in boost_years:
                score *= 1.25
            evidence.append(Evidence(chunk, meta, score, dense_scores.get(chunk_id, 0.0)))
        evidence.sort(key=lambda e: -e.score)
        self.last_timings = {
            "embed_ms": (t1 - t0) * 1000, "dense_ms": (t2 - t1) * 1000,
            "lexical_ms": (t3 - t2) * 1000, "fuse_ms": (time.perf_counter() - t3) * 1000,
        }
        return evidence[:k]


def cosine_top(matrix: np.ndarray, vector: np.ndarray, k: int) -> list[int]:
    """Brute-force reference scan (benchmarks compare Chroma against it)."""
    scores = matrix @ vector
    top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
    return [int(i) for i in top[np.argsort(-scores[top])]]
