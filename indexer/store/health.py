"""Is the store usable, and do its vectors match its ledger?

`probe` is cheap (one SQL statement, one vector count) for a readiness check; `vector_gaps` is
the index run's consistency check: a Chroma that came back empty, or lost some documents, leaves
the ledger saying «unchanged» for every file, and nothing else would ever notice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from pydantic import BaseModel

from indexer.ingest.chunking import doc_id_of
from indexer.store import documents, sql
from indexer.store.vectors import VectorIndex


class StoreHealth(BaseModel):
    database: bool  # the ledger answers
    vectors: bool  # Chroma answers
    consistent: bool  # as many vectors as committed chunks
    detail: str = ""  # what is wrong, in Norwegian, for logs and /readyz

    @property
    def ready(self) -> bool:
        return self.database and self.vectors


def probe(conn: sql.Db, vectors: Callable[[], VectorIndex] | None) -> StoreHealth:
    """Never raises: each part that fails is reported as down."""
    try:
        chunks = sum(documents.chunk_counts(conn).values())
    except sql.Error as exc:
        return StoreHealth(database=False, vectors=False, consistent=False,
                           detail=f"Databasen svarer ikke: {exc}")
    if vectors is None:
        return StoreHealth(database=True, vectors=False, consistent=False,
                           detail="Chroma er ikke åpnet.")
    try:
        count = vectors().count()
    except Exception as exc:  # whatever the client raises, the answer is «down»
        return StoreHealth(database=True, vectors=False, consistent=False, detail=str(exc))
    if count != chunks:
        return StoreHealth(database=True, vectors=True, consistent=False,
                           detail=f"Chroma har {count} vektorer, kunnskapsbasen {chunks} biter.")
    return StoreHealth(database=True, vectors=True, consistent=True)


def vector_gaps(conn: sql.Db, vectors: VectorIndex) -> list[str]:
    """Committed documents whose vectors are missing; vectors of unknown documents are deleted.

    Counting is enough when the totals agree (the usual case: one count, no id listing).
    """
    expected = documents.chunk_counts(conn)
    if vectors.count() == sum(expected.values()):
        return []
    found = Counter(doc_id_of(cid) for cid in vectors.ids())
    for doc_id in sorted(set(found) - set(expected)):
        vectors.delete_document(doc_id)  # left by a run that died after its ledger row went
    return sorted(d for d, n in expected.items() if found.get(d, 0) != n)
