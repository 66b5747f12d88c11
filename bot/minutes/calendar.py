"""Every meeting the minutes know, by date: «Kva datoar har læringsnettverket i Finnmark hatt
samlingar?», «Hvilke møter fant sted i 2019?», «List all meetings in 2022».

A referat records its own meeting, often the one before it («referatet fra samlingen 15.04.2021
ble godkjent») and the next («Neste samling 15. oktober 2024 i Vadsø»), and now and then another
event («fagdag om barns medvirkning 24. oktober»). Each dated mention of a meeting becomes a row,
cited, in date order; the answer says which lie ahead of today, so a passed date is never told
as coming.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import NamedTuple

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.models import Answer, AnswerSentence, Language
from bot.i18n import format_date, format_month, t
from bot.minutes.find import Meeting, of_place_asked, stored_meetings
from indexer.models import Chunk
from indexer.text.dates import MONTH_NUMBERS, DateMatch, find_dates
from indexer.text.sentences import split_sentences

# A word that names a meeting or an event of the networks: «samlinga», «styringsgruppemøtet»,
# «fagdag», «erfaringskonferansen», «webinar», «meeting».
_EVENT = re.compile(
    r"\w*(?:møte|møtt|samling|fagdag|konferans|seminar|webinar|workshop|verksted|verkstad"
    r"|referat|meeting|gathering)\w*", re.I)
# «innen 1. juni 2024», «frist 15.03.2024»: a deadline in a sentence about a meeting, not its date
_DEADLINE_BEFORE = re.compile(
    r"\b(?:innen|innan|frist(?:en)?(?:\s+(?:er|for|til))?|senest|seinast|by|before|før|"
    r"deadline|due)\s*(?:den\s+|the\s+)?$", re.I)
_MONTH = "|".join(sorted((m for m in MONTH_NUMBERS if len(m) > 3 or m in {"mai", "may"}),
                         key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_YEAR = re.compile(r"\b(?:i|in|innen|løpet av|during)\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_NEAR = 60  # characters between an event word and a month or year that dates it
_QUOTE = 220  # characters of a sentence shown in a row
_LONG_BEFORE = dt.timedelta(days=120)  # a yearless day this far before its referat is next year's


class Mention(NamedTuple):
    """A meeting on a day (`day`), or only in a month or a year the text gives."""

    date: dt.date  # the day; the month's first day; the year's last day
    precision: str  # "day", "month" or "year"
    text: str
    meeting: Meeting
    chunk: Chunk | None  # None: the referat's own meeting, cited at its opening

    def label(self, language: Language) -> str:
        if self.precision == "day":
            return format_date(self.date, language)
        if self.precision == "month":
            return format_month(self.date.year, self.date.month, language)
        return t("minutes.calendar_year", language, year=self.date.year)


def answer_calendar(question: Question, ctx: CoreContext) -> Answer | None:
    """None when no referat of the place or network asked is stored (the question then goes on
    to the other routes)."""
    started = time.perf_counter()
    lang, today = question.language, question.today
    meetings = of_place_asked(question, stored_meetings(ctx.store))
    if not meetings:
        return None
    mentions = _in_years(question, _distinct(
        [found for m in meetings for found in mentions_in(m, ctx.store.document_chunks(
            m.meta.doc_id))]))
    if not mentions:
        return None
    book = CitationBook()
    ordered = sorted(mentions, key=lambda m: (m.date, m.precision))
    rows = [_row(m, book, lang) for m in ordered]
    when = format_date(today, lang)
    ahead = dict.fromkeys(m.label(lang) for m in ordered if m.date >= today)
    lead = t("minutes.calendar", lang, today=when)
    tail = (t("minutes.calendar_ahead", lang, dates=", ".join(ahead)) if ahead
            else t("minutes.calendar_none_ahead", lang, today=when))
    sentences = [AnswerSentence(text=lead), *rows, AnswerSentence(text=tail)]
    return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                  kind="list", sentences=sentences, citations=book.citations,
                  timings_ms={"calendar_ms": (time.perf_counter() - started) * 1000})


def mentions_in(meeting: Meeting, chunks: list[Chunk]) -> list[Mention]:
    """The referat's own meeting, then every dated meeting its sentences name."""
    record, meta = meeting.record, meeting.meta
    found: list[Mention] = []
    if record.date is not None:
        found.append(Mention(record.date, "day", f"«{meta.title}»", meeting, None))
    for chunk in chunks:
        for sentence in split_sentences(chunk.text):
            found += _dated_events(sentence.text, meeting, chunk)
    return found


def _dated_events(text: str, meeting: Meeting, chunk: Chunk) -> list[Mention]:
    events = [m.start() for m in _EVENT.finditer(text)]
    if not events:
        return []
    year = meeting.record.date.year if meeting.record.date else None
    days = [d for d in _days(text, meeting.record.date)
            if not _DEADLINE_BEFORE.search(text[: d.start])]
    found = [Mention(d.date, "day", text, meeting, chunk) for d in days]
    if found or find_dates(text, default_year=year):
        return found
    for m in _MONTH_YEAR.finditer(text):  # «Møte i januar 2023»
        if _near(events, m.start()) and not _DEADLINE_BEFORE.search(text[: m.start()]):
            found.append(Mention(dt.date(int(m["y"]), MONTH_NUMBERS[m["m"].lower()], 1),
                                 "month", text, meeting, chunk))
    if found:
        return found
    for m in _YEAR.finditer(text):  # «én felles samling med Troms-nettverket i 2025»
        planned = year is None or int(m["y"]) >= year
        if planned and _near(events, m.start()) and not m[0].lower().startswith("innen"):
            found.append(Mention(dt.date(int(m["y"]), 12, 31), "year", text, meeting, chunk))
    return found


def _days(text: str, written: dt.date | None) -> list[DateMatch]:
    """Full dates, and a day without a year («møtes 10. februar, 12. mai og 24. november 2027»)
    in the year of the next full date after it, else the referat's own year; a yearless day
    months before the referat was written is the next year's («neste møte 10. februar»)."""
    full = find_dates(text)
    if written is None:
        return full
    found = list(full)
    for day in find_dates(text, default_year=written.year):
        if any(f.start <= day.start < f.end for f in full):
            continue
        after = [f.date.year for f in full if f.start >= day.end]
        year = after[0] if after else written.year + (day.date < written - _LONG_BEFORE)
        try:
            found.append(day._replace(date=day.date.replace(year=year)))
        except ValueError:  # 29 February
            continue
    return sorted(found, key=lambda d: d.start)


def _near(events: list[int], at: int) -> bool:
    return any(abs(at - e) <= _NEAR for e in events)


def _distinct(mentions: list[Mention]) -> list[Mention]:
    """One row for each date in each referat (the own meeting's first, then a sentence about
    that one date rather than a list of several), and a month or a year only where no day of it
    is already there."""
    kept: dict[tuple[str, dt.date, str], Mention] = {}
    for m in sorted(mentions, key=lambda m: m.chunk is not None and len(
            find_dates(m.text, default_year=m.date.year)) > 1):
        kept.setdefault((m.meeting.meta.doc_id, m.date, m.precision), m)
    days = {(doc, d.year, d.month) for doc, d, p in kept if p == "day"}
    years = {(doc, d.year) for doc, d, p in kept if p != "year"}
    return [m for (doc, d, p), m in kept.items()
            if p == "day" or (p == "month" and (doc, d.year, d.month) not in days)
            or (p == "year" and (doc, d.year) not in years)]


def _in_years(question: Question, mentions: list[Mention]) -> list[Mention]:
    span = question.years
    if span is None:
        return mentions
    return [m for m in mentions if m.date.year in span]


def _row(mention: Mention, book: CitationBook, lang: Language) -> AnswerSentence:
    """«- 15. oktober 2024: Neste samling blir i Vadsø …» or, for the referat's own meeting,
    «- 23. april 2024: «Referat fra nettverkssamling …» (møtet referatet er fra)»."""
    meta = mention.meeting.meta
    if mention.chunk is None:
        opening = mention.meeting.record.opening
        cited = [book.cite_where(opening, meta)] if opening is not None else []
        return AnswerSentence(text=f"- {mention.label(lang)}: "
                              + t("minutes.calendar_own", lang, title=mention.text),
                              citations=cited)
    quote = _clipped(mention.text)
    cited = [book.cite(mention.chunk, meta, snippet=quote)]
    return AnswerSentence(text=f"- {mention.label(lang)}: {quote}", citations=cited)


def _clipped(text: str) -> str:
    text = " ".join(text.replace("*", "").split()).lstrip("#-• ").strip()
    return text if len(text) <= _QUOTE else text[: _QUOTE].rsplit(" ", 1)[0] + " …"
