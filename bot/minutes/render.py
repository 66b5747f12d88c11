"""A MeetingSummary as answer sentences, with labels in the question's language.

Only the framing is translated; what the minutes say is quoted as written (in Norwegian), so a
translation can never change a decision, a date or a name.
"""

from __future__ import annotations

import datetime as dt

from bot.core.meetings import AgendaItem, MeetingSummary
from bot.core.models import AnswerSentence, Language
from bot.core.phrases import action_label, attendance_label, next_meeting_label
from bot.i18n import format_date, t
from indexer.text.dates import MONTHS_NB


def render_summary(summary: MeetingSummary, language: Language) -> list[AnswerSentence]:
    lines = [AnswerSentence(text=_heading(summary, language))]
    if quoted := t("minutes.quoted", language):
        lines.append(AnswerSentence(text=quoted))
    lines.extend(AnswerSentence(text=c.text, citations=c.citations) for c in summary.overview)
    if summary.place:
        lines.append(_line(f"{t('minutes.place', language)}: {summary.place.text}",
                           summary.place.citations))
    if summary.participants and (present := attendance_label(summary.participants, language)):
        lines.append(_line(f"{t('minutes.present', language)}: {present}",
                           summary.participants.citations))
    for item in summary.items:
        lines.extend(item_lines(item, language))
    if not any(item.decisions for item in summary.items):
        lines.append(AnswerSentence(text=t("minutes.no_decisions", language)))
    if (upcoming := summary.next_meeting) is not None:
        when = next_meeting_label(upcoming, language)
        lines.append(_line(f"{t('minutes.next', language)}: {when}", upcoming.citations))
    return lines


def _heading(summary: MeetingSummary, language: Language) -> str:
    heading = f"{t('minutes.heading', language)}: {summary.title}"
    if summary.date and not _mentions_date(summary.title, summary.date):
        heading += f" ({format_date(summary.date, language)})"
    return heading


def _mentions_date(title: str, date: dt.date) -> bool:
    """Whether the title already writes the date, in one of the ways the minutes write it."""
    forms = (f"{date.day:02d}.{date.month:02d}.{date.year}", date.isoformat(),
             format_date(date, "nb"), f"{date.day}.{MONTHS_NB[date.month - 1]} {date.year}")
    return any(form in title for form in forms)


def item_lines(item: AgendaItem, language: Language) -> list[AnswerSentence]:
    """The item's title in bold, then its summary, decisions and actions, one line each."""
    indent = "  " * (item.level - 1)
    decision, action = t("minutes.decision", language), t("minutes.action", language)
    # the minutes' opening (before their first item) has no heading of its own
    lines = [AnswerSentence(text=f"{indent}**{item.title}**")] if item.title else []
    for cited in item.summary:
        lines.append(_line(f"{indent}- {cited.text}", cited.citations))
    for cited in item.decisions:
        lines.append(_line(f"{indent}- {decision}: {cited.text}", cited.citations))
    for todo in item.actions:
        lines.append(_line(f"{indent}- {action}: {action_label(todo, language)}", todo.citations))
    return lines


def _line(text: str, citations: list[int]) -> AnswerSentence:
    return AnswerSentence(text=text, citations=citations)
