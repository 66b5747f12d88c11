"""bench/bot_load.py's services: N replicas started as child processes, the PostgreSQL they
share, their memory sampled together, and one of them killed mid-run (`--kill-one`)."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]


def start_replica(script: str, args: argparse.Namespace, port: int, state_dir: str
                  ) -> subprocess.Popen[bytes]:  # fmt: skip
    """`script --child`: one service on `port`, its own state dir, the shared database."""
    cmd = [sys.executable, script, "--child", "--port", str(port), "--core", args.core,
           "--core-delay", str(args.core_delay), "--state-dir", state_dir,
           "--turn-lease", str(args.turn_lease)]
    if args.data_dir:
        cmd += ["--data-dir", str(args.data_dir)]
    if args.database_url:
        cmd += ["--database-url", args.database_url]
    return subprocess.Popen(cmd, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})


def shared_database(args: argparse.Namespace) -> Any:
    """With --postgres, a throwaway cluster whose database the replicas share (else None)."""
    if not args.postgres:
        if args.replicas > 1 and not args.database_url:
            raise SystemExit("replicas share their state in a database: --database-url or "
                             "--postgres")
        return None
    from tests.servers.postgres import MISSING, PostgresCluster, server_bin

    bin_dir = server_bin()
    if bin_dir is None:
        raise SystemExit(MISSING)
    cluster = PostgresCluster(bin_dir)
    args.database_url = cluster.database()
    return cluster


def rss_of(pids: list[int]) -> int:
    """All replicas' memory together."""
    processes = [psutil.Process(pid) for pid in pids]
    return sum(p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))
               for p in processes)


async def sample_rss(pids: list[int], samples: list[int], stop: asyncio.Event,
                     every: float = 0.2) -> None:
    while not stop.is_set():
        try:
            samples.append(rss_of(pids))
        except psutil.Error:
            return
        await asyncio.sleep(every)


@dataclass
class Killer:
    """`--kill-one N`: SIGKILL the first replica once it has acknowledged N turns, and note
    which of those were not answered yet (the turns another replica has to take over)."""

    server: subprocess.Popen[bytes]
    url: str
    after: int
    answered: Callable[[str], int]  # final replies seen for an activity id
    acked: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    killed_at: float | None = None  # time.monotonic(), as the connector stub stamps replies

    def alive(self, url: str) -> bool:
        return url != self.url or self.killed_at is None

    def acknowledged(self, url: str, activity_id: str) -> None:
        if url != self.url or self.killed_at is not None:
            return
        self.acked.append(activity_id)
        if len(self.acked) >= self.after:
            self.server.kill()
            self.killed_at = time.monotonic()
            self.orphans = [i for i in self.acked if not self.answered(i)]

    def figures(self, sent: list[dict[str, Any]]) -> dict[str, Any]:
        """How many turns the others took over, and how long after the kill the last was
        answered."""
        if self.killed_at is None:
            return {"killed": False}
        answered_at = {m["replyToId"]: m["_at"] for m in sent
                       if m.get("type") == "message" and m.get("replyToId") in self.orphans}
        last = max(answered_at.values(), default=None)
        twice = sum(max(self.answered(i) - 1, 0) for i in self.acked)
        return {"killed_after_acks": len(self.acked), "orphans": len(self.orphans),
                "orphans_answered": len(answered_at),
                "duplicates_among_its_turns": twice,
                "takeover_s": round(last - self.killed_at, 1) if last is not None else None}
