"""SIGTERM stops a serving process within 5 s: it stops accepting, lets the turns in progress
finish within the grace, cancels what hangs (a core call, a connector that does not answer)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from tests.bot.teams.fakes import ConnectorStub
from tests.conftest import REPO
from tests.servers import free_port, wait_until_up

EXIT_WITHIN_S = 5.0


class HangingConnector(ConnectorStub):
    """Never answers what the bot sends to the conversations in `hang`."""

    def __init__(self) -> None:
        super().__init__()
        self.hang: set[str] = set()
        self._release = asyncio.Event()

    async def _record(self, request: web.Request) -> web.Response:
        if any(f"/conversations/{c}/" in request.path for c in self.hang):
            await self._release.wait()
            return web.Response(status=503)
        return await super()._record(request)

    async def close(self) -> None:
        self._release.set()
        await super().close()


@pytest.fixture
async def hanging() -> AsyncIterator[HangingConnector]:
    stub = HangingConnector()
    await stub.start()
    yield stub
    await stub.close()


def body(stub: ConnectorStub, text: str, conversation: str) -> dict[str, Any]:
    return {"type": "message", "id": str(uuid.uuid4()), "channelId": "msteams",
            "serviceUrl": stub.url, "text": text, "from": {"id": "29:u"},
            "recipient": {"id": "28:bot"},
            "conversation": {"id": conversation, "conversationType": "personal"}}


async def serve_and_stop(command: list[str], port: int, stub: HangingConnector,
                         questions: list[str]) -> None:
    """Answer 30 turns, start three more (one slow, one hanging in the core, one whose
    connector hangs), then SIGTERM: the process is gone within 5 s and the slow one answered."""
    server = subprocess.Popen(command, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
            await wait_until_up(f"{base}/readyz", 300, alive=lambda: server.poll() is None)
            answered = [body(stub, questions[i % len(questions)], f"c{i}") for i in range(30)]
            for activity in answered:
                async with http.post(f"{base}/api/messages", json=activity) as resp:
                    assert resp.status == 202
            await stub.wait_for(lambda: all(stub.final_counts[a["id"]] for a in answered), 120)
            stub.hang.add("stuck")
            slow = body(stub, "sakte: Når er neste samling?", "slow")
            for activity in (slow, body(stub, "henger", "core"), body(stub, "Hei", "stuck")):
                async with http.post(f"{base}/api/messages", json=activity) as resp:
                    assert resp.status == 202
            await asyncio.sleep(0.3)
            started = time.monotonic()
            server.send_signal(signal.SIGTERM)
            while server.poll() is None and time.monotonic() - started < 60:
                await asyncio.sleep(0.05)
            took = time.monotonic() - started
        assert server.returncode == 0 and took < EXIT_WITHIN_S, f"exit {server.returncode} after {took:.1f} s"
        assert stub.final_counts[slow["id"]] == 1  # in progress at SIGTERM, finished
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest.mark.slow  # a real serving process
async def test_sigterm_with_turns_in_flight_exits_within_5_s(
    tmp_path: Path, hanging: HangingConnector
) -> None:
    port = free_port()
    command = [sys.executable, "-m", "tests.bot.teams.serve_fake", str(tmp_path), str(port)]
    await serve_and_stop(command, port, hanging, ["Hei", "Når er neste samling?"])


@pytest.mark.slow
async def test_the_real_serve_command_exits_within_5_s_after_sigterm(
    real_core, hanging: HangingConnector  # type: ignore[no-untyped-def]
) -> None:
    port = free_port()
    command = [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--data-dir",
               str(real_core.ctx.settings.data_dir)]
    await serve_and_stop(command, port, hanging, [
        "Når er neste samling i Hordaland?", "Hvilke prosjekter handler om fosterhjem?",
        "Hva kan stimuleringsmidler brukes til?"])
