"""Which referat a request means: by date (any Norwegian form, or month and year), and by the
words of its title, network and county ("styringsgruppemøtet i Vestland", "REKOM").

Several matches are for the user to choose from; no match gets the nearest meetings by date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from bot.core.question import MeetingRef
from indexer.models import DocType, DocumentMeta
from indexer.store.lexical import tokenize
from indexer.store.visible import KnowledgeReader
from indexer.text.dates import find_dates


class MeetingMatch(NamedTuple):
    found: list[DocumentMeta]  # one: the meeting; several: ask which
    nearest: list[DocumentMeta]  # when none was found
    total: int = 0  # minutes in the store


def minutes_documents(store: KnowledgeReader) -> list[DocumentMeta]:
    return [m for m in store.documents()
            if m.doc_type == DocType.REFERAT or m.title.lower().startswith("referat")]


def find_meeting(request: MeetingRef, store: KnowledgeReader) -> MeetingMatch:
    metas = minutes_documents(store)
    if not metas:
        return MeetingMatch([], [], 0)
    if request.latest and not (request.date or request.month or request.year or request.words):
        match = MeetingMatch(metas, [])
    else:
        match = _match(request, store, metas)
    if request.latest and len(match.found) > 1:  # «siste møte»: the newest of those that fit
        newest = max(match.found, key=lambda m: m.date or dt.date.min)
        match = match._replace(found=[newest])
    return match._replace(total=len(metas))


def _match(
    request: MeetingRef, store: KnowledgeReader, metas: list[DocumentMeta]
) -> MeetingMatch:
    heads = _heads(store, metas)
    dated = {m.doc_id: _date_of(m, heads[m.doc_id]) for m in metas}
    if request.empty:
        return MeetingMatch(_nearest(metas, dated, request, limit=5), [])
    pool = [m for m in metas if _date_fits(dated[m.doc_id], request)]
    if request.date or request.month or request.year:
        if not pool:
            return MeetingMatch([], _nearest(metas, dated, request))
        if len(pool) == 1 or not request.words:
            return MeetingMatch(pool, [])
    scores = {m.doc_id: word_score(request.words, m, heads[m.doc_id]) for m in pool}
    best = max(scores.values(), default=0.0)
    if best <= 0:
        if request.date or request.month or request.year:
            return MeetingMatch(pool, [])
        return MeetingMatch([], _nearest(metas, dated, request))
    return MeetingMatch([m for m in pool if scores[m.doc_id] == best], [])


def word_score(words: Sequence[str], meta: DocumentMeta, head: str) -> float:
    """How many request words the title/network/county (1 each) or opening text (½) has."""
    strong = set(tokenize(" ".join(filter(None, (
        meta.title, meta.network, meta.county, meta.current_county,
        re.sub(r"[_\-.]", " ", meta.source),
    )))))
    weak = set(tokenize(head))
    score = 0.0
    for word in words:
        if _matches(word, strong):
            score += 1.0
        elif _matches(word, weak):
            score += 0.5
    return score


def _matches(word: str, tokens: set[str]) -> bool:
    if word in tokens:
        return True
    if len(word) < 5:
        return False
    return any(len(t) >= 5 and (t.startswith(word) or word.startswith(t)) for t in tokens)


def _heads(store: KnowledgeReader, metas: list[DocumentMeta]) -> dict[str, str]:
    """Each document's first chunk: where minutes name their meeting and date."""
    first = store.chunks([f"{m.doc_id}:0000" for m in metas])
    return {m.doc_id: (first[f"{m.doc_id}:0000"].text if f"{m.doc_id}:0000" in first else "")
            for m in metas}


def _date_of(meta: DocumentMeta, head: str) -> dt.date | None:
    if meta.date is not None:
        return meta.date
    found = find_dates(meta.title) or find_dates(head[:1500])
    return found[0].date if found else None


def _date_fits(date: dt.date | None, request: MeetingRef) -> bool:
    if request.date:
        return date == request.date
    if date is None:
        return not (request.month or request.year)
    if request.month:
        return (date.year, date.month) == request.month
    return request.year is None or date.year == request.year


def _nearest(
    metas: list[DocumentMeta], dated: dict[str, dt.date | None], request: MeetingRef,
    limit: int = 3,
) -> list[DocumentMeta]:
    target = request.date
    if target is None and request.month:
        target = dt.date(request.month[0], request.month[1], 15)
    if target is None and request.year:
        target = dt.date(request.year, 7, 1)
    with_dates = [m for m in metas if dated[m.doc_id] is not None]
    if target is None:
        return sorted(with_dates, key=lambda m: dated[m.doc_id], reverse=True)[:limit]  # type: ignore[arg-type, return-value]
    return sorted(with_dates, key=lambda m: abs((dated[m.doc_id] - target).days))[:limit]  # type: ignore[operator]
