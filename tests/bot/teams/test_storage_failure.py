"""A conversation database that cannot be written (a full disk) gets Teams a 503 to retry,
never a 500; once there is room again the retried turn is answered."""

from __future__ import annotations

import uuid

import pytest

from indexer.errors import StoreError
from tests.bot.teams.conftest import Service, activity
from tests.bot.teams.fakes import ConnectorStub, FakeCore


def fill(service: Service) -> None:
    """Cap the database at its size and fill it, as a full disk would."""
    ledger = service.ledger
    pages = ledger._run("PRAGMA page_count")[0][0]
    ledger._run(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError):
        for _ in range(100_000):
            ledger.claim(uuid.uuid4().hex * 4)


async def test_a_full_database_gets_503_and_the_retry_is_answered_once_there_is_room(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    fill(service)
    body = activity(connector, "Når er neste samling?")
    async with service.http.post(f"{service.url}/api/messages", json=body) as resp:
        assert resp.status == 503 and resp.headers["Retry-After"]
    assert core.calls == []
    service.ledger._run("PRAGMA max_page_count = 1073741823")
    assert (await service.post(body))[0] == 202
    await service.settle()
    assert connector.final_counts[body["id"]] == 1
