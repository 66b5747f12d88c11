"""Acknowledged turns are written down until they are answered, so that a replica that stops
(killed, out of memory) loses none: another takes its turns over when their lease runs out.

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "turns",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("lease_until", sa.Float, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.CheckConstraint("status IN ('pending', 'done', 'failed')", name="turns_status"),
    )
    pending = sa.text("status = 'pending'")
    op.create_index("turns_pending", "turns", ["lease_until"], sqlite_where=pending,
                    postgresql_where=pending)


def downgrade() -> None:
    op.drop_index("turns_pending", table_name="turns")
    op.drop_table("turns")
