"""The knowledge store as one viewer sees it: every read the answer side makes, trimmed.

`KnowledgeReader` is what the read side may ask; `KnowledgeStore` (the operator's view, all
documents) and `VisibleStore` (one viewer's) both are one. A document the viewer may not see is
absent from every answer before anything is ranked: its chunks are left out of the dense
search (a Chroma `where`) and the BM25 candidates, its projects and their evidence out of the
catalogue's SQL, its meeting record out of minutes and decisions, its title out of every list
and count. Absent and restricted look the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from indexer.access import Viewer
from indexer.catalogue.models import Coverage, ProjectPage, ProjectQuery, ProjectRecord
from indexer.minutes.models import MeetingRecord
from indexer.models import Chunk, DocumentMeta
from indexer.store.health import StoreHealth
from indexer.store.knowledge import KnowledgeStore
from indexer.store.lexical import LexicalIndex
from indexer.store.vectors import VectorIndex


class KnowledgeReader(Protocol):
    """The reads the answer side makes; `hidden()` names committed documents it must not show."""

    @property
    def vectors(self) -> VectorIndex: ...
    def generation(self) -> str: ...
    def health(self) -> StoreHealth: ...
    def signature(self) -> str | None: ...
    def last_indexed_at(self) -> str | None: ...
    def documents(self) -> list[DocumentMeta]: ...
    def document(self, doc_id: str) -> DocumentMeta | None: ...
    def hidden(self) -> frozenset[str]: ...
    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]: ...
    def document_chunks(self, doc_id: str) -> list[Chunk]: ...
    def meetings(self) -> list[MeetingRecord]: ...
    def unit_vectors(self, keys: Sequence[str], signature: str) -> dict[str, np.ndarray]: ...
    def find_projects(self, query: ProjectQuery) -> list[ProjectRecord]: ...
    def project_page(self, query: ProjectQuery, offset: int, limit: int) -> ProjectPage: ...
    def project_places(self, query: ProjectQuery) -> list[tuple[str, str]]: ...
    def coverage(self) -> Coverage: ...
    def lexical(self) -> LexicalIndex: ...


class VisibleStore:
    """A per-question view over the shared store; cheap to make (nothing is copied)."""

    def __init__(self, base: KnowledgeStore, viewer: Viewer) -> None:
        self.base = base
        self.viewer = viewer
        self._seen: tuple[str, dict[str, DocumentMeta], frozenset[str]] | None = None

    def _snapshot(self) -> tuple[dict[str, DocumentMeta], frozenset[str]]:
        """(visible documents by id, hidden ids) for the ledger's current generation, so a
        document restricted while a question is answered is left out from then on."""
        generation = self.base.generation()
        if self._seen is None or self._seen[0] != generation:
            every = self.base.documents()
            shown = {m.doc_id: m for m in every if self.viewer.may_see(m.access)}
            hidden = frozenset(m.doc_id for m in every if m.doc_id not in shown)
            self._seen = (generation, shown, hidden)
        return self._seen[1], self._seen[2]

    @property
    def vectors(self) -> VectorIndex:
        return self.base.vectors

    def health(self) -> StoreHealth:
        return self.base.health()

    def generation(self) -> str:
        return self.base.generation()

    def signature(self) -> str | None:
        return self.base.signature()

    def last_indexed_at(self) -> str | None:
        return self.base.last_indexed_at()

    def documents(self) -> list[DocumentMeta]:
        return list(self._snapshot()[0].values())

    def document(self, doc_id: str) -> DocumentMeta | None:
        return self._snapshot()[0].get(doc_id)

    def hidden(self) -> frozenset[str]:
        return self._snapshot()[1]

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
        shown = self._snapshot()[0]  # an allow-list: a document added meanwhile is not in it
        return {cid: c for cid, c in self.base.chunks(chunk_ids).items() if c.doc_id in shown}

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        return self.base.document_chunks(doc_id) if doc_id in self._snapshot()[0] else []

    def meetings(self) -> list[MeetingRecord]:
        shown = self._snapshot()[0]
        return [record for record in self.base.meetings() if record.doc_id in shown]

    def unit_vectors(self, keys: Sequence[str], signature: str) -> dict[str, np.ndarray]:
        return self.base.unit_vectors(keys, signature)  # keyed by the text the caller holds

    def find_projects(self, query: ProjectQuery) -> list[ProjectRecord]:
        return self.base.find_projects(query, self.hidden())

    def project_page(self, query: ProjectQuery, offset: int, limit: int) -> ProjectPage:
        return self.base.project_page(query, offset, limit, self.hidden())

    def project_places(self, query: ProjectQuery) -> list[tuple[str, str]]:
        return self.base.project_places(query, self.hidden())

    def coverage(self) -> Coverage:
        return self.base.coverage(self.hidden())

    def lexical(self) -> LexicalIndex:
        return self.base.lexical()  # searches pass their candidates (`hidden()` left out)
