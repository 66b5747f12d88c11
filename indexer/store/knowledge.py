"""The knowledge store: ledger (SQLite) + vectors (Chroma) + lexical index (BM25), kept in step.

Write protocol for one document, safe against SIGKILL at any line:
1. ledger row → `writing` (committed), 2. old vectors deleted, 3. new vectors upserted,
4. one ledger transaction replaces the chunks, runs the enrichers' writers (catalogue rows and
the like) and sets `done`.
Readers only trust `done` rows, so vectors left by a killed run are never cited; `recover()`
deletes them on the next run. Every committed change bumps `generation`, which tells the
lexical index it must be rebuilt.

This package is the only code that speaks SQL, Chroma or BM25: everything else asks the store.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Generator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from indexer.catalogue.models import Coverage, ProjectPage, ProjectQuery, ProjectRecord
from indexer.errors import StoreError
from indexer.minutes.models import MeetingRecord
from indexer.models import Chunk, DocumentMeta
from indexer.store import catalogue, documents, health, lock, meetings, projects, units
from indexer.store import ledger as state
from indexer.store.health import StoreHealth
from indexer.store.ledger import Writer
from indexer.store.lexical import LexicalIndex
from indexer.store.status import DocumentStatus, StoreStatus
from indexer.store.vectors import VectorIndex


class KnowledgeStore:
    def __init__(self, conn: sqlite3.Connection, lexical_dir: Path, vectors: VectorIndex | None,
                 lock_path: Path | None = None) -> None:  # fmt: skip
        self._conn = conn
        self._lexical_dir = lexical_dir
        self._lock_path = lock_path or lexical_dir.parent / "index.lock"
        self._writing = False
        self._vectors = vectors
        self._vectors_seen = self.generation() if vectors is not None else ""
        self._lexical: LexicalIndex | None = None
        self._documents: tuple[str, list[DocumentMeta]] | None = None
        catalogue.ensure_schema(conn)  # a ledger from before the catalogue gets its tables
        units.ensure_schema(conn)
        meetings.ensure_schema(conn)
        self._meetings: tuple[str, list[MeetingRecord]] | None = None

    @classmethod
    def open(cls, db_path: Path, lexical_dir: Path, vectors: VectorIndex | None = None
             ) -> KnowledgeStore:  # fmt: skip
        return cls(state.connect(db_path), lexical_dir, vectors, db_path.parent / "index.lock")

    def close(self) -> None:
        self._conn.close()

    # -- vectors are opened lazily: a no-change run never needs Chroma ---------------------
    def attach_vectors(self, vectors: VectorIndex) -> None:
        self._vectors = vectors
        self._vectors_seen = self.generation()

    @property
    def has_vectors(self) -> bool:
        return self._vectors is not None

    @property
    def vectors(self) -> VectorIndex:
        """The vector index as of the ledger's generation: when another process has committed
        since we last looked, the index is reopened, so a serving process needs no restart."""
        if self._vectors is None:
            raise RuntimeError("vector index not attached")
        generation = self.generation()
        if generation != self._vectors_seen:
            self._vectors.refresh()
            self._vectors_seen = generation
        return self._vectors

    def stored_vectors(self, doc_id: str) -> dict[str, np.ndarray]:
        """A document's vectors by what they were embedded from (an edit reuses them)."""
        return self.vectors.stored(doc_id)

    def check_vectors(self) -> list[str]:
        """Documents whose vectors are missing (the index run embeds them again)."""
        return health.vector_gaps(self._conn, self.vectors)

    def health(self) -> StoreHealth:
        """Whether the ledger and Chroma answer, and agree; cheap enough for /readyz."""
        return health.probe(self._conn, (lambda: self.vectors) if self._vectors else None)

    @contextmanager
    def writing(self) -> Generator[None, None, None]:
        """Hold the data dir's index lock (IndexLocked when another run has it)."""
        with lock.exclusive(self._lock_path):
            self._writing = True
            try:
                yield
            finally:
                self._writing = False

    def _own_write(self) -> None:
        """What this store just committed its own index already holds: no reopen for it."""
        self._vectors_seen = self.generation()

    # -- ledger reads -------------------------------------------------------------------------
    def generation(self) -> str:
        return state.get_meta(self._conn, "generation") or "0"

    def signature(self) -> str | None:
        """The embedding model and chunking the stored vectors were made with."""
        return state.get_meta(self._conn, "signature")

    def last_indexed_at(self) -> str | None:
        """ISO time the last index run finished, None before the first."""
        return state.get_meta(self._conn, "last_indexed_at")

    def document_hashes(self, root: str) -> dict[str, tuple[str, str]]:
        """doc_id → (content_hash, status) for every document indexed from `root`."""
        return documents.hashes(self._conn, root)

    def documents(self) -> list[DocumentMeta]:
        """Committed documents; parsed once per ledger generation (every question needs them)."""
        generation = self.generation()
        if self._documents is None or self._documents[0] != generation:
            self._documents = (generation, documents.committed(self._conn))
        return list(self._documents[1])

    def hidden(self) -> frozenset[str]:
        """Nothing: this is the operator's view (`VisibleStore` is one viewer's)."""
        return frozenset()

    def document(self, doc_id: str) -> DocumentMeta | None:
        """One committed document's meta, or None (one row: an index run asks this per file)."""
        return documents.committed_one(self._conn, doc_id)

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
        """Committed chunks by id; ids of uncommitted or deleted documents are simply absent."""
        return documents.chunks_by_id(self._conn, chunk_ids)

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        return documents.chunks_of(self._conn, doc_id)

    def unfinished(self) -> list[str]:
        """Documents a killed run left `writing` or `deleting`."""
        return documents.unfinished(self._conn)

    def status(self) -> StoreStatus:
        rows = documents.committed_with_counts(self._conn)
        return StoreStatus(
            documents=[DocumentStatus(meta=m, chunks=c, redactions=r) for m, c, r in rows],
            last_indexed_at=self.last_indexed_at(),
            signature=self.signature(),
        )

    def unit_vectors(self, keys: Sequence[str], signature: str) -> dict[str, np.ndarray]:
        """Answer-unit vectors embedded at index time (`indexer.store.units`), by text key."""
        return units.lookup(self._conn, keys, signature)

    def meetings(self) -> list[MeetingRecord]:
        """Every committed referat's record (`indexer.minutes`), newest meeting first; read once
        per ledger generation."""
        generation = self.generation()
        if self._meetings is None or self._meetings[0] != generation:
            self._meetings = (generation, meetings.committed(self._conn))
        return list(self._meetings[1])

    # -- the project catalogue ------------------------------------------------------------------
    def find_projects(self, query: ProjectQuery, hidden: frozenset[str] = frozenset()
                      ) -> list[ProjectRecord]:  # fmt: skip
        """Every catalogued project matching all of the query's filters, in list order (today's
        county, start year, title); what only `hidden` documents tell is left out."""
        try:
            return projects.find_projects(self._conn, query, hidden)
        except sqlite3.Error as exc:
            raise StoreError(f"Prosjektkatalogen kan ikke leses ({exc}).") from exc

    def project_page(self, query: ProjectQuery, offset: int, limit: int,
                     hidden: frozenset[str] = frozenset()) -> ProjectPage:  # fmt: skip
        """One page of a long list, with how many projects the whole list has."""
        try:
            records = projects.page(self._conn, query, offset, limit, hidden)
            if offset == 0 and len(records) < limit:  # the whole list is on this page
                return ProjectPage(total=len(records), records=records)
            return ProjectPage(total=projects.count(self._conn, query, hidden), records=records)
        except sqlite3.Error as exc:
            raise StoreError(f"Prosjektkatalogen kan ikke leses ({exc}).") from exc

    def project_places(self, query: ProjectQuery, hidden: frozenset[str] = frozenset()
                       ) -> list[tuple[str, str]]:  # fmt: skip
        """(kommunenummer as written, today's number) of every municipality of a list."""
        try:
            return projects.places(self._conn, query, hidden)
        except sqlite3.Error as exc:
            raise StoreError(f"Prosjektkatalogen kan ikke leses ({exc}).") from exc

    def coverage(self, hidden: frozenset[str] = frozenset()) -> Coverage:
        when = self.last_indexed_at()
        return Coverage(documents=documents.count(self._conn) - len(hidden),
                        last_indexed=dt.datetime.fromisoformat(when).date() if when else None)

    def rebuild_catalogue(self) -> int:
        """Link every stored mention from scratch (repair and tests); returns the project count."""
        with state.transaction(self._conn) as tx:
            return catalogue.rebuild(tx)

    # -- writes ---------------------------------------------------------------------------------
    def replace_document(
        self,
        meta: DocumentMeta,
        root: str,
        content_hash: str,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        redactions: int = 0,
        writers: Sequence[Writer] = (),
    ) -> None:
        self._mark(meta.doc_id, "writing", meta=meta, root=root)
        self.vectors.delete_document(meta.doc_id)
        self.vectors.upsert(meta, chunks, vectors)
        with state.transaction(self._conn) as tx:
            documents.commit_chunks(tx, meta.doc_id, content_hash, chunks, redactions)
            for write in writers:
                write(tx)
            state.bump_generation(tx)
        self._own_write()

    def remove_document(self, doc_id: str, writers: Sequence[Writer] = ()) -> None:
        self._mark(doc_id, "deleting")
        self.vectors.delete_document(doc_id)
        with state.transaction(self._conn) as tx:
            documents.delete(tx, doc_id)
            for write in writers:
                write(tx)
            state.bump_generation(tx)
        self._own_write()

    def set_access(self, doc_id: str, access: Sequence[str]) -> None:
        """A new access list for a committed document: its ledger row (the truth readers check)
        first, then its vectors' metadata; nothing is embedded or split again."""
        with state.transaction(self._conn) as tx:
            documents.set_access(tx, doc_id, list(access))
            state.bump_generation(tx)
        self.vectors.set_access(doc_id, access)

    def recover(self, writers_for: Callable[[str], Sequence[Writer]] | None = None) -> int:
        """Undo what a killed run left half-written; returns how many documents it cleaned."""
        unfinished = self.unfinished()
        for doc_id in unfinished:
            self.remove_document(doc_id, writers_for(doc_id) if writers_for else ())
        return len(unfinished)

    def reset_if_signature_changed(self, signature: str) -> bool:
        """A new embedding model makes every vector useless: start over."""
        old = self.signature()
        if old == signature:
            return False
        if old is not None:
            self.vectors.reset()
            with state.transaction(self._conn) as tx:
                documents.delete_all(tx)
                state.bump_generation(tx)
            self._own_write()
        with state.transaction(self._conn) as tx:
            state.set_meta(tx, "signature", signature)
        return old is not None

    def mark_indexed_now(self) -> None:
        with state.transaction(self._conn) as tx:
            state.set_meta(tx, "last_indexed_at", documents.now())

    # -- lexical ---------------------------------------------------------------------------------
    def lexical(self) -> LexicalIndex:
        """The BM25 index matching the ledger's current generation (rebuilt when stale).

        While another process is indexing, a reader keeps the newest saved index instead of
        rebuilding on every commit; the run saves the new one when it ends.
        """
        generation = self.generation()
        if self._lexical is not None and self._lexical.generation == generation:
            return self._lexical
        busy = not self._writing and lock.held(self._lock_path)
        saved = LexicalIndex.saved_generation(self._lexical_dir)
        if busy and self._lexical is not None and saved in (None, self._lexical.generation):
            return self._lexical
        loaded = LexicalIndex.load(self._lexical_dir)
        if loaded is None or (loaded.generation != generation and not busy):
            loaded = self.rebuild_lexical(save=not busy)
        self._lexical = loaded
        return loaded

    def refresh_lexical(self) -> bool:
        """Rebuild the saved BM25 index if it lags the ledger (without loading it); True if so."""
        if LexicalIndex.saved_generation(self._lexical_dir) == self.generation():
            return False
        self.rebuild_lexical()
        return True

    def rebuild_lexical(self, save: bool = True) -> LexicalIndex:
        generation = self.generation()  # read first: a write meanwhile leaves the index stale
        chunk_ids, texts = documents.lexical_texts(self._conn)
        index = LexicalIndex.build(chunk_ids, texts, generation)
        if save:  # not while another process is indexing: its save would race ours
            index.save(self._lexical_dir)
        self._lexical = index
        return index

    def _mark(self, doc_id: str, status: str, meta: DocumentMeta | None = None,
              root: str = "") -> None:  # fmt: skip
        with state.transaction(self._conn) as tx:
            documents.mark(tx, doc_id, status, meta, root)
