"""Two bot replicas on one PostgreSQL (in one process here; tests/test_replicas_e2e.py runs them
as `serve` processes): the conversation, its draft and the activity ledger are shared."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.engine import Core
from indexer.settings import Settings
from tests.bot.teams.conftest import Service, activity, start_service
from tests.bot.teams.fakes import ConnectorStub, FakeCore
from tests.bot.teams.test_drafting_teams import (
    OPENING,
    PUBLIC_URL,
    asks,
    download_link,
    fetch,
    say,
    text_of,
)  # fmt: skip


def replica_settings(tmp_path: Path, name: str, database_url: str) -> Settings:
    """Each replica its own data dir (nothing shared on disk), one database between them."""
    return Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / name, database_url=database_url, public_base_url=PUBLIC_URL,
        download_secret="shared-between-replicas", _env_file=None,
    )


@pytest.fixture
async def replicas(
    tmp_path: Path, postgres_url: str, sample_context,  # type: ignore[no-untyped-def]
) -> AsyncIterator[tuple[Service, Service]]:
    services = []
    for name in ("a", "b"):
        settings = replica_settings(tmp_path, name, postgres_url)
        ctx = dataclasses.replace(sample_context, settings=settings,
                                  today=lambda: dt.date(2023, 3, 20))
        services.append(await start_service(settings, Core(ctx)))
    yield services[0], services[1]
    for service in services:
        await service.close()


async def test_a_draft_begun_on_one_replica_goes_on_and_downloads_on_the_other(
    replicas: tuple[Service, Service], connector: ConnectorStub
) -> None:
    a, b = replicas
    await say(a, connector, OPENING)
    asks(await say(b, connector, "Fosterforeldre"), 4, "goals")  # B read A's history
    reply = await say(a, connector, "Flere stabile fosterhjem")
    asks(reply, 5, "measures")
    assert "Notert: mål." in text_of(reply)
    final = await say(a, connector, "ferdig")
    status, _, body = await fetch(b, download_link(final))  # B never wrote the file
    assert status == 200 and body.startswith(b"PK")


async def test_an_activity_posted_to_both_replicas_is_answered_once(
    tmp_path: Path, postgres_url: str, connector: ConnectorStub
) -> None:
    services = [await start_service(replica_settings(tmp_path, name, postgres_url), FakeCore())
                for name in ("a", "b")]
    try:
        body = activity(connector, "Når er neste samling?")
        statuses = [(await service.post(body))[0] for service in services]
        for service in services:
            await service.settle()
        assert sorted(statuses) == [200, 202]  # the second is acknowledged, not answered
        assert len([m for m in connector.messages("conv-1")
                    if m.get("replyToId") == body["id"]]) == 1
    finally:
        for service in services:
            await service.close()
