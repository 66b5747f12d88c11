"""A sentence that puts a matter off to the next meeting is answered with when that is, from the
referat's own «Neste møte» line (records and chunks written here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.facts.compose import ComposedSentence, Composition
from bot.facts.deferred import defers, with_next_meeting
from bot.facts.retrieval import Evidence
from indexer.minutes.models import MeetingRecord, Upcoming, Where
from indexer.models import Chunk, DocumentMeta

DOC = ("Sak 11/2023 Barnevernsvakt\nVedtak: Saka vert sett opp att på neste møte.\n"
       "Neste møte\nNeste møte: 6. september 2023 kl. 09.30, digitalt (Teams).")
NEXT = DOC.index("Neste møte: ")
META = DocumentMeta(doc_id="s", source="setesdal.md", path="setesdal.md", title="Referat")
FIRST = Chunk(chunk_id="s:0000", doc_id="s", position=0, text=DOC[:NEXT], start=0, end=NEXT)
LAST = Chunk(chunk_id="s:0001", doc_id="s", position=1, text=DOC[NEXT:], start=NEXT,
             end=len(DOC))
LINE = DOC[NEXT:]
RECORD = MeetingRecord(doc_id="s", title="Referat", next_meeting=Upcoming(
    date=dt.date(2023, 9, 6), text=LINE,
    wheres=[Where(start=NEXT, end=len(DOC), chunk_id=LAST.chunk_id, snippet=LINE)]))


def chunks(ids: Sequence[str]) -> dict[str, Chunk]:
    return {c.chunk_id: c for c in (FIRST, LAST) if c.chunk_id in ids}


def composed(*texts: str) -> Composition:
    evidence = Evidence(FIRST, META, 0.1, 0.5)
    return Composition([ComposedSentence(t, (evidence,), (t,)) for t in texts], False)


def test_a_decision_put_off_to_the_next_meeting_brings_its_date_marked_past() -> None:
    deferred = composed("Vedtak: Saka vert sett opp att på neste møte.")
    assert defers(deferred)
    found = with_next_meeting(deferred, [RECORD], chunks, dt.date(2026, 12, 5), "nb")
    added = found.sentences[-1]
    assert added.text == "Neste møte: 6. september 2023 kl. 09.30, digitalt (Teams) " \
                         "(datoen er passert)."
    assert added.evidence[0].chunk is LAST and added.snippets == (LINE,)
    ahead = with_next_meeting(deferred, [RECORD], chunks, dt.date(2023, 6, 1), "en")
    assert ahead.sentences[-1].text == LINE  # not passed: said as written


def test_nothing_is_added_when_the_date_is_given_or_already_said() -> None:
    dated = composed("Saka vert sett opp att på neste møte 6. september 2023.")
    assert not defers(dated)
    said = composed("Vedtak: Saka vert sett opp att på neste møte.", LINE)
    found = with_next_meeting(said, [RECORD], chunks, dt.date(2026, 12, 5), "nb")
    assert found is said
    unrecorded = with_next_meeting(composed("Vedtak: Saka vert sett opp att på neste møte."), [],
                                   chunks, dt.date(2026, 12, 5), "nb")
    assert len(unrecorded.sentences) == 1
