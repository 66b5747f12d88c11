"""The other lexical choice for replicas (issue 18), kept in bench code only: PostgreSQL
full-text search with the Norwegian configuration instead of a bm25s index per replica.

`FullText` answers what the hybrid retriever asks of a lexical index (`search`, `chunks_of`,
`chunks_except`) from the knowledge database: a stored `tsvector` column
(`to_tsvector('norwegian', text)`) with a GIN index, the question's terms OR-ed
(`plainto_tsquery` with `&` turned into `|`, as BM25 scores any term) and ranked by
`ts_rank_cd`. The answer composer's word statistics (`known`, `idf`) still come from bm25s.

Two measurements, each beside bm25s on the same PostgreSQL database:

    .venv/bin/python bench/lexical_fts.py --chunks 100000   # lexical search p95, referat text
    .venv/bin/python bench/lexical_fts.py --recall          # recall@5 on the dev question sets

`bench/query.py --postgres` prints the hybrid's p95 at each size with both choices.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.store.knowledge import KnowledgeStore  # noqa: E402
from indexer.store.lexical import LexicalIndex  # noqa: E402

DDL = [
    "ALTER TABLE chunks ADD COLUMN IF NOT EXISTS tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('norwegian', text)) STORED",
    "CREATE INDEX IF NOT EXISTS chunks_tsv ON chunks USING gin (tsv)",
    "ANALYZE chunks",
]
OR_QUERY = "(SELECT replace(plainto_tsquery('norwegian', ?)::text, '&', '|')::tsquery AS q) t"


class Except(list[str]):
    """`chunks_except`'s answer: every chunk but those of these documents (said in SQL)."""


class FullText:
    """A lexical index over the knowledge database's chunks, for the hybrid retriever."""

    def __init__(self, store: KnowledgeStore, words: LexicalIndex | None = None) -> None:
        self._db = store._conn  # noqa: SLF001  (bench code reads the ledger's connection)
        self._words = words

    @staticmethod
    def install(store: KnowledgeStore) -> float:
        """Add the tsvector column and its GIN index; seconds it took."""
        started = time.perf_counter()
        for statement in DDL:
            store._conn.execute(statement)  # noqa: SLF001
        return time.perf_counter() - started

    def chunks_of(self, doc_ids: Iterable[str]) -> list[str]:
        rows = self._db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ANY(?)",
                                (list(doc_ids),))
        return [r[0] for r in rows]

    def chunks_except(self, doc_ids: Iterable[str]) -> Except:
        return Except(doc_ids)

    def search(self, query: str, k: int, chunk_ids: Sequence[str] | None = None
               ) -> list[tuple[str, float]]:  # fmt: skip
        where, params = "", [query]
        if isinstance(chunk_ids, Except):
            where, params = " AND c.doc_id <> ALL(?)", [query, list(chunk_ids)]
        elif chunk_ids is not None:
            where, params = " AND c.chunk_id = ANY(?)", [query, list(chunk_ids)]
        rows = self._db.execute(
            f"SELECT c.chunk_id, ts_rank_cd(c.tsv, t.q) AS score FROM chunks c, {OR_QUERY} "
            f"WHERE c.tsv @@ t.q{where} ORDER BY score DESC LIMIT ?", (*params, k))
        return [(r[0], float(r[1])) for r in rows]

    # the composer's word statistics stay bm25s's (a full switch would need them in SQL)
    def known(self, stem: str) -> bool:
        return self._words is not None and self._words.known(stem)

    def idf(self, stem: str) -> float:
        return self._words.idf(stem) if self._words is not None else 0.0


@contextmanager
def full_text_for(store: KnowledgeStore) -> Iterator[FullText]:
    """While inside, `store.lexical()` (and so every retriever over it) is the full-text one."""
    index = FullText(store, store.lexical())
    store.lexical = lambda: index  # type: ignore[method-assign]
    try:
        yield index
    finally:
        del store.lexical  # type: ignore[method-assign]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def dev_questions() -> list[Any]:
    from bot.evaluation import load_questions

    return [q for path in dev_sets() for q in load_questions(path)]


def dev_sets() -> list[Path]:
    """The dev question sets only: never eval/sealed."""
    sets = [REPO.parent / "shared" / "eval" / "real-dev.jsonl",
            *sorted((REPO / "eval" / "dev").glob("*.jsonl"))]
    return [s for s in sets if s.exists()]


def search_latency(url: str, chunks: int, work: Path) -> dict[str, Any]:
    """Lexical search alone at `chunks` referat chunks: bm25s beside full-text search."""
    from bench.lexical_rebuild import fill

    store = KnowledgeStore.open(url, work / "lexical")
    fill(store, chunks)
    bm25 = store.lexical()
    installed = FullText.install(store)
    fts = FullText(store, bm25)
    queries = [q.question for q in dev_questions()]
    timings: dict[str, list[float]] = {"bm25s": [], "fts": [], "round_trip": []}
    for _ in queries:  # what any statement costs here: the floor under full-text search
        started = time.perf_counter()
        store._conn.execute("SELECT 1")  # noqa: SLF001
        timings["round_trip"].append((time.perf_counter() - started) * 1000)
    for name, index in (("bm25s", bm25), ("fts", fts)):
        for text in queries[:5]:  # warm
            index.search(text, 30)
        for text in queries:
            started = time.perf_counter()
            index.search(text, 30)
            timings[name].append((time.perf_counter() - started) * 1000)
    store.close()
    return {"chunks": chunks, "queries": len(queries), "fts_install_s": round(installed, 1),
            **{f"{name}_p50_ms": round(sorted(v)[len(v) // 2], 1) for name, v in timings.items()},
            **{f"{name}_p95_ms": round(p95(v), 1) for name, v in timings.items()}}


def recall(url: str, work: Path) -> None:
    """The dev sets over all corpora, answered with bm25s and then with full-text search."""
    from bench.query import CORPORA
    from bot.engine import build_core
    from bot.evaluation import evaluate, load_questions
    from indexer.ingest.pipeline import index_paths
    from indexer.settings import Settings
    from indexer.wiring import index_deps, open_store

    settings = Settings(data_dir=work / "recall", database_url=url, _env_file=None)  # type: ignore[call-arg]
    index_paths([f for f in CORPORA if f.is_dir()], index_deps(settings, open_store(settings)))
    core = build_core(settings)
    FullText.install(core.ctx.store)  # type: ignore[arg-type]
    print(f"{'set':<28}{'n':>4}{'bm25s r@5':>10}{'fts r@5':>9}{'bm25s must':>11}{'fts must':>9}")
    for path in dev_sets():
        questions = load_questions(path)
        bm25 = evaluate(core, questions).overall
        with full_text_for(core.ctx.store):  # type: ignore[arg-type]
            fts = evaluate(core, questions).overall
        print(f"{path.name:<28}{bm25.questions:>4}{bm25.source_recall_at_5:>10.2f}"
              f"{fts.source_recall_at_5:>9.2f}{bm25.must_contain_rate:>11.2f}"
              f"{fts.must_contain_rate:>9.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=0, help="search latency at this size")
    parser.add_argument("--recall", action="store_true", help="recall@5 on the dev sets")
    args = parser.parse_args()
    from tests.servers.postgres import MISSING, PostgresCluster, server_bin

    bin_dir = server_bin()
    if bin_dir is None:
        raise SystemExit(MISSING)
    cluster = PostgresCluster(bin_dir)
    work = Path(tempfile.mkdtemp(prefix="lexical-fts-"))
    try:
        if args.chunks:
            print(json.dumps(search_latency(cluster.database(), args.chunks, work)), flush=True)
        if args.recall:
            recall(cluster.database(), work)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
