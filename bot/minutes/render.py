"""A MeetingSummary as answer sentences, with labels in the question's language.

Only the framing is translated; what the minutes say is quoted as written (in Norwegian), so a
translation can never change a decision, a date or a name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.core.models import AnswerSentence, Language
from bot.i18n import format_date, t
from bot.minutes.models import ActionItem, AgendaItem, MeetingSummary, NextMeeting, Participants
from indexer.text.dates import MONTHS_NB


def render_summary(summary: MeetingSummary, language: Language) -> list[AnswerSentence]:
    lines = [AnswerSentence(text=_heading(summary, language))]
    if quoted := t("minutes.quoted", language):
        lines.append(AnswerSentence(text=quoted))
    lines.extend(AnswerSentence(text=c.text, citations=c.citations) for c in summary.overview)
    if summary.place:
        lines.append(_line(f"{t('minutes.place', language)}: {summary.place.text}",
                           summary.place.citations))
    if summary.participants and (present := _present(summary.participants, language)):
        lines.append(_line(f"{t('minutes.present', language)}: {present}",
                           summary.participants.citations))
    for item in summary.items:
        lines.extend(_item(item, language))
    if not any(item.decisions for item in summary.items):
        lines.append(AnswerSentence(text=t("minutes.no_decisions", language)))
    if (upcoming := summary.next_meeting) is not None:
        lines.append(_line(f"{t('minutes.next', language)}: {_next(upcoming, language)}",
                           upcoming.citations))
    return lines


def card_view(summary: MeetingSummary, language: Language) -> dict[str, Any]:
    """The summary as a Teams card shows it: labelled in the user's language, [n] inline."""
    view: dict[str, Any] = {"title": summary.title}
    if summary.date:
        view[t("minutes.date", language)] = format_date(summary.date, language)
    if summary.place:
        view[t("minutes.place", language)] = _marked(summary.place.text, summary.place.citations)
    if summary.participants and (present := _present(summary.participants, language)):
        view[t("minutes.present", language)] = _marked(present, summary.participants.citations)
    if (upcoming := summary.next_meeting) is not None:
        view[t("minutes.next", language)] = _marked(_next(upcoming, language), upcoming.citations)
    view["sections"] = [_card_section(item, language) for item in summary.items]
    return view


def _card_section(item: AgendaItem, language: Language) -> dict[str, Any]:
    section: dict[str, Any] = {"heading": item.title}
    if item.summary:
        points = [_marked(c.text, c.citations) for c in item.summary]
        section[t("minutes.summary", language)] = points
    if item.decisions:
        points = [_marked(c.text, c.citations) for c in item.decisions]
        section[t("minutes.decisions", language)] = points
    if item.actions:
        points = [_marked(_action(a, language), a.citations) for a in item.actions]
        section[t("minutes.actions", language)] = points
    return section


def _marked(text: str, citations: list[int]) -> str:
    return text + (" " + "".join(f"[{n}]" for n in citations) if citations else "")


def _present(who: Participants, language: Language) -> str | None:
    if who.people is None:
        return who.text
    count = t("minutes.people", language, n=who.people)
    if who.organisations:
        count += " " + t("minutes.orgs", language, n=len(who.organisations))
    return count


def _next(upcoming: NextMeeting, language: Language) -> str:
    parts = [format_date(upcoming.date, language)] if upcoming.date else [upcoming.text]
    if upcoming.date and upcoming.place:
        parts.append(upcoming.place)
    if upcoming.host:
        parts.append(f"{t('minutes.host', language)}: {upcoming.host}")
    if upcoming.theme:
        parts.append(f"{t('minutes.theme', language)}: {upcoming.theme}")
    return ", ".join(parts)


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


def _item(item: AgendaItem, language: Language) -> list[AnswerSentence]:
    indent = "  " * (item.level - 1)
    decision, action = t("minutes.decision", language), t("minutes.action", language)
    lines = [AnswerSentence(text=f"{indent}**{item.title}**")]
    for cited in item.summary:
        lines.append(_line(f"{indent}- {cited.text}", cited.citations))
    for cited in item.decisions:
        lines.append(_line(f"{indent}- {decision}: {cited.text}", cited.citations))
    for todo in item.actions:
        lines.append(_line(f"{indent}- {action}: {_action(todo, language)}", todo.citations))
    return lines


def _action(action: ActionItem, language: Language) -> str:
    details = []
    if action.who:
        details.append(f"{t('minutes.who', language)}: {action.who}")
    if action.when and format_date(action.when, "nb") not in action.what:
        details.append(f"{t('minutes.when', language)}: {format_date(action.when, language)}")
    return action.what + (f" ({'; '.join(details)})" if details else "")


def _line(text: str, citations: list[int]) -> AnswerSentence:
    return AnswerSentence(text=text, citations=citations)
