"""The knowledge base as it stood when Alembic took over: ledger (meta, documents, chunks),
project catalogue, answer-unit vectors and meeting records.

A frozen copy of those tables, not an import of `schema.py`: a later migration changes them, and
this one must still build what it built then. A file from before the migrations already has
them; only what is missing is created.

Revision ID: k0001
Create Date: 2025-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indexer.store.migrations.helpers import create_index_once, create_table_once

revision = "k0001"
down_revision = None
branch_labels = ("knowledge",)
depends_on = None

def upgrade() -> None:
    _ledger()
    _catalogue()
    create_table_once(
        "unit_vectors",
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    create_index_once("unit_vectors_key", "unit_vectors", ["key", "signature"])
    create_table_once(
        "meeting_records",
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column("meeting_date", sa.Text),
        sa.Column("record_json", sa.Text, nullable=False),
    )


def _ledger() -> None:
    create_table_once(
        "meta",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    create_table_once(
        "documents",
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column("root", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("meta_json", sa.Text, nullable=False),
        sa.Column("chunk_count", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("redactions", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("indexed_at", sa.Text, nullable=False),
        sa.CheckConstraint("status IN ('writing', 'done', 'deleting')", name="documents_status"),
    )
    create_index_once("documents_unfinished", "documents", ["doc_id"], where="status != 'done'")
    create_table_once(
        "chunks",
        sa.Column("chunk_id", sa.Text, primary_key=True),
        sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("heading_path", sa.Text, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
    )
    create_index_once("chunks_by_doc", "chunks", ["doc_id", "position"])


def _catalogue() -> None:
    create_table_once(
        "catalogue_mentions",
        sa.Column("mention_id", sa.Text, primary_key=True),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
    )
    create_index_once("catalogue_mentions_doc", "catalogue_mentions", ["doc_id"])
    create_table_once(
        "catalogue_mention_keys",
        sa.Column("mention_id", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
    )
    create_index_once("catalogue_keys_key", "catalogue_mention_keys", ["key"])
    create_index_once("catalogue_keys_mention", "catalogue_mention_keys", ["mention_id"])
    create_table_once(
        "catalogue_projects",
        sa.Column("project_id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("first_year", sa.Integer),
        sa.Column("last_year", sa.Integer),
        sa.Column("record_json", sa.Text, nullable=False),
    )
    create_index_once("catalogue_projects_list", "catalogue_projects",
                      ["project_id", "first_year", "last_year", "title"])
    create_table_once(
        "catalogue_members",
        sa.Column("mention_id", sa.Text, primary_key=True),
        sa.Column("project_id", sa.Text, nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
    )
    create_index_once("catalogue_members_project", "catalogue_members", ["project_id"])
    create_table_once(
        "catalogue_places",
        sa.Column("project_id", sa.Text, nullable=False),
        sa.Column("kommunenummer", sa.Text, nullable=False),
        sa.Column("current_number", sa.Text, nullable=False),
        sa.Column("county", sa.Text, nullable=False),
        sa.Column("current_county", sa.Text, nullable=False),
    )
    for name, columns in (("number", ["current_number", "project_id"]),
                          ("county", ["current_county", "project_id"]),
                          ("old_county", ["county", "project_id"]),
                          ("written", ["kommunenummer", "project_id"]),
                          ("project", ["project_id"]),
                          ("home", ["project_id", "current_county"])):
        create_index_once(f"catalogue_places_{name}", "catalogue_places", columns)
    create_table_once(
        "catalogue_themes",
        sa.Column("project_id", sa.Text, nullable=False),
        sa.Column("theme", sa.Text, nullable=False),
    )
    create_index_once("catalogue_themes_theme", "catalogue_themes", ["theme", "project_id"])
    create_index_once("catalogue_themes_project", "catalogue_themes", ["project_id"])


def downgrade() -> None:
    for name in ("meeting_records", "unit_vectors", "catalogue_themes", "catalogue_places",
                 "catalogue_members", "catalogue_projects", "catalogue_mention_keys",
                 "catalogue_mentions", "chunks", "documents", "meta"):
        op.drop_table(name)
