"""Conversation state gets the time it was last written, so the retention pass can remove it;
rows from before count from the moment of the upgrade.

Revision ID: c0002
Revises: c0001
Create Date: 2025-12-02
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("state")}
    if "updated_at" not in columns:  # a file the store wrote before Alembic may have it already
        op.add_column("state", sa.Column("updated_at", sa.Float))
    op.execute(sa.text("UPDATE state SET updated_at = :now WHERE updated_at IS NULL")
               .bindparams(now=time.time()))


def downgrade() -> None:
    with op.batch_alter_table("state") as batch:
        batch.drop_column("updated_at")
