"""What the knowledge store holds, for `laeringsbot status`: documents, counts, last run."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from indexer.models import DocumentMeta


class DocumentStatus(BaseModel):
    meta: DocumentMeta
    chunks: int
    redactions: int


class StoreStatus(BaseModel):
    documents: list[DocumentStatus]  # committed documents, by source
    last_indexed_at: str | None  # ISO time of the last finished index run
    signature: str | None  # embedding model and chunking the vectors were made with

    @property
    def chunks(self) -> int:
        return sum(d.chunks for d in self.documents)

    def by_type(self) -> dict[str, int]:
        """Documents per type, most first."""
        return dict(Counter(d.meta.doc_type.value for d in self.documents).most_common())

    def by_county(self, unknown: str = "ukjent") -> dict[str, int]:
        """Documents per today's county, most first."""
        counts = Counter(d.meta.current_county or unknown for d in self.documents)
        return dict(counts.most_common())
