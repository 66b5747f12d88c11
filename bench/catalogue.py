"""Catalogue figures: extraction time per document, write time and list-question latency at scale.

    .venv/bin/python bench/catalogue.py [--projects 10000] [--rounds 20]

1. Rule extraction (`extract_projects`) on every document of the sample corpus.
2. A ledger with N generated projects (one project description each, 1–3 municipalities of one
   county, 1–2 themes, 2018–2024), written one document at a time through the same catalogue
   writer the indexer uses.
3. `bot.lists.try_answer` latency (route + SQL + records + citations + text) for typical list
   questions; target p95 < 20 ms at 10 000 projects. Country-wide questions (every foster care
   project in Norway, every project) are reported apart: they come a page at a time, and the
   first page's target is < 50 ms; «vis flere» (the next page) is measured with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from bot.core.context import CoreContext  # noqa: E402
from bot.core.models import ChatTurn  # noqa: E402
from bot.core.payloads import ProjectTable  # noqa: E402
from bot.lists import try_answer  # noqa: E402
from indexer.catalogue import Amount, Evidence, ProjectMunicipality, ProjectRecord, Tag  # noqa: E402
from indexer.catalogue.extract import extract_projects  # noqa: E402
from indexer.ingest.chunking import split_document  # noqa: E402
from indexer.ingest.loaders import load_document  # noqa: E402
from indexer.ingest.metadata import extract_metadata  # noqa: E402
from indexer.models import DocType, DocumentMeta  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.store import KnowledgeStore  # noqa: E402
from indexer.store.catalogue import replace_writer  # noqa: E402
from indexer.text.places import Gazetteer, Municipality  # noqa: E402
from indexer.text.themes import THEMES  # noqa: E402
from tests.fakes import understood  # noqa: E402

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"
REGIONAL = (
    "Hvilke kommuner i Vestland har hatt prosjekter om fosterhjem?",
    "Kva kommunar i Rogaland har hatt prosjekt om høgkonfliktsaker?",
    "Which municipalities in Trøndelag have had aftercare projects?",
    "Hvilke prosjekter har Øygarden vært med i?",
    "Hvilke prosjekter har Bergen vært med i siden 2022?",
    "Hvor mange prosjekter om ettervern har det vært i Nordland?",
    "Gi en oversikt over budsjett for fosterhjemsprosjektene i Agder.",
    "Hvilke kommuner i Hordaland hadde prosjekter om tidlig innsats før 2020?",
    "/prosjekter foreldrestøtte Innlandet",
    "Hvilke kommuner har hatt prosjekter med Karmøy om fosterhjem?",
)
COUNTRY_WIDE = (
    "Hvilke kommuner har hatt prosjekter om fosterhjem?",
    "Hvor mange prosjekter om høykonflikt finnes det?",
    "Which projects have there been on aftercare?",
    "/prosjekter",
)
NEXT_PAGE = ("Hvilke prosjekter om fosterhjem har det vært?", "vis flere")


def bench_extraction(gazetteer: Gazetteer, rounds: int) -> None:
    print(f"Extraction (rules) per document, mean of {rounds} runs:")
    times = []
    for path in sorted(p for p in KNOWLEDGE.iterdir() if p.name.lower() != "readme.md"):
        doc = load_document(path)
        meta = extract_metadata(doc, path.name[:12], gazetteer)
        chunks = split_document(doc.text, meta.doc_id, meta.doc_type, 1200, 150)
        started = time.perf_counter()
        for _ in range(rounds):
            found = extract_projects(doc, meta, chunks, gazetteer)
        ms = (time.perf_counter() - started) * 1000 / rounds
        times.append(ms)
        print(f"  {ms:7.2f} ms  {len(doc.text):6d} chars  {len(found)} project(s)  {path.name}")
    print(f"  mean {statistics.mean(times):.2f} ms, max {max(times):.2f} ms per document\n")


def generate(gazetteer: Gazetteer, count: int, seed: int = 7) -> list[ProjectRecord]:
    rng = random.Random(seed)
    by_county: dict[str, list[Municipality]] = {}
    for name in sorted(gazetteer.municipality_names):
        for muni in gazetteer.municipality_at(name, dt.date(2019, 6, 1)):
            by_county.setdefault(muni.county, []).append(muni)
    counties = sorted(by_county)
    records = []
    for i in range(count):
        start = rng.randint(2018, 2024)
        on = dt.date(start, 3, 1)
        pool = by_county[rng.choice(counties)]
        picked = rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
        doc_id = f"bench{i:05d}"
        ev = _evidence(doc_id, f"Prosjekt {i}", on)
        places = []
        for muni in picked:
            now = gazetteer.municipality_at(muni.name, on) or [muni]
            mention = gazetteer.mention(now[0], muni.name)
            places.append(ProjectMunicipality(**mention.model_dump(), evidence=ev))
        themes = rng.sample(THEMES, k=rng.randint(1, 2))
        records.append(ProjectRecord(
            project_id=f"{doc_id}:0", title=f"Prosjekt {i}", quoted=True, title_evidence=ev,
            municipalities=places, themes=[Tag(value=t.key, evidence=ev) for t in themes],
            start_year=start, end_year=start + rng.randint(0, 2), period_evidence=ev,
            amounts=[Amount(kind="budsjett", nok=rng.randint(3, 15) * 100_000, evidence=ev),
                     Amount(kind="søkt", nok=rng.randint(2, 8) * 50_000, evidence=ev)],
            sources=[ev], primary=True,
        ))  # fmt: skip
    return records


def _evidence(doc_id: str, title: str, on: dt.date) -> Evidence:
    quote = f"Prosjektbeskrivelse: «{title}» – kommunene samarbeider, budsjett 500 000 kr."
    return Evidence(doc_id=doc_id, source=f"{doc_id}.md", title=title,
                    doc_type=DocType.PROSJEKTBESKRIVELSE, date=on, chunk_id=f"{doc_id}:0000",
                    section=None, start=0, end=len(quote), quote=quote)  # fmt: skip


class NoVectors:
    """The catalogue bench measures SQL, not Chroma: vectors go nowhere."""

    def upsert(self, *_args: object) -> None: ...
    def delete_document(self, _doc_id: str) -> None: ...
    def query(self, *_args: object, **_kw: object) -> list[tuple[str, float]]:
        return []
    def count(self) -> int:
        return 0
    def reset(self) -> None: ...


def fill(store: KnowledgeStore, records: list[ProjectRecord]) -> list[float]:
    """Write each project as its own document, the way the indexer does.

    Returns the catalogue writer's own time per document (ms), without the ledger's commit.
    """
    times = []
    for record in records:
        ev = record.sources[0]
        meta = DocumentMeta(doc_id=ev.doc_id, source=ev.source, path=ev.source, title=ev.title,
                            doc_type=ev.doc_type, date=ev.date)  # fmt: skip
        writer = replace_writer(meta.doc_id, [record])

        def timed(tx, writer=writer) -> None:  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            writer(tx)
            times.append((time.perf_counter() - started) * 1000)

        store.replace_document(meta, "bench", "x", [], np.zeros((0, 4)), writers=[timed])
    store.mark_indexed_now()
    return times


def latency(ctx: CoreContext, questions: tuple[str, ...], rounds: int,
            history: list[ChatTurn] | None = None) -> tuple[list[float], int]:  # fmt: skip
    times, rows = [], 0
    for _ in range(rounds):
        for text in questions:
            started = time.perf_counter()
            answer = try_answer(understood(ctx, text, history), ctx)
            times.append((time.perf_counter() - started) * 1000)
            assert answer is not None, text
            if isinstance(answer.payload, ProjectTable):
                rows = max(rows, len(answer.payload.rows))
    return times, rows


def next_page(ctx: CoreContext, rounds: int) -> list[float]:
    """«vis flere» after a country-wide list: understanding the conversation, then page two."""
    first, more = NEXT_PAGE
    answer = try_answer(understood(ctx, first), ctx)
    assert answer is not None
    history = [ChatTurn(role="user", text=first), ChatTurn(role="assistant", text=answer.answer)]
    return latency(ctx, (more,), rounds, history)[0]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    bench_extraction(gazetteer, args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), _env_file=None)  # type: ignore[call-arg]
        store = KnowledgeStore.open(settings.state_db_path, settings.lexical_dir, NoVectors())
        writes = fill(store, generate(gazetteer, args.projects))
        print(f"Catalogue writer, {args.projects} documents of one project each: "
              f"p50 {percentile(writes, 0.5):.2f} ms, p95 {percentile(writes, 0.95):.2f} ms, "
              f"total {sum(writes) / 1000:.1f} s")  # fmt: skip
        ctx = CoreContext(settings=settings, store=store, embeddings=None,  # type: ignore[arg-type]
                          gazetteer=gazetteer)  # fmt: skip
        for label, questions in (("regional list questions", REGIONAL),
                                 ("country-wide list questions", COUNTRY_WIDE)):  # fmt: skip
            cold, rows = latency(ctx, questions, 1)  # first sight of each record: parsed
            warm, _ = latency(ctx, questions, args.rounds)
            print(f"try_answer, {label} at {args.projects} projects (up to {rows} rows shown):")
            for name, times in (("first pass", cold), ("repeated", warm)):
                report(name, times)
        report("vis flere", next_page(ctx, args.rounds))


def report(name: str, times: list[float]) -> None:
    print(f"  {name:10s} {len(times):4d} calls: p50 {percentile(times, 0.5):6.1f} ms, "
          f"p95 {percentile(times, 0.95):6.1f} ms, max {max(times):6.1f} ms")


if __name__ == "__main__":
    main()
