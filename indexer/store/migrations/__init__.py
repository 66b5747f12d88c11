"""Alembic migrations, run from code at start (no alembic.ini): `upgrade(engine, branch)`.

Two independent branches share one history table: "conversations" (the Teams face's state) and
"knowledge" (ledger, catalogue, minutes, units). The embedded default keeps them in two SQLite
files and upgrades each file's own branch; on PostgreSQL one database holds both.
Replicas starting together are safe: the upgrade holds an advisory lock (PostgreSQL) or the
write lock (SQLite) from reading the version to the last statement.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

Branch = Literal["conversations", "knowledge"]
SCRIPTS = Path(__file__).parent
_ONE_AT_A_TIME = threading.Lock()  # alembic's `context` and `op` are process-wide proxies


def alembic_config(engine: Engine) -> Config:
    """A config for alembic's commands (upgrade, history, check) on this engine."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.set_main_option("path_separator", "os")
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, branch: Branch) -> None:
    """Bring `branch` to its newest schema; a no-op when it is there already.

    That is checked by one query before Alembic is loaded: Alembic (with Mako and Pygments)
    was a third of `laeringsbot status`'s start-up, on every command, for nothing."""
    if head(branch) in stamped(engine):
        return
    from alembic import command

    with _ONE_AT_A_TIME:
        command.upgrade(alembic_config(engine), f"{branch}@head")


def stamped(engine: Engine) -> set[str]:
    """The revisions the database says it has; none before the first upgrade."""
    try:
        with engine.connect() as conn:
            return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except SQLAlchemyError:
        return set()


@cache
def head(branch: Branch) -> str | None:
    """The newest revision of `branch`, read from the scripts' own lines (as Alembic reads
    them); None when the history forks, so that Alembic decides."""
    scripts: dict[str, tuple[str | None, str]] = {}
    for path in (SCRIPTS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = re.search(r'^revision = "(\w+)"', source, re.M)
        down = re.search(r'^down_revision = (?:None|"(\w+)")', source, re.M)
        label = re.search(r'^branch_labels = \("(\w+)",\)', source, re.M)
        if revision and down:
            scripts[revision.group(1)] = (down.group(1), label.group(1) if label else "")
    roots = [rev for rev, (down, label) in scripts.items() if down is None and label == branch]
    current = roots[0] if len(roots) == 1 else None
    while current is not None:
        children = [rev for rev, (down, _) in scripts.items() if down == current]
        if len(children) > 1:
            return None
        if not children:
            return current
        current = children[0]
    return None
