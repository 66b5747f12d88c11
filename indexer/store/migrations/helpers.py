"""What the first migration of each branch needs: files made before Alembic already have tables."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op


def create_table_once(name: str, *columns: Any) -> None:
    """CREATE TABLE unless a database from before the migrations has it (same columns then)."""
    if not sa.inspect(op.get_bind()).has_table(name):
        op.create_table(name, *columns)


def create_index_once(name: str, table: str, columns: list[str], where: str | None = None) -> None:
    """CREATE INDEX unless it is there; `where` makes it partial (on both backends)."""
    indexes = sa.inspect(op.get_bind()).get_indexes(table)
    if all(index["name"] != name for index in indexes):
        condition = sa.text(where) if where else None
        op.create_index(name, table, columns, sqlite_where=condition, postgresql_where=condition)
