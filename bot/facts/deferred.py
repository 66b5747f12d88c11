"""«Vedtak: Saka vert sett opp att på neste møte»: an answer sentence that puts a matter off to
the next meeting says when that is, from the referat's own «Neste møte» line (read at index
time), so the reader need not open the minutes to find the date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.core.meetings import defers_to_next
from bot.facts.compose import ComposedSentence, Composition
from bot.i18n import t
from indexer.minutes.models import MeetingRecord
from indexer.models import Chunk
from indexer.text.language import Language


def defers(composition: Composition) -> bool:
    """Whether a sentence puts something off to a next meeting it gives no date for."""
    return any(defers_to_next(s.text) for s in composition.sentences)


def with_next_meeting(composition: Composition, meetings: Sequence[MeetingRecord],
                      chunks: Callable[[Sequence[str]], dict[str, Chunk]], today: dt.date,
                      language: Language) -> Composition:
    """Each referat whose sentence defers a matter adds its «Neste møte» line, cited (a date
    already passed marked as such), unless the answer says it already."""
    records = {r.doc_id: r for r in meetings if r.next_meeting is not None}
    added: list[ComposedSentence] = []
    said = " ".join(s.text for s in composition.sentences)
    for sentence in composition.sentences:
        if not defers_to_next(sentence.text):
            continue
        evidence = sentence.evidence[0]
        record = records.get(evidence.meta.doc_id)
        upcoming = record.next_meeting if record else None
        if upcoming is None or not upcoming.wheres or upcoming.text in said:
            continue
        where = upcoming.wheres[0]
        chunk = chunks([where.chunk_id]).get(where.chunk_id)
        if chunk is None:
            continue
        text = upcoming.text
        if upcoming.date is not None and upcoming.date < today:
            text = f"{text.rstrip('.')} {t('core.across_passed', language)}."
        added.append(ComposedSentence(text, (replace(evidence, chunk=chunk),), (where.snippet,)))
        said += " " + upcoming.text
    if not added:
        return composition
    return replace(composition, sentences=[*composition.sentences, *added])
