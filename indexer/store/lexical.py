"""BM25 over the same chunks as Chroma, with Norwegian stemming and stop words.

Dense retrieval misses exact words (names, numbers, rare terms); BM25 catches them. The index is
rebuilt from the ledger's chunks whenever the ledger's generation moves, and saved under a
versioned folder with an atomically replaced `CURRENT` pointer, so a crash never leaves a
half-written index behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import Stemmer

from indexer.ingest.chunking import doc_id_of

if TYPE_CHECKING:  # bm25s takes a fifth of a second to import: loaded when an index is
    import bm25s

_TOKEN = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_NORWEGIAN

    return frozenset(STOPWORDS_NORWEGIAN) | {"kva", "kor", "kven", "korleis", "dei", "ein"}


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("norwegian")


_DOUBLE_END = re.compile(r"([bdfgklmnprst])\1$")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens, Norwegian stop words out, Snowball-stemmed.

    Snowball leaves "fosterhjemm" for "fosterhjemmene"; folding a doubled final consonant makes
    it meet "fosterhjem".
    """
    stopwords = _stopwords()
    words = [w for w in _TOKEN.findall(text.lower()) if w not in stopwords]
    return [_DOUBLE_END.sub(r"\1", stem) for stem in _stemmer().stemWords(words)]


class LexicalIndex:
    """An in-memory BM25 index over chunk ids; `generation` ties it to the ledger state."""

    def __init__(self, chunk_ids: list[str], retriever: bm25s.BM25 | None, generation: str) -> None:
        self.chunk_ids = chunk_ids
        self.generation = generation
        self._retriever = retriever
        self._position = {cid: i for i, cid in enumerate(chunk_ids)}
        self._by_doc: dict[str, list[str]] = defaultdict(list)
        for cid in chunk_ids:
            self._by_doc[doc_id_of(cid)].append(cid)

    @classmethod
    def build(cls, chunk_ids: list[str], texts: Sequence[str], generation: str) -> LexicalIndex:
        if not chunk_ids:
            return cls([], None, generation)
        import bm25s

        retriever = bm25s.BM25(k1=1.2, b=0.75)
        retriever.index([tokenize(t) or ["_"] for t in texts], show_progress=False)
        return cls(list(chunk_ids), retriever, generation)

    def chunks_of(self, doc_ids: Iterable[str]) -> list[str]:
        """The indexed chunk ids of these documents (for a filtered search)."""
        return [cid for doc_id in doc_ids for cid in self._by_doc.get(doc_id, ())]

    def chunks_except(self, doc_ids: Iterable[str]) -> list[str]:
        """Every indexed chunk id but those of these documents (the hidden ones)."""
        skip = set(doc_ids)
        return [cid for doc_id, ids in self._by_doc.items() if doc_id not in skip for cid in ids]

    def search(
        self, query: str, k: int, chunk_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """Top-k (chunk_id, score) with score > 0, optionally only among `chunk_ids`."""
        tokens = tokenize(query)
        if self._retriever is None or not tokens:
            return []
        scores = np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)
        if chunk_ids is not None:
            mask = np.zeros_like(scores)
            idx = [self._position[c] for c in chunk_ids if c in self._position]
            mask[idx] = 1.0
            scores = scores * mask
        top = np.argsort(-scores)[:k]
        return [(self.chunk_ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def known(self, stem: str) -> bool:
        """Whether any chunk contains the stem."""
        return self._retriever is not None and stem in self._retriever.vocab_dict

    def idf(self, stem: str) -> float:
        """Inverse document frequency of a stem over all chunks (rare words weigh more)."""
        n = max(len(self.chunk_ids), 1)
        df = 0
        if self._retriever is not None:
            token = self._retriever.vocab_dict.get(stem)
            if token is not None:
                indptr = self._retriever.scores["indptr"]
                df = int(indptr[token + 1] - indptr[token])
        return float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"gen-{self.generation}"
        tmp = folder / f".tmp-{self.generation}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        (tmp / "chunk_ids.json").write_text(json.dumps(self.chunk_ids), encoding="utf-8")
        if self._retriever is not None:
            self._retriever.save(str(tmp / "bm25"), show_progress=False)
        shutil.rmtree(target, ignore_errors=True)
        tmp.rename(target)
        pointer = folder / ".CURRENT.tmp"
        pointer.write_text(target.name, encoding="utf-8")
        os.replace(pointer, folder / "CURRENT")
        for old in folder.glob("gen-*"):
            if old.name != target.name:
                shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def saved_generation(folder: Path) -> str | None:
        """The generation of the index saved in `folder` (cheap: reads only the pointer)."""
        try:
            return (folder / "CURRENT").read_text(encoding="utf-8").strip().removeprefix("gen-")
        except OSError:
            return None

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        """The saved index, or None if there is none (the caller then rebuilds)."""
        try:
            name = (folder / "CURRENT").read_text(encoding="utf-8").strip()
            target = folder / name
            chunk_ids = json.loads((target / "chunk_ids.json").read_text(encoding="utf-8"))
            retriever = None
            if chunk_ids:
                import bm25s

                retriever = bm25s.BM25.load(str(target / "bm25"), show_progress=False)
        except (OSError, ValueError):
            return None
        return cls(chunk_ids, retriever, name.removeprefix("gen-"))
