"""The acknowledged-turn queue on SQLite and a real PostgreSQL: a turn outlives its replica,
is taken over only when its lease has run out, by one replica, and not forever."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.store.conversations import ConversationStore
from indexer.store.turn_queue import TurnQueue


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ConversationStore]:
    target = (tmp_path / "teams.sqlite" if request.param == "sqlite"
              else request.getfixturevalue("postgres_url"))
    conversations = ConversationStore(target)
    yield conversations
    conversations.close()


def replica(store: ConversationStore, name: str, clock: Clock, **options: float) -> TurnQueue:
    return TurnQueue(store.engine, owner=name, lease_s=30, clock=clock, **options)  # type: ignore[arg-type]


def test_a_turn_is_taken_over_only_when_its_lease_has_run_out(store: ConversationStore) -> None:
    clock = Clock()
    a, b = replica(store, "a", clock), replica(store, "b", clock)
    assert a.admit("msteams|c|1", {"activity": {"text": "Når er neste samling?"}})
    assert b.take_over(10) == []
    clock.now += 31
    [taken] = b.take_over(10)
    assert (taken.key, taken.record["activity"]["text"], taken.attempt) == (
        "msteams|c|1", "Når er neste samling?", 2)
    assert a.take_over(10) == []  # b holds it now
    assert a.status("msteams|c|1") == ("pending", "b", 2)


def test_a_replica_never_takes_over_its_own_running_turns(store: ConversationStore) -> None:
    clock = Clock()
    a = replica(store, "a", clock)
    a.admit("k", {})
    clock.now += 31  # its renewal came late
    assert a.take_over(10) == []


def test_a_replica_that_renews_keeps_its_turns(store: ConversationStore) -> None:
    clock = Clock()
    a, b = replica(store, "a", clock), replica(store, "b", clock)
    a.admit("k", {})
    clock.now += 20
    assert a.renew() == 1
    clock.now += 20
    assert b.take_over(10) == []


def test_an_activity_id_is_admitted_once_and_counts_as_claimed(store: ConversationStore) -> None:
    a, b = replica(store, "a", Clock()), replica(store, "b", Clock())
    assert a.admit("msteams|c|1", {}) is True
    assert b.admit("msteams|c|1", {}) is False
    assert store.claim("msteams|c|1") is False  # an invoke's claim sees the same ledger


def test_a_finished_turn_is_never_taken_over_and_keeps_no_words(store: ConversationStore) -> None:
    clock = Clock()
    a, b = replica(store, "a", clock), replica(store, "b", clock)
    a.admit("k", {"activity": {"text": "hemmelig"}})
    a.finish("k")
    clock.now += 3600
    assert b.take_over(10) == []
    assert store._run("SELECT status, record FROM turns") == [("done", "")]
    a.finish("k", "failed")  # a late error report does not undo the answer
    assert a.status("k") == ("done", "a", 1)


def test_a_released_turn_can_be_taken_at_once(store: ConversationStore) -> None:
    clock = Clock()
    a, b = replica(store, "a", clock), replica(store, "b", clock)
    a.admit("k", {})
    a.release(["k"])
    assert [t.key for t in b.take_over(10)] == ["k"]


def test_a_turn_that_keeps_killing_replicas_is_given_up(store: ConversationStore) -> None:
    clock = Clock()
    a, b = replica(store, "a", clock, max_attempts=2), replica(store, "b", clock, max_attempts=2)
    a.admit("k", {})
    clock.now += 31
    assert len(b.take_over(10)) == 1  # attempt 2, and b dies too
    clock.now += 31
    assert a.take_over(10) == []
    assert a.status("k") == ("failed", "b", 2)


def test_a_turn_older_than_the_age_limit_is_not_answered(store: ConversationStore) -> None:
    clock = Clock()
    a, b = replica(store, "a", clock), replica(store, "b", clock, max_age_s=600)
    a.admit("k", {})
    clock.now += 601
    assert b.take_over(10) == []
    assert b.status("k") == ("failed", "a", 1)


def test_replicas_looking_at_once_never_take_the_same_turn(store: ConversationStore) -> None:
    clock = Clock()
    keys = [f"k{n}" for n in range(60)]
    writer = replica(store, "dead", clock)
    for key in keys:
        writer.admit(key, {})
    clock.now += 31
    takers = [replica(store, f"r{n}", clock) for n in range(4)]
    taken: list[list[str]] = [[] for _ in takers]
    start = threading.Barrier(len(takers))

    def take(n: int) -> None:
        start.wait()
        while batch := takers[n].take_over(3):
            taken[n] += [t.key for t in batch]

    threads = [threading.Thread(target=take, args=(n,)) for n in range(len(takers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [key for batch in taken for key in batch]
    assert sorted(every) == sorted(keys)  # each taken once, none twice
