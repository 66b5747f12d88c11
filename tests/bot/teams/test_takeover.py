"""An acknowledged turn is answered even when the replica that acknowledged it is gone: another
replica on the same PostgreSQL takes it over once its lease runs out (or at once, when the
first stopped cleanly), and answers it once."""

from __future__ import annotations

from pathlib import Path

from botbuilder.schema import Activity

from bot.teams.server import sdk_auth
from bot.teams.takeover import turn_record
from indexer.settings import Settings
from indexer.store.conversations import ConversationStore
from indexer.store.turn_queue import TurnQueue
from tests.bot.teams.conftest import activity, start_service
from tests.bot.teams.fakes import ConnectorStub, FakeCore


def replica_settings(tmp_path: Path, name: str, database_url: str, **extra: object) -> Settings:
    values = {"data_dir": tmp_path / name, "database_url": database_url, "turn_lease_s": 0.6,
              **extra}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def test_a_turn_acknowledged_by_a_replica_that_died_is_answered_by_another(
    tmp_path: Path, postgres_url: str, connector: ConnectorStub
) -> None:
    settings = replica_settings(tmp_path, "b", postgres_url)
    body = activity(connector, "Når er neste samling?", conversation_id="conv-orphan")
    sent = Activity().deserialize(body)
    authenticated = await sdk_auth(settings).authenticate_request(sent, "")  # anonymous
    store = ConversationStore(postgres_url)
    # what replica A wrote before its 202, and then it died: no renewal, no answer
    assert TurnQueue(store.engine, owner="dead-a", lease_s=0.6).admit(
        f"msteams|conv-orphan|{body['id']}", turn_record(sent, authenticated))
    b = await start_service(settings, FakeCore())
    try:
        await connector.wait_for(lambda: connector.final_counts[body["id"]], timeout=20)
        assert "Når er neste samling?" in connector.messages("conv-orphan")[-1]["text"]
        assert (await b.post(body))[0] == 200  # Teams' retry of it: already claimed
        await b.settle()
        assert connector.final_counts[body["id"]] == 1
        status = TurnQueue(store.engine).status(f"msteams|conv-orphan|{body['id']}")
        assert status is not None and status[0] == "done" and status[2] == 2
    finally:
        await b.close()
        store.close()


async def test_a_turn_still_running_at_a_clean_stop_is_answered_by_the_other_replica(
    tmp_path: Path, postgres_url: str, connector: ConnectorStub
) -> None:
    a = await start_service(replica_settings(tmp_path, "a", postgres_url, shutdown_grace_s=0.5),
                            FakeCore(delay=3.0))
    body = activity(connector, "Hva kan stimuleringsmidler brukes til?", conversation_id="conv-s")
    assert (await a.post(body))[0] == 202
    await a.close()  # the turn is cancelled half-way: handed over, not lost
    assert connector.final_counts[body["id"]] == 0
    b = await start_service(replica_settings(tmp_path, "b", postgres_url), FakeCore())
    try:
        await connector.wait_for(lambda: connector.final_counts[body["id"]], timeout=20)
        await b.settle()
        assert connector.final_counts[body["id"]] == 1
    finally:
        await b.close()
