"""The meetings the minutes plan next, across every referat: «Er det noen møter som står for
tur?», «For each set of minutes, what was the next planned meeting?». Each referat's «neste
møte» as read at index time: those still ahead first (soonest first), then those passed (most
recent first), each cited; none is ever stated as upcoming once its date has passed.
"""

from __future__ import annotations

import datetime as dt
import time

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.meetings import NextMeeting
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.phrases import next_meeting_label
from bot.i18n import format_date, t
from bot.minutes.find import Meeting, of_place_asked, stored_meetings
from bot.minutes.summary import next_meeting


def answer_ahead(question: Question, ctx: CoreContext) -> Answer | None:
    """None when no referat (of the place asked) names a next meeting."""
    started = time.perf_counter()
    lang, today = question.language, question.today
    meetings = of_place_asked(question, [m for m in stored_meetings(ctx.store)
                                         if m.record.next_meeting is not None])
    if not meetings:
        return None
    book = CitationBook()
    planned = [(m, _cited(m, book)) for m in _soonest_first(meetings, today)]
    ahead = [(m, n) for m, n in planned if n.date is not None and n.date >= today]
    passed = planned[len(ahead):]  # soonest first puts every date ahead before the rest
    when = format_date(today, lang)
    lead = t("minutes.ahead", lang, today=when) if ahead else t("minutes.ahead_none", lang,
                                                                today=when)
    sentences = [AnswerSentence(text=lead), *(_row(m, n, lang) for m, n in ahead)]
    if passed:
        sentences += [AnswerSentence(text=t("minutes.ahead_passed", lang)),
                      *(_row(m, n, lang) for m, n in passed)]
    return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                  kind="list", sentences=sentences, citations=book.citations,
                  timings_ms={"ahead_ms": (time.perf_counter() - started) * 1000})



def _soonest_first(meetings: list[Meeting], today: dt.date) -> list[Meeting]:
    """Dates ahead soonest first, then passed ones most recent first, undated last."""
    def key(m: Meeting) -> tuple[int, int]:
        when = m.record.next_meeting.date if m.record.next_meeting else None
        if when is None:
            return 2, 0
        return (0, when.toordinal()) if when >= today else (1, -when.toordinal())
    return sorted(meetings, key=key)


def _cited(meeting: Meeting, book: CitationBook) -> NextMeeting:
    found = next_meeting(meeting.record, meeting.meta, book)
    assert found is not None  # only meetings with a next meeting are asked
    return found


def _row(meeting: Meeting, upcoming: NextMeeting, lang: Language) -> AnswerSentence:
    """«- 10. februar 2027, Vestre Toten rådhus – «Referat fra møte i styringsgruppen …»»."""
    label = next_meeting_label(upcoming, lang)
    return AnswerSentence(text=f"- {label} – «{meeting.meta.title}»",
                          citations=upcoming.citations)
