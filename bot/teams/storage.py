"""Teams-side state on one SQLite file: botbuilder Storage, seen activity ids, replies, feedback.

One file in `settings.data_dir` so a restart keeps follow-up context, and Teams' retries of an
activity (same id) stay answered once even across a restart.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from botbuilder.core import ConversationState, Storage, TurnContext
from pydantic import BaseModel, TypeAdapter

from bot.core.models import ChatTurn

# Turns kept and passed to the core: a drafting dialog is a fold over the history from its
# opening request, so a whole dialog (ten questions, skips, side questions) must fit.
HISTORY_TURNS = 60
_HISTORY = TypeAdapter(list[ChatTurn])

_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seen_activities (key TEXT PRIMARY KEY, seen_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS replies (
  reply_id TEXT NOT NULL, conversation_id TEXT NOT NULL, question TEXT NOT NULL,
  answer TEXT NOT NULL, created_at REAL NOT NULL, PRIMARY KEY (conversation_id, reply_id));
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT, reply_id TEXT, conversation_id TEXT, user_id TEXT,
  reaction TEXT NOT NULL, comment TEXT NOT NULL, question TEXT, answer TEXT,
  created_at REAL NOT NULL);
"""


class TeamsDatabase:
    """A thread-safe SQLite connection; the statements are tiny, so they run inline."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)

    def execute(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchall()

    def change(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run a write; returns the number of rows it touched."""
        with self._lock:
            return self._conn.execute(sql, tuple(params)).rowcount

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class SqliteStorage(Storage):
    """botbuilder `Storage` with JSON values and optimistic e_tag checks, like the SDK's stores."""

    def __init__(self, db: TeamsDatabase) -> None:
        super().__init__()
        self._db = db

    async def read(self, keys: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key in keys or []:
            rows = self._db.execute("SELECT value, etag FROM state WHERE key = ?", [key])
            if rows:
                value = json.loads(rows[0][0])
                if isinstance(value, dict):
                    value["e_tag"] = rows[0][1]
                found[key] = value
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise TypeError("changes are required when writing")
        for key, value in changes.items():
            data = dict(value) if isinstance(value, dict) else vars(value).copy()
            wanted = data.pop("e_tag", None)
            rows = self._db.execute("SELECT etag FROM state WHERE key = ?", [key])
            if rows and wanted not in (None, "*") and wanted != rows[0][0]:
                raise KeyError(f"e_tag conflict for {key!r}: {wanted} != {rows[0][0]}")
            self._db.execute(
                "INSERT OR REPLACE INTO state (key, value, etag) VALUES (?, ?, ?)",
                [key, json.dumps(data, ensure_ascii=False), uuid.uuid4().hex],
            )

    async def delete(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._db.execute("DELETE FROM state WHERE key = ?", [key])


class ConversationHistory:
    """The last turns of each conversation, kept in botbuilder ConversationState."""

    def __init__(self, storage: Storage, keep_turns: int = HISTORY_TURNS) -> None:
        self._state = ConversationState(storage)
        self._turns = self._state.create_property("history")
        self._keep = keep_turns

    async def load(self, ctx: TurnContext) -> list[ChatTurn]:
        await self._state.load(ctx)
        return _HISTORY.validate_python(await self._turns.get(ctx, list))

    async def append(self, ctx: TurnContext, question: str, answer: str) -> None:
        turns = [t.model_dump() for t in await self.load(ctx)]
        turns += [{"role": "user", "text": question}, {"role": "assistant", "text": answer}]
        await self._turns.set(ctx, turns[-self._keep :])
        await self._state.save_changes(ctx, force=True)


class FeedbackRecord(BaseModel):
    reply_id: str | None
    conversation_id: str | None
    user_id: str | None
    reaction: str
    comment: str
    question: str | None
    answer: str | None


class ActivityLedger:
    """Which activity ids were answered, which reply answered what, and what users thought of it."""

    def __init__(self, db: TeamsDatabase, remember_seconds: float = 7 * 24 * 3600) -> None:
        self._db = db
        self._db.execute(
            "DELETE FROM seen_activities WHERE seen_at < ?", [time.time() - remember_seconds]
        )

    def claim(self, key: str) -> bool:
        """True the first time a key is seen; Teams retries reuse the activity id."""
        inserted = self._db.change(
            "INSERT OR IGNORE INTO seen_activities (key, seen_at) VALUES (?, ?)", [key, time.time()]
        )
        return inserted == 1

    def remember_reply(
        self, conversation_id: str, reply_id: str, question: str, answer: str
    ) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?)",
            [reply_id, conversation_id, question, answer, time.time()],
        )

    def record_feedback(
        self,
        conversation_id: str | None,
        reply_id: str | None,
        user_id: str | None,
        reaction: str,
        comment: str,
    ) -> FeedbackRecord:
        rows = self._db.execute(
            "SELECT question, answer FROM replies WHERE conversation_id = ? AND reply_id = ?",
            [conversation_id, reply_id],
        )
        question, answer = rows[0] if rows else (None, None)
        record = FeedbackRecord(
            reply_id=reply_id,
            conversation_id=conversation_id,
            user_id=user_id,
            reaction=reaction,
            comment=comment,
            question=question,
            answer=answer,
        )
        self._db.execute(
            "INSERT INTO feedback (reply_id, conversation_id, user_id, reaction, comment, question,"
            " answer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [reply_id, conversation_id, user_id, reaction, comment, question, answer, time.time()],
        )
        return record

    def feedback(self) -> list[FeedbackRecord]:
        rows = self._db.execute(
            "SELECT reply_id, conversation_id, user_id, reaction, comment, question, answer"
            " FROM feedback ORDER BY id"
        )
        fields = list(FeedbackRecord.model_fields)
        return [FeedbackRecord(**dict(zip(fields, row, strict=True))) for row in rows]
