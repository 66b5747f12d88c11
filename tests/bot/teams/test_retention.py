"""Conversation state, replies and feedback past the retention period, and drafts past theirs,
are deleted at start and then on every pass."""

from __future__ import annotations

import os
import time

from indexer.settings import Settings
from indexer.store.conversations import ConversationStore
from tests.bot.teams.conftest import activity, serving
from tests.bot.teams.fakes import ConnectorStub, FakeCore

DAY = 24 * 3600


def age(store: ConversationStore, days: float) -> None:
    """Everything stored so far, written `days` ago."""
    then = time.time() - days * DAY
    for table, column in (("state", "updated_at"), ("replies", "created_at"),
                          ("feedback", "created_at")):
        store._run(f"UPDATE {table} SET {column} = ?", [then])


def counts(store: ConversationStore) -> tuple[int, ...]:
    return tuple(store._run(f"SELECT COUNT(*) FROM {t}")[0][0]
                 for t in ("state", "replies", "feedback"))


def old_and_new_drafts(settings: Settings) -> tuple[os.PathLike[str], os.PathLike[str]]:
    drafts = settings.data_dir / "drafts"
    drafts.mkdir(parents=True)
    old, new = drafts / "aaaaaaaa.docx", drafts / "bbbbbbbb.docx"
    for path in (old, new):
        path.write_bytes(b"docx")
    eight_days_ago = time.time() - 8 * DAY
    os.utime(old, (eight_days_ago, eight_days_ago))
    return old, new


async def test_the_pass_at_start_deletes_what_is_past_retention(
    teams_settings: Settings, connector: ConnectorStub
) -> None:
    store = ConversationStore(teams_settings.data_dir / "teams.sqlite")
    store.write_state("history/old", {"turns": ["gammel"]})
    store.remember_reply("old", "r1", "spørsmål", "svar")
    store.record_feedback("old", "r1", "u", "like", "")
    age(store, 91)
    store.write_state("history/recent", {"turns": ["ny"]})
    store.close()
    old, new = old_and_new_drafts(teams_settings)
    async with serving(teams_settings, FakeCore()) as service:
        await connector.wait_for(lambda: not os.path.exists(old), timeout=5)
        assert os.path.exists(new)
        assert counts(service.ledger) == (1, 0, 0)
        assert service.ledger.read_state("history/recent") is not None


async def test_the_pass_runs_again_while_the_service_runs(
    teams_settings: Settings, connector: ConnectorStub
) -> None:
    settings = teams_settings.model_copy(update={"retention_days": 30})
    async with serving(settings, FakeCore(), prune_every_s=0.1) as service:
        assert (await service.post(activity(connector, "Hei")))[0] == 202
        await service.settle()
        assert min(counts(service.ledger)[:2]) >= 1  # the history and the replies
        age(service.ledger, 31)
        await connector.wait_for(lambda: counts(service.ledger) == (0, 0, 0), timeout=5)


def test_a_state_table_from_before_retention_keeps_its_rows(teams_settings: Settings) -> None:
    import sqlite3

    path = teams_settings.data_dir / "teams.sqlite"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL,"
                     " etag TEXT NOT NULL)")
        conn.execute("INSERT INTO state VALUES ('k', '{}', 'e')")
    store = ConversationStore(path)
    assert store.prune(time.time() - DAY) == 0 and store.read_state("k") == ({}, "e")


def test_the_shared_copies_of_drafts_go_with_their_files(teams_settings: Settings) -> None:
    from bot.teams.retention import Retention

    store = ConversationStore(teams_settings.data_dir / "teams.sqlite")
    store.put_draft("aaaaaaaa", "gammel.docx", b"docx")
    store._run("UPDATE drafts SET created_at = ?", [time.time() - 8 * DAY])
    store.put_draft("bbbbbbbb", "ny.docx", b"docx")
    Retention.from_settings(teams_settings, store).prune_once()
    assert store.draft("aaaaaaaa") is None and store.draft("bbbbbbbb") is not None
