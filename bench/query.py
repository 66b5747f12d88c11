"""Query speed and answer quality, next to the usual approach.

1. Retrieval p50/p95 at 1k, 10k and 100k chunks (hybrid: Chroma + BM25 + RRF + ledger lookup,
   query embedding excluded and reported apart), beside a brute-force numpy scan of the same
   vectors.
2. Warm fact answers p50/p95 on the sample corpus, beside retrieval alone.
3. Every question set (../shared/eval, eval/dev; eval/sealed with --sealed) over all corpora
   (a set written over a corpus of its own, `OWN_CORPUS`, over that one):
   fact must_contain, source recall@5, refusal accuracy, citation precision, median answer
   length, latency — beside a plain LangChain tutorial pipeline (RecursiveCharacterTextSplitter
   1000/200, dense top-4, same Chroma and embedding model): its recall@4 and whether its four
   chunks hold the key strings.

    .venv/bin/python bench/query.py [--sizes 1000 10000 100000] [--queries 200] [--sealed]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.lexical_fts import FullText, full_text_for  # noqa: E402
from bot.engine import build_core  # noqa: E402
from bot.evaluation import evaluate, load_questions  # noqa: E402
from bot.facts.retrieval import HybridRetriever, cosine_top  # noqa: E402
from indexer.ingest.pipeline import index_paths  # noqa: E402
from indexer.models import Chunk, DocType, DocumentMeta  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.wiring import index_deps, open_store  # noqa: E402

WORDS = ("fosterhjem veiledning rekruttering ettervern høykonflikt barnesamtaler budsjett "
         "søknadsfrist vedtak oppfølging styringsgruppe kompetansemiljø evaluering tiltak "
         "målgruppe forankring kommunedirektør egenandel stimuleringsmidler referat").split()


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


class QueryVector:
    """Stands in for the model: retrieval timings exclude embedding the query."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.vector = np.zeros(dim, dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.vector[None, :]


def synthetic_store(size: int, root: Path, rng: np.random.Generator,  # type: ignore[no-untyped-def]
                    database_url: str | None = None):
    settings = Settings(data_dir=root / f"synthetic-{size}", database_url=database_url,
                        _env_file=None)  # type: ignore[call-arg]
    store = open_store(settings, with_vectors=True)
    per_doc = 100 if size >= 10_000 else 10
    matrix = rng.standard_normal((size, 384)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    for d in range(size // per_doc):
        meta = DocumentMeta(doc_id=f"d{d:06d}", source=f"doc{d}.md", path=f"doc{d}.md",
                            title=f"Dokument {d}", doc_type=DocType.REFERAT)
        chunks = [
            Chunk(chunk_id=f"d{d:06d}:{p:04d}", doc_id=meta.doc_id, position=p,
                  text=" ".join(rng.choice(WORDS, 40)), start=0, end=1)
            for p in range(per_doc)
        ]
        rows = matrix[d * per_doc:(d + 1) * per_doc]
        store.replace_document(meta, "bench", f"h{d}", chunks, rows)
    store.rebuild_lexical()
    return store, matrix


def retrieval_latency(sizes: list[int], queries: int, postgres: Any = None) -> None:
    """With `postgres` (a cluster) the stores are on PostgreSQL and the hybrid is timed twice:
    with bm25s, and with PostgreSQL full-text search in its place (bench/lexical_fts.py)."""
    rng = np.random.default_rng(3)
    print("\n== Retrieval latency (hybrid, query embedding excluded)")
    print(f"{'chunks':>8} {'hybrid p50':>11} {'hybrid p95':>11} {'chroma p95':>11} "
          f"{'numpy p50':>10} {'numpy p95':>10}" + (f" {'fts p50':>9} {'fts p95':>9}"
                                                    if postgres else ""))
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            started = time.perf_counter()
            store, matrix = synthetic_store(size, Path(tmp), rng,
                                            postgres.database() if postgres else None)
            built = time.perf_counter() - started
            hybrid, dense, brute = timed_searches(store, matrix, queries, rng)
            (h50, h95), (_, d95), (b50, b95) = map(percentiles, (hybrid, dense, brute))
            line = (f"{size:>8} {h50:>9.1f}ms {h95:>9.1f}ms {d95:>9.1f}ms {b50:>8.1f}ms "
                    f"{b95:>8.1f}ms")
            if postgres:
                FullText.install(store)
                with full_text_for(store):
                    f50, f95 = percentiles(timed_searches(store, matrix, queries, rng)[0])
                line += f" {f50:>7.1f}ms {f95:>7.1f}ms"
            print(f"{line}   (store built in {built:.0f} s)", flush=True)


def timed_searches(store: Any, matrix: np.ndarray, queries: int, rng: np.random.Generator
                   ) -> tuple[list[float], list[float], list[float]]:  # fmt: skip
    """Hybrid (less the query embedding), its Chroma part and a numpy scan, in ms."""
    fake = QueryVector(384)
    retriever = HybridRetriever(store, fake)  # type: ignore[arg-type]
    hybrid, dense, brute = [], [], []
    for _ in range(queries):
        q = rng.standard_normal(384).astype(np.float32)
        fake.vector = q / np.linalg.norm(q)
        text = " ".join(rng.choice(WORDS, 4))
        t0 = time.perf_counter()
        timings = retriever.retrieve(text, k=8).timings_ms
        hybrid.append((time.perf_counter() - t0) * 1000 - timings["embed_ms"])
        dense.append(timings["dense_ms"])
        t0 = time.perf_counter()
        cosine_top(matrix, fake.vector, 30)
        brute.append((time.perf_counter() - t0) * 1000)
    return hybrid, dense, brute


CORPORA = [REPO / "knowledge", REPO.parent / "shared" / "knowledge-real", REPO / "eval" / "corpus"]
SETS = [REPO.parent / "shared" / "eval" / "questions.jsonl",
        REPO.parent / "shared" / "eval" / "real-dev.jsonl",
        *sorted((REPO / "eval" / "dev").glob("*.jsonl"))]


# Sets written over a corpus of their own are answered over that corpus alone.
OWN_CORPUS = {"w2-corpus2.jsonl": [REPO / "eval" / "corpus2"]}


def answer_quality(sealed: bool) -> None:
    """Every set over its corpora, beside the tutorial pipeline on the same corpora and model."""
    sets = SETS + (sorted((REPO / "eval" / "sealed").glob("*.jsonl")) if sealed else [])
    sets = [s for s in sets if s.exists()]
    print("\n== Answers per question set (offline default) beside the LangChain tutorial "
          "pipeline (1000/200 splits, dense top-4, same model)")
    print(f"{'set':<28}{'n':>4}{'fact must':>10}{'recall@5':>9}{'refusal':>8}{'cit.prec':>9}"
          f"{'med.chars':>10}{'p50/p95 ms':>13} | {'tut.rec@4':>9}{'tut.ctx':>8}")
    groups: dict[tuple[Path, ...], list[Path]] = {}
    for path in sets:
        groups.setdefault(tuple(OWN_CORPUS.get(path.name, CORPORA)), []).append(path)
    for corpora, paths in groups.items():
        _answer_sets([f for f in corpora if f.is_dir()], paths)


def _answer_sets(folders: list[Path], sets: list[Path]) -> None:
    from bot.evaluation.tutorial import TutorialPipeline

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "ours", _env_file=None)
        index_paths(folders, index_deps(settings, open_store(settings)))
        core = build_core(settings)
        core.answer("oppvarming")  # load the model before timing
        tutorial = TutorialPipeline(folders, core.ctx.embeddings, Path(tmp) / "tutorial")
        for path in sets:
            questions = load_questions(path)
            report = evaluate(core, questions)
            fact = report.by_kind.get("fact", report.overall)
            base = tutorial.score(questions)
            o = report.overall
            name = f"{path.parent.name}/{path.name}" if path.parent.name in {"dev", "sealed"} \
                else path.name
            print(f"{name:<28}{o.questions:>4}{fact.must_contain_rate:>10.2f}"
                  f"{o.source_recall_at_5:>9.2f}{o.refusal_accuracy:>8.2f}"
                  f"{o.citation_precision:>9.2f}{fact.median_answer_chars:>10.0f}"
                  f"{o.latency_p50_ms:>7.0f}/{o.latency_p95_ms:<5.0f} | "
                  f"{base.recall_at_4:>9.2f}{base.context_must_contain:>8.2f}")


def fact_latency(queries: int = 30) -> None:
    """Warm fact answers on the sample corpus, beside retrieval alone (query embedded once)."""
    questions = [q for q in load_questions(SETS[0]) if q.kind == "fact"][:queries]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "sample", _env_file=None)
        index_paths([REPO / "knowledge"], index_deps(settings, open_store(settings)))
        core = build_core(settings)
        for q in questions:  # warm: model, indexes and caches
            core.answer(q.question)
        total, retrieval = [], []
        for q in questions:
            understood = core.understand(q.question)
            t0 = time.perf_counter()
            vectors = core.facts.embed(understood)
            core.facts.evidence(understood, vectors)
            retrieval.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            core.answer(q.question)
            total.append((time.perf_counter() - t0) * 1000)
    p50, p95 = percentiles(total)
    r50, r95 = percentiles(retrieval)
    print(f"\n== Warm fact answers on the sample corpus ({len(questions)} questions)")
    print(f"answer p50/p95 {p50:.0f}/{p95:.0f} ms; retrieval alone (embed + search) "
          f"{r50:.0f}/{r95:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-answers", action="store_true")
    parser.add_argument("--sealed", action="store_true", help="also the sealed sets (once, at the end)")
    parser.add_argument("--postgres", action="store_true", help="stores on a throwaway "
                        "PostgreSQL; the hybrid also with full-text search for bm25s")
    args = parser.parse_args()
    cluster = None
    if args.postgres:
        from tests.servers.postgres import PostgresCluster, server_bin

        cluster = PostgresCluster(server_bin())  # type: ignore[arg-type]
    try:
        retrieval_latency(args.sizes, args.queries, cluster)
    finally:
        if cluster is not None:
            cluster.stop()
    if not args.skip_answers:
        fact_latency()
        answer_quality(args.sealed)


if __name__ == "__main__":
    main()
