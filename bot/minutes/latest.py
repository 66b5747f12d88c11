"""When a group last met: «Når var siste møte i ressursgruppa?», «When did the Finnmark network
last meet?». The newest referat of the group asked is the last meeting the knowledge base
knows; the next meeting it planned comes beside it, said as passed when its day is behind us,
so a date from 2025 is never told as coming.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.phrases import next_meeting_label
from bot.core.question import Question
from bot.i18n import format_date, t
from bot.minutes.find import find_meeting, stored_meetings
from bot.minutes.summary import next_meeting


def answer_last_meeting(question: Question, ctx: CoreContext) -> Answer | None:
    """None when no single dated referat of the group asked is stored."""
    request = question.meeting
    if request is None:
        return None
    match = find_meeting(replace(request, latest=True), stored_meetings(ctx.store))
    if len(match.found) != 1:
        return None
    record, meta = match.found[0]
    if record.date is None:
        return None
    lang, today = question.language, question.today
    book = CitationBook()
    opening = [book.cite_where(record.opening, meta)] if record.opening else []
    sentences = [AnswerSentence(text=t("minutes.last_meeting", lang, title=record.title,
                                       date=format_date(record.date, lang)), citations=opening)]
    planned = next_meeting(record, meta, book)
    if planned is not None and planned.date is not None:
        key = "minutes.last_next_ahead" if planned.date >= today else "minutes.last_next_passed"
        sentences.append(AnswerSentence(text=t(key, lang, when=next_meeting_label(planned, lang),
                                               today=format_date(today, lang)),
                                        citations=planned.citations))
    return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                  kind="fact", sentences=sentences, citations=book.citations)
