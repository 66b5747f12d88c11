"""Alembic's entry point: runs the migrations on the engine `upgrade` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, text

from indexer.store.schema import metadata

MIGRATION_LOCK = 7_231_018  # any constant; only our upgrades take this advisory lock


def run() -> None:
    engine: Engine = context.config.attributes["engine"]
    with engine.connect().execution_options(immediate=True) as connection:
        context.configure(connection=connection, target_metadata=metadata,
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": MIGRATION_LOCK})
            context.run_migrations()


run()
