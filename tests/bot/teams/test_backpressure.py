"""A bounded number of turns per process: past it Teams gets 503 + Retry-After and retries,
and the retry (same activity id) is answered, once."""

from __future__ import annotations

from indexer.settings import Settings
from tests.bot.teams.conftest import activity, serving
from tests.bot.teams.fakes import ConnectorStub, FakeCore


async def test_turns_past_the_bound_get_503_with_retry_after_and_the_retry_is_answered(
    teams_settings: Settings, connector: ConnectorStub
) -> None:
    settings = teams_settings.model_copy(update={"max_pending_turns": 3})
    core = FakeCore(delay=0.5)
    async with serving(settings, core, core_workers=1) as service:
        bodies = [activity(connector, f"Spørsmål {i}", conversation_id=f"c{i}") for i in range(5)]
        statuses = []
        for body in bodies:
            async with service.http.post(f"{service.url}/api/messages", json=body) as resp:
                statuses.append((resp.status, resp.headers.get("Retry-After")))
        assert statuses[:3] == [(202, None)] * 3
        assert statuses[3:] == [(503, "5")] * 2
        await service.settle()
        for body in bodies[3:]:  # Teams retries after Retry-After, with the same id
            assert (await service.post(body))[0] == 202
        await service.settle()
        assert sorted(connector.final_counts[b["id"]] for b in bodies) == [1] * 5


async def test_invokes_count_against_the_bound_too(
    teams_settings: Settings, connector: ConnectorStub
) -> None:
    settings = teams_settings.model_copy(update={"max_pending_turns": 1})
    async with serving(settings, FakeCore(delay=0.5), core_workers=1) as service:
        assert (await service.post(activity(connector, "Først", conversation_id="a")))[0] == 202
        waiting = activity(connector, "Hei", conversation_id="b", deliveryMode="expectReplies")
        assert (await service.post(waiting))[0] == 503
        await service.settle()
        assert (await service.post(waiting))[0] == 200
