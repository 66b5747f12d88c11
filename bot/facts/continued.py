"""A list the chunker cut in two: «For 2026 prioriterer Statsforvalteren …: • a • b • c» in one
chunk and «• d» in the next. A lead-in answers with all its items, so a chunk that ends inside a
list is read on to the end of that list from the next chunk of its document."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.facts.retrieval import Evidence
from indexer.ingest.chunking import chunk_id
from indexer.models import Chunk
from indexer.text.units import is_list_item

ChunksById = Callable[[Sequence[str]], dict[str, Chunk]]


def with_lists_completed(evidence: list[Evidence], chunks: ChunksById) -> list[Evidence]:
    """Each chunk ending in a list item, with the rest of its list (one store read for all)."""
    cut = {e.chunk.chunk_id: chunk_id(e.chunk.doc_id, e.chunk.position + 1)
           for e in evidence if is_list_item(e.chunk.text.rstrip().rsplit("\n", 1)[-1])}
    if not cut:
        return evidence
    following = chunks(sorted(set(cut.values())))
    completed = []
    for e in evidence:
        after = following.get(cut.get(e.chunk.chunk_id, ""))
        rest = _rest_of_list(e.chunk, after) if after is not None else ""
        if rest:
            e = replace(e, chunk=e.chunk.model_copy(update={"text": e.chunk.text + rest,
                                                            "end": e.chunk.end + len(rest)}))
        completed.append(e)
    return completed


def _rest_of_list(chunk: Chunk, after: Chunk) -> str:
    """The list items that follow the chunk's end in the next chunk (they overlap)."""
    if not after.start <= chunk.end <= after.end:
        return ""
    tail = after.text[chunk.end - after.start:]
    kept = []
    for line in tail.split("\n")[1:] if tail.startswith("\n") else []:
        if not is_list_item(line):
            break
        kept.append(line)
    return "".join("\n" + line for line in kept)
