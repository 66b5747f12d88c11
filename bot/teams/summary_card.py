"""The card for a summarised referat: date, place, who was there and the next meeting as facts,
then each agenda item with its summary, decisions and action items, [n] markers inline.

Labels come from the i18n catalogue in the answer's language; what the minutes say is quoted
as written, exactly as in the answer's text.
"""

from __future__ import annotations

from typing import Any

from bot.core.meetings import AgendaItem, MeetingSummary
from bot.core.models import Language
from bot.core.phrases import action_label, attendance_label, marked, next_meeting_label
from bot.i18n import format_date, t
from bot.teams.cards import adaptive_card, fact_set, size, text


def summary_card(
    summary: MeetingSummary, max_bytes: int, language: Language
) -> dict[str, Any] | None:
    """None when the card would not fit: the text answer carries the whole summary anyway."""
    body = [text(summary.title, weight="Bolder", size="Medium", spacing="None")]
    if facts := _facts(summary, language):
        body.append(fact_set(facts))
    for item in summary.items:
        body += _section(item, language)
    card = adaptive_card(body)
    return card if size(card) <= max_bytes else None


def _facts(summary: MeetingSummary, language: Language) -> list[tuple[str, str]]:
    facts = []
    if summary.date:
        facts.append((t("minutes.date", language), format_date(summary.date, language)))
    if summary.place:
        place = marked(summary.place.text, summary.place.citations)
        facts.append((t("minutes.place", language), place))
    if summary.participants and (present := attendance_label(summary.participants, language)):
        facts.append((t("minutes.present", language),
                      marked(present, summary.participants.citations)))
    if (upcoming := summary.next_meeting) is not None:
        facts.append((t("minutes.next", language),
                      marked(next_meeting_label(upcoming, language), upcoming.citations)))
    return facts


def _section(item: AgendaItem, language: Language) -> list[dict[str, Any]]:
    points = [
        (t("minutes.summary", language), [marked(c.text, c.citations) for c in item.summary]),
        (t("minutes.decisions", language), [marked(c.text, c.citations) for c in item.decisions]),
        (t("minutes.actions", language),
         [marked(action_label(a, language), a.citations) for a in item.actions]),
    ]
    blocks = [text(item.title, weight="Bolder", spacing="Medium")] if item.title else []
    for heading, shown in points:
        if shown:
            blocks.append(text(heading, weight="Bolder", spacing="Medium"))
            blocks.append(text("\n".join(f"- {point}" for point in shown)))
    return blocks
