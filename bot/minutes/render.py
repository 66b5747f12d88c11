"""A MeetingSummary as answer sentences, with labels in the question's language.

Only the framing is translated; what the minutes say is quoted as written (in Norwegian), so a
translation can never change a decision, a date or a name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.core.models import AnswerSentence, Language
from bot.minutes.models import ActionItem, AgendaItem, MeetingSummary, NextMeeting, Participants
from indexer.text.dates import MONTHS_NB, format_nb

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "heading": "Oppsummering av referatet", "present": "Til stede",
        "people": "{n} personer", "orgs": "fra {n} organisasjoner", "place": "Sted",
        "decision": "Vedtak", "action": "Oppfølging", "who": "ansvar", "when": "frist",
        "next": "Neste møte", "host": "vert", "theme": "tema",
        "no_decisions": "Referatet har ingen vedtak.", "quoted": "", "date": "Dato",
        "summary": "Sammendrag", "decisions": "Vedtak", "actions": "Oppfølgingspunkter",
    },
    "nn": {
        "heading": "Samandrag av referatet", "present": "Til stades",
        "people": "{n} personar", "orgs": "frå {n} organisasjonar", "place": "Stad",
        "decision": "Vedtak", "action": "Oppfølging", "who": "ansvar", "when": "frist",
        "next": "Neste møte", "host": "vert", "theme": "tema",
        "no_decisions": "Referatet har ingen vedtak.", "quoted": "", "date": "Dato",
        "summary": "Samandrag", "decisions": "Vedtak", "actions": "Oppfølgingspunkt",
    },
    "en": {
        "heading": "Summary of the minutes", "present": "Present",
        "people": "{n} people", "orgs": "from {n} organisations", "place": "Place",
        "decision": "Decision", "action": "Action item", "who": "responsible", "when": "due",
        "next": "Next meeting", "host": "host", "theme": "theme",
        "no_decisions": "The minutes record no decisions.",
        "quoted": "Quotations from the minutes are in Norwegian.", "date": "Date",
        "summary": "Summary", "decisions": "Decisions", "actions": "Action items",
    },
}


def month_name(month: int, language: Language) -> str:
    return _MONTHS_EN[month - 1] if language == "en" else MONTHS_NB[month - 1]


def format_date(date: dt.date, language: Language) -> str:
    if language == "en":
        return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
    return format_nb(date)  # Nynorsk month names are the same


def render_summary(summary: MeetingSummary, language: Language) -> list[AnswerSentence]:
    labels = LABELS[language]
    lines = [AnswerSentence(text=_heading(summary, language))]
    if labels["quoted"]:
        lines.append(AnswerSentence(text=labels["quoted"]))
    lines.extend(AnswerSentence(text=c.text, citations=c.citations) for c in summary.overview)
    if summary.place:
        lines.append(_line(f"{labels['place']}: {summary.place.text}", summary.place.citations))
    if summary.participants and (present := _present(summary.participants, labels)):
        lines.append(_line(f"{labels['present']}: {present}", summary.participants.citations))
    for item in summary.items:
        lines.extend(_item(item, labels, language))
    if not any(item.decisions for item in summary.items):
        lines.append(AnswerSentence(text=labels["no_decisions"]))
    if (upcoming := summary.next_meeting) is not None:
        lines.append(_line(f"{labels['next']}: {_next(upcoming, labels, language)}",
                           upcoming.citations))
    return lines


def card_view(summary: MeetingSummary, language: Language) -> dict[str, Any]:
    """The summary as a Teams card shows it: labelled in the user's language, [n] inline."""
    labels = LABELS[language]
    view: dict[str, Any] = {"title": summary.title}
    if summary.date:
        view[labels["date"]] = format_date(summary.date, language)
    if summary.place:
        view[labels["place"]] = _marked(summary.place.text, summary.place.citations)
    if summary.participants and (present := _present(summary.participants, labels)):
        view[labels["present"]] = _marked(present, summary.participants.citations)
    if (upcoming := summary.next_meeting) is not None:
        view[labels["next"]] = _marked(_next(upcoming, labels, language), upcoming.citations)
    view["sections"] = [_card_section(item, labels, language) for item in summary.items]
    return view


def _card_section(item: AgendaItem, labels: dict[str, str], language: Language) -> dict[str, Any]:
    section: dict[str, Any] = {"heading": item.title}
    if item.summary:
        section[labels["summary"]] = [_marked(c.text, c.citations) for c in item.summary]
    if item.decisions:
        section[labels["decisions"]] = [_marked(c.text, c.citations) for c in item.decisions]
    if item.actions:
        section[labels["actions"]] = [_marked(_action(a, labels, language), a.citations)
                                      for a in item.actions]
    return section


def _marked(text: str, citations: list[int]) -> str:
    return text + (" " + "".join(f"[{n}]" for n in citations) if citations else "")


def _present(who: Participants, labels: dict[str, str]) -> str | None:
    if who.people is None:
        return who.text
    count = labels["people"].format(n=who.people)
    if who.organisations:
        count += " " + labels["orgs"].format(n=len(who.organisations))
    return count


def _next(upcoming: NextMeeting, labels: dict[str, str], language: Language) -> str:
    parts = [format_date(upcoming.date, language)] if upcoming.date else [upcoming.text]
    if upcoming.date and upcoming.place:
        parts.append(upcoming.place)
    if upcoming.host:
        parts.append(f"{labels['host']}: {upcoming.host}")
    if upcoming.theme:
        parts.append(f"{labels['theme']}: {upcoming.theme}")
    return ", ".join(parts)


def _heading(summary: MeetingSummary, language: Language) -> str:
    heading = f"{LABELS[language]['heading']}: {summary.title}"
    if summary.date and not _mentions_date(summary.title, summary.date):
        heading += f" ({format_date(summary.date, language)})"
    return heading


def _mentions_date(title: str, date: dt.date) -> bool:
    forms = (f"{date.day:02d}.{date.month:02d}.{date.year}", date.isoformat(),
             f"{date.day}. {MONTHS_NB[date.month - 1]} {date.year}",
             f"{date.day}.{MONTHS_NB[date.month - 1]} {date.year}")
    return any(form in title for form in forms)


def _item(item: AgendaItem, labels: dict[str, str], language: Language) -> list[AnswerSentence]:
    indent = "  " * (item.level - 1)
    lines = [AnswerSentence(text=f"{indent}**{item.title}**")]
    for cited in item.summary:
        lines.append(_line(f"{indent}- {cited.text}", cited.citations))
    for cited in item.decisions:
        lines.append(_line(f"{indent}- {labels['decision']}: {cited.text}", cited.citations))
    for action in item.actions:
        lines.append(_line(f"{indent}- {labels['action']}: {_action(action, labels, language)}",
                           action.citations))
    return lines


def _action(action: ActionItem, labels: dict[str, str], language: Language) -> str:
    details = []
    if action.who:
        details.append(f"{labels['who']}: {action.who}")
    if action.when and format_nb(action.when) not in action.what:
        details.append(f"{labels['when']}: {format_date(action.when, language)}")
    return action.what + (f" ({'; '.join(details)})" if details else "")


def _line(text: str, citations: list[int]) -> AnswerSentence:
    return AnswerSentence(text=text, citations=citations)
