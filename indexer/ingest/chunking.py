"""Cut a document into chunks that follow its sections and point back into its text exactly.

One chunk per section when it fits; a long section is split further by LangChain's
RecursiveCharacterTextSplitter (paragraph → line → sentence → word) with overlap.

A very small section (under MIN_SECTION_CHARS) is folded into the next one under the same parent,
so headings without a body do not become useless chunks: a heading-only parent or a short
preamble leads into the next section and the chunk keeps that section's heading path; a sibling
with next to no body folds into the next sibling and the chunk keeps only their shared parent's
path, so a citation never names a heading the text is not under. Agenda items of minutes are
never folded into anything outside themselves, so every "Sak" stays findable under its own
heading.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from indexer.ingest.structure import Section, find_sections
from indexer.models import Chunk, DocType

SEPARATORS = ["\n\n", "\n", ". ", " ", ""]
MIN_SECTION_CHARS = 200
_MAX_TITLE_CHARS = 160
_MAX_PATH_CHARS = 240


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    heading_path: list[str]
    agenda: int | None  # index of the agenda item (Sak) this span belongs to
    body_start: int  # first character after the heading(s); equals start when there is none
    siblings: bool = False  # folded from sibling sections, so its path is their shared parent


def split_document(
    text: str,
    doc_id: str,
    doc_type: DocType,
    chunk_size: int,
    chunk_overlap: int,
    *,
    min_section_chars: int = MIN_SECTION_CHARS,
) -> list[Chunk]:
    """Chunks in document order; same text in, same chunk ids out."""
    if chunk_size <= 0 or not 0 <= chunk_overlap < chunk_size:
        raise ValueError(
            f"chunk_overlap ({chunk_overlap}) må være mindre enn chunk_size ({chunk_size})"
        )
    groups = _fold_small(_spans(text, find_sections(text, doc_type)), chunk_size, min_section_chars)
    chunks: list[Chunk] = []
    for group in groups:
        for start, end in _pieces(text, group, chunk_size, chunk_overlap):
            position = len(chunks)
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(doc_id, position),
                    doc_id=doc_id,
                    position=position,
                    text=text[start:end],
                    heading_path=list(group.heading_path),
                    start=start,
                    end=end,
                )
            )
    return chunks


def chunk_id(doc_id: str, position: int) -> str:
    """Stable id: document identity + position, so re-indexing the same text changes nothing."""
    return f"{doc_id}:{position:04d}"


def doc_id_of(chunk_id: str) -> str:
    return chunk_id.rsplit(":", 1)[0]


def embedding_text(chunk: Chunk, title: str) -> str:
    """What gets embedded: the document title and heading path give a chunk its context."""
    title = _clip(" ".join(title.split()), _MAX_TITLE_CHARS)
    path = [p for p in chunk.heading_path if p and p != title]
    header = [title] if title else []
    if path:
        header.append(_clip_left(" › ".join(path), _MAX_PATH_CHARS))
    return "\n".join([*header, "", chunk.text]) if header else chunk.text


def embedding_key(text: str) -> str:
    """What a stored vector was embedded from, as a short hash: equal text, reusable vector."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _spans(text: str, sections: list[Section]) -> list[_Span]:
    """Sections trimmed of surrounding whitespace, each tagged with its agenda item."""
    spans: list[_Span] = []
    agenda: tuple[int, list[str]] | None = None
    for index, section in enumerate(sections):
        if section.sak_number is not None:
            agenda = (index, section.heading_path)
        elif agenda and not _is_below(agenda[1], section.heading_path):
            agenda = None
        if trimmed := _trim(text, section.start, section.end):
            start, end = trimmed
            body = _trim(text, max(section.body_start, start), end)
            body_start = body[0] if body else end
            owner = agenda[0] if agenda else None
            spans.append(_Span(start, end, section.heading_path, owner, body_start))
    return spans


def _fold_small(spans: list[_Span], chunk_size: int, min_chars: int) -> list[_Span]:
    """Fold a too-small span into the next one when both share a parent and an agenda item."""
    groups: list[_Span] = []
    for span in spans:
        last = groups[-1] if groups else None
        merged = None
        if (
            last is not None
            and last.end - last.start < min_chars
            and last.agenda == span.agenda
            and _is_below(last.heading_path[:-1], span.heading_path)
        ):
            merged = _fold(last, span, chunk_size, min_chars // 4)
        if merged:
            groups[-1] = merged
        else:
            groups.append(span)
    return groups


def _fold(first: _Span, second: _Span, chunk_size: int, max_body: int) -> _Span | None:
    """A heading-only parent (or a preamble) leads into its child, which may still be split.

    A sibling folds only when it has next to no body of its own ("## Vedlegg / Se e-post") and
    both fit in one chunk; a short section with real content is a precise chunk worth keeping.
    """
    if not first.siblings and _is_below(first.heading_path, second.heading_path):
        return replace(second, start=first.start)
    if second.end - first.start > chunk_size or first.end - first.body_start >= max_body:
        return None
    common = 0
    for a, b in zip(first.heading_path, second.heading_path, strict=False):
        if a != b:
            break
        common += 1
    path = second.heading_path[:common]
    return _Span(first.start, second.end, path, second.agenda, first.start, siblings=True)


def _pieces(text: str, span: _Span, size: int, overlap: int) -> list[tuple[int, int]]:
    """Character spans of the chunks of one section, found back in the original text.

    The heading is kept with the first piece of its body rather than left alone: the body is
    split a little smaller, then the first piece is stretched back to cover the heading.
    """
    if span.end - span.start <= size:
        return [(span.start, span.end)]
    head = span.body_start - span.start
    if not 0 < head <= size // 2:
        return _split(text, span.start, span.end, size, overlap)
    body_size = size - head
    pieces = _split(text, span.body_start, span.end, body_size, min(overlap, body_size // 2))
    if pieces:
        pieces[0] = (span.start, pieces[0][1])
    return pieces


def _split(text: str, start: int, end: int, size: int, overlap: int) -> list[tuple[int, int]]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter  # slow to import

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=overlap,
        separators=SEPARATORS,
        keep_separator="end",  # ". " stays with its sentence, not at the start of the next chunk
        strip_whitespace=False,  # pieces are then exact runs of the text, which _place relies on
    )
    segment = text[start:end]
    pieces = splitter.split_text(segment)
    spans: list[tuple[int, int]] = []
    for offset, piece in zip(_place(segment, pieces, overlap), pieces, strict=True):
        trimmed = _trim(text, start + offset, start + offset + len(piece))
        if trimmed and (not spans or trimmed[1] > spans[-1][1]):  # skip what adds nothing
            spans.append(trimmed)
    return spans


def _place(segment: str, pieces: list[str], overlap: int) -> list[int]:
    """Offsets of the splitter's pieces in `segment`, also when the same text repeats.

    The splitter's pieces cover the segment from its first to its last character; each starts
    after the previous one, no later than its end and at most `overlap` before it, and reaches
    further. Among the places that fit, a depth-first search finds a consistent one.
    """
    if not pieces or not segment.startswith(pieces[0]):
        raise AssertionError("the splitter's first piece does not open its section")
    placed, failed = [0], set()
    candidates = [_candidates(segment, pieces, 0, 0, overlap)]
    while len(placed) < len(pieces):
        position = next(candidates[-1], None)
        if position is None:  # dead end: the previous piece must sit elsewhere
            failed.add((len(placed) - 1, placed.pop()))
            candidates.pop()
            if not placed:
                raise AssertionError("the splitter's pieces do not tile their section")
            continue
        k = len(placed)
        if (k, position) in failed:
            continue
        if k == len(pieces) - 1 and position + len(pieces[k]) != len(segment):
            continue
        placed.append(position)
        candidates.append(_candidates(segment, pieces, k, position, overlap))
    return placed


def _candidates(segment: str, pieces: list[str], k: int, start: int, overlap: int) -> Iterator[int]:
    """Where piece k+1 may start, given piece k starts at `start`; earliest first."""
    if k + 1 >= len(pieces):
        return iter(())
    end, following = start + len(pieces[k]), pieces[k + 1]
    lowest = max(start + 1, end - overlap, end - len(following) + 1)
    return (p for p in range(lowest, end + 1) if segment.startswith(following, p))


def _is_below(parent: list[str], path: list[str]) -> bool:
    return path[: len(parent)] == parent


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _clip_left(value: str, limit: int) -> str:
    """Keep the end of a heading path: the nearest heading says most about the chunk."""
    return value if len(value) <= limit else "…" + value[-(limit - 1) :].lstrip()
