"""Citations are data: numbered sources collected while an answer is built, rendered as [n]."""

from __future__ import annotations

import re

from bot.core.models import AnswerSentence, Citation
from indexer.minutes.models import Where
from indexer.models import Chunk, DocumentMeta

SNIPPET_CHARS = 300


def title_chunk(meta: DocumentMeta) -> Chunk:
    """What cites a document that has no text of its own: its first chunk's place, its title."""
    return Chunk(chunk_id=f"{meta.doc_id}:0000", doc_id=meta.doc_id, position=0, text=meta.title,
                 start=0, end=0)


class CitationBook:
    """Hands out citation numbers: the same chunk and snippet always gets the same number."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_key: dict[tuple[str, str], int] = {}

    def cite(self, chunk: Chunk, meta: DocumentMeta, snippet: str | None = None) -> int:
        text = snippet if snippet is not None else chunk.text
        return self._cite(chunk.chunk_id, chunk.section, meta, text)

    def cite_where(self, where: Where, meta: DocumentMeta) -> int:
        """A span a record kept at index time (`indexer.minutes`): no chunk needs reading."""
        return self._cite(where.chunk_id, where.section, meta, where.snippet)

    def _cite(self, chunk_id: str, section: str | None, meta: DocumentMeta, snippet: str) -> int:
        text = _clip(snippet)
        key = (chunk_id, text)
        if key not in self._by_key:
            n = len(self.citations) + 1
            self._by_key[key] = n
            self.citations.append(
                Citation(
                    n=n,
                    source=meta.source,
                    title=meta.title,
                    section=section,
                    date=meta.date.isoformat() if meta.date else None,
                    snippet=text,
                    chunk_id=chunk_id,
                    doc_id=meta.doc_id,
                    url=getattr(meta, "url", None),  # catalogue spans cite without one
                )
            )
        return self._by_key[key]


def appended(first: list[AnswerSentence], first_cited: list[Citation],
             then: list[AnswerSentence], then_cited: list[Citation]
             ) -> tuple[list[AnswerSentence], list[Citation]]:  # fmt: skip
    """Two answers' sentences as one: the second's citations numbered on after the first's,
    a span both cite keeping its first number."""
    citations, numbers = numbered_on(first_cited, then_cited)
    return [*first, *moved(then, numbers)], citations


def numbered_on(first_cited: list[Citation], then_cited: list[Citation]
                ) -> tuple[list[Citation], dict[int, int]]:  # fmt: skip
    """Both lists as one, the second's citations numbered on after the first's (a span both
    cite keeps its first number), and the second's old number → new number."""
    citations = list(first_cited)
    by_key = {(c.chunk_id, c.snippet): c.n for c in citations}
    numbers: dict[int, int] = {}
    for citation in then_cited:
        key = (citation.chunk_id, citation.snippet)
        if key not in by_key:
            by_key[key] = max((c.n for c in citations), default=0) + 1
            citations.append(citation.model_copy(update={"n": by_key[key]}))
        numbers[citation.n] = by_key[key]
    return citations, numbers


def moved(sentences: list[AnswerSentence], numbers: dict[int, int]) -> list[AnswerSentence]:
    """Sentences citing by their new numbers."""
    return [s.model_copy(update={"citations": [numbers[n] for n in s.citations]})
            for s in sentences]


_MARKER = re.compile(r"\[(\d+)\]")


def renumbered(text: str, numbers: dict[int, int]) -> str:
    """A rendered answer's [n] markers by their new numbers (a number not moved stays)."""
    return _MARKER.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", text)


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
