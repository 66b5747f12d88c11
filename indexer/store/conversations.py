"""Conversation state: keyed JSON state, answered activities, replies, feedback, drafts.

The Teams face keeps its botbuilder state (the conversation history) here through a thin adapter,
so a restart keeps follow-up context, and Teams' retries of an activity (same id) stay answered
once even across a restart. On an SQLite file by default; on PostgreSQL (a URL) every replica
shares it, so a conversation begun on one replica goes on on another and an activity posted to
two is answered once. Nothing here knows botbuilder: values are plain JSON objects.

What users write is kept without personal numbers: every string stored here (state, replies,
feedback) passes the indexer's own fødselsnummer/D-nummer redaction first, so no path into the
database can skip it. Rows older than the retention period are removed by `prune`.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Generator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from indexer.errors import StoreError
from indexer.ingest.privacy import redact_personal_numbers
from indexer.store import database
from indexer.store.migrations import upgrade
from indexer.store.schema import drafts, feedback, replies, seen_activities, state, turns

REMEMBER_SECONDS = 7 * 24 * 3600  # how long an answered activity id is kept
NEW = ""  # the e_tag of a value that was not stored when it was read


@contextmanager
def storage_errors() -> Generator[None]:
    """A full disk, a deleted or corrupt file, a database gone: one named error the faces can
    answer for (Teams gets 503 and retries)."""
    try:
        yield
    except DBAPIError as exc:
        raise StoreError(f"Samtaledatabasen kan ikke brukes: {exc.orig}") from exc


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


class StoredDraft(BaseModel):
    file_name: str
    content: bytes


class ConversationStore:
    """Thread-safe (a small connection pool); every method is one short transaction."""

    def __init__(self, target: Path | str, remember_seconds: float = REMEMBER_SECONDS) -> None:
        """`target`: an SQLite file, or a database URL (LAERINGSBOT_DATABASE_URL)."""
        self.path = target if isinstance(target, Path) else None
        self.engine = database.open_engine(target)
        upgrade(self.engine, "conversations")
        with database.writing(self.engine) as conn:
            conn.execute(delete(seen_activities)
                         .where(seen_activities.c.seen_at < time.time() - remember_seconds))

    def close(self) -> None:
        self.engine.dispose()

    def healthy(self) -> bool:
        """The database answers (and an SQLite file is still there: a deleted file would take
        every later write with it)."""
        if self.path is not None and not self.path.exists():
            return False
        try:
            return self._run("SELECT 1") == [(1,)]
        except StoreError:
            return False

    def prune(self, before: float) -> int:
        """Delete conversation state, replies and feedback last written before `before`."""
        with storage_errors(), database.writing(self.engine) as conn:
            return sum(conn.execute(delete(table).where(column < before)).rowcount
                       for table, column in ((state, state.c.updated_at),
                                             (replies, replies.c.created_at),
                                             (feedback, feedback.c.created_at),
                                             (turns, turns.c.created_at)))

    # -- keyed state with optimistic e_tags --------------------------------------------------
    def read_state(self, key: str) -> tuple[Any, str] | None:
        """The stored JSON value and its e_tag, or None."""
        with storage_errors(), self.engine.connect() as conn:
            row = conn.execute(select(state.c.value, state.c.etag)
                               .where(state.c.key == key)).first()
        return (json.loads(row.value), row.etag) if row else None

    def write_state(self, key: str, value: Any, expected_etag: str | None = None) -> str:
        """Store a JSON value; `expected_etag` (unless None or "*") must be the stored one, and
        `NEW` ("") means the key must not exist yet (it was not there when the value was read).

        Returns the new e_tag; raises StateConflict when another write came first. Each case is
        one statement, so two replicas writing at once cannot both pass the check.
        """
        etag = uuid.uuid4().hex
        row = {"key": key, "value": json.dumps(_redacted(value), ensure_ascii=False),
               "etag": etag, "updated_at": time.time()}
        with storage_errors(), database.writing(self.engine) as conn:
            if expected_etag in (None, "*"):
                database.upsert(conn, state, row, keys=["key"])
                return etag
            if expected_etag != NEW and conn.execute(
                    update(state).where(state.c.key == key, state.c.etag == expected_etag)
                    .values(row)).rowcount == 1:
                return etag
        try:  # no row had that e_tag: new, unless someone holds the key with another e_tag
            with storage_errors(), database.writing(self.engine) as conn:
                conn.execute(insert(state), [row])
        except StoreError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise StateConflict(f"e_tag conflict for {key!r}: {expected_etag} is stale"
                                    ) from exc.__cause__
            raise
        return etag

    def delete_state(self, key: str) -> None:
        with storage_errors(), database.writing(self.engine) as conn:
            conn.execute(delete(state).where(state.c.key == key))

    # -- activities, replies, feedback ---------------------------------------------------------
    def claim(self, key: str) -> bool:
        """True the first time a key is seen by any replica; Teams retries reuse the activity id."""
        with storage_errors(), database.writing(self.engine) as conn:
            return claim_in(conn, key)

    def remember_reply(
        self, conversation_id: str, reply_id: str, question: str, answer: str
    ) -> None:
        row = {"reply_id": reply_id, "conversation_id": conversation_id,
               "question": _clean(question), "answer": _clean(answer), "created_at": time.time()}
        with storage_errors(), database.writing(self.engine) as conn:
            database.upsert(conn, replies, row, ["conversation_id", "reply_id"])

    def record_feedback(
        self,
        conversation_id: str | None,
        reply_id: str | None,
        user_id: str | None,
        reaction: str,
        comment: str,
    ) -> FeedbackRecord:
        """Keep a reaction with the question and answer it was about (when the reply is known)."""
        with storage_errors(), database.writing(self.engine) as conn:
            row = conn.execute(
                select(replies.c.question, replies.c.answer).where(
                    replies.c.conversation_id == conversation_id, replies.c.reply_id == reply_id)
            ).first()
            record = FeedbackRecord(
                reply_id=reply_id, conversation_id=conversation_id, user_id=user_id,
                reaction=reaction, comment=_clean(comment), question=row.question if row else None,
                answer=row.answer if row else None)
            conn.execute(insert(feedback), [{**record.model_dump(), "created_at": time.time()}])
        return record

    def feedback(self) -> list[FeedbackRecord]:
        columns = [feedback.c[name] for name in FeedbackRecord.model_fields]
        with storage_errors(), self.engine.connect() as conn:
            rows = conn.execute(select(*columns).order_by(feedback.c.id)).mappings().all()
        return [FeedbackRecord.model_validate(dict(row)) for row in rows]

    # -- drafts ----------------------------------------------------------------------------------
    def put_draft(self, draft_id: str, file_name: str, content: bytes) -> None:
        """Keep a draft's .docx (a new version of a draft replaces the old)."""
        row = {"draft_id": draft_id, "file_name": file_name, "content": content,
               "created_at": time.time()}
        with storage_errors(), database.writing(self.engine) as conn:
            database.upsert(conn, drafts, row, ["draft_id"])

    def draft(self, draft_id: str) -> StoredDraft | None:
        with storage_errors(), self.engine.connect() as conn:
            row = conn.execute(select(drafts.c.file_name, drafts.c.content)
                               .where(drafts.c.draft_id == draft_id)).first()
        return StoredDraft(file_name=row.file_name, content=bytes(row.content)) if row else None

    def prune_drafts(self, max_age_s: float) -> int:
        """Forget drafts older than `max_age_s` (their download links expired long before)."""
        with storage_errors(), database.writing(self.engine) as conn:
            return conn.execute(
                delete(drafts).where(drafts.c.created_at < time.time() - max_age_s)).rowcount

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A statement in the database's own SQL (maintenance and tests)."""
        with storage_errors(), self.engine.connect() as conn:
            result = conn.exec_driver_sql(sql, tuple(params))
            rows = [tuple(r) for r in result.fetchall()] if result.returns_rows else []
            conn.commit()
        return rows


def claim_in(conn: Connection, key: str) -> bool:
    """Claim an activity's key inside a transaction: True the first time any replica does."""
    return database.upsert(conn, seen_activities, {"key": key, "seen_at": time.time()}, ["key"],
                           update=[]) == 1


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
