"""Conversation state on one SQLite file: keyed JSON state, answered activities, replies, feedback.

The Teams face keeps its botbuilder state (the conversation history) here through a thin adapter,
so a restart keeps follow-up context, and Teams' retries of an activity (same id) stay answered
once even across a restart. Nothing here knows botbuilder: values are plain JSON objects.

What users write is kept without personal numbers: every string stored here (state, replies,
feedback) passes the indexer's own fødselsnummer/D-nummer redaction first, so no path into the
database can skip it. Rows older than the retention period are removed by `prune`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Generator, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from indexer.errors import StoreError
from indexer.ingest.privacy import redact_personal_numbers

_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL,
  updated_at REAL);
CREATE TABLE IF NOT EXISTS seen_activities (key TEXT PRIMARY KEY, seen_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS replies (
  reply_id TEXT NOT NULL, conversation_id TEXT NOT NULL, question TEXT NOT NULL,
  answer TEXT NOT NULL, created_at REAL NOT NULL, PRIMARY KEY (conversation_id, reply_id));
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT, reply_id TEXT, conversation_id TEXT, user_id TEXT,
  reaction TEXT NOT NULL, comment TEXT NOT NULL, question TEXT, answer TEXT,
  created_at REAL NOT NULL);
"""
REMEMBER_SECONDS = 7 * 24 * 3600  # how long an answered activity id is kept


@contextmanager
def _storage_errors() -> Generator[None]:
    """A full disk, a deleted or corrupt file: one named error the faces can answer for."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Samtaledatabasen kan ikke brukes: {exc}") from exc


class StateConflict(KeyError):
    """A write carried an e_tag that is no longer the stored one (someone wrote in between)."""


class FeedbackRecord(BaseModel):
    reply_id: str | None
    conversation_id: str | None
    user_id: str | None
    reaction: str
    comment: str
    question: str | None
    answer: str | None


class ConversationStore:
    """A thread-safe SQLite connection; the statements are tiny, so they run inline."""

    def __init__(self, path: Path, remember_seconds: float = REMEMBER_SECONDS) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        self._migrate()
        self._run("DELETE FROM seen_activities WHERE seen_at < ?", [time.time() - remember_seconds])

    def _migrate(self) -> None:
        """A state table from before retention gets its time column; its rows count from now."""
        columns = {row[1] for row in self._run("PRAGMA table_info(state)")}
        if "updated_at" not in columns:
            self._run("ALTER TABLE state ADD COLUMN updated_at REAL")
        self._run("UPDATE state SET updated_at = ? WHERE updated_at IS NULL", [time.time()])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def healthy(self) -> bool:
        """The database file is still there and answers (a deleted file would take every later
        write with it)."""
        try:
            return self.path.exists() and self._run("SELECT 1") == [(1,)]
        except StoreError:
            return False

    def prune(self, before: float) -> int:
        """Delete conversation state, replies and feedback last written before `before`."""
        removed = 0
        with self._lock, _storage_errors():
            for table, column in (("state", "updated_at"), ("replies", "created_at"),
                                  ("feedback", "created_at")):
                cursor = self._conn.execute(f"DELETE FROM {table} WHERE {column} < ?", [before])
                removed += cursor.rowcount
        return removed

    # -- keyed state with optimistic e_tags --------------------------------------------------
    def read_state(self, key: str) -> tuple[Any, str] | None:
        """The stored JSON value and its e_tag, or None."""
        rows = self._run("SELECT value, etag FROM state WHERE key = ?", [key])
        return (json.loads(rows[0][0]), rows[0][1]) if rows else None

    def write_state(self, key: str, value: Any, expected_etag: str | None = None) -> str:
        """Store a JSON value; `expected_etag` (unless None or "*") must be the stored one.

        Returns the new e_tag; raises StateConflict when another write came first.
        """
        data = json.dumps(_redacted(value), ensure_ascii=False)
        etag = uuid.uuid4().hex
        with self._lock, _storage_errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                row = self._conn.execute("SELECT etag FROM state WHERE key = ?", [key]).fetchone()
                if row and expected_etag not in (None, "*") and expected_etag != row[0]:
                    raise StateConflict(f"e_tag conflict for {key!r}: {expected_etag} != {row[0]}")
                self._conn.execute(
                    "INSERT OR REPLACE INTO state (key, value, etag, updated_at)"
                    " VALUES (?, ?, ?, ?)", [key, data, etag, time.time()],
                )
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        return etag

    def delete_state(self, key: str) -> None:
        self._run("DELETE FROM state WHERE key = ?", [key])

    # -- activities, replies, feedback ---------------------------------------------------------
    def claim(self, key: str) -> bool:
        """True the first time a key is seen; Teams retries reuse the activity id."""
        with self._lock, _storage_errors():
            cursor = self._conn.execute(
                "INSERT OR IGNORE INTO seen_activities (key, seen_at) VALUES (?, ?)",
                [key, time.time()],
            )
            return cursor.rowcount == 1

    def remember_reply(
        self, conversation_id: str, reply_id: str, question: str, answer: str
    ) -> None:
        self._run(
            "INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?)",
            [reply_id, conversation_id, _clean(question), _clean(answer), time.time()],
        )

    def record_feedback(
        self,
        conversation_id: str | None,
        reply_id: str | None,
        user_id: str | None,
        reaction: str,
        comment: str,
    ) -> FeedbackRecord:
        """Keep a reaction with the question and answer it was about (when the reply is known)."""
        rows = self._run(
            "SELECT question, answer FROM replies WHERE conversation_id = ? AND reply_id = ?",
            [conversation_id, reply_id],
        )
        question, answer = rows[0] if rows else (None, None)
        comment = _clean(comment)
        record = FeedbackRecord(
            reply_id=reply_id, conversation_id=conversation_id, user_id=user_id,
            reaction=reaction, comment=comment, question=question, answer=answer,
        )  # fmt: skip
        self._run(
            "INSERT INTO feedback (reply_id, conversation_id, user_id, reaction, comment, question,"
            " answer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [reply_id, conversation_id, user_id, reaction, comment, question, answer, time.time()],
        )
        return record

    def feedback(self) -> list[FeedbackRecord]:
        rows = self._run(
            "SELECT reply_id, conversation_id, user_id, reaction, comment, question, answer"
            " FROM feedback ORDER BY id"
        )
        fields = list(FeedbackRecord.model_fields)
        return [FeedbackRecord(**dict(zip(fields, row, strict=True))) for row in rows]

    def _run(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock, _storage_errors():
            return self._conn.execute(sql, tuple(params)).fetchall()


def _clean(text: str) -> str:
    return redact_personal_numbers(text)[0]


def _redacted(value: Any) -> Any:
    """A JSON value with every string (keys too) redacted."""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        items: dict[object, object] = value  # pyright: ignore[reportUnknownVariableType]
        return {_clean(str(k)): _redacted(v) for k, v in items.items()}
    if isinstance(value, list | tuple):
        values: list[object] | tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return [_redacted(v) for v in values]
    return value
