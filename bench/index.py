"""Indexing speed and memory: the sample corpus and a generated corpus of N documents.

Prints, for each corpus: chunks per second through the whole pipeline, the raw embedding
throughput of the same model on the same chunk texts (the physical limit here; the ratio
should be ≥ 0.8), seconds to re-index when nothing changed, and peak RSS.

    .venv/bin/python bench/index.py [--docs 1000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.ingest.chunking import embedding_text  # noqa: E402
from indexer.ingest.pipeline import index_paths  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.wiring import index_deps, open_store  # noqa: E402

MUNICIPALITIES = ["Kvam", "Voss", "Bergen", "Askøy", "Stord", "Time", "Klepp", "Hå", "Sandnes",
                  "Trondheim", "Malvik", "Levanger", "Rana", "Hemnes", "Hamar", "Løten"]
THEMES = ["fosterhjem", "høykonflikt", "ettervern", "barnesamtaler", "foreldrestøtte",
          "rekruttering av ansatte", "tidlig innsats", "internkontroll"]


def generated_document(i: int, rng: random.Random) -> str:
    """A short, realistic referat with two agenda items (one chunk each after splitting)."""
    a, b = rng.sample(MUNICIPALITIES, 2)
    theme = rng.choice(THEMES)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2018, 2025)
    return (
        f"# Referat fra styringsgruppemøte {day:02d}.{month:02d}.{year}, nettverk {i}\n\n"
        f"### Sak 1/{year} Status i prosjektet om {theme}\n\n"
        f"{a} kommune er vertskommune og {b} deltar. Arbeidsgruppen har kartlagt praksis og "
        f"laget et utkast til rutiner for arbeidet med {theme}. Utkastet prøves ut våren {year}.\n"
        f"Vedtak: Styringsgruppen tar statusen til orientering.\n\n"
        f"### Sak 2/{year} Stimuleringsmidler\n\n"
        f"Det er søkt om {rng.randint(2, 9)}00 000 kr. Søknadsfristen er "
        f"{rng.randint(1, 28)}. mars {year}. Oppfølging: sende søknaden – ansvar: {a} kommune.\n"
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name: str, corpus: Path, settings: Settings) -> dict[str, float]:
    store = open_store(settings)
    deps = index_deps(settings, store)
    embedder = deps.embedder()  # load the model before timing (once per process anyway)
    embedder.embed_passages(["oppvarming"])
    started = time.perf_counter()
    report = index_paths([corpus], deps)
    pipeline_s = time.perf_counter() - started
    chunks = [c for meta in store.documents() for c in store.document_chunks(meta.doc_id)]
    titles = {m.doc_id: m.title for m in store.documents()}
    texts = [embedding_text(c, titles[c.doc_id]) for c in chunks]
    started = time.perf_counter()
    embedder.embed_passages(texts)
    raw_s = time.perf_counter() - started
    started = time.perf_counter()
    again = index_paths([corpus], index_deps(settings, open_store(settings)))
    unchanged_s = time.perf_counter() - started
    assert again.files_indexed == 0, again
    result = {
        "documents": report.files_indexed, "chunks": report.chunks_written,
        "pipeline_chunks_per_s": report.chunks_written / pipeline_s,
        "raw_embed_chunks_per_s": len(texts) / raw_s,
        "reindex_unchanged_s": unchanged_s, "peak_rss_mb": peak_rss_mb(),
    }
    result["ratio"] = result["pipeline_chunks_per_s"] / result["raw_embed_chunks_per_s"]
    print(f"\n== {name}")
    for key, value in result.items():
        print(f"{key:>24}: {value:,.2f}" if isinstance(value, float) else f"{key:>24}: {value}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        measure("sample corpus (knowledge/)", REPO / "knowledge",
                Settings(data_dir=root / "sample", _env_file=None))
        generated = root / "generated"
        generated.mkdir()
        rng = random.Random(7)
        for i in range(args.docs):
            (generated / f"referat_{i:05d}.md").write_text(generated_document(i, rng),
                                                           encoding="utf-8")
        measure(f"generated corpus ({args.docs} documents)", generated,
                Settings(data_dir=root / "generated-data", _env_file=None))


if __name__ == "__main__":
    main()
