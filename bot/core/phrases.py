"""Small phrases written from payload values, the same in an answer's text and in its card.

«Fjell (nå Øygarden)», «omtalt 2019–2021», «A, B og C», «12 personer fra 5 organisasjoner»: the
routes write them into their sentences and the Teams face into its cards, so both say the same.
"""

from __future__ import annotations

from bot.core.meetings import ActionItem, NextMeeting, Participants
from bot.core.payloads import Period, Place
from bot.i18n import format_date, t
from indexer.text.language import Language


def join(items: list[str], lang: Language, word: str = "and") -> str:
    """«A, B og C» («… eller C» with word="or"); repeats left out."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t(f'lists.{word}', lang)} {items[-1]}"


def place_label(place: Place, lang: Language, with_role: bool = True) -> str:
    """«Fjell (nå Øygarden)», «Kvam (vertskommune)»; the name as the documents wrote it."""
    notes = [t("lists.host", lang)] if with_role and place.host else []
    if place.now:
        notes.append(f"{t('lists.now', lang)} {place.now}")
    return f"{place.name} ({', '.join(notes)})" if notes else place.name


def places_label(places: list[Place], lang: Language) -> str:
    """Every place of a project, or «ingen kommuner oppgitt»."""
    return join([place_label(p, lang) for p in places], lang) or t("lists.no_places", lang)


def period_label(period: Period | None, lang: Language, days: bool = False) -> str:
    """«2019–2021»; «omtalt 2019» when no document states the project's period; with `days`,
    the days a period line states («1. januar 2022 – 30. juni 2024») where it states them."""
    if period is None:
        return ""
    if days and period.start and period.end:
        return f"{format_date(period.start, lang)} – {format_date(period.end, lang)}"
    span = str(period.first) if period.first == period.last else f"{period.first}–{period.last}"
    return span if period.stated else f"{t('lists.mentioned', lang)} {span}"


def quote_title(title: str, quoted: bool) -> str:
    """A project title as the documents write it: «Fosterhjem i vest» or plain."""
    return f"«{title}»" if quoted else title


def marked(text: str, citations: list[int]) -> str:
    """A statement with its [n] markers, for places that show it outside the answer's text."""
    return text + (" " + "".join(f"[{n}]" for n in citations) if citations else "")


def attendance_label(who: Participants, lang: Language) -> str | None:
    """«12 personer fra 5 organisasjoner», or the minutes' own attendance sentence."""
    if who.people is None:
        return who.text
    count = t("minutes.people", lang, n=who.people)
    if who.organisations:
        count += " " + t("minutes.orgs", lang, n=len(who.organisations))
    return count


def next_meeting_label(upcoming: NextMeeting, lang: Language) -> str:
    parts = [format_date(upcoming.date, lang)] if upcoming.date else [upcoming.text]
    if upcoming.date and upcoming.place:
        parts.append(upcoming.place)
    if upcoming.host:
        parts.append(f"{t('minutes.host', lang)}: {upcoming.host}")
    if upcoming.theme:
        parts.append(f"{t('minutes.theme', lang)}: {upcoming.theme}")
    return ", ".join(parts)


def action_label(item: ActionItem, lang: Language) -> str:
    """What is to be done, with who and by when where the text does not already say it."""
    details: list[str] = []
    if item.who:
        details.append(f"{t('minutes.who', lang)}: {item.who}")
    if item.when and format_date(item.when, "nb") not in item.what:
        details.append(f"{t('minutes.when', lang)}: {format_date(item.when, lang)}")
    return item.what + (f" ({'; '.join(details)})" if details else "")
