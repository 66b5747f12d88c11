"""Meeting records (`indexer.minutes`) in the ledger DB: one row per referat, written inside the
document's own ledger transaction and removed with it, so a record is never out of step with
the chunks it cites.
"""

from __future__ import annotations

from indexer.minutes.models import MeetingRecord
from indexer.store.ledger import Writer
from indexer.store.sql import Db


def replace_writer(record: MeetingRecord) -> Writer:
    def write(conn: Db) -> None:
        conn.execute(
            "INSERT INTO meeting_records(doc_id, meeting_date, record_json) VALUES (?, ?, ?) "
            "ON CONFLICT(doc_id) DO UPDATE SET meeting_date = excluded.meeting_date, "
            "record_json = excluded.record_json",
            (record.doc_id, record.date.isoformat() if record.date else None,
             record.model_dump_json()))

    return write


def remove_writer(doc_id: str) -> Writer:
    def write(conn: Db) -> None:
        conn.execute("DELETE FROM meeting_records WHERE doc_id = ?", (doc_id,))

    return write


def committed(conn: Db) -> list[MeetingRecord]:
    """The records of committed documents, newest meeting first (undated last)."""
    rows = conn.execute(
        "SELECT m.record_json FROM meeting_records m JOIN documents d ON d.doc_id = m.doc_id "
        "WHERE d.status = 'done' "
        "ORDER BY m.meeting_date IS NULL, m.meeting_date DESC, m.doc_id")
    return [MeetingRecord.model_validate_json(row[0]) for row in rows]
