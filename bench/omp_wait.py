"""Query embedding on a busy host: OpenMP's default wait policy (spin) against PASSIVE.

The serving process embeds one query at a time with a pause between (as users ask), while other
processes want the same CPUs. Spinning OpenMP threads burn CPU between queries and, when the
host is busy, make the next query wait for a descheduled thread. Each policy runs in a fresh
child (OpenMP reads the variable once, when it loads), beside `--burners` busy processes.

    .venv/bin/python bench/omp_wait.py --queries 150 --burners 2
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = ["Når er neste samling i Hordaland?", "Hvilke prosjekter handler om fosterhjem?",
             "Hva var søknadsfristen i utlysningen fra Rogaland i 2023?",
             "Hva kan stimuleringsmidler brukes til?"]


def child(queries: int, gap: float) -> None:
    sys.path.insert(0, str(REPO))
    from indexer.embeddings import build_embeddings
    from indexer.settings import Settings

    embeddings = build_embeddings(Settings(_env_file=None))  # type: ignore[call-arg]
    embeddings.embed_query("oppvarming")
    cpu0, latencies = time.process_time(), []
    for i in range(queries):
        start = time.perf_counter()
        embeddings.embed_query(QUESTIONS[i % len(QUESTIONS)])
        latencies.append((time.perf_counter() - start) * 1000)
        time.sleep(gap)
    quantiles = statistics.quantiles(latencies, n=100)
    print(json.dumps({"p50_ms": round(quantiles[49], 1), "p95_ms": round(quantiles[94], 1),
                      "max_ms": round(max(latencies), 1),
                      "cpu_s_per_query": round((time.process_time() - cpu0) / queries, 3)}))


def burn(stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    x = 0
    while not stop.is_set():
        for _ in range(100_000):
            x += 1


def run(policy: str | None, args: argparse.Namespace) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if policy:
        env["OMP_WAIT_POLICY"] = policy
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--queries", str(args.queries), "--gap",
         str(args.gap)], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--gap", type=float, default=0.05, help="seconds between queries")
    parser.add_argument("--burners", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=2, help="each policy, interleaved")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.queries, args.gap)
        return
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=burn, args=(stop,)) for _ in range(args.burners)]
    for process in burners:
        process.start()
    try:
        results = [(policy or "default", run(policy, args))
                   for _ in range(args.rounds) for policy in (None, "PASSIVE")]
    finally:
        stop.set()
        for process in burners:
            process.join()
    print(f"{platform.node()} {os.cpu_count()} CPUs, {args.burners} busy processes, "
          f"{args.queries} queries {args.gap * 1000:.0f} ms apart")
    for policy, figures in results:
        print(f"{policy:>8}: {figures}")


if __name__ == "__main__":
    main()
