"""Citations are data: numbered sources collected while an answer is built, rendered as [n]."""

from __future__ import annotations

from bot.core.models import AnswerSentence, Citation
from indexer.models import Chunk, DocumentMeta

SNIPPET_CHARS = 300


class CitationBook:
    """Hands out citation numbers: the same chunk and snippet always gets the same number."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_key: dict[tuple[str, str], int] = {}

    def cite(self, chunk: Chunk, meta: DocumentMeta, snippet: str | None = None) -> int:
        text = _clip(snippet if snippet is not None else chunk.text)
        key = (chunk.chunk_id, text)
        if key not in self._by_key:
            n = len(self.citations) + 1
            self._by_key[key] = n
            self.citations.append(
                Citation(
                    n=n,
                    source=meta.source,
                    title=meta.title,
                    section=chunk.section,
                    date=meta.date.isoformat() if meta.date else None,
                    snippet=text,
                    chunk_id=chunk.chunk_id,
                    doc_id=meta.doc_id,
                    url=getattr(meta, "url", None),  # catalogue spans cite without one
                )
            )
        return self._by_key[key]


def render(sentences: list[AnswerSentence], separator: str = " ") -> str:
    """Sentences with their [n] markers, the only place markers are produced."""
    parts: list[str] = []
    for sentence in sentences:
        markers = "".join(f"[{n}]" for n in sorted(set(sentence.citations)))
        parts.append(f"{sentence.text} {markers}".rstrip() if markers else sentence.text)
    return separator.join(parts)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text[:SNIPPET_CHARS].rsplit(" ", 1)[0]
    return cut + " …"
