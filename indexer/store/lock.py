"""One index run per data dir at a time: an advisory lock on a file beside the ledger.

Two runs would both embed everything and interleave their writes. The operating system drops
the lock when the process ends, however it ends (a SIGKILL included), so a stale lock file is
never a problem. POSIX only (fcntl), like the rest of the deployment.
"""

from __future__ import annotations

import fcntl
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path

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
