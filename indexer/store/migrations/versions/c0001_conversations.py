"""The Teams face's conversation state: keyed JSON with e_tags, answered activity ids (the
dedupe across replicas), replies, feedback, and drafts' .docx files.

Revision ID: c0001
Create Date: 2025-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indexer.store.migrations.helpers import create_table_once

revision = "c0001"
down_revision = None
branch_labels = ("conversations",)
depends_on = None


def upgrade() -> None:
    create_table_once(
        "state",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("etag", sa.Text, nullable=False),
    )
    create_table_once(
        "seen_activities",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("seen_at", sa.Float, nullable=False),
    )
    create_table_once(
        "replies",
        sa.Column("reply_id", sa.Text, primary_key=True),
        sa.Column("conversation_id", sa.Text, primary_key=True),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    create_table_once(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reply_id", sa.Text),
        sa.Column("conversation_id", sa.Text),
        sa.Column("user_id", sa.Text),
        sa.Column("reaction", sa.Text, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("question", sa.Text),
        sa.Column("answer", sa.Text),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "drafts",
        sa.Column("draft_id", sa.String(64), primary_key=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    for name in ("drafts", "feedback", "replies", "seen_activities", "state"):
        op.drop_table(name)
