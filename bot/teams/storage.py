"""botbuilder glue over the conversation store: its `Storage`, the history, the activity ledger.

The SQL lives in `indexer.store.conversations`; this module only speaks botbuilder to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from botbuilder.core import ConversationState, Storage, TurnContext
from pydantic import TypeAdapter

from bot.core.models import ChatTurn
from indexer.store.conversations import NEW, FeedbackRecord, StateConflict

# Turns kept and passed to the core. A drafting dialog's state rides on its assistant turns
# (`ChatTurn.dialog`), so only the last turns matter to it; the rest is context for follow-ups.
HISTORY_TURNS = 60
_HISTORY = TypeAdapter(list[ChatTurn])
APPEND_ATTEMPTS = 5


class StateStore(Protocol):
    def read_state(self, key: str) -> tuple[Any, str] | None: ...
    def write_state(self, key: str, value: Any, expected_etag: str | None = None) -> str: ...
    def delete_state(self, key: str) -> None: ...


class ActivityLedger(Protocol):
    """Which activity ids were answered, which reply answered what, and what users thought."""

    def claim(self, key: str) -> bool: ...
    def remember_reply(
        self, conversation_id: str, reply_id: str, question: str, answer: str
    ) -> None: ...
    def record_feedback(
        self, conversation_id: str | None, reply_id: str | None, user_id: str | None,
        reaction: str, comment: str,
    ) -> FeedbackRecord: ...  # fmt: skip


class StateStorage(Storage):
    """botbuilder `Storage` with JSON values and optimistic e_tag checks, like the SDK's stores."""

    def __init__(self, store: StateStore) -> None:
        super().__init__()
        self._store = store

    async def read(self, keys: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key in keys or []:
            stored = self._store.read_state(key)
            if stored is not None:
                value, etag = stored
                if isinstance(value, dict):
                    value["e_tag"] = etag
                found[key] = value
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise TypeError("changes are required when writing")
        for key, value in changes.items():
            data = dict(value) if isinstance(value, dict) else vars(value).copy()
            # read() gives every stored value its e_tag: none means it was not there, and a
            # replica that wrote it meanwhile must not be overwritten
            wanted = data.pop("e_tag", None)
            self._store.write_state(key, data, NEW if wanted is None else wanted)

    async def delete(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._store.delete_state(key)


class ConversationHistory:
    """The last turns of each conversation, kept in botbuilder ConversationState."""

    def __init__(self, storage: Storage, keep_turns: int = HISTORY_TURNS) -> None:
        self._state = ConversationState(storage)
        self._turns = self._state.create_property("history")
        self._keep = keep_turns

    async def load(self, ctx: TurnContext, fresh: bool = False) -> list[ChatTurn]:
        await self._state.load(ctx, force=fresh)
        return _HISTORY.validate_python(await self._turns.get(ctx, list))

    async def append(self, ctx: TurnContext, question: str, answer: ChatTurn) -> None:
        """The question and the answer's turn (`Answer.turn()`: its text and dialog state).

        Another replica may have written this conversation since it was read (its e_tag moved):
        then the append is made again on what is stored now, so neither turn is lost.
        """
        for attempt in range(APPEND_ATTEMPTS):
            turns = [t.model_dump(exclude_none=True) for t in await self.load(ctx, attempt > 0)]
            turns += [{"role": "user", "text": question}, answer.model_dump(exclude_none=True)]
            await self._turns.set(ctx, turns[-self._keep :])
            try:
                await self._state.save_changes(ctx, force=True)
                return
            except StateConflict:
                if attempt == APPEND_ATTEMPTS - 1:
                    raise
