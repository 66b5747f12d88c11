"""The Alembic migrations build exactly `indexer.store.schema`, on SQLite and a real PostgreSQL,
adopt files from before the migrations, and survive replicas starting at the same moment."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from indexer.store import database, schema
from indexer.store.conversations import ConversationStore
from indexer.store.migrations import upgrade

REPO = Path(__file__).resolve().parents[3]
CONVERSATIONS = {table.name for table in schema.CONVERSATION_TABLES}
KNOWLEDGE = {table.name for table in schema.KNOWLEDGE_TABLES}


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    if request.param == "sqlite":
        return tmp_path / "t.sqlite"
    return request.getfixturevalue("postgres_url")


def in_tables(tables: set[str]) -> Callable[..., bool]:
    """Alembic's filter: only these tables, their columns and their indexes."""
    def include(item: Any, name: str | None, kind: str, _reflected: bool, _other: Any) -> bool:
        table = item if kind == "table" else getattr(item, "table", None)
        return table is None or table.name in tables

    return include


def differences(target: Path | str, tables: set[str]) -> list[object]:
    """What autogenerate would still change in `tables`: nothing, when the migrations are right."""
    engine = database.open_engine(target)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": in_tables(tables)})
        found = compare_metadata(context, schema.metadata)
    engine.dispose()
    return found


def test_the_conversation_migrations_build_exactly_the_schema(target: Path | str) -> None:
    ConversationStore(target).close()
    assert differences(target, CONVERSATIONS) == []


def test_the_knowledge_migrations_build_exactly_the_schema(target: Path | str) -> None:
    upgrade(database.open_engine(target), "knowledge")
    assert differences(target, KNOWLEDGE) == []


def test_a_ledger_from_before_the_migrations_has_the_migrations_shape(tmp_path: Path) -> None:
    """The tables the store made with its own DDL are what the migration builds (so adopting
    such a file needs nothing), and what was in it stays."""
    from indexer.store.knowledge import KnowledgeStore

    legacy, fresh = tmp_path / "legacy.sqlite", tmp_path / "fresh.sqlite"
    store = KnowledgeStore.open(legacy, tmp_path / "lexical")
    store.mark_indexed_now()
    store.close()
    upgrade(database.open_engine(fresh), "knowledge")
    assert sqlite_shape(legacy) == sqlite_shape(fresh)
    upgrade(database.open_engine(legacy), "knowledge")
    assert KnowledgeStore.open(legacy, tmp_path / "lexical").last_indexed_at() is not None


def sqlite_shape(path: Path) -> dict[str, object]:
    """Columns (a primary key counts as NOT NULL, as the store never writes NULL into one),
    indexes with their columns and condition, and foreign keys with their ON DELETE."""
    with sqlite3.connect(path) as conn:
        shape: dict[str, object] = {}
        for table in sorted(KNOWLEDGE):
            columns = [(name, kind.upper(), bool(notnull or pk), default, pk)
                       for _, name, kind, notnull, default, pk
                       in conn.execute(f"PRAGMA table_info({table})")]
            indexes = sorted(
                (name, [c[2] for c in conn.execute(f"PRAGMA index_info({name})")],
                 (sql or "").upper().partition(" WHERE ")[2].replace(" ", ""))
                for name, sql in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                    "AND name NOT LIKE 'sqlite_autoindex%'", [table]))
            keys = [(row[3], row[2], row[4], row[6])
                    for row in conn.execute(f"PRAGMA foreign_key_list({table})")]
            shape[table] = (columns, indexes, keys)
    return shape


def test_upgrading_twice_changes_nothing(target: Path | str) -> None:
    engine = database.open_engine(target)
    upgrade(engine, "conversations")
    upgrade(engine, "conversations")
    assert set(inspect(engine).get_table_names()) >= CONVERSATIONS


def test_a_file_from_before_the_migrations_keeps_its_conversations(tmp_path: Path) -> None:
    old = tmp_path / "teams.sqlite"
    with sqlite3.connect(old) as conn:  # the schema the store created before Alembic
        conn.executescript("""
            CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL);
            CREATE TABLE seen_activities (key TEXT PRIMARY KEY, seen_at REAL NOT NULL);
            CREATE TABLE replies (reply_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
              question TEXT NOT NULL, answer TEXT NOT NULL, created_at REAL NOT NULL,
              PRIMARY KEY (conversation_id, reply_id));
            CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, reply_id TEXT,
              conversation_id TEXT, user_id TEXT, reaction TEXT NOT NULL, comment TEXT NOT NULL,
              question TEXT, answer TEXT, created_at REAL NOT NULL);
            INSERT INTO state VALUES ('k', '{"history": ["Hei"]}', 'e1');
        """)
    store = ConversationStore(old)
    assert store.read_state("k") == ({"history": ["Hei"]}, "e1")
    store.put_draft("ab12cd34", "plan.docx", b"docx")  # the table the migration added
    assert store.draft("ab12cd34") is not None


def test_replicas_starting_together_migrate_once_without_errors(postgres_url: str) -> None:
    """Four processes (replicas) open the store on one fresh database at the same moment."""
    code = ("import sys; from indexer.store.conversations import ConversationStore; "
            "ConversationStore(sys.argv[1]).close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, postgres_url], cwd=REPO,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    failures = [proc.communicate(timeout=120)[1] for proc in procs if proc.wait(timeout=120)]
    assert failures == []
    assert differences(postgres_url, CONVERSATIONS) == []
