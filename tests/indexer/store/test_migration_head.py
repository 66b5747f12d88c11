"""The store skips Alembic when the database is at head: the head it reads from the scripts is
the one Alembic finds, and a database one revision behind is still upgraded."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from indexer.store import database
from indexer.store.conversations import ConversationStore
from indexer.store.migrations import alembic_config, head, stamped, upgrade


@pytest.mark.parametrize("branch", ["conversations", "knowledge"])
def test_the_head_read_from_the_scripts_is_alembics(branch: str, tmp_path: Path) -> None:
    engine = database.open_engine(tmp_path / "t.sqlite")
    scripts = ScriptDirectory.from_config(alembic_config(engine))
    [alembics] = scripts.get_revisions(f"{branch}@head")
    assert alembics is not None and head(branch) == alembics.revision


def test_a_database_behind_head_is_still_upgraded(tmp_path: Path) -> None:
    target = tmp_path / "conversations.sqlite"
    ConversationStore(target).close()
    engine = database.open_engine(target)
    config = alembic_config(engine)
    last = ScriptDirectory.from_config(config).get_revision(head("conversations"))
    assert last is not None and isinstance(last.down_revision, str)
    command.downgrade(config, last.down_revision)  # as if made by the release before the last
    assert head("conversations") not in stamped(engine)
    upgrade(engine, "conversations")
    assert stamped(engine) == {head("conversations")}  # Alembic ran the last script again
