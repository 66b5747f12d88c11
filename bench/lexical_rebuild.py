"""What a replica pays when an index run moves the generation: reading every committed chunk
from the database and rebuilding its BM25 index, on SQLite and on PostgreSQL, at N chunks.

Rows are written straight into the ledger's tables (generated referat text, ~700 characters a
chunk), so no model runs; then `rebuild_lexical` is timed as a serving replica runs it, split
into the database read and the bm25s build, and one query is timed on the result.

    .venv/bin/python bench/lexical_rebuild.py [--chunks 100000] [--postgres]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.index import generated_document  # noqa: E402
from indexer.store import documents  # noqa: E402
from indexer.store.knowledge import KnowledgeStore  # noqa: E402
from indexer.store.ledger import bump_generation, transaction  # noqa: E402
from indexer.store.lexical import LexicalIndex  # noqa: E402

PER_DOCUMENT = 10


def fill(store: KnowledgeStore, chunks: int) -> None:
    rng = random.Random(7)
    conn = store._conn  # noqa: SLF001  (a benchmark may write rows directly)
    for start in range(0, chunks, 5000):
        with transaction(conn) as tx:
            for d in range(start // PER_DOCUMENT, (start + 5000) // PER_DOCUMENT):
                doc_id = f"d{d:07d}"
                meta = {"doc_id": doc_id, "path": f"{doc_id}.md", "source": f"{doc_id}.md",
                        "title": f"Referat {d}", "doc_type": "referat"}
                tx.execute("INSERT INTO documents(doc_id, root, path, source, content_hash, "
                           "status, meta_json, chunk_count, indexed_at) VALUES "
                           "(?, 'bench', ?, ?, 'x', 'done', ?, ?, ?)",
                           (doc_id, meta["path"], meta["source"], json.dumps(meta),
                            PER_DOCUMENT, documents.now()))
                text = generated_document(d, rng)
                tx.executemany(
                    "INSERT INTO chunks(chunk_id, doc_id, position, text, heading_path, "
                    "start_char, end_char) VALUES (?, ?, ?, ?, '[]', 0, ?)",
                    [(f"{doc_id}:{n}", doc_id, n, text, len(text)) for n in range(PER_DOCUMENT)])
            bump_generation(tx)


def measure(target: Path | str, lexical: Path, chunks: int) -> dict[str, float]:
    store = KnowledgeStore.open(target, lexical)
    started = time.perf_counter()
    fill(store, chunks)
    filled = time.perf_counter() - started
    started = time.perf_counter()
    ids, texts = documents.lexical_texts(store._conn)  # noqa: SLF001
    read = time.perf_counter() - started
    started = time.perf_counter()
    index = LexicalIndex.build(ids, texts, store.generation())
    built = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(20):
        index.search("stimuleringsmidler søknadsfrist fosterhjem", 20)
    query_ms = (time.perf_counter() - started) / 20 * 1000
    store.close()
    return {"chunks": len(ids), "fill_s": round(filled, 1), "read_s": round(read, 2),
            "build_s": round(built, 2), "query_ms": round(query_ms, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--postgres", action="store_true", help="also on a throwaway PostgreSQL")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lexical-rebuild-"))
    print("sqlite", measure(work / "state.sqlite", work / "lexical-sqlite", args.chunks))
    if args.postgres:
        from tests.servers.postgres import MISSING, PostgresCluster, server_bin

        bin_dir = server_bin()
        if bin_dir is None:
            raise SystemExit(MISSING)
        cluster = PostgresCluster(bin_dir)
        try:
            print("postgresql", measure(cluster.database(), work / "lexical-pg", args.chunks))
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
