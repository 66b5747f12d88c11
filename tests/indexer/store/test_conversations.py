"""The conversation store on a real SQLite file: state, answered activities, replies, feedback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from indexer.store.conversations import ConversationStore, StateConflict


def test_state_keeps_json_and_its_e_tag_across_a_restart(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "t.sqlite")
    etag = store.write_state("k", {"history": ["Hei", "Hallo"]})
    store.close()
    assert ConversationStore(tmp_path / "t.sqlite").read_state("k") == (
        {"history": ["Hei", "Hallo"]}, etag)


def test_a_stale_e_tag_changes_nothing(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "t.sqlite")
    first = store.write_state("k", {"n": 1})
    second = store.write_state("k", {"n": 2}, first)
    with pytest.raises(StateConflict, match="e_tag conflict"):
        store.write_state("k", {"n": 3}, first)
    assert store.read_state("k") == ({"n": 2}, second)
    store.delete_state("k")
    assert store.read_state("k") is None


def test_an_activity_id_is_claimed_once_even_after_a_restart(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "t.sqlite")
    assert store.claim("msteams|c1|a1") is True
    assert store.claim("msteams|c1|a1") is False
    assert ConversationStore(tmp_path / "t.sqlite").claim("msteams|c1|a1") is False


def test_old_activity_ids_are_forgotten_on_opening(tmp_path: Path) -> None:
    ConversationStore(tmp_path / "t.sqlite").claim("msteams|c1|a1")
    time.sleep(0.01)
    assert ConversationStore(tmp_path / "t.sqlite", remember_seconds=0).claim("msteams|c1|a1")


def test_feedback_carries_the_question_and_answer_of_its_reply(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "t.sqlite")
    store.remember_reply("c1", "r1", "Når er samlingen?", "12. februar [1].")
    record = store.record_feedback("c1", "r1", "u1", "dislike", "for kort")
    assert (record.question, record.answer) == ("Når er samlingen?", "12. februar [1].")
    assert store.feedback() == [record]


def test_feedback_on_an_unknown_reply_is_still_kept(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "t.sqlite")
    record = store.record_feedback("c1", "nope", "u1", "like", "")
    assert record.question is None and store.feedback() == [record]
