"""Real servers in tests: a free port, a server process that runs until the test is done, and
waiting until a server answers. One way to start them, so each fixture says only what it runs.
Beside it: `postgres` (a throwaway cluster), `chroma` (`chroma run`), `replica` (`serve`)."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def running(command: list[str], port: int, *, timeout: float, log: Path | None = None,
            stop_timeout: float = 10, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> Iterator[None]:
    """Run `command` until the test is done; fail the test, with the end of `log`, when nothing
    listens on `port` within `timeout` seconds."""
    out = log.open("wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    try:
        if not listens(port, timeout):
            proc.kill()
            tail = log.read_text(errors="replace")[-2000:] if log else ""
            pytest.fail(f"`{' '.join(command)}` did not listen on port {port}\n{tail}")
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=stop_timeout)
        if log:
            out.close()  # type: ignore[union-attr]


def listens(port: int, timeout: float) -> bool:
    """Whether something listens on `port` within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


async def serve_app(app: web.Application, port: int = 0) -> tuple[web.AppRunner, str]:
    """Serve `app` in this event loop on HOST (`port` 0: a free one): its runner, whose
    `cleanup()` stops it, and its base URL (no trailing slash)."""
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, HOST, port).start()
    return runner, f"http://{HOST}:{runner.addresses[0][1]}"


async def wait_until_up(url: str, timeout: float = 60.0,
                        alive: Callable[[], bool] | None = None) -> None:
    """Poll `url` until it answers 200; the event loop keeps serving the test's own servers.
    `alive` says whether the server's process still runs: one that stopped fails at once."""
    async with aiohttp.ClientSession() as http:
        try:
            async with asyncio.timeout(timeout):
                while not await _answers(http, url):
                    if alive is not None and not alive():
                        raise AssertionError(f"the server behind {url} stopped before it was up")
                    await asyncio.sleep(0.3)
        except TimeoutError:
            raise AssertionError(f"{url} did not come up within {timeout:.0f} s") from None


async def _answers(http: aiohttp.ClientSession, url: str) -> bool:
    try:
        async with http.get(url) as resp:
            return resp.status == 200
    except aiohttp.ClientError:
        return False
