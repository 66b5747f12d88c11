"""Document and chunk rows of the ledger. Readers only ever see rows whose status is `done`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from indexer.models import Chunk, DocumentMeta
from indexer.store.ledger import Transaction, bump_generation
from indexer.store.sql import Db, Row, execute_in

_DONE_CHUNKS = ("SELECT c.* FROM chunks c JOIN documents d ON d.doc_id = c.doc_id "
                "WHERE d.status = 'done'")


def hashes(conn: Db, root: str) -> dict[str, tuple[str, str]]:
    rows = conn.execute(
        "SELECT doc_id, content_hash, status FROM documents WHERE root = ?", (root,)
    )
    return {r["doc_id"]: (r["content_hash"], r["status"]) for r in rows}


def committed(conn: Db) -> list[DocumentMeta]:
    rows = conn.execute("SELECT meta_json FROM documents WHERE status = 'done' ORDER BY source")
    return [DocumentMeta.model_validate_json(r["meta_json"]) for r in rows]


def committed_with_counts(conn: Db) -> list[tuple[DocumentMeta, int, int]]:
    """(meta, chunk count, redactions) of every committed document, by source."""
    rows = conn.execute(
        "SELECT meta_json, chunk_count, redactions FROM documents WHERE status = 'done' "
        "ORDER BY source"
    )
    return [(DocumentMeta.model_validate_json(r["meta_json"]), r["chunk_count"], r["redactions"])
            for r in rows]  # fmt: skip


def committed_ids(conn: Db, doc_ids: set[str]) -> set[str]:
    """Which of these documents are committed."""
    rows = execute_in(conn, "SELECT doc_id FROM documents WHERE status = 'done' AND doc_id IN ({})",
                      sorted(doc_ids))  # fmt: skip
    return {r[0] for r in rows}


def count(conn: Db) -> int:
    """Documents in the ledger (a full count: a status filter would scan every row)."""
    return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])


def unfinished(conn: Db) -> list[str]:
    """Documents being written or deleted (a partial index of just those answers this)."""
    rows = conn.execute("SELECT doc_id FROM documents WHERE status != 'done'")
    return [r["doc_id"] for r in rows]


def chunks_by_id(conn: Db, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
    rows = execute_in(conn, f"{_DONE_CHUNKS} AND c.chunk_id IN ({{}})", chunk_ids)
    return {r["chunk_id"]: _chunk(r) for r in rows}


def chunks_of(conn: Db, doc_id: str) -> list[Chunk]:
    rows = conn.execute(f"{_DONE_CHUNKS} AND c.doc_id = ? ORDER BY c.position", (doc_id,))
    return [_chunk(r) for r in rows]


def lexical_texts(conn: Db) -> tuple[list[str], list[str]]:
    """Chunk ids and the text BM25 indexes for each: title, headings, chunk text."""
    rows = conn.execute(
        "SELECT c.chunk_id, c.text, c.heading_path, d.meta_json FROM chunks c "
        "JOIN documents d ON d.doc_id = c.doc_id WHERE d.status = 'done' "
        "ORDER BY c.doc_id, c.position"
    ).fetchall()
    titles = {r["meta_json"]: DocumentMeta.model_validate_json(r["meta_json"]).title
              for r in rows}  # fmt: skip
    texts = [" ".join([titles[r["meta_json"]], *json.loads(r["heading_path"]), r["text"]])
             for r in rows]  # fmt: skip
    return [r["chunk_id"] for r in rows], texts


def mark(tx: Transaction, doc_id: str, status: str, meta: DocumentMeta | None = None,
         root: str = "") -> None:  # fmt: skip
    """A document's row before its vectors change: `writing` (with its new meta) or `deleting`."""
    if meta is None:
        tx.execute("UPDATE documents SET status = ? WHERE doc_id = ?", (status, doc_id))
        return
    tx.execute(
        "INSERT INTO documents(doc_id, root, path, source, content_hash, status, meta_json,"
        " indexed_at) VALUES (?, ?, ?, ?, '', ?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET "
        "root = excluded.root, path = excluded.path, source = excluded.source, "
        "content_hash = '', status = excluded.status, meta_json = excluded.meta_json",
        (doc_id, root, meta.path, meta.source, status, meta.model_dump_json(), now()),
    )


def commit_chunks(tx: Transaction, doc_id: str, content_hash: str, chunks: Sequence[Chunk],
                  redactions: int) -> None:  # fmt: skip
    """Replace the document's chunks and mark it `done`."""
    tx.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
    tx.executemany(
        "INSERT INTO chunks(chunk_id, doc_id, position, text, heading_path, start_char,"
        " end_char) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(c.chunk_id, c.doc_id, c.position, c.text,
          json.dumps(c.heading_path, ensure_ascii=False), c.start, c.end) for c in chunks],
    )  # fmt: skip
    tx.execute(
        "UPDATE documents SET status = 'done', content_hash = ?, chunk_count = ?, "
        "redactions = ?, indexed_at = ? WHERE doc_id = ?",
        (content_hash, len(chunks), redactions, now(), doc_id),
    )


def set_access(tx: Transaction, doc_id: str, access: list[str]) -> None:
    row = tx.execute("SELECT meta_json FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return
    meta = DocumentMeta.model_validate_json(row["meta_json"]).model_copy(update={"access": access})
    tx.execute("UPDATE documents SET meta_json = ? WHERE doc_id = ?",
               (meta.model_dump_json(), doc_id))  # fmt: skip
    bump_generation(tx)  # readers see the new scope at once; nothing is embedded again


def delete(tx: Transaction, doc_id: str) -> None:
    tx.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
    tx.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))


def delete_all(tx: Transaction) -> None:
    tx.execute("DELETE FROM chunks")
    tx.execute("DELETE FROM documents")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _chunk(row: Row) -> Chunk:
    return Chunk(
        chunk_id=row["chunk_id"],
        doc_id=row["doc_id"],
        position=row["position"],
        text=row["text"],
        heading_path=json.loads(row["heading_path"]),
        start=row["start_char"],
        end=row["end_char"],
    )


def chunk_counts(conn: Db) -> dict[str, int]:
    """doc_id → chunk count of every committed document (the vectors it must have)."""
    rows = conn.execute("SELECT doc_id, chunk_count FROM documents WHERE status = 'done'")
    return {r["doc_id"]: int(r["chunk_count"]) for r in rows}
