"""The ledger's statements, as written, on SQLite or PostgreSQL.

The store's modules keep their SQL: `?` parameters, rows read by name or by position, writes
inside `transaction()`. `Db` sends each statement through an SQLAlchemy engine to whichever
database `LAERINGSBOT_DATABASE_URL` names (the DBAPI runs it, so nothing is parsed twice). Where
the dialects differ, the SQL is spelled by the functions at the end: a JSON field, a
case-folded substring test, «no limit».
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine
from sqlalchemy.exc import DBAPIError, InterfaceError

from indexer.store import database

Error = DBAPIError  # what a failing statement raises, on either backend
Params = Sequence[Any]
IN_BATCH = 500  # values per IN list: far below SQLite's and PostgreSQL's parameter limits


class Row(tuple[Any, ...]):
    """A result row read by position (`row[0]`, unpacking) or by column name (`row["doc_id"]`)."""

    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self._index[key] if isinstance(key, str) else key)


class Rows:
    """The fetched rows of one statement (read before its connection goes back to the pool)."""

    def __init__(self, result: CursorResult[Any] | None = None) -> None:
        self.rowcount = result.rowcount if result is not None else 0
        if result is not None and result.returns_rows:
            kind = type("Row", (Row,), {"_index": {k: i for i, k in enumerate(result.keys())}})
            self._rows: list[Row] = [kind(row) for row in result.fetchall()]
        else:
            self._rows = []

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)

    def fetchone(self) -> Any:
        """The first Row, or None (typed loosely, as the DBAPI's own cursors are)."""
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Row]:
        return list(self._rows)


class Db:
    """The ledger's database: outside a transaction each statement commits on its own."""

    def __init__(self, engine: Engine, bound: Connection | None = None) -> None:
        self.engine = engine
        self._bound = bound
        self._closed = False

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def execute(self, sql: str, params: Params = ()) -> Rows:
        return self._run(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Params]) -> Rows:
        many = [tuple(row) for row in rows]
        return self._run(sql, many) if many else Rows()

    @contextmanager
    def transaction(self) -> Generator[Db]:
        """One atomic unit (the write lock taken at BEGIN on SQLite); nested, it joins the
        outer one."""
        if self._bound is not None:
            yield self
            return
        with database.writing(self.engine) as conn:
            yield Db(self.engine, conn)

    def close(self) -> None:
        """Later statements fail like those on a closed connection (an engine would reconnect)."""
        self._closed = True
        self.engine.dispose()

    def _run(self, sql: str, params: tuple[Any, ...] | list[tuple[Any, ...]]) -> Rows:
        if self._closed:
            raise InterfaceError(sql, None, RuntimeError("the ledger's database is closed"))
        statement = _for(self.dialect, sql)
        if self._bound is not None:
            return Rows(self._bound.exec_driver_sql(statement, params))
        with self.engine.connect() as conn:
            rows = Rows(conn.exec_driver_sql(statement, params))
            conn.commit()
        return rows


def execute_in(db: Db, sql: str, values: Iterable[Any], before: Params = ()) -> list[Row]:
    """`sql` whose `{}` is an IN list, run over `values` in batches of `IN_BATCH` (a statement
    takes a bounded number of parameters); `before` are the parameters ahead of the list."""
    items = list(values)
    found: list[Row] = []
    for i in range(0, len(items), IN_BATCH):
        part = items[i : i + IN_BATCH]
        found += db.execute(sql.replace("{}", ",".join("?" * len(part))), [*before, *part])
    return found


@lru_cache(maxsize=512)
def _for(dialect: str, sql: str) -> str:
    """qmark parameters for SQLite; psycopg wants `%s`, and a literal `%` doubled."""
    return sql if dialect == "sqlite" else sql.replace("%", "%%").replace("?", "%s")


# -- where the dialects differ --------------------------------------------------------------
def json_text(db: Db, column: str, field: str) -> str:
    """A top-level field of a JSON text column, as text."""
    if db.dialect == "sqlite":
        return f"json_extract({column}, '$.{field}')"
    return f"(({column})::json ->> '{field}')"


def contains_folded(db: Db, column: str) -> str:
    """True when the column, case-folded, contains the (already case-folded) parameter."""
    if db.dialect == "sqlite":
        return f"instr(casefold({column}), ?) > 0"  # casefold: registered on every connection
    return f"strpos(lower({column}), ?) > 0"


def no_limit(db: Db) -> int | None:
    """The LIMIT parameter that means «all rows»."""
    return -1 if db.dialect == "sqlite" else None
