"""Hand-written fakes that are real implementations of our ports (no mocks)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from indexer.embeddings import VectorEmbeddings
from indexer.store.lexical import tokenize


class FakeEmbeddings(VectorEmbeddings):
    """Deterministic bag-of-stems vectors: similar words → similar vectors, no model needed.

    `delay` makes each call slow, so a test can kill the indexer in the middle of a run.
    """

    def __init__(self, dim: int = 128, delay: float = 0.0) -> None:
        self.dim = dim
        self.delay = delay
        self.name = "fake"
        self.calls = 0
        self.texts = 0  # texts embedded, over all calls

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for token in tokenize(text) or ["_empty_"]:
            h = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        norm = np.linalg.norm(vec)
        return vec / norm if norm else vec

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        if self.delay:
            time.sleep(self.delay)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._vector(t) for t in texts])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)


def fake_index_deps(settings, gazetteer, embeddings: VectorEmbeddings | None = None):  # type: ignore[no-untyped-def]
    """Real store (SQLite + embedded Chroma + BM25) with the fake embedder in place of the model."""
    from indexer.wiring import index_deps, open_store

    embeddings = embeddings or FakeEmbeddings()
    store = open_store(settings)
    deps = index_deps(settings, store, gazetteer)
    deps.embedder_factory = lambda: embeddings
    deps.signature = f"fake:{embeddings.dim}|{settings.chunk_size}|{settings.chunk_overlap}"
    return deps


def project_description(title: str, host: str, *, partner: str = "", period: str = "",
                        body: str = "") -> str:
    """A prosjektbeskrivelse as the corpus writes them: title, host and partner municipality,
    project period, then the sections in `body`."""
    fields = [f"**Vertskommune:** {host}"]
    fields += [f"**Samarbeidskommune:** {partner}"] if partner else []
    fields += [f"**Prosjektperiode:** {period}"] if period else []
    return f"# Prosjektbeskrivelse: {title}\n\n" + "\n".join(fields) + f"\n\n{body}"


FAKE_INDEXER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from indexer.text.places import Gazetteer
    from indexer.ingest.pipeline import index_paths
    from indexer.settings import Settings
    from tests.fakes import FakeEmbeddings, fake_index_deps
    settings = Settings(data_dir=Path({data!r}), _env_file=None)
    deps = fake_index_deps(settings, Gazetteer.load(), FakeEmbeddings(delay={delay}))
    index_paths([Path({corpus!r})], deps)
""")


def fake_indexer(data: Path, corpus: Path, delay: float = 0.0) -> subprocess.Popen[bytes]:
    """An index run (fake embedder) in a process of its own, as `laeringsbot index` would be."""
    repo = Path(__file__).resolve().parents[1]
    script = FAKE_INDEXER.format(repo=str(repo), data=str(data), corpus=str(corpus), delay=delay)
    return subprocess.Popen([sys.executable, "-c", script], cwd=repo)


def understood(ctx, text: str, history=None):  # type: ignore[no-untyped-def]
    """A question as the core understands it, with the context's gazetteer, speller and today."""
    from bot.core.understand import understand

    return understand(text, history or [], ctx.kit())


def listed(ctx, text: str):  # type: ignore[no-untyped-def]
    """What the list route answers to `text`, or None when it is no list question."""
    from bot.lists import try_answer

    return try_answer(understood(ctx, text), ctx)


def draft_of(answer):  # type: ignore[no-untyped-def]
    """The draft an answer carries; fails the test when it carries none."""
    from bot.core.payloads import DraftPayload

    assert answer is not None and isinstance(answer.payload, DraftPayload), answer
    return answer.payload


def converse(ask, messages):  # type: ignore[no-untyped-def]
    """Send `messages` through `ask(text, history)` as a face would, keeping each answer's turn
    (its text and dialog state) in the history; the answers, in order."""
    from bot.core.models import ChatTurn

    history: list[ChatTurn] = []
    answers = []
    for text in messages:
        answer = ask(text, history)
        answers.append(answer)
        history += [ChatTurn(role="user", text=text), answer.turn()]
    return answers
