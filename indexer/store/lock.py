"""One index run at a time: an advisory lock on a file beside the ledger, or in PostgreSQL.

Two runs would both embed everything and interleave their writes. The operating system drops
the lock when the process ends, however it ends (a SIGKILL included), so a stale lock file is
never a problem. POSIX only (fcntl), like the rest of the deployment.
"""

from __future__ import annotations

import fcntl
from collections.abc import Generator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine

from indexer.errors import StoreError


class IndexLocked(StoreError):
    """Another index run holds the data dir."""


@contextmanager
def exclusive(path: Path) -> Generator[None, None, None]:
    """Hold the lock for the block, or raise IndexLocked at once (never wait)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IndexLocked(
                f"En annen indeksering pågår allerede i {path.parent}. Vent til den er ferdig, "
                "og prøv igjen."
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def held(path: Path) -> bool:
    """Whether an index run holds the lock now (a reader then keeps what it has loaded)."""
    try:
        with path.open("r") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False
    except OSError:
        return False


class IndexLock(Protocol):
    """Who may write the knowledge base now: a file beside an SQLite ledger, or the shared
    PostgreSQL itself, so indexers (and readers asking «is a run going on?») on other machines
    see the same lock."""

    def exclusive(self) -> AbstractContextManager[None]: ...
    def held(self) -> bool: ...


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path

    def exclusive(self) -> AbstractContextManager[None]:
        return exclusive(self.path)

    def held(self) -> bool:
        return held(self.path)


class AdvisoryLock:
    """A session-level advisory lock, held by the index run's own connection; PostgreSQL drops
    it when that connection ends, however the process ends."""

    KEY = 7_231_019  # any constant; the migrations take 7_231_018 (a transaction-level lock)

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def exclusive(self) -> Generator[None, None, None]:
        with self.engine.connect() as conn:
            got = conn.exec_driver_sql("SELECT pg_try_advisory_lock(%s)", (self.KEY,)).scalar()
            conn.commit()
            if not got:
                raise IndexLocked("En annen indeksering pågår allerede mot den samme databasen. "
                                  "Vent til den er ferdig, og prøv igjen.")
            try:
                yield
            finally:
                conn.exec_driver_sql("SELECT pg_advisory_unlock(%s)", (self.KEY,))
                conn.commit()

    def held(self) -> bool:
        with self.engine.connect() as conn:
            return bool(conn.exec_driver_sql(
                "SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                "WHERE l.locktype = 'advisory' AND l.objid = %s AND l.granted "
                "AND d.datname = current_database())", (self.KEY,)).scalar())
