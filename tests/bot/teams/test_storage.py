"""The botbuilder Storage adapter over the conversation store survives a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ConversationAccount

from bot.core.models import ChatTurn
from bot.teams.storage import ConversationHistory, StateStorage
from indexer.store.conversations import ConversationStore


async def test_storage_round_trips_json_and_survives_reopening(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "t.sqlite")
    await StateStorage(store).write(
        {"msteams/conversations/c1": {"history": [{"role": "user", "text": "Hei"}]}}
    )
    store.close()
    again = StateStorage(ConversationStore(tmp_path / "t.sqlite"))
    found = await again.read(["msteams/conversations/c1", "missing"])
    assert list(found) == ["msteams/conversations/c1"]
    assert found["msteams/conversations/c1"]["history"][0]["text"] == "Hei"


async def test_stale_e_tag_is_a_conflict_and_star_overwrites(tmp_path: Path) -> None:
    storage = StateStorage(ConversationStore(tmp_path / "t.sqlite"))
    await storage.write({"k": {"n": 1}})
    first = (await storage.read(["k"]))["k"]
    await storage.write({"k": {**first, "n": 2}})  # the current e_tag: accepted
    with pytest.raises(KeyError, match="e_tag conflict"):
        await storage.write({"k": {**first, "n": 3}})  # first's e_tag is stale now
    await storage.write({"k": {"n": 4, "e_tag": "*"}})
    assert (await storage.read(["k"]))["k"]["n"] == 4


async def test_delete_removes_keys(tmp_path: Path) -> None:
    storage = StateStorage(ConversationStore(tmp_path / "t.sqlite"))
    await storage.write({"a": {"x": 1}, "b": {"x": 2}})
    await storage.delete(["a"])
    assert list(await storage.read(["a", "b"])) == ["b"]


def _turn(conversation_id: str) -> TurnContext:
    activity = Activity(type="message", channel_id="msteams", text="Hei",
                        conversation=ConversationAccount(id=conversation_id))
    return TurnContext(TestAdapter(), activity)


async def test_two_replicas_appending_at_once_keep_both_turns(tmp_path: Path) -> None:
    """Each read the history before the other wrote: the later append is made again."""
    store = ConversationStore(tmp_path / "t.sqlite")
    a, b = ConversationHistory(StateStorage(store)), ConversationHistory(StateStorage(store))
    on_a, on_b = _turn("c1"), _turn("c1")
    assert await a.load(on_a) == [] and await b.load(on_b) == []
    await a.append(on_a, "Første", ChatTurn(role="assistant", text="Svar 1"))
    await b.append(on_b, "Andre", ChatTurn(role="assistant", text="Svar 2"))
    stored = await ConversationHistory(StateStorage(store)).load(_turn("c1"))
    assert [t.text for t in stored] == ["Første", "Svar 1", "Andre", "Svar 2"]
