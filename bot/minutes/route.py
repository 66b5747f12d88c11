"""Meeting minutes on request: find the referat a question means and summarise it, say who
attended, or list what the meetings decided — all from the records read at index time.

`try_answer` is the door the answer core knocks on first: it returns None for questions that
are not about minutes, so the general retrieval pipeline can take them.
"""

from __future__ import annotations

import time
from typing import overload

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.models import Answer, Language
from bot.core.payloads import MeetingSummaryPayload
from bot.core.question import Intent
from bot.core.question_values import MeetingRef
from bot.core.understand.attendee import STATE
from bot.i18n import t
from bot.minutes.agenda import answer_agenda_item
from bot.minutes.ahead import answer_ahead
from bot.minutes.attendees import answer_attendee
from bot.minutes.calendar import answer_calendar
from bot.minutes.decisions import answer_decisions
from bot.minutes.find import find_meeting, stored_meetings
from bot.minutes.latest import answer_last_meeting
from bot.minutes.participants import answer_participants
from bot.minutes.render import render_summary
from bot.minutes.replies import ask_back, not_found, with_moved_note
from bot.minutes.summary import summarize_record
from indexer.minutes.text import load_minutes


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """A summary, participants, decisions, an ask-back or a refusal; None when not about
    minutes (or about decisions no referat records, which the general answerer may find)."""
    if question.meetings_ahead and question.intent != Intent.DRAFT and question.command is None:
        ahead = answer_ahead(question, ctx)  # «Er det noen møter som står for tur?»
        if ahead is not None:
            return ahead
    if question.meeting_calendar and question.command is None:
        calendar = answer_calendar(question, ctx)  # «Kva datoar har nettverket hatt samlingar?»
        if calendar is not None:
            return calendar
    if question.agenda is not None and (item := answer_agenda_item(question, ctx)) is not None:
        return item  # «Hva var første sak på møtet i november?»
    if question.last_meeting and (last := answer_last_meeting(question, ctx)) is not None:
        return last  # «Når var siste møte i ressursgruppa?»
    if question.intent == Intent.DECISIONS:
        return answer_decisions(question, ctx)
    if question.intent == Intent.PARTICIPANTS and _by_attendee(question):
        return answer_attendee(question, ctx)  # «Hvem møtte fra Bufdir?»
    if question.intent == Intent.PARTICIPANTS:
        return answer_participants(question, ctx)
    if question.intent != Intent.SUMMARY or question.meeting is None:
        return None
    return answer_minutes(question.meeting, ctx, question.language, question.text,
                          articles=False)


def _by_attendee(question: Question) -> bool:
    """«fra Statsforvalteren på møtet 31.01.2024» is a role of those present (with «og hvilke
    barnevernledere» beside it); across meetings, or any other office, it is whom to find."""
    attendee, request = question.attendee, question.meeting
    if attendee is None:
        return False
    return attendee.org_words != (STATE,) or request is None or request.empty


@overload
def answer_minutes(request: MeetingRef, ctx: CoreContext, language: Language, question: str
                   ) -> Answer: ...
@overload
def answer_minutes(request: MeetingRef, ctx: CoreContext, language: Language, question: str,
                   articles: bool) -> Answer | None: ...
def answer_minutes(
    request: MeetingRef, ctx: CoreContext, language: Language, question: str,
    articles: bool = True,
) -> Answer | None:
    """Summarise the referat the request names ("31.01.2024", "REKOM september 2022", …).
    `articles=False`: None for an article about a meeting (no agenda, no action items, nobody
    listed, no next meeting), which the document summary reads better."""
    started = time.perf_counter()
    match = find_meeting(request, stored_meetings(ctx.store))
    found_ms = (time.perf_counter() - started) * 1000
    if len(match.found) != 1:
        if not match.found:
            answer = not_found(match, language, question, request)
        elif request.empty:
            answer = ask_back(match, language, question, t("minutes.which", language))
        else:
            answer = ask_back(match, language, question,
                              t("minutes.ask", language, n=len(match.found)))
        answer.timings_ms["find"] = found_ms
        return answer
    record, meta = match.found[0]
    if record.article and not articles:
        return None
    book = CitationBook()
    doc = None
    if ctx.chat_model is not None:  # the model words each Sak from its text
        doc = load_minutes(meta, ctx.store.document_chunks(meta.doc_id))
    summary = summarize_record(record, meta, book, ctx.chat_model, language, doc)
    sentences = render_summary(summary, language)
    total_ms = (time.perf_counter() - started) * 1000
    return with_moved_note(Answer(
        question=question, answer=render(sentences, "\n"), language=language, kind="summary",
        sentences=sentences, citations=book.citations,
        payload=MeetingSummaryPayload(meeting_summary=summary),
        timings_ms={"find": found_ms, "summarize": total_ms - found_ms, "total": total_ms},
    ), match, request)
