"""One way to reach a database: an SQLAlchemy engine for a URL, migrated by Alembic.

The embedded default is an SQLite file per concern (the ledger's `state.sqlite`, the Teams face's
`teams.sqlite`); `LAERINGSBOT_DATABASE_URL` points every replica at one PostgreSQL instead. The
schema is the same on both (`indexer.store.schema`), and so are the statements: only an upsert
needs the dialect's own construct (`upsert` below).
"""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Table, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from indexer.errors import ConfigError

SQLITE_BUSY_MS = 30_000  # a writer waits this long for another process's transaction
_DRIVERS = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}


def database_url(target: str | Path) -> str:
    """A URL SQLAlchemy can open: a path means an SQLite file, a bare postgresql:// gets psycopg."""
    if isinstance(target, Path):
        return f"sqlite:///{target}"
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise ConfigError(f"LAERINGSBOT_DATABASE_URL er ikke en gyldig adresse: {target!r}") from exc
    driver = _DRIVERS.get(url.drivername)
    return url.set(drivername=driver).render_as_string(hide_password=False) if driver else target


def open_engine(target: str | Path) -> Engine:
    """An engine with one connection per thread that needs one (a small pool either way)."""
    url = database_url(target)
    if url.startswith("sqlite"):
        if isinstance(target, Path):
            target.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _explicit_sqlite_transactions(engine)
        return engine
    if not url.startswith("postgresql"):
        raise ConfigError(
            f"LAERINGSBOT_DATABASE_URL må være sqlite:/// eller postgresql://, ikke {url!r}"
        )
    return create_engine(url, pool_pre_ping=True, pool_size=8, max_overflow=8)


@contextmanager
def writing(engine: Engine) -> Generator[Connection]:
    """A write transaction. On SQLite it takes the write lock at BEGIN (`BEGIN IMMEDIATE`), so a
    read-then-write never dies half-way on another process's lock; PostgreSQL needs no help."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        yield conn


def upsert(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]] | Mapping[str, Any],
    keys: Sequence[str], update: Sequence[str] | None = None,
) -> int:
    """INSERT … ON CONFLICT (keys): update `update` columns (all others by default), or do
    nothing when `update` is empty. Returns the rows inserted or changed."""
    statement = _insert(conn, table)
    columns = [c.name for c in table.columns if c.name not in keys] if update is None else update
    if columns:
        excluded = statement.excluded
        statement = statement.on_conflict_do_update(
            index_elements=list(keys), set_={name: excluded[name] for name in columns})
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    params = list(rows) if isinstance(rows, Sequence) else dict(rows)
    # rowcount of an INSERT is kept only when asked for (SQLAlchemy 2)
    return conn.execute(statement, params, execution_options={"preserve_rowcount": True}
                        ).rowcount


def _insert(conn: Connection, table: Table) -> Any:
    """The dialect's own INSERT, the one with ON CONFLICT. The PostgreSQL dialect (with its
    asyncio drivers) is imported only where it is the database."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    dialect: Insert = sqlite.insert(table)
    return dialect


def _explicit_sqlite_transactions(engine: Engine) -> None:
    """The pysqlite driver begins transactions on its own terms (not before DDL, never
    IMMEDIATE); SQLAlchemy's documented recipe hands that to us instead."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        # what PostgreSQL's lower() does for a title search; SQLite's lower() knows only ASCII
        dbapi_connection.create_function("casefold", 1, str.casefold, deterministic=True)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
