"""The SQLite ledger beside Chroma: which documents are committed, their hashes, their chunks.

It is the source of truth for "what is in the knowledge base". A document is only visible to the
read side once its row says `done`; a run killed half-way leaves `writing`/`deleting` rows that
the next run cleans up (see KnowledgeStore.recover). This module holds the connection, the schema
and the `meta` table; `documents.py` the document and chunk rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path

from indexer.errors import StoreError

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    path TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('writing', 'done', 'deleting')),
    meta_json TEXT NOT NULL,
    chunk_count INTEGER NOT NULL DEFAULT 0,
    redactions INTEGER NOT NULL DEFAULT 0,
    indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    heading_path TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id, position);
"""

Transaction = sqlite3.Connection
# What an enricher hands the store: rows of its own, written inside the document's ledger
# transaction so they commit (or roll back) together with the chunks.
Writer = Callable[[Transaction], None]


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executescript(SCHEMA)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Generator[Transaction, None, None]:
    """One atomic unit: everything inside commits together or not at all.

    A full disk (or a database that cannot be written) is one StoreError, not a traceback.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"Kunnskapsbasen kan ikke skrives ({exc}). Sjekk at disken har plass "
                         "og at datamappen kan skrives, og kjør på nytt.") from exc


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def bump_generation(conn: Transaction) -> None:
    """Every committed change moves the generation, which tells the BM25 index it is stale."""
    current = int(get_meta(conn, "generation") or "0")
    set_meta(conn, "generation", str(current + 1))
