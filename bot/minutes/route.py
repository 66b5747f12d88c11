"""Meeting minutes on request: find the referat a question means and summarise it, or list
what the meetings decided.

`try_answer` is the door the answer core knocks on first: it returns None for questions that
are not about minutes, so the general retrieval pipeline can take them.
"""

from __future__ import annotations

import time

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import (
    DocumentRef,
    MeetingCandidates,
    MeetingSummaryPayload,
    NearestDocuments,
)
from bot.core.question import Intent, MeetingRef
from bot.i18n import format_date, format_month, t
from bot.minutes.decisions import answer_decisions_question
from bot.minutes.find import MeetingMatch, find_meeting
from bot.minutes.render import render_summary
from bot.minutes.summary import summarize_minutes
from indexer.models import DocumentMeta


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """A summary, a list of decisions, an ask-back or a refusal; None when not about minutes."""
    if question.intent == Intent.DECISIONS and question.actor:
        return answer_decisions_question(question, ctx)
    if question.intent != Intent.SUMMARY or question.meeting is None:
        return None
    return answer_minutes(question.meeting, ctx, question.language, question.text)


def answer_minutes(
    request: MeetingRef, ctx: CoreContext, language: Language, question: str
) -> Answer:
    """Summarise the referat the request names ("31.01.2024", "REKOM september 2022", …)."""
    started = time.perf_counter()
    match = find_meeting(request, ctx.store)
    found_ms = (time.perf_counter() - started) * 1000
    if len(match.found) != 1:
        open_ended = request.empty
        answer = _ask_back(match, language, question, ctx, open_ended) if match.found else \
            _not_found(match, language, question, _asked(request, language), ctx)
        answer.timings_ms["find"] = found_ms
        return answer
    meta = match.found[0]
    book = CitationBook()
    summary = summarize_minutes(meta, ctx.store.document_chunks(meta.doc_id), book,
                                ctx.chat_model, language)
    sentences = render_summary(summary, language)
    total_ms = (time.perf_counter() - started) * 1000
    return Answer(
        question=question, answer=render(sentences, "\n"), language=language, kind="summary",
        sentences=sentences, citations=book.citations,
        payload=MeetingSummaryPayload(meeting_summary=summary),
        timings_ms={"find": found_ms, "summarize": total_ms - found_ms, "total": total_ms},
    )


def _describe(meta: DocumentMeta, language: Language) -> str:
    when = f" ({format_date(meta.date, language)})" if meta.date else ""
    return f"«{meta.title}»{when}"


def _ask_back(
    match: MeetingMatch, language: Language, question: str, ctx: CoreContext,
    open_ended: bool = False,
) -> Answer:
    intro = (t("minutes.which", language) if open_ended
             else t("minutes.ask", language, n=len(match.found)))
    book = CitationBook()
    lines = [AnswerSentence(text=intro)]
    lines += [_named(f"{i}. {_describe(m, language)}", m, ctx, book)
              for i, m in enumerate(match.found, 1)]
    dated = next((m for m in match.found if m.date), None)
    if dated is not None and dated.date is not None:
        example = f"{dated.date:%d.%m.%Y}"
        if len({m.date for m in match.found}) == 1 and (dated.network or dated.county):
            example = f"{dated.network or dated.county} {example}"  # the date alone is not enough
        lines.append(AnswerSentence(text=t("minutes.hint", language, example=example)))
    candidates = MeetingCandidates(candidates=[_ref(m) for m in match.found])
    return Answer(question=question, answer=render(lines, "\n"), language=language,
                  kind="clarify", sentences=lines, citations=book.citations, payload=candidates)


def _not_found(
    match: MeetingMatch, language: Language, question: str, asked: str, ctx: CoreContext
) -> Answer:
    none = t("minutes.none", language, asked=asked)
    book = CitationBook()
    if not match.nearest:
        lines = [AnswerSentence(text=none if match.total else t("minutes.empty", language))]
    else:
        lines = [AnswerSentence(text=none), AnswerSentence(text=t("minutes.nearest", language))]
        lines += [_named(f"- {_describe(m, language)}", m, ctx, book) for m in match.nearest]
    nearest = NearestDocuments(nearest=[_ref(m) for m in match.nearest])
    return Answer(question=question, answer=render(lines, "\n"), language=language,
                  refused=True, kind="refusal", sentences=lines, citations=book.citations,
                  payload=nearest)


def _named(text: str, meta: DocumentMeta, ctx: CoreContext, book: CitationBook) -> AnswerSentence:
    """A referat named as a choice or a near miss, cited by its opening so it can be opened."""
    chunks = ctx.store.document_chunks(meta.doc_id)
    return AnswerSentence(text=text, citations=[book.cite(chunks[0], meta)] if chunks else [])


def _ref(meta: DocumentMeta) -> DocumentRef:
    return DocumentRef(title=meta.title, date=meta.date, source=meta.source, doc_id=meta.doc_id)


def _asked(request: MeetingRef, language: Language) -> str:
    """What was asked for, as a phrase: "fra 31. januar 2023", "fra september 2022"."""
    prefix = t("minutes.from", language)
    if request.date:
        return f"{prefix} {format_date(request.date, language)}"
    if request.month:
        year, month = request.month
        return f"{prefix} {format_month(year, month, language)}"
    if request.year:
        return f"{prefix} {request.year}"
    return t("minutes.matching", language)
