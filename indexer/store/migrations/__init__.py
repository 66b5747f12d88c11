"""Alembic migrations, run from code at start (no alembic.ini): `upgrade(engine, branch)`.

Two independent branches share one history table: "conversations" (the Teams face's state) and
"knowledge" (ledger, catalogue, minutes, units). The embedded default keeps them in two SQLite
files and upgrades each file's own branch; on PostgreSQL one database holds both.
Replicas starting together are safe: the upgrade holds an advisory lock (PostgreSQL) or the
write lock (SQLite) from reading the version to the last statement.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

Branch = Literal["conversations", "knowledge"]
SCRIPTS = Path(__file__).parent
_ONE_AT_A_TIME = threading.Lock()  # alembic's `context` and `op` are process-wide proxies


def alembic_config(engine: Engine) -> Config:
    """A config for alembic's commands (upgrade, history, check) on this engine."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.set_main_option("path_separator", "os")
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, branch: Branch) -> None:
    """Bring `branch` to its newest schema; a no-op when it is there already."""
    with _ONE_AT_A_TIME:
        command.upgrade(alembic_config(engine), f"{branch}@head")
