"""The knowledge store: ledger (SQLite) + vectors (Chroma) + lexical index (BM25), kept in step.

Write protocol for one document, safe against SIGKILL at any line:
1. ledger row → `writing` (committed), 2. old vectors deleted, 3. new vectors upserted,
4. one ledger transaction replaces the chunks (and any catalogue rows) and sets `done`.
Readers only trust `done` rows, so vectors left by a killed run are never cited; `recover()`
deletes them on the next run. Every committed change bumps `generation`, which tells the
lexical index it must be rebuilt.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from indexer.models import Chunk, DocumentMeta
from indexer.store import ledger as state
from indexer.store.lexical import LexicalIndex
from indexer.store.vectors import VectorIndex

CatalogueWriter = Callable[[sqlite3.Connection], None]


class KnowledgeStore:
    def __init__(self, conn: sqlite3.Connection, lexical_dir: Path, vectors: VectorIndex | None):
        self.conn = conn
        self.lexical_dir = lexical_dir
        self._vectors = vectors
        self._lexical: LexicalIndex | None = None
        self._documents: tuple[str, list[DocumentMeta]] | None = None

    # -- vectors are opened lazily: a no-change run never needs Chroma ---------------------
    def attach_vectors(self, vectors: VectorIndex) -> None:
        self._vectors = vectors

    @property
    def has_vectors(self) -> bool:
        return self._vectors is not None

    @property
    def vectors(self) -> VectorIndex:
        if self._vectors is None:
            raise RuntimeError("vector index not attached")
        return self._vectors

    # -- ledger reads -------------------------------------------------------------------------
    def generation(self) -> str:
        return state.get_meta(self.conn, "generation") or "0"

    def document_hashes(self, root: str) -> dict[str, tuple[str, str]]:
        """doc_id → (content_hash, status) for every document indexed from `root`."""
        rows = self.conn.execute(
            "SELECT doc_id, content_hash, status FROM documents WHERE root = ?", (root,)
        )
        return {r["doc_id"]: (r["content_hash"], r["status"]) for r in rows}

    def documents(self) -> list[DocumentMeta]:
        """Committed documents; parsed once per ledger generation (every question needs them)."""
        generation = self.generation()
        if self._documents is not None and self._documents[0] == generation:
            return list(self._documents[1])
        rows = self.conn.execute(
            "SELECT meta_json FROM documents WHERE status = 'done' ORDER BY source"
        )
        documents = [state.meta_from_row(r) for r in rows]
        self._documents = (generation, documents)
        return list(documents)

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
        """Committed chunks by id; ids of uncommitted or deleted documents are simply absent."""
        found: dict[str, Chunk] = {}
        ids = list(chunk_ids)
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            marks = ",".join("?" * len(part))
            rows = self.conn.execute(
                f"SELECT c.* FROM chunks c JOIN documents d ON d.doc_id = c.doc_id "
                f"WHERE d.status = 'done' AND c.chunk_id IN ({marks})",
                part,
            )
            found.update({r["chunk_id"]: state.chunk_from_row(r) for r in rows})
        return found

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        rows = self.conn.execute(
            "SELECT c.* FROM chunks c JOIN documents d ON d.doc_id = c.doc_id "
            "WHERE d.status = 'done' AND c.doc_id = ? ORDER BY c.position",
            (doc_id,),
        )
        return [state.chunk_from_row(r) for r in rows]

    # -- writes ---------------------------------------------------------------------------------
    def replace_document(
        self,
        meta: DocumentMeta,
        root: str,
        content_hash: str,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        redactions: int = 0,
        catalogue: CatalogueWriter | None = None,
    ) -> None:
        self._mark(meta.doc_id, "writing", meta=meta, root=root)
        self.vectors.delete_document(meta.doc_id)
        self.vectors.upsert(meta, chunks, vectors)
        with state.transaction(self.conn) as conn:
            conn.execute("DELETE FROM chunks WHERE doc_id = ?", (meta.doc_id,))
            conn.executemany(
                "INSERT INTO chunks(chunk_id, doc_id, position, text, heading_path, start_char,"
                " end_char) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (c.chunk_id, c.doc_id, c.position, c.text,
                     json.dumps(c.heading_path, ensure_ascii=False), c.start, c.end)
                    for c in chunks
                ],
            )
            conn.execute(
                "UPDATE documents SET status = 'done', content_hash = ?, chunk_count = ?, "
                "redactions = ?, indexed_at = ? WHERE doc_id = ?",
                (content_hash, len(chunks), redactions, _now(), meta.doc_id),
            )
            if catalogue is not None:
                catalogue(conn)
            self._bump_generation(conn)

    def remove_document(self, doc_id: str, catalogue: CatalogueWriter | None = None) -> None:
        self._mark(doc_id, "deleting")
        self.vectors.delete_document(doc_id)
        with state.transaction(self.conn) as conn:
            conn.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            if catalogue is not None:
                catalogue(conn)
            self._bump_generation(conn)

    def unfinished(self) -> list[str]:
        rows = self.conn.execute("SELECT doc_id FROM documents WHERE status != 'done'")
        return [r["doc_id"] for r in rows]

    def recover(self, catalogue_for: Callable[[str], CatalogueWriter] | None = None) -> int:
        """Undo what a killed run left half-written; returns how many documents it cleaned."""
        unfinished = self.unfinished()
        for doc_id in unfinished:
            self.remove_document(doc_id, catalogue_for(doc_id) if catalogue_for else None)
        return len(unfinished)

    def reset_if_signature_changed(self, signature: str) -> bool:
        """A new embedding model makes every vector useless: start over."""
        old = state.get_meta(self.conn, "signature")
        if old == signature:
            return False
        if old is not None:
            self.vectors.reset()
            with state.transaction(self.conn) as conn:
                conn.execute("DELETE FROM chunks")
                conn.execute("DELETE FROM documents")
                self._bump_generation(conn)
        with state.transaction(self.conn) as conn:
            state.set_meta(conn, "signature", signature)
        return old is not None

    def mark_indexed_now(self) -> None:
        with state.transaction(self.conn) as conn:
            state.set_meta(conn, "last_indexed_at", _now())

    # -- lexical ---------------------------------------------------------------------------------
    def lexical(self) -> LexicalIndex:
        """The BM25 index matching the ledger's current generation (rebuilt when stale)."""
        generation = self.generation()
        if self._lexical is not None and self._lexical.generation == generation:
            return self._lexical
        loaded = LexicalIndex.load(self.lexical_dir)
        if loaded is None or loaded.generation != generation:
            loaded = self.rebuild_lexical()
        self._lexical = loaded
        return loaded

    def rebuild_lexical(self) -> LexicalIndex:
        generation = self.generation()
        rows = self.conn.execute(
            "SELECT c.chunk_id, c.text, c.heading_path, d.meta_json FROM chunks c "
            "JOIN documents d ON d.doc_id = c.doc_id WHERE d.status = 'done' "
            "ORDER BY c.doc_id, c.position"
        ).fetchall()
        titles = {r["meta_json"]: DocumentMeta.model_validate_json(r["meta_json"]).title
                  for r in rows}
        texts = [
            " ".join([titles[r["meta_json"]], *json.loads(r["heading_path"]), r["text"]])
            for r in rows
        ]
        index = LexicalIndex.build([r["chunk_id"] for r in rows], texts, generation)
        index.save(self.lexical_dir)
        self._lexical = index
        return index

    # -- helpers ---------------------------------------------------------------------------------
    def _mark(self, doc_id: str, status: str, meta: DocumentMeta | None = None,
              root: str = "") -> None:
        with state.transaction(self.conn) as conn:
            if meta is None:
                conn.execute("UPDATE documents SET status = ? WHERE doc_id = ?", (status, doc_id))
                return
            conn.execute(
                "INSERT INTO documents(doc_id, root, path, source, content_hash, status, meta_json,"
                " indexed_at) VALUES (?, ?, ?, ?, '', ?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET "
                "root = excluded.root, path = excluded.path, source = excluded.source, "
                "content_hash = '', status = excluded.status, meta_json = excluded.meta_json",
                (doc_id, root, meta.path, meta.source, status, meta.model_dump_json(), _now()),
            )

    @staticmethod
    def _bump_generation(conn: sqlite3.Connection) -> None:
        current = int(state.get_meta(conn, "generation") or "0")
        state.set_meta(conn, "generation", str(current + 1))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
