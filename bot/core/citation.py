"""One numbered source. A leaf module: the answer, its payloads and the minutes models all
carry citations, and `bot.core.models` imports the payloads."""

from __future__ import annotations

from pydantic import BaseModel


class Citation(BaseModel):
    """One numbered source; `n` is the marker `[n]` in the answer text."""

    n: int
    source: str  # file name
    title: str
    section: str | None = None
    date: str | None = None  # YYYY-MM-DD
    snippet: str
    chunk_id: str | None = None
    doc_id: str | None = None
    url: str | None = None  # the document's own web address, when it has one
