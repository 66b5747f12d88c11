"""Every table the stores use, once, in SQLAlchemy Core: the same schema on SQLite and PostgreSQL.

The migrations under `migrations/versions` create exactly this (a test compares them on both
backends); a change here needs a new migration beside it.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

# -- the Teams face's conversations (branch "conversations") ---------------------------------
state = Table(
    "state", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),  # JSON
    Column("etag", Text, nullable=False),
    Column("updated_at", Float),  # for the retention pass (`ConversationStore.prune`)
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
turns = Table(  # acknowledged turns until answered: another replica answers those a dead one left
    "turns", metadata,
    Column("key", Text, primary_key=True),  # the activity's key in `seen_activities`
    Column("record", Text, nullable=False),  # JSON: activity and authentication; "" once done
    Column("status", Text, nullable=False),
    Column("owner", Text, nullable=False),  # the replica working on it
    Column("lease_until", Float, nullable=False),  # past it, any replica may take the turn over
    Column("attempts", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
    CheckConstraint("status IN ('pending', 'done', 'failed')", name="turns_status"),
)
# the replicas' periodic look for turns to take over reads only pending rows
Index("turns_pending", turns.c.lease_until,
      sqlite_where=text("status = 'pending'"), postgresql_where=text("status = 'pending'"))
CONVERSATION_TABLES = (state, seen_activities, replies, feedback, drafts, turns)

# -- the knowledge base (branch "knowledge"): ledger, catalogue, answer units, meeting records --
meta = Table(
    "meta", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)
documents = Table(
    "documents", metadata,
    Column("doc_id", Text, primary_key=True),
    Column("root", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("meta_json", Text, nullable=False),
    Column("chunk_count", Integer, nullable=False, server_default=text("0")),
    Column("redactions", Integer, nullable=False, server_default=text("0")),
    Column("indexed_at", Text, nullable=False),
    CheckConstraint("status IN ('writing', 'done', 'deleting')", name="documents_status"),
)
# a list hides projects whose documents are being written: found without a scan. Partial,
# so that no query for `done` rows is ever planned over it.
Index("documents_unfinished", documents.c.doc_id,
      sqlite_where=text("status != 'done'"), postgresql_where=text("status != 'done'"))
chunks = Table(
    "chunks", metadata,
    Column("chunk_id", Text, primary_key=True),
    Column("doc_id", Text, ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("heading_path", Text, nullable=False),  # JSON list
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
)
Index("chunks_by_doc", chunks.c.doc_id, chunks.c.position)

catalogue_mentions = Table(
    "catalogue_mentions", metadata,
    Column("mention_id", Text, primary_key=True),
    Column("doc_id", Text, nullable=False),
    Column("record_json", Text, nullable=False),
)
Index("catalogue_mentions_doc", catalogue_mentions.c.doc_id)
catalogue_mention_keys = Table(
    "catalogue_mention_keys", metadata,
    Column("mention_id", Text, nullable=False),
    Column("key", Text, nullable=False),
)
Index("catalogue_keys_key", catalogue_mention_keys.c.key)
Index("catalogue_keys_mention", catalogue_mention_keys.c.mention_id)
catalogue_projects = Table(
    "catalogue_projects", metadata,
    Column("project_id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_year", Integer),
    Column("last_year", Integer),
    Column("record_json", Text, nullable=False),
)
# a list is ordered and paged over this, not over the records' JSON
Index("catalogue_projects_list", catalogue_projects.c.project_id, catalogue_projects.c.first_year,
      catalogue_projects.c.last_year, catalogue_projects.c.title)
catalogue_members = Table(
    "catalogue_members", metadata,
    Column("mention_id", Text, primary_key=True),
    Column("project_id", Text, nullable=False),
    Column("doc_id", Text, nullable=False),
)
Index("catalogue_members_project", catalogue_members.c.project_id)
catalogue_places = Table(
    "catalogue_places", metadata,
    Column("project_id", Text, nullable=False),
    Column("kommunenummer", Text, nullable=False),
    Column("current_number", Text, nullable=False),
    Column("county", Text, nullable=False),
    Column("current_county", Text, nullable=False),
)
# (filter, project_id) indexes answer the read side's subqueries without touching the table
_places = catalogue_places.c
Index("catalogue_places_number", _places.current_number, _places.project_id)
Index("catalogue_places_county", _places.current_county, _places.project_id)
Index("catalogue_places_old_county", _places.county, _places.project_id)
Index("catalogue_places_written", _places.kommunenummer, _places.project_id)
Index("catalogue_places_project", _places.project_id)
# a project's home county orders every list: (project_id, current_county) answers it
Index("catalogue_places_home", _places.project_id, _places.current_county)
catalogue_themes = Table(
    "catalogue_themes", metadata,
    Column("project_id", Text, nullable=False),
    Column("theme", Text, nullable=False),
)
Index("catalogue_themes_theme", catalogue_themes.c.theme, catalogue_themes.c.project_id)
Index("catalogue_themes_project", catalogue_themes.c.project_id)

unit_vectors = Table(
    "unit_vectors", metadata,
    Column("doc_id", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("signature", Text, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float16
)
Index("unit_vectors_key", unit_vectors.c.key, unit_vectors.c.signature)
meeting_records = Table(
    "meeting_records", metadata,
    Column("doc_id", Text, primary_key=True),
    Column("meeting_date", Text),
    Column("record_json", Text, nullable=False),
)
KNOWLEDGE_TABLES = (meta, documents, chunks, catalogue_mentions, catalogue_mention_keys,
                    catalogue_projects, catalogue_members, catalogue_places, catalogue_themes,
                    unit_vectors, meeting_records)
