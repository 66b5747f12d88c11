"""Vectors of answer units (sentences, label lines, lists: `indexer.text.units`), embedded at
index time so answering never embeds a sentence. Rows are per document, written in its ledger
transaction and removed with it; a vector is found again by its text's hash, so an unchanged
sentence keeps its vector when its document is re-indexed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from indexer.store.ledger import Writer
from indexer.store.sql import Db, execute_in


def replace_writer(doc_id: str, signature: str, rows: Sequence[tuple[str, np.ndarray]]) -> Writer:
    def write(conn: Db) -> None:
        conn.execute("DELETE FROM unit_vectors WHERE doc_id = ?", (doc_id,))
        conn.executemany(
            "INSERT INTO unit_vectors(doc_id, key, signature, vector) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(doc_id, key) DO UPDATE SET signature = excluded.signature, "
            "vector = excluded.vector",
            [(doc_id, key, signature, np.asarray(v, dtype=np.float16).tobytes())
             for key, v in rows])

    return write


def remove_writer(doc_id: str) -> Writer:
    def write(conn: Db) -> None:
        conn.execute("DELETE FROM unit_vectors WHERE doc_id = ?", (doc_id,))

    return write


def lookup(conn: Db, keys: Sequence[str], signature: str
           ) -> dict[str, np.ndarray]:
    """Stored vectors for these keys (any document), made with this embedding signature."""
    sql = "SELECT key, vector FROM unit_vectors WHERE signature = ? AND key IN ({})"
    rows = execute_in(conn, sql, dict.fromkeys(keys), before=[signature])
    found = {key: np.frombuffer(blob, dtype=np.float16).astype(np.float32) for key, blob in rows}
    return found
