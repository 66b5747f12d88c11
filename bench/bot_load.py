"""Load test of the Teams service: N concurrent conversations x M messages, Teams-style.

The service runs in a child process (so its memory is measured alone) with the fake core or the
real one, and replies to a connector stub in this process. Each conversation sends a message,
waits for its final reply, then sends the next; `--retry-rate` re-POSTs some activities with the
same id, as Teams does when an acknowledgement is slow. A 503 (the service's bound on pending
turns) is retried after its Retry-After, as Teams does.

    .venv/bin/python bench/bot_load.py                       # fake core, 50 x 10
    .venv/bin/python bench/bot_load.py --core real --data-dir .laeringsbot -c 10 -m 3
    .venv/bin/python bench/bot_load.py --burst 500           # 500 turns at once
    .venv/bin/python bench/bot_load.py --soak 600 -c 20      # RSS at the start and the end
    .venv/bin/python bench/bot_load.py --replicas 2 --postgres   # two replicas, one PostgreSQL

With `--replicas N` the messages go round robin over N services (as a proxy would send them) and
a retried activity goes to the next replica, so duplicates across replicas are counted too; the
replicas share a database (`--database-url`, or `--postgres` for a throwaway local cluster).

Prints ack latency p50/p95, 503s, other 5xx (target 0), replies lost among acknowledged turns
(target 0), duplicate replies (target 0), RSS after warm-up, at the end and at the peak.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.replicas import sample_rss, shared_database, start_replica  # noqa: E402
from tests.bot.teams.fakes import ConnectorStub  # noqa: E402
from tests.servers import wait_until_up  # noqa: E402

SAMPLE_EVERY_S = 0.2
QUESTIONS = [
    "Hvilke prosjekter handler om fosterhjem?",
    "Når er neste samling?",
    "Hva kan stimuleringsmidler brukes til?",
    "Oppsummer siste referat.",
]


def child(args: argparse.Namespace) -> None:
    """Run the service (in the child process)."""
    from aiohttp import web

    from bot.teams.server import create_app
    from indexer.settings import Settings, load_settings

    if args.core == "real":
        from bot.engine import build_core

        settings = load_settings(data_dir=args.data_dir, host="127.0.0.1", port=args.port)
        core = build_core(settings)
    else:
        from tests.bot.teams.fakes import FakeCore

        core = FakeCore(delay=args.core_delay)
    state = Settings(data_dir=Path(args.state_dir), database_url=args.database_url,
                     _env_file=None)  # type: ignore[call-arg]
    web.run_app(
        create_app(state, core), host="127.0.0.1", port=args.port, print=None, access_log=None
    )


def activity(stub: ConnectorStub, conversation: str, text: str, kind: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": str(uuid.uuid4()),
        "channelId": "msteams",
        "serviceUrl": stub.url,
        "text": text,
        "from": {"id": f"29:{conversation}"},
        "recipient": {"id": "28:bot"},
        "conversation": {"id": conversation, "conversationType": kind},
        "channelData": {"tenant": {"id": "bench"}},
    }


def finals_for(stub: ConnectorStub, activity_id: str) -> int:
    return stub.final_counts[activity_id]


@dataclass
class Tally:
    acks: list[float] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)


async def post(http: aiohttp.ClientSession, url: str, body: dict[str, Any], tally: Tally,
               tries: int = 20) -> bool:
    """POST until acknowledged, waiting out each 503's Retry-After; True when acknowledged."""
    for _ in range(tries):
        start = time.perf_counter()
        async with http.post(url, json=body) as resp:
            await resp.read()
            tally.statuses[resp.status] += 1
            retry_after = float(resp.headers.get("Retry-After", "1"))
        if resp.status == 503:
            await asyncio.sleep(retry_after)
            continue
        tally.acks.append(time.perf_counter() - start)
        if resp.status >= 300:
            print(f"HTTP {resp.status} for {body['id']}", file=sys.stderr)
            return False
        return True
    return False


async def conversation(
    http: aiohttp.ClientSession,
    urls: list[str],
    stub: ConnectorStub,
    n: int,
    args: argparse.Namespace,
    tally: Tally,
    until: float | None = None,
) -> None:
    """Messages one after another, each waiting for its reply; `until` (soak) keeps going."""
    conv = f"bench-{n}"
    m = 0
    while m < args.messages if until is None else time.monotonic() < until:
        body = activity(stub, conv, f"{QUESTIONS[m % len(QUESTIONS)]} ({m})", args.conversation)
        m += 1
        posts = 2 if random.random() < args.retry_rate else 1
        # a retry reaches the next replica, as behind a round-robin proxy
        acknowledged = [await post(http, urls[(n + m + retry) % len(urls)], body, tally)
                        for retry in range(posts)]
        if not any(acknowledged):
            continue
        tally.acknowledged.append(body["id"])
        deadline = time.monotonic() + args.reply_timeout
        while not finals_for(stub, body["id"]) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)


async def burst(http: aiohttp.ClientSession, urls: list[str], stub: ConnectorStub,
                args: argparse.Namespace, tally: Tally) -> None:
    """`--burst` turns at once, one per conversation; then wait for every acknowledged reply."""
    bodies = [activity(stub, f"burst-{n}", QUESTIONS[n % len(QUESTIONS)], args.conversation)
              for n in range(args.burst)]
    acknowledged = await asyncio.gather(*(post(http, urls[n % len(urls)], b, tally)
                                          for n, b in enumerate(bodies)))
    tally.acknowledged += [b["id"] for b, ok in zip(bodies, acknowledged, strict=True) if ok]
    deadline = time.monotonic() + args.reply_timeout
    while (time.monotonic() < deadline
           and not all(finals_for(stub, i) for i in tally.acknowledged)):
        await asyncio.sleep(0.1)


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


async def main(args: argparse.Namespace) -> dict[str, Any]:
    cluster = shared_database(args)
    stub = await ConnectorStub().start()
    port = args.port or random.randint(20000, 40000)
    state_dir = tempfile.mkdtemp(prefix="bot-load-")  # each replica's own; shared: the database
    servers = [start_replica(__file__, args, port + i, f"{state_dir}/{i}")
               for i in range(args.replicas)]
    bases = [f"http://127.0.0.1:{port + i}" for i in range(args.replicas)]
    samples: list[int] = []
    stop, tally = asyncio.Event(), Tally()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120),
                                         connector=aiohttp.TCPConnector(limit=0)) as http:
            for base in bases:
                await wait_until_up(f"{base}/readyz", timeout=300)
            sampler = asyncio.create_task(sample_rss([s.pid for s in servers], samples, stop,
                                                     SAMPLE_EVERY_S))
            urls = [f"{base}/api/messages" for base in bases]
            started = time.perf_counter()
            if args.burst:
                await burst(http, urls, stub, args, tally)
            else:
                until = time.monotonic() + args.soak if args.soak else None
                await asyncio.gather(*(conversation(http, urls, stub, n, args, tally, until)
                                       for n in range(args.conversations)))
            elapsed = time.perf_counter() - started
            stop.set()
            await sampler
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        await stub.close()
        if cluster is not None:
            cluster.stop()
    counts = [finals_for(stub, i) for i in tally.acknowledged]
    return {
        "core": args.core,
        "mode": "burst" if args.burst else "soak" if args.soak else "conversations",
        "replicas": args.replicas,
        "state": "postgresql" if args.database_url else "sqlite",
        "conversations": args.burst or args.conversations,
        "acknowledged": len(tally.acknowledged),
        "posts": sum(tally.statuses.values()),
        "seconds": round(elapsed, 1),
        "ack_p50_ms": round(percentile(tally.acks, 50) * 1000, 1),
        "ack_p95_ms": round(percentile(tally.acks, 95) * 1000, 1),
        "busy_503": tally.statuses[503],
        "other_5xx": sum(n for status, n in tally.statuses.items() if status >= 500
                         and status != 503),
        "replies_lost": sum(1 for c in counts if c == 0),
        "duplicate_replies": sum(c - 1 for c in counts if c > 1),
        "rss_start_mb": round(samples[0] / 2**20, 1) if samples else None,
        "rss_end_mb": round(samples[-1] / 2**20, 1) if samples else None,
        "peak_rss_mb": round(max(samples, default=0) / 2**20, 1),
        "rss_by_minute_mb": [round(r / 2**20) for r in samples[:: int(60 / SAMPLE_EVERY_S)]],
    }


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--conversations", type=int, default=50)
    parser.add_argument("-m", "--messages", type=int, default=10)
    parser.add_argument("--core", choices=["fake", "real"], default="fake")
    parser.add_argument(
        "--core-delay", type=float, default=0.2, help="fake core seconds per answer"
    )
    parser.add_argument("--data-dir", type=Path, help="index for --core real")
    parser.add_argument("--conversation", choices=["personal", "groupChat"], default="personal")
    parser.add_argument(
        "--retry-rate", type=float, default=0.1, help="share of activities re-POSTed"
    )
    parser.add_argument("--reply-timeout", type=float, default=120.0)
    parser.add_argument("--burst", type=int, default=0, help="this many turns at once")
    parser.add_argument("--soak", type=float, default=0, help="keep conversations going for "
                        "this many seconds (RSS at the start and the end)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--replicas", type=int, default=1, help="services sharing the load")
    parser.add_argument("--database-url", help="shared state (LAERINGSBOT_DATABASE_URL)")
    parser.add_argument("--postgres", action="store_true",
                        help="start a throwaway PostgreSQL for the shared state")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--state-dir", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.child:
        child(arguments)
        raise SystemExit(0)
    figures = asyncio.run(main(arguments))
    for key, value in figures.items():
        print(f"{key:>18}: {value}")
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
