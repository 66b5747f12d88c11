"""Latency of reading and summarising a referat that has no stored record (a file dropped in a
chat; an indexed referat is read once at index time and only rendered when asked): every
referat in the sample corpus, and a generated 200-Sak referat. Loading and chunking are done
once up front; what is timed is rebuild text → find Saks → extract → summary → render.

    .venv/bin/python bench/summarize.py [--repeat 20] [--knowledge knowledge]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.cite import CitationBook  # noqa: E402
from bot.minutes.render import render_summary  # noqa: E402
from bot.minutes.summary import summarize_minutes  # noqa: E402
from indexer.ingest.chunking import split_document  # noqa: E402
from indexer.ingest.loaders import load_document  # noqa: E402
from indexer.ingest.metadata import extract_metadata  # noqa: E402
from indexer.models import Chunk, DocType, DocumentMeta, LoadedDocument  # noqa: E402
from indexer.text.places import Gazetteer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def long_referat(saks: int = 200) -> str:
    body = "".join(
        f"### Sak {n}/2025 Tema {n}\n\nGruppen drøftet tema {n} og hvordan kommunene kan "
        f"samarbeide om det. Flere kommuner ønsket mer informasjon.\n\n"
        f"Vedtak: Forslag {n} godkjennes.\n\n"
        f"Oppfølging: Følge opp tema {n} innen 1. juni 2025 – ansvar: Kari Nordmann, Kvam.\n\n"
        for n in range(1, saks + 1)
    )
    return f"# Referat fra et langt møte, 04.03.2025\n\n{body}### Neste møte\n\nNeste møte: " \
           "10. juni 2025, Bergen.\n"


def prepared(paths: list[Path], gazetteer: Gazetteer) -> list[tuple[DocumentMeta, list[Chunk]]]:
    docs = []
    for path in paths:
        loaded = load_document(path)
        meta = extract_metadata(loaded, path.stem, gazetteer)
        if meta.doc_type == DocType.REFERAT:
            docs.append((meta, split_document(loaded.text, meta.doc_id, meta.doc_type, 1200, 150)))
    text = long_referat()
    loaded = LoadedDocument(path="generated.md", source="generert: 200 saker", text=text)
    meta = extract_metadata(loaded, "generated", gazetteer)
    meta = meta.model_copy(update={"doc_type": DocType.REFERAT})
    docs.append((meta, split_document(text, meta.doc_id, DocType.REFERAT, 1200, 150)))
    return docs


def time_one(meta: DocumentMeta, chunks: list[Chunk], repeat: int) -> tuple[list[float], int, int]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        summary = summarize_minutes(meta, chunks, CitationBook())
        render_summary(summary, "nb")
        samples.append((time.perf_counter() - started) * 1000)
    tracemalloc.start()
    summarize_minutes(meta, chunks, CitationBook())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return samples, len(summary.items), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    args = parser.parse_args()
    paths = sorted(p for p in args.knowledge.iterdir() if p.is_file())
    docs = prepared(paths, Gazetteer.load())
    print(f"{'referat':55} {'saker':>5} {'chunks':>6} {'median ms':>9} {'max ms':>7} "
          f"{'peak MB':>7}")
    for meta, chunks in docs:
        samples, items, peak = time_one(meta, chunks, args.repeat)
        print(f"{meta.source[:55]:55} {items:5d} {len(chunks):6d} "
              f"{statistics.median(samples):9.1f} {max(samples):7.1f} {peak / 2**20:7.1f}")


if __name__ == "__main__":
    main()
