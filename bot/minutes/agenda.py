"""One agenda item asked by its place or number: «Hva var første sak på møtet i november?»,
«Hva ble vedtatt i sak 23/2026?», «What was the last item on the agenda?».

The items were read at index time (`MeetingRecord.items`); this picks the one asked and says it
with its decisions and actions, cited, under the meeting it belongs to.
"""

from __future__ import annotations

import re

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Question
from bot.core.question_values import AgendaPick
from bot.i18n import format_date, t
from bot.minutes.find import find_meeting, stored_meetings
from bot.minutes.render import item_lines
from bot.minutes.summary import agenda_item
from indexer.minutes.models import Item, MeetingRecord
from indexer.models import DocumentMeta


def answer_agenda_item(question: Question, ctx: CoreContext) -> Answer | None:
    """The item asked of the one meeting the question means; None when no single meeting is
    meant or it has no such item (the question then takes the usual way)."""
    pick, request = question.agenda, question.meeting
    if pick is None:
        return None
    meetings = stored_meetings(ctx.store)
    if request is None or request.empty:  # «sak 23/2026» names its meeting by its year
        found = [(m, item) for m in meetings if pick.number and "/" in pick.number
                 and (item := picked_item(m.record, pick)) is not None]
        if len(found) != 1:
            return None
        (record, meta), item = found[0]
    else:
        match = find_meeting(request, meetings)
        if len(match.found) != 1:
            return None
        record, meta = match.found[0]
        if pick.every:
            return _whole_agenda(question, record, meta)
        if (item := picked_item(record, pick)) is None:
            return None
    book = CitationBook()
    lang = question.language
    when = f" ({format_date(record.date, lang)})" if record.date else ""
    lead = AnswerSentence(text=t("minutes.agenda_item", lang, title=record.title, when=when))
    sentences = [lead, *item_lines(agenda_item(item, meta, book), lang)]
    if len(sentences) == 2:  # the item's title alone: cite where it stands
        sentences[1] = sentences[1].model_copy(update={"citations": [book.cite_where(
            record.opening, meta)] if record.opening else []})
    return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                  kind="summary", sentences=sentences, citations=book.citations)


def _whole_agenda(question: Question, record: MeetingRecord, meta: DocumentMeta
                  ) -> Answer | None:  # fmt: skip
    """«Hvor mange saker var på møtet i mai?»: how many Saks, then each by its title, cited where
    it is first told; None for minutes without numbered Saks (their summary says more)."""
    saks = [i for i in record.items if i.kind == "sak"]
    if not saks:
        return None
    book = CitationBook()
    lang = question.language
    when = f" ({format_date(record.date, lang)})" if record.date else ""
    lead = AnswerSentence(text=t("minutes.agenda_count", lang, title=record.title, when=when,
                                 count=len(saks)))
    lines = [lead]
    for sak in saks:
        told = [s.where for s in (*sak.summary, *sak.decisions)] + [a.where for a in sak.actions]
        where = told[0] if told else record.opening
        lines.append(AnswerSentence(text=f"- {sak.title}", citations=[
            book.cite_where(where, meta)] if where else []))
    return Answer(question=question.text, answer=render(lines, "\n"), language=lang,
                  kind="summary", sentences=lines, citations=book.citations)


def picked_item(record: MeetingRecord, pick: AgendaPick) -> Item | None:
    """By its Sak number where one is written so («sak 23/2026», «sak 3» of «Sak 3/2024»), else
    by its place among the Saks (or the headed sections of minutes without numbered Saks)."""
    saks = [i for i in record.items if i.kind == "sak"] or [
        i for i in record.items if i.kind == "section" and i.title]
    if pick.number is not None:
        numbered = [i for i in saks if i.number and _same_number(i.number, pick.number)]
        if numbered:
            return numbered[0]
        if "/" in pick.number or not pick.number.isdigit():
            return None
        position = int(pick.number)
    else:
        position = pick.position or 0
    if position == -1:
        return saks[-1] if saks else None
    return saks[position - 1] if 0 < position <= len(saks) else None


def _same_number(written: str, asked: str) -> bool:
    """«23/2026» is «23/2026», «23/26» and, asked alone, «23»; «03» is «3»."""
    def parts(number: str) -> list[str]:
        return [p.lstrip("0") or "0" for p in re.findall(r"\d+", number)]
    own, wanted = parts(written), parts(asked)
    if not own or not wanted or own[0] != wanted[0]:
        return False
    return len(wanted) == 1 or len(own) > 1 and own[1][-2:] == wanted[1][-2:]
