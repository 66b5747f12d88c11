"""The ledger beside Chroma: which documents are committed, their hashes, their chunks.

It is the source of truth for "what is in the knowledge base". A document is only visible to the
read side once its row says `done`; a run killed half-way leaves `writing`/`deleting` rows that
the next run cleans up (see KnowledgeStore.recover). This module opens the database (an SQLite
file, or the PostgreSQL every replica shares), brings its schema up to date (the `knowledge`
migrations) and holds the `meta` table; `documents.py` the document and chunk rows.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import OperationalError

from indexer.errors import StoreError
from indexer.store import database
from indexer.store.migrations import upgrade
from indexer.store.sql import Db

Transaction = Db
# What an enricher hands the store: rows of its own, written inside the document's ledger
# transaction so they commit (or roll back) together with the chunks.
Writer = Callable[[Transaction], None]


def connect(target: Path | str) -> Db:
    """`target`: the SQLite file, or a database URL (LAERINGSBOT_DATABASE_URL)."""
    engine = database.open_engine(target)
    upgrade(engine, "knowledge")
    return Db(engine)


@contextmanager
def transaction(conn: Db) -> Generator[Transaction]:
    """One atomic unit: everything inside commits together or not at all.

    A full disk (or a database that cannot be written) is one StoreError, not a traceback.
    """
    try:
        with conn.transaction() as tx:
            yield tx
    except OperationalError as exc:
        raise StoreError(f"Kunnskapsbasen kan ikke skrives ({exc.orig}). Sjekk at disken har "
                         "plass og at datamappen kan skrives, og kjør på nytt.") from exc


def get_meta(conn: Db, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else None


def set_meta(conn: Db, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def bump_generation(conn: Transaction) -> None:
    """Every committed change moves the generation, which tells the BM25 index (and every
    replica's caches) it is stale. One statement: two writers cannot both read the old value."""
    conn.execute(
        "INSERT INTO meta(key, value) VALUES('generation', '1') ON CONFLICT(key) DO UPDATE "
        "SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)")
