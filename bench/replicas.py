"""bench/bot_load.py's services: N replicas started as child processes, the PostgreSQL they
share, and their memory sampled together."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]


def start_replica(script: str, args: argparse.Namespace, port: int, state_dir: str
                  ) -> subprocess.Popen[bytes]:  # fmt: skip
    """`script --child`: one service on `port`, its own state dir, the shared database."""
    cmd = [sys.executable, script, "--child", "--port", str(port), "--core", args.core,
           "--core-delay", str(args.core_delay), "--state-dir", state_dir]
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
