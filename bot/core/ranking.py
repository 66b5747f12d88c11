"""Reciprocal rank fusion: two rankings whose scores do not compare (cosine similarity, BM25)
joined by position alone. The fact answerer's hybrid retrieval and the list route's reading of
a subject by similar project documents both fuse this way."""

from __future__ import annotations

from collections.abc import Sequence

RRF_K = 60


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
