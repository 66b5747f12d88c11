"""Passage vectors of an answer's candidate sentences, for the sentence model: read from the
unit vectors the indexer stored, else embedded once and kept (`FactAnswerer` holds one cache
for every composer it builds).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from indexer.embeddings import VectorEmbeddings
from indexer.text.units import unit_key

Stored = Callable[[list[str]], dict[str, np.ndarray]]  # unit keys → vectors embedded at index time


class SentenceVectors:
    """Passage vectors of candidate sentences: those embedded at index time come from the store;
    anything else (a store indexed before unit vectors existed) is embedded once and kept."""

    def __init__(self, embeddings: VectorEmbeddings, stored: Stored | None = None,
                 limit: int = 200_000) -> None:
        self.embeddings = embeddings
        self.stored = stored
        self.limit = limit
        self._cache: dict[str, np.ndarray] = {}

    def of(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing and self.stored is not None:
            keys = {unit_key(t): t for t in missing}
            found = self.stored(list(keys))
            self._remember({keys[k]: v for k, v in found.items()})
            missing = [t for t in missing if t not in self._cache]
        if missing:
            self._remember(dict(zip(missing, self.embeddings.embed_passages(missing),
                                    strict=True)))
        if not texts:
            return np.zeros((0, self.embeddings.dim), dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])

    def _remember(self, vectors: dict[str, np.ndarray]) -> None:
        if len(self._cache) + len(vectors) > self.limit:
            self._cache.clear()
        self._cache.update(vectors)
