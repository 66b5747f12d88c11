"""Acknowledged turns, written down until they are answered: the outbox that lets another
replica answer what a dead one acknowledged.

A replica writes a turn (pending, leased to itself) in the same transaction that claims its
activity id, before Teams gets its 202, and marks it done once the reply is sent. While it works
it renews the leases of its turns; a replica that stops renewing (killed, out of memory, its
machine gone) lets them run out, and any replica then takes them over and answers them. Taking
over locks the rows it takes (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two replicas looking at
once take different turns; SQLite has one writer at a time, which gives the same). A turn is
tried `max_attempts` times at most, so one that kills every replica that answers it stops
there; one older than `max_age_s` is not answered at all (the user has asked again by then).

The window this cannot close: a replica that dies after sending a reply and before marking its
turn done has that turn answered a second time. It is the width of one UPDATE.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from indexer.store import database
from indexer.store.conversations import claim_in, storage_errors
from indexer.store.schema import turns

log = logging.getLogger(__name__)
LEASE_S = 30.0
MAX_ATTEMPTS = 3
MAX_AGE_S = 3600.0
PENDING, DONE, FAILED = "pending", "done", "failed"


@dataclass(frozen=True)
class TakenTurn:
    key: str
    record: Any  # the JSON value `admit` was given
    attempt: int  # 2 for the first take-over


class TurnQueue:
    """The turns of one replica (`owner`) in the shared conversation database."""

    def __init__(self, engine: Engine, *, owner: str | None = None, lease_s: float = LEASE_S,
                 max_attempts: int = MAX_ATTEMPTS, max_age_s: float = MAX_AGE_S,
                 clock: Callable[[], float] = time.time) -> None:
        self.engine, self.owner = engine, owner or uuid.uuid4().hex
        self.lease_s, self.max_attempts, self.max_age_s = lease_s, max_attempts, max_age_s
        self._clock = clock

    def admit(self, key: str, record: Any) -> bool:
        """Claim the activity id and keep its turn, in one transaction; False for an id some
        replica claimed before (Teams' retry, or the same activity posted to two)."""
        now = self._clock()
        row = {"key": key, "record": json.dumps(record, ensure_ascii=False), "status": PENDING,
               "owner": self.owner, "lease_until": now + self.lease_s, "attempts": 1,
               "created_at": now}
        with storage_errors(), database.writing(self.engine) as conn:
            if not claim_in(conn, key):
                return False
            conn.execute(delete(turns).where(turns.c.key == key))  # a pruned claim's old turn
            conn.execute(insert(turns), [row])
        return True

    def finish(self, key: str, status: str = DONE) -> None:
        """The turn is answered (or given up): its record, the user's words, is not kept. Once
        done, it stays done."""
        with storage_errors(), database.writing(self.engine) as conn:
            conn.execute(update(turns).where(turns.c.key == key, turns.c.status == PENDING)
                         .values(status=status, record=""))

    def release(self, keys: Iterable[str]) -> None:
        """Hand unfinished turns over now (a clean stop): any replica may take them at once."""
        keys = list(keys)
        if keys:
            with storage_errors(), database.writing(self.engine) as conn:
                conn.execute(update(turns).where(turns.c.key.in_(keys), turns.c.owner == self.owner,
                                                 turns.c.status == PENDING).values(lease_until=0))

    def renew(self) -> int:
        """Extend the leases of this replica's pending turns; how many it holds."""
        with storage_errors(), database.writing(self.engine) as conn:
            return conn.execute(update(turns).where(turns.c.owner == self.owner,
                                                    turns.c.status == PENDING)
                                .values(lease_until=self._clock() + self.lease_s)).rowcount

    def take_over(self, limit: int) -> list[TakenTurn]:
        """At most `limit` turns of other replicas whose lease ran out, leased to this one now.
        Its own are running here (a late renewal must not start them twice)."""
        now = self._clock()
        pending = turns.c.status == PENDING
        with storage_errors(), database.writing(self.engine) as conn:
            rows = conn.execute(
                select(turns.c.key, turns.c.record, turns.c.attempts, turns.c.created_at)
                .where(pending, turns.c.lease_until < now, turns.c.owner != self.owner)
                .order_by(turns.c.lease_until)
                .limit(max(limit, 0)).with_for_update(skip_locked=True)).all()
            stale = [r.key for r in rows
                     if r.attempts >= self.max_attempts or r.created_at < now - self.max_age_s]
            taken = [r for r in rows if r.key not in stale]
            if stale:
                log.warning("gave up %d turn(s) after %d attempts or %.0f s: %s", len(stale),
                            self.max_attempts, self.max_age_s, ", ".join(stale))
                conn.execute(update(turns).where(turns.c.key.in_(stale))
                             .values(status=FAILED, record=""))
            if taken:
                conn.execute(update(turns).where(turns.c.key.in_([r.key for r in taken]))
                             .values(owner=self.owner, lease_until=now + self.lease_s,
                                     attempts=turns.c.attempts + 1))
        return [TakenTurn(r.key, json.loads(r.record), r.attempts + 1) for r in taken]

    def status(self, key: str) -> tuple[str, str, int] | None:
        """(status, owner, attempts) of a turn: for tests and the operator."""
        with storage_errors(), self.engine.connect() as conn:
            row = conn.execute(select(turns.c.status, turns.c.owner, turns.c.attempts)
                               .where(turns.c.key == key)).first()
        return (row.status, row.owner, row.attempts) if row else None
