"""The conversation store on a real SQLite file and a real PostgreSQL: state, answered activities,
replies, feedback, drafts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from indexer.store.conversations import NEW, ConversationStore, StateConflict


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where the store lives: the embedded default, or a fresh database on a real PostgreSQL."""
    if request.param == "sqlite":
        return tmp_path / "t.sqlite"
    return request.getfixturevalue("postgres_url")


def test_state_keeps_json_and_its_e_tag_across_a_restart(target: Path | str) -> None:
    store = ConversationStore(target)
    etag = store.write_state("k", {"history": ["Hei", "Hallo"]})
    store.close()
    assert ConversationStore(target).read_state("k") == (
        {"history": ["Hei", "Hallo"]}, etag)


def test_a_stale_e_tag_changes_nothing(target: Path | str) -> None:
    store = ConversationStore(target)
    first = store.write_state("k", {"n": 1})
    second = store.write_state("k", {"n": 2}, first)
    with pytest.raises(StateConflict, match="e_tag conflict"):
        store.write_state("k", {"n": 3}, first)
    assert store.read_state("k") == ({"n": 2}, second)
    store.delete_state("k")
    assert store.read_state("k") is None


def test_an_activity_id_is_claimed_once_even_after_a_restart(target: Path | str) -> None:
    store = ConversationStore(target)
    assert store.claim("msteams|c1|a1") is True
    assert store.claim("msteams|c1|a1") is False
    assert ConversationStore(target).claim("msteams|c1|a1") is False


def test_old_activity_ids_are_forgotten_on_opening(target: Path | str) -> None:
    ConversationStore(target).claim("msteams|c1|a1")
    time.sleep(0.01)
    assert ConversationStore(target, remember_seconds=0).claim("msteams|c1|a1")


def test_feedback_carries_the_question_and_answer_of_its_reply(target: Path | str) -> None:
    store = ConversationStore(target)
    store.remember_reply("c1", "r1", "Når er samlingen?", "12. februar [1].")
    record = store.record_feedback("c1", "r1", "u1", "dislike", "for kort")
    assert (record.question, record.answer) == ("Når er samlingen?", "12. februar [1].")
    assert store.feedback() == [record]


def test_feedback_on_an_unknown_reply_is_still_kept(target: Path | str) -> None:
    store = ConversationStore(target)
    record = store.record_feedback("c1", "nope", "u1", "like", "")
    assert record.question is None and store.feedback() == [record]


def test_a_draft_is_kept_and_replaced_by_its_next_version(target: Path | str) -> None:
    store = ConversationStore(target)
    store.put_draft("ab12cd34", "plan.docx", b"PK\x03\x04 first")
    store.put_draft("ab12cd34", "plan.docx", b"PK\x03\x04 second")
    stored = ConversationStore(target).draft("ab12cd34")
    assert stored is not None and stored.content == b"PK\x03\x04 second"
    assert store.draft("ffff0000") is None
    assert store.prune_drafts(max_age_s=3600) == 0
    time.sleep(0.01)
    assert store.prune_drafts(max_age_s=0) == 1 and store.draft("ab12cd34") is None


def test_replicas_claim_each_activity_once_between_them(target: Path | str) -> None:
    """Two stores on one database, many threads each: every key is won exactly once."""
    from concurrent.futures import ThreadPoolExecutor

    replicas = [ConversationStore(target), ConversationStore(target)]
    keys = [f"msteams|c{n % 7}|a{n}" for n in range(60)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        won = list(pool.map(lambda job: replicas[job[0] % 2].claim(job[1]),
                            enumerate(keys + keys + keys)))
    assert sum(won) == len(keys)


def test_a_conversation_written_by_one_replica_is_read_and_guarded_on_the_other(
    target: Path | str,
) -> None:
    a, b = ConversationStore(target), ConversationStore(target)
    etag = a.write_state("msteams/conversations/c1", {"history": [{"role": "user"}]})
    assert b.read_state("msteams/conversations/c1") == ({"history": [{"role": "user"}]}, etag)
    b.write_state("msteams/conversations/c1", {"history": []}, etag)
    with pytest.raises(StateConflict):
        a.write_state("msteams/conversations/c1", {"history": ["late"]}, etag)


def test_a_value_read_as_absent_cannot_overwrite_one_written_meanwhile(target: Path | str) -> None:
    store = ConversationStore(target)
    store.write_state("k", {"from": "replica a"}, NEW)
    with pytest.raises(StateConflict):
        store.write_state("k", {"from": "replica b"}, NEW)
    assert store.read_state("k")[0] == {"from": "replica a"}  # type: ignore[index]
