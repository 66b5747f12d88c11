"""A real bot service on 127.0.0.1 (random port) talking to a real connector stub."""

from __future__ import annotations

import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from botframework.connector.auth import BotFrameworkAuthentication

from bot.core.models import AnswerCore
from bot.teams.intake import is_loopback
from bot.teams.server import CONVERSATIONS_KEY, TURNS_KEY, create_app
from indexer.settings import Settings
from indexer.store.conversations import ConversationStore
from tests.bot.teams.fakes import ConnectorStub, FakeCore
from tests.servers import serve_app

BOT_ID = "28:bot-id"


class Service:
    """One running bot service; `post` sends raw bodies, `send` sends activities."""

    def __init__(self, app: web.Application, runner: web.AppRunner, url: str) -> None:
        self.app, self.runner, self.url = app, runner, url
        self.http = aiohttp.ClientSession()

    async def post(
        self, body: Any, headers: dict[str, str] | None = None, raw: bytes | None = None
    ) -> tuple[int, str]:
        headers = {"Content-Type": "application/json", **(headers or {})}
        data = raw if raw is not None else None
        kwargs = {"data": data} if raw is not None else {"json": body}
        async with self.http.post(f"{self.url}/api/messages", headers=headers, **kwargs) as resp:
            return resp.status, await resp.text()

    async def get(self, path: str) -> tuple[int, str]:
        async with self.http.get(f"{self.url}{path}") as resp:
            return resp.status, await resp.text()

    async def settle(self) -> None:
        """Wait for the turns answered in the background."""
        await self.app[TURNS_KEY].drain(timeout=20)

    @property
    def ledger(self) -> ConversationStore:
        return self.app[CONVERSATIONS_KEY]

    async def close(self) -> None:
        await self.http.close()
        await self.runner.cleanup()


async def start_service(
    settings: Settings,
    core: AnswerCore,
    stream_interval: float = 0.05,
    auth: BotFrameworkAuthentication | None = None,
    port: int = 0,
    **app_options: Any,
) -> Service:
    """`port` 0 picks a free one; `app_options` go to create_app (e.g. `library`)."""
    app = create_app(settings, core, stream_interval=stream_interval, auth=auth, **app_options)
    runner, url = await serve_app(app, port)
    return Service(app, runner, url)


@asynccontextmanager
async def serving(settings: Settings, core: AnswerCore, **options: Any) -> AsyncIterator[Service]:
    """A running service for the length of an `async with` (start_service's arguments)."""
    service = await start_service(settings, core, **options)
    try:
        yield service
    finally:
        await service.close()


def activity(
    connector: ConnectorStub,
    text: str = "Når er neste samling?",
    *,
    conversation_type: str = "personal",
    conversation_id: str = "conv-1",
    activity_type: str = "message",
    mention: bool = False,
    tenant: str = "tenant-a",
    **extra: Any,
) -> dict[str, Any]:
    """A Teams-shaped activity as the channel would POST it."""
    body: dict[str, Any] = {
        "type": activity_type,
        "id": str(uuid.uuid4()),
        "channelId": "msteams",
        "serviceUrl": connector.url,
        "from": {"id": "29:user-1", "name": "Kari Nordmann"},
        "recipient": {"id": BOT_ID, "name": "Læringsbot"},
        "conversation": {
            "id": conversation_id,
            "conversationType": conversation_type,
            "tenantId": tenant,
        },
        "channelData": {"tenant": {"id": tenant}},
        "text": text,
    }
    if mention:
        body["text"] = f"<at>Læringsbot</at> {text}"
        body["entities"] = [
            {
                "type": "mention",
                "text": "<at>Læringsbot</at>",
                "mentioned": {"id": BOT_ID, "name": "Læringsbot"},
            }
        ]
    body.update(extra)
    return body


@pytest.fixture(autouse=True)
def no_remote_connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every test here fails if anything tries to reach a non-loopback address: the attempt is
    refused (OSError) before a packet leaves, and recorded."""
    attempts: list[object] = []
    connect, connect_ex, getaddrinfo = (
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)

    def remote(host: object) -> bool:
        return isinstance(host, str) and not is_loopback(host)

    def guarded(real: Any) -> Any:
        def call(self: socket.socket, address: Any) -> Any:
            if isinstance(address, tuple) and remote(address[0]):
                attempts.append(address)
                raise OSError(f"tests never connect to {address[0]}")
            return real(self, address)
        return call

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        if remote(host.decode() if isinstance(host, bytes) else host):
            attempts.append(host)
            raise socket.gaierror(f"tests never look up {host}")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    yield attempts
    assert not attempts, f"a test tried to reach a non-loopback address: {attempts}"


@pytest.fixture
def teams_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
async def connector() -> AsyncIterator[ConnectorStub]:
    stub = await ConnectorStub().start()
    yield stub
    await stub.close()


@pytest.fixture
def core() -> FakeCore:
    return FakeCore()


@pytest.fixture
async def service(teams_settings: Settings, core: FakeCore) -> AsyncIterator[Service]:
    async with serving(teams_settings, core) as svc:
        yield svc
