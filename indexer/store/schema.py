"""Every table the stores use, once, in SQLAlchemy Core: the same schema on SQLite and PostgreSQL.

The migrations under `migrations/versions` create exactly this (a test compares them on both
backends); a change here needs a new migration beside it.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

# -- the Teams face's conversations (branch "conversations") ---------------------------------
state = Table(
    "state", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),  # JSON
    Column("etag", Text, nullable=False),
)
seen_activities = Table(
    "seen_activities", metadata,
    Column("key", Text, primary_key=True),
    Column("seen_at", Float, nullable=False),
)
replies = Table(
    "replies", metadata,
    Column("reply_id", Text, primary_key=True),
    Column("conversation_id", Text, primary_key=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("created_at", Float, nullable=False),
)
feedback = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reply_id", Text),
    Column("conversation_id", Text),
    Column("user_id", Text),
    Column("reaction", Text, nullable=False),
    Column("comment", Text, nullable=False),
    Column("question", Text),
    Column("answer", Text),
    Column("created_at", Float, nullable=False),
)
drafts = Table(  # a draft's .docx, so a download link works on every replica
    "drafts", metadata,
    Column("draft_id", String(64), primary_key=True),
    Column("file_name", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", Float, nullable=False),
)
CONVERSATION_TABLES = (state, seen_activities, replies, feedback, drafts)
