"""Which referat a request means: by date (any Norwegian form, a month, a year or a period such
as «i vår»), and by the words of its title, network and county ("styringsgruppemøtet i
Vestland", "REKOM"); «siste møte» is the newest of those that fit.

Several matches are for the caller to choose from (a summary asks which; decisions and
participants answer each); no match gets the nearest meetings by date. Meetings are the stored
records (`indexer.minutes`), so finding one reads no chunk.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from bot.core.fit import place_fit
from bot.core.question import Question
from bot.core.question_values import MeetingRef
from indexer.minutes.models import MeetingRecord
from indexer.models import DocumentMeta
from indexer.store.lexical import tokenize
from indexer.store.visible import KnowledgeReader


class Meeting(NamedTuple):
    record: MeetingRecord
    meta: DocumentMeta


class MeetingMatch(NamedTuple):
    found: list[Meeting]  # one: the meeting; several: ask which, or answer each
    nearest: list[Meeting]  # when none was found
    total: int = 0  # minutes in the store
    moved: bool = False  # the one meeting of the network named, near the date asked, not on it


def minutes_documents(store: KnowledgeReader) -> list[DocumentMeta]:
    return [meeting.meta for meeting in stored_meetings(store)]


def stored_meetings(store: KnowledgeReader) -> list[Meeting]:
    """Every indexed referat with its record, newest meeting first."""
    metas = {meta.doc_id: meta for meta in store.documents()}
    return [Meeting(record, metas[record.doc_id]) for record in store.meetings()
            if record.doc_id in metas]


def of_place_asked(question: Question, meetings: list[Meeting]) -> list[Meeting]:
    """The meetings of the place asked (all when none is) and, where any fits, only those whose
    title or network holds a name the question gives («i Gjøvikregionen», «læringsnettverket i
    Trøndelag»)."""
    placed = [m for m in meetings if not question.places or place_fit(question, m.meta) > 0]
    return [m for m in placed if _holds_name(question, m)] or placed


def _holds_name(question: Question, meeting: Meeting) -> bool:
    where = f"{meeting.meta.title} {meeting.meta.network or ''}".casefold()
    return any(name.casefold() in where for name in question.names)


def find_meeting(request: MeetingRef, meetings: list[Meeting]) -> MeetingMatch:
    if not meetings:
        return MeetingMatch([], [], 0)
    if (request.latest or request.every) and not (request.dated or request.words):
        match = MeetingMatch(meetings, [])
    else:
        match = _match(request, meetings)
    if request.latest and len(match.found) > 1:  # «siste møte»: the newest of those that fit
        newest = max(match.found, key=lambda m: m.record.date or dt.date.min)
        match = match._replace(found=[newest])
    return match._replace(total=len(meetings))


def _match(request: MeetingRef, meetings: list[Meeting]) -> MeetingMatch:
    if request.empty:
        return MeetingMatch(_nearest(meetings, request, limit=5), [])
    pool = [m for m in meetings if _date_fits(m.record.date, request, _year_named(m.meta))]
    if request.dated:
        if not pool:
            near = _near_miss(request, meetings)
            if near is not None:
                return MeetingMatch([near], [], moved=True)
            return MeetingMatch([], _nearest(meetings, request))
        if len(pool) == 1 or not request.words:
            return MeetingMatch(pool, [])
    named = _best_named(request.words, pool)
    if not named:
        if request.dated:
            return MeetingMatch(pool, [])
        return MeetingMatch([], _nearest(meetings, request))
    return MeetingMatch(named, [])


def _best_named(words: Sequence[str], meetings: list[Meeting]) -> list[Meeting]:
    """The meetings whose names say most of the request's words (none when none says any)."""
    scores = {m.meta.doc_id: word_score(words, m.meta, m.record.head) for m in meetings}
    best = max(scores.values(), default=0.0)
    return [m for m in meetings if scores[m.meta.doc_id] == best] if best > 0 else []


def word_score(words: Sequence[str], meta: DocumentMeta, head: str | AbstractSet[str]) -> float:
    """How many request words the title/network/county (1 each) or opening text (½) has;
    `head` may be given as its stems already."""
    strong = _name_words(meta)
    weak = set(tokenize(head)) if isinstance(head, str) else set(head)
    score = 0.0
    for word in words:
        if _matches(word, strong):
            score += 1.0
        elif _matches(word, weak):
            score += 0.5
    return score


def names_meeting(word: str, meta: DocumentMeta) -> bool:
    """Whether a word is part of how the meeting is named (its title, network, county): the
    word or a longer form of it there («styringsgrupp» in «styringsgruppen»), never a shorter
    one («barnevern» does not name «barnevernsvakt»)."""
    return has_word(word, _name_words(meta))


def has_word(word: str, words: AbstractSet[str]) -> bool:
    return word in words or (len(word) >= 5 and any(w.startswith(word) for w in words))


def _name_words(meta: DocumentMeta) -> set[str]:
    return set(tokenize(" ".join(filter(None, (
        meta.title, meta.network, meta.county, meta.current_county,
        re.sub(r"[_\-.]", " ", meta.source),
    )))))


def _matches(word: str, tokens: AbstractSet[str]) -> bool:
    if word in tokens:
        return True
    if len(word) < 5:
        return False
    return any(len(t) >= 5 and (t.startswith(word) or word.startswith(t)) for t in tokens)


def _date_fits(date: dt.date | None, request: MeetingRef, year_named: int | None = None
               ) -> bool:  # fmt: skip
    if request.period and not (date and request.period[0] <= date <= request.period[1]):
        return False
    if request.month_of_year and not (date and date.month == request.month_of_year):
        return False
    if request.day_of_year and not (date and (date.month, date.day) == request.day_of_year):
        return False
    if request.date:
        return date == request.date
    if date is None:  # undated minutes whose file or title names the year still fit that year
        return not (request.month or request.year) or (
            not request.month and request.year is not None and request.year == year_named)
    if request.month:
        return (date.year, date.month) == request.month
    return request.year is None or date.year == request.year


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _year_named(meta: DocumentMeta) -> int | None:
    """The one year an undated document's file name or title names («2021_referat_ks-…»)."""
    years = {int(y) for y in _YEAR.findall(f"{meta.source} {meta.title}")}
    return years.pop() if len(years) == 1 else None


NEAR_MISS_DAYS = 62  # «samlinga i april 2022» of a network that met on 8 March 2022


def _near_miss(request: MeetingRef, meetings: list[Meeting]) -> Meeting | None:
    """«Kva oppgåver vart fordelte på Sunnmøre-samlinga i april 2022?» when Sunnmøre met on 8
    March: the network named met once within two months of the day or month asked, and that
    is the meeting meant (the answer says the date differs). Never for a year alone."""
    named = _best_named(request.words, meetings) if request.words else []
    return _only_near(request, named) if named else None


def _only_near(request: MeetingRef, meetings: list[Meeting]) -> Meeting | None:
    """The one meeting within two months of the day or month asked (none for a year)."""
    target = _day_asked(request)
    if target is None:
        return None
    near = [m for m in meetings
            if m.record.date and abs((m.record.date - target).days) <= NEAR_MISS_DAYS]
    return near[0] if len(near) == 1 else None


def _day_asked(request: MeetingRef) -> dt.date | None:
    """The day asked, or the middle of the month asked."""
    if request.date:
        return request.date
    if request.month:
        return dt.date(request.month[0], request.month[1], 15)
    return None


def _nearest(meetings: list[Meeting], request: MeetingRef, limit: int = 3) -> list[Meeting]:
    target = _day_asked(request)
    if target is None and request.year:
        target = dt.date(request.year, 7, 1)
    if target is None and request.period:
        first, last = request.period
        target = first if last == dt.date.max else last
    dated: list[tuple[Meeting, dt.date]] = [
        (m, m.record.date) for m in meetings if m.record.date is not None]
    if target is None:
        return [m for m, _ in sorted(dated, key=lambda p: p[1], reverse=True)[:limit]]
    aim = target
    return [m for m, _ in sorted(dated, key=lambda p: abs((p[1] - aim).days))[:limit]]


def find_in_places(request: MeetingRef, meetings: list[Meeting], question: Question
                   ) -> MeetingMatch:  # fmt: skip
    """Only the meetings of the places the question names: «nettverkssamlingen i Steinkjer i
    mars 2022» is not Sunnmøre's of 8 March. When none of them fits, those that would have
    (elsewhere) are the nearest."""
    fitting = [m for m in meetings if place_fit(question, m.meta) > 0] if question.places \
        else meetings
    match = find_meeting(request, fitting)
    if match.found or len(fitting) == len(meetings):
        return match
    if (near := _only_near(request, fitting)) is not None:  # the place's meeting, near the date
        return MeetingMatch([near], [], len(meetings), moved=True)
    anywhere = find_meeting(request, meetings)
    return MeetingMatch([], anywhere.found[:3] or anywhere.nearest, len(meetings))
