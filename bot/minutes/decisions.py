"""Decisions and open action items across all minutes, newest first, each with its citation.

Also answers "Hva har ressursgruppa bestemt om kompetansemiljøene?": the meetings of the named
group (title, network or county), the agenda items that speak of the topic, their decisions.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.meetings import Decision, MeetingSummary
from bot.core.models import Answer, AnswerSentence, Citation, Language
from bot.core.payloads import DecisionList
from bot.core.understand.meeting import NOISE_WORDS
from bot.i18n import format_date, t
from bot.minutes.find import minutes_documents, word_score
from bot.minutes.summary import summarize_doc
from bot.minutes.text import clean, load_minutes
from indexer.models import DocumentMeta
from indexer.store.lexical import tokenize

_GENERIC_ACTORS = frozenset(tokenize("vi dere de dei we they nettverket læringsnettverket møtet "
                                     "møtene the network meetings")) | NOISE_WORDS


class _Found(NamedTuple):
    decision: Decision
    meta: DocumentMeta
    context: str  # the agenda item's title and text, to match a topic against


def list_decisions(
    ctx: CoreContext, network: str | None = None, since: dt.date | None = None
) -> list[Decision]:
    """Decisions and open action items (no deadline, or one not yet passed), newest first."""
    return [found.decision for found in _collect(ctx, network, since)]


def _collect(ctx: CoreContext, network: str | None, since: dt.date | None) -> list[_Found]:
    wanted = [w for w in tokenize(network or "") if w not in NOISE_WORDS]
    book = CitationBook()
    found: list[_Found] = []
    for meta in minutes_documents(ctx.store):
        if wanted and word_score(wanted, meta, "") < len(wanted):
            continue
        if since is not None and (meta.date is None or meta.date < since):
            continue
        doc = load_minutes(meta, ctx.store.document_chunks(meta.doc_id))
        texts = [doc.text[it.start : it.end] for it in doc.items if it.kind != "next"]
        found.extend(_from_summary(summarize_doc(doc, book), texts, meta, book, ctx.today()))
    found.sort(key=lambda f: f.decision.meeting_date or dt.date.min, reverse=True)
    return found


def _from_summary(
    summary: MeetingSummary, texts: list[str], meta: DocumentMeta, book: CitationBook,
    today: dt.date,
) -> list[_Found]:
    common = {"meeting_title": summary.title, "meeting_date": summary.date,
              "network": summary.network or summary.county, "source": summary.source}
    found = []
    for item, context in zip(summary.items, texts, strict=True):
        for cited in item.decisions:
            decision = Decision(kind="vedtak", text=cited.text, sak=item.title,
                                citation=book.citations[cited.citations[0] - 1], **common)
            found.append(_Found(decision, meta, context))
        for action in item.actions:
            if action.when is not None and action.when < today:
                continue
            decision = Decision(kind="oppfølging", text=action.what, who=action.who,
                                deadline=action.when, sak=item.title,
                                citation=book.citations[action.citations[0] - 1], **common)
            found.append(_Found(decision, meta, context))
    return found


def answer_decisions_question(question: Question, ctx: CoreContext) -> Answer | None:
    """The decisions of `actor` about `topic`; None when there are none, so that the general
    answerer can still look for the topic in the minutes' prose."""
    actor = [w for w in tokenize(question.actor) if w not in _GENERIC_ACTORS]
    topic = [w for w in tokenize(question.topic) if w not in NOISE_WORDS]
    matches = []
    for found in _collect(ctx, None, None):
        by_actor = not actor or word_score(actor, found.meta, found.context) >= len(actor) * 0.75
        about = not topic or word_score(topic, found.meta, found.context) >= len(topic) * 0.5
        if by_actor and about:
            matches.append(found.decision)
    if not matches:
        return None
    return decisions_answer(matches, question)


def decisions_answer(decisions: list[Decision], question: Question) -> Answer:
    language: Language = question.language
    actor = t("minutes.decisions_by", language, actor=question.actor) if question.actor else ""
    heading = t("minutes.decisions_about", language, topic=question.topic, actor=actor)
    lines = [AnswerSentence(text=heading)]
    citations: list[Citation] = []
    for decision in decisions:
        citations.append(decision.citation.model_copy(update={"n": len(citations) + 1}))
        lines.append(AnswerSentence(text=format_decision(decision, language),
                                    citations=[len(citations)]))
    return Answer(question=question.text, answer=render(lines, "\n"), language=language,
                  kind="list", sentences=lines, citations=citations,
                  payload=DecisionList(decisions=decisions))


def format_decision(decision: Decision, language: Language) -> str:
    """"- 11. februar 2020, Sak 2/2020 …: Vedtak: …" as one line."""
    when = format_date(decision.meeting_date, language) if decision.meeting_date else ""
    where = ", ".join(filter(None, (when, clean(decision.sak or ""))))
    label = t("minutes.decision" if decision.kind == "vedtak" else "minutes.action", language)
    details = [f"{t('minutes.who', language)}: {decision.who}"] if decision.who else []
    if decision.deadline:
        details.append(f"{t('minutes.when', language)}: {format_date(decision.deadline, language)}")
    extra = f" ({'; '.join(details)})" if details else ""
    return f"- {where}: {label}: {decision.text}{extra}"
