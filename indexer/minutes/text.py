"""A referat as the minutes reader sees it: its text cut into agenda items (Sak) with their
sentences, and `where` any span of it was written (the chunk that holds it, the snippet).

At index time the text is the loaded document's own; a document that never was indexed (an
upload, a test) has its text rebuilt from its chunks (exact slices of the loaded text; the gaps
are whitespace), so the section finder sees what the indexer saw.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from indexer.ingest.structure import Section, find_sections
from indexer.minutes.models import ItemKind, Where
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.text.sentences import Sentence, split_sentences

_NEXT_HEADING = re.compile(
    r"^\W*neste\s+(?:møte|samling|nettverkssamling|styringsgruppemøte)\w*\W*$", re.I
)
_BOLD = re.compile(r"\*\*|__")
_LINK = re.compile(r"\[([^\]]+)\]\((?:https?|mailto):[^)]*\)")


@dataclass(frozen=True)
class ItemSpan:
    """One agenda item: heading at `start`, body from `body_start` to `end`."""

    kind: ItemKind
    number: str | None
    title: str
    level: int
    start: int
    body_start: int
    end: int


@dataclass
class MinutesDoc:
    meta: DocumentMeta
    chunks: list[Chunk]
    text: str
    preamble_end: int
    items: list[ItemSpan]
    sentences: list[Sentence]
    _starts: list[int] = field(default_factory=list, repr=False)
    _chunk_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]
        self._chunk_starts = [c.start for c in self.chunks]

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """Sentences that begin inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.sentences[lo:hi]

    def body(self, item: ItemSpan) -> list[Sentence]:
        return self.sentences_in(item.body_start, item.end)

    def chunk_for(self, start: int, end: int) -> Chunk:
        """The chunk that holds [start, end), else the one overlapping it most."""
        i = bisect.bisect_right(self._chunk_starts, start) - 1
        for chunk in reversed(self.chunks[max(0, i - 3) : i + 1]):
            if chunk.start <= start and end <= chunk.end:
                return chunk
        return max(self.chunks, key=lambda c: min(c.end, end) - max(c.start, start))

    def where(self, start: int, end: int) -> Where:
        """Where [start, end) was written: the chunk holding it and the snippet to cite."""
        chunk = self.chunk_for(start, end)
        lo, hi = max(start, chunk.start), min(end, chunk.end)
        raw = self.text[lo:hi] if hi > lo else self.text[start:end]
        # the snippet stays the source's own text (links too), so it can be found in the chunk
        snippet = " ".join(raw.replace("**", "").split()).strip(" -–·•*:;,")
        return Where(start=start, end=end, chunk_id=chunk.chunk_id, section=chunk.section,
                     snippet=snippet)


Line = tuple[int, int, str]  # start, end, the line's text


def text_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of text[start:end] with their offsets in `text`."""
    found: list[Line] = []
    pos = start
    for raw in text[start:end].split("\n"):
        found.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return found


def clean(text: str) -> str:
    """Text as a reader should see it: no markdown bold markers, single spaces."""
    return " ".join(_BOLD.sub("", _LINK.sub(r"\1", text)).split()).strip(" -–·•*:;,")


def load_minutes(meta: DocumentMeta, chunks: list[Chunk], text: str | None = None) -> MinutesDoc:
    """The referat cut into items; `text` is the loaded text the chunks were cut from, when
    known (else rebuilt from them)."""
    ordered = sorted(chunks, key=lambda c: (c.start, c.end))
    text = rebuild_text(ordered) if text is None else text
    sections = find_sections(text, DocType.REFERAT)
    items = group_items(sections, text)
    first = min((it.start for it in items), default=len(text))
    return MinutesDoc(meta, ordered, text, first, items, split_sentences(text))


def rebuild_text(chunks: list[Chunk]) -> str:
    """The loaded text again; the whitespace between chunks becomes newlines."""
    parts: list[str] = []
    pos = 0
    for chunk in chunks:
        if chunk.end <= pos:
            continue
        if chunk.start > pos:
            parts.append("\n" * (chunk.start - pos))
            parts.append(chunk.text)
        else:
            parts.append(chunk.text[pos - chunk.start :])
        pos = chunk.end
    return "".join(parts)


def group_items(sections: list[Section], text: str) -> list[ItemSpan]:
    """Agenda items with their sub-sections; in minutes without Sak, every headed section."""
    if any(s.sak_number is not None for s in sections):
        return _sak_items(sections)
    headed = [s for s in sections if s.heading_path]
    top = min((s.level for s in headed), default=1)
    items = []
    for s in headed:
        kind: ItemKind = "next" if _NEXT_HEADING.match(s.heading or "") else "section"
        level = max(1, s.level - top + 1)
        items.append(ItemSpan(kind, None, clean(s.heading or ""), level, s.start, s.body_start,
                              s.end))
    return items


def _sak_items(sections: list[Section]) -> list[ItemSpan]:
    items: list[ItemSpan] = []
    sak_path: list[str] | None = None
    for s in sections:
        if not s.heading_path:
            sak_path = None
            continue
        if s.sak_number is not None:
            sak_path = s.heading_path
            title = clean(s.heading or "")
            items.append(ItemSpan("sak", s.sak_number, title, 1, s.start, s.body_start, s.end))
        elif sak_path is not None and s.heading_path[: len(sak_path)] == sak_path:
            last = items[-1]
            items[-1] = ItemSpan(last.kind, last.number, last.title, 1, last.start,
                                 last.body_start, s.end)
        else:
            sak_path = None
            kind: ItemKind = "next" if _NEXT_HEADING.match(s.heading or "") else "section"
            items.append(ItemSpan(kind, None, clean(s.heading or ""), 1, s.start, s.body_start,
                                  s.end))
    return items
