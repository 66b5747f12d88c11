"""Which documents name someone or something: «Hvilke dokumenter nevner Kjersti Toppe?», the
documents a list of them asks about, and the projects whose documents name a partner."""

from __future__ import annotations

import re

from indexer.store.visible import KnowledgeReader

_MENTION_CHUNKS = 500  # chunks the lexical index offers: more than any one name fills here


def mentioning(names: tuple[str, ...], store: KnowledgeReader) -> frozenset[str]:
    """The documents whose text has every one of the names, as whole words: the lexical index
    finds the chunks that may, their text decides."""
    if not names:
        return frozenset()
    hits = store.lexical().search(" ".join(names), k=_MENTION_CHUNKS)
    patterns = [re.compile(rf"\b{re.escape(n)}\b", re.I) for n in names]
    found: dict[str, set[int]] = {}
    for chunk in store.chunks([cid for cid, _ in hits]).values():
        found.setdefault(chunk.doc_id, set()).update(
            i for i, p in enumerate(patterns) if p.search(chunk.text))
    return frozenset(d for d, seen in found.items() if len(seen) == len(patterns))
