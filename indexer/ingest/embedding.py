"""The embed stage: a vector for every chunk text, reusing the stored vector of a text that did
not change, and embedding the rest in batches so a large file shows its progress.

A one-word edit changes one chunk's text; re-embedding all fourteen chunks of the document for it
was most of the work of a re-index.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from indexer.ingest.chunking import embedding_key

if TYPE_CHECKING:  # the embedding stack loads only when something must be embedded
    from indexer.embeddings import VectorEmbeddings


class Embedded(NamedTuple):
    vectors: np.ndarray  # one row per text, in order
    fresh: int  # how many texts the model embedded (the rest were reused)


def embed_texts(
    texts: Sequence[str],
    stored: Mapping[str, np.ndarray],
    embedder: Callable[[], VectorEmbeddings],
    batch: int = 64,
    progress: Callable[[int, int], None] | None = None,
) -> Embedded:
    """Vectors for `texts`; `stored` maps `embedding_key(text)` to a vector embedded earlier."""
    keys = [embedding_key(t) for t in texts]
    if not keys:
        return Embedded(np.zeros((0, 0), dtype=np.float32), 0)
    vectors: dict[str, np.ndarray] = {k: stored[k] for k in keys if k in stored}
    missing = list(dict.fromkeys(k for k in keys if k not in vectors))
    text_of = dict(zip(keys, texts, strict=True))
    for start in range(0, len(missing), batch):
        part = missing[start : start + batch]
        fresh = embedder().embed_passages([text_of[k] for k in part])
        vectors.update(zip(part, np.asarray(fresh, dtype=np.float32), strict=True))
        if progress is not None:
            progress(min(start + batch, len(missing)), len(missing))
    return Embedded(np.vstack([vectors[k] for k in keys]).astype(np.float32), len(missing))
