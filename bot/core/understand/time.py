"""Years, dates and time words in a question: «i 2018», «fra 2020», «før 2019», «31.01.2024»,
«i fjor», «neste samling», «nå», «siste møte».

A bare year is a topic (a 2020 report may well answer a question about 2018); a year tied to a
document («referatet fra 2018») names that document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.core.question import TimeFocus
from bot.core.question_values import YearSpan
from indexer.catalogue import YearEdge
from indexer.text.dates import find_dates
from indexer.text.patterns import NUMBER_WORDS, words

_YEAR = r"((?:19|20)\d\d)"
ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")  # a year anywhere in the text
# «før reformen i 2022», «after the merger in 2020»: the event's year bounds the span
# (not after «fra»: «fra statsforvalteren i 2021» is who gave, not since when)
_EVENT = r"(?:(?:the\s+)?(?-i:[a-zæøå]+)\s+(?:i|in)\s+)?"
_FROM = re.compile(rf"\b(?:(?:fra|frå|from)\s+(?:og med\s+)?|(?:since|siden|sidan|etter|after)\s+"
                   rf"{_EVENT}){_YEAR}\b", re.I)
_BEFORE = re.compile(rf"\b(?:før|before|until|fram til|frem til)\s+{_EVENT}{_YEAR}\b", re.I)
_RANGE = re.compile(rf"\b{_YEAR}\s*(?:[–-]|til|to)\s*{_YEAR}\b|\bmellom\s+{_YEAR}\s+og\s+{_YEAR}\b",
                    re.I)
# «fra 2023 og 2024», «in 2022 and 2023»: both years, and any between
_PAIR = re.compile(rf"\b{_YEAR}\s*(?:,|og|and|eller|or|&)\s*{_YEAR}\b", re.I)
_IN_YEAR = re.compile(rf"\b(?:i|in|år|during)\s+{_YEAR}\b", re.I)
_TIED = re.compile(
    r"\b(referat\w*|møte\w*|samling\w*|utlysning\w*|minutes|meeting)\s+(fr[aå]|i|of|in)\s+"
    r"(\d{1,2}\.?\s*\w*\s*)?((?:19|20)\d\d)", re.I)
_LAST_YEAR = words("i fjor", "ifjor", "last year", "året før")
# «for to år siden», «two years ago», «i forfjor»: a year counted back from today
_YEARS_AGO = re.compile(
    r"\bfor\s+(?P<n>\d{1,2}|ett|eitt|ei|ein|en|to|tre|fire|fem|seks)\s+år\s+(?:siden|sidan)\b|"
    r"\b(?P<en>\d{1,2}|a|one|two|three|four|five|six)\s+years?\s+ago\b|\bi\s+(?P<two>forfjor)\b",
    re.I)
_COUNTS = {**NUMBER_WORDS, "a": 1, "forfjor": 2}
_THIS_YEAR = words("i år", "this year", "inneværende år", "dette året")
_NEXT_YEAR = words("neste år", "til neste år", "next year", "kommende år", "komande år",
                   "til året")
_NEXT = words("neste", "kommende", "komande", "førstkommende", "upcoming", "next", "står for tur",
              "coming up",
              r"skal\s+(?:holdes|haldast|være|vere|arrangeres)")
# «Når er søknadsfristen?», «When is the next meeting?»: asks for a date still to come.
_UPCOMING = re.compile(r"^\W*(?:og\s+|and\s+)?(?:når|kva tid|kor tid|when)\s+(?:er|skal|blir|vil|går|"
                       r"is|will|are|does)\b", re.I)
_LATEST = words("siste", "sist", "forrige", "førre", "last", "latest", "most recent", "nyeste",
                "nyaste")
_CURRENT = words("nå", "now", "currently", "i dag", "gjeldende", "gjeldande", "current",
                 "fortsatt", "framleis", "fremdeles", "still", "nyeste", "nyaste", "i år",
                 "this year")


# «kommuner som lå i Hedmark før 2020», «municipalities that were in Sogn og Fjordane until
# 2020»: the year dates the place's history, not what is asked about
_PLACE_HISTORY = re.compile(
    rf"\b(?:som|that|which)\s+(?:lå|låg|var|hørte|høyrde|tilhørte|belonged|were|was|lay)"
    rf"(?:\s+(?:til|to))?\s+(?:i|in|under|en del av|ein del av|part of)\s+(?-i:[A-ZÆØÅ])"
    rf"[^?.,;]{{1,60}}?\b(?:før|fram til|frem til|until|before|prior to|til)\s+{_YEAR}\b", re.I)


# «Hun fyller 18 neste år», «my son turns 18 in 2027»: the year is a birthday, the asker's
# life, not a time any document is about
_BIRTHDAY = re.compile(
    r"\b(?:fyller|fyll|fylte|turns?|turned|will\s+turn|(?:blir|vert|becomes?|will\s+be)"
    r"(?=\s+(?:1[2-9]|2[0-5])\s+(?:år|years)))\s+\d{1,2}\b(?:\s+(?:år|years?(?:\s+old)?))?"
    r"[^?.,;:!–-]{0,25}", re.I)


def without_birthdays(text: str) -> str:
    return _BIRTHDAY.sub(" ", text)


# «bortsett frå dei som kom i 2022», «utenom 2020 og 2021», «except 2021»: years left out
_LEFT_OUT_YEARS = re.compile(
    rf"\b(?:utenom|utanom|unntatt|bortsett\s+fr[aå]|med\s+unntak\s+av|ikke\s+medregnet|"
    rf"ikkje\s+medrekna|except(?:\s+for)?|excluding|other\s+than|apart\s+from|not\s+counting|"
    rf"men\s+ikke|men\s+ikkje|but\s+not)\b[^?.;:!\d]{{0,30}}?{_YEAR}"
    rf"(?:\s*(?:,|og|and|eller|or|&|[–-]|til|to)\s*{_YEAR})?", re.I)


def left_out_years(text: str) -> YearSpan | None:
    """The years a list leaves out («… bortsett frå dei som kom i 2022»), or None; «utenom de
    som startet i 2021» leaves out the projects that started then, not all that ran then."""
    if not (match := _LEFT_OUT_YEARS.search(text)):
        return None
    years = [int(y) for y in match.groups() if y]
    said = match.group(0)
    edge = YearEdge.STARTED if _STARTED.search(said) else (
        YearEdge.ENDED if _ENDED.search(said) else YearEdge.RAN)
    return YearSpan(min(years), max(years), edge)


def year_span(text: str, today: dt.date) -> YearSpan | None:
    """«fra 2020» → 2020–…, «før 2020» → …–2019, «2019–2021» and «fra 2023 og 2024» → both, «i
    2018», «i fjor» and «neste år» → a year."""
    text = _LEFT_OUT_YEARS.sub(" ", without_birthdays(_PLACE_HISTORY.sub(" ", text)))
    for both in (_RANGE, _PAIR):  # a range first: «2019–2021 og 2023» is the range
        if match := both.search(text):
            years = [int(y) for y in match.groups() if y]
            return YearSpan(min(years), max(years))
    if match := _TIED.search(text):  # «referatet fra 2018» is that year, not 2018 onwards
        return YearSpan(int(match.group(4)), int(match.group(4)))
    if match := _FROM.search(text):
        year = int(match.group(1))
        after = match.group(0).casefold().startswith(("etter", "after"))
        return YearSpan(year + 1 if after else year, 9999)
    if match := _BEFORE.search(text):
        return YearSpan(0, int(match.group(1)) - 1)
    if named := sorted({int(m.group(1)) for m in _IN_YEAR.finditer(text)}):
        # «… i 2018, og hvor mye fikk Vestland i 2020?»: each part its year, both asked
        return YearSpan(named[0], named[-1]) if len(named) <= 2 else None
    years = sorted({int(y) for y in ANY_YEAR.findall(text)})
    if years:
        return YearSpan(years[0], years[-1]) if len(years) <= 2 else None
    if _LAST_YEAR.search(text):
        return YearSpan(today.year - 1, today.year - 1)
    if back := years_ago(text):
        return YearSpan(today.year - back[0], today.year - back[0])
    if _THIS_YEAR.search(text):
        return YearSpan(today.year, today.year)
    if _NEXT_YEAR.search(text):
        return YearSpan(today.year + 1, today.year + 1)
    return None


_SINCE = re.compile(rf"\b(?:fra og med|frå og med|since|siden|sidan|etter|after|onwards)\b|"
                    rf"{_YEAR}\s*(?:og|and)\s+(?:senere|seinare|later|etter)", re.I)


def document_years(text: str, today: dt.date) -> YearSpan | None:
    """«Hvilke dokumenter har vi fra 2023?» asks for what is dated 2023: a document is *from*
    a year; «siden 2023», «fra og med 2023» and «2023 og senere» still reach to today."""
    span = year_span(text, today)
    if span is None or span.last != 9999 or _SINCE.search(text):
        return span
    return YearSpan(span.first, span.first)


# «Hvilke prosjekter pågår nå?», «Which projects are still running?»: running this year
_ONGOING = words("pågår", "pågåande", "pågående", "ongoing", "running", "still active",
                 "er i gang", "aktive prosjekt", "active projects", "held fram", "holder på")


# «prosjekter som startet etter 2021», «med oppstart i 2023», «which ended before 2022»: the
# year a project started or ended, not any year it ran
_YEAR_AHEAD = rf"[^?.,;:]{{0,25}}?{ANY_YEAR.pattern}"
_STARTED = re.compile(r"\b(?:start(?:et|a|ed|a opp|et opp)?|begynte|byrja|began|begun|oppstart"
                      r"|kom i gang|kom i gong|got under way)\b" + _YEAR_AHEAD, re.I)
_ENDED = re.compile(r"\b(?:avslutt(?:et|a|es|ast)?|slutt(?:et|a)|ferdig(?:e|stilt)?"
                    r"|ended|finished|completed|concluded|wound up)\b" + _YEAR_AHEAD, re.I)


# «fordelt på år», «per år», «each year»: an amount told year by year
_PER_YEAR = words("per år", r"pr\.? år", "hvert år", "kvart år", "år for år", r"fordelt (?:på|per) år",
                  "each year", "per year", "a year", "by year", "year by year", "årlig", "årleg",
                  "annually")


def per_year(text: str) -> bool:
    return bool(_PER_YEAR.search(text))


def ongoing(text: str) -> bool:
    """«Hvilke prosjekter pågår nå?»: when each ends is part of the answer."""
    return bool(_ONGOING.search(text))


def project_years(text: str, today: dt.date) -> YearSpan | None:
    """The years a project list asks for; projects still going on are those of this year, and
    «startet etter 2021» asks of the year each started."""
    span = year_span(text, today)
    if span is None:
        return YearSpan(today.year, today.year) if _ONGOING.search(text) else None
    if _STARTED.search(text):
        return replace(span, edge=YearEdge.STARTED)
    if _ENDED.search(text):
        return replace(span, edge=YearEdge.ENDED)
    return span


# «in date order», «i kronologisk rekkefølge», «eldste først»: a listing from the oldest
_CHRONOLOGICAL = words(r"kronologisk\w*", r"chronological\w*", "in date order", "by date",
                       r"i dato-?rekkefølge", r"i dato-?rekkjefølgje", "etter dato",
                       "oldest first", "eldste først", "eldst først", "earliest first")


def oldest_first(text: str) -> bool:
    return bool(_CHRONOLOGICAL.search(text))


def dates_in(text: str) -> tuple[dt.date, ...]:
    return tuple(dict.fromkeys(match.date for match in find_dates(text)))


def years_tied(text: str) -> bool:
    return bool(_TIED.search(text))


def time_focus(text: str) -> TimeFocus | None:
    """Which of «neste», «siste», «nå» the question leans on; «neste» wins (it is the one a past
    date would get wrong)."""
    text = without_birthdays(text)
    if _NEXT.search(text) or _UPCOMING.search(text):
        return TimeFocus.NEXT
    if _LATEST.search(text):
        return TimeFocus.LATEST
    if _CURRENT.search(text):
        return TimeFocus.CURRENT
    return None


# --- the period a meeting question names: «i fjor», «i vår», «høsten 2023», «siden 2022» ------
_SEASON_WORDS: dict[str, str] = {
    "vår": "spring", "våren": "spring", "spring": "spring",
    "sommer": "summer", "sommeren": "summer", "sommar": "summer", "sommaren": "summer",
    "summer": "summer",
    "høst": "autumn", "høsten": "autumn", "haust": "autumn", "hausten": "autumn",
    "autumn": "autumn", "fall": "autumn",
    "vinter": "winter", "vinteren": "winter", "winter": "winter",
}  # fmt: skip
_SEASON_MONTHS = {"spring": (1, 6), "summer": (6, 8), "autumn": (8, 12), "winter": (12, 2)}
_SEASON = re.compile(
    r"\b(?:(?P<this>i|this|denne|dette)\s+(?P<s1>vår|sommer|sommar|høst|haust|vinter|spring|"
    r"summer|autumn|fall|winter)\b(?P<ago1>\s+i\s+fjor)?"
    r"|(?P<last>forrige|førre|last)\s+(?P<s2>vår|sommer|sommar|høst|haust|vinter|spring|summer|"
    r"autumn|fall|winter)\b"
    r"|(?:in\s+(?:the\s+)?)?(?P<s3>våren|sommeren|sommaren|høsten|hausten|vinteren|spring|"
    r"summer|autumn|fall|winter)\s+(?:(?:of\s+)?(?P<y>(?:19|20)\d\d)\b|(?P<ago3>i\s+fjor)\b))",
    re.I)
# «siden 2023», «fra og med 2023», «from 2023 onwards», «frå 2023 og utover»: that year on;
# «etter 2022», «after 2022»: the year after it on
_SINCE_YEAR = re.compile(rf"\b(?:siden|sidan|since|fra og med|frå og med|(?P<after>etter|after))"
                         rf"\s+{_YEAR}\b|\b(?:from|fra|frå)\s+{_YEAR}\s+(?:onwards?|and later|"
                         r"og utover|og framover|og fremover|og seinare|og senere)\b", re.I)
_BEFORE_YEAR = re.compile(rf"\b(?:før|before)\s+{_YEAR}\b", re.I)


Period = tuple[dt.date, dt.date]


def period(text: str, today: dt.date) -> Period | None:
    """The dates a meeting must fall between: «i vår», «høsten 2023», «i fjor», «i år»,
    «siden 2022», «før 2020»; a season named without a year is the latest one begun."""
    found = period_match(text, today)
    return found[0] if found else None


def period_match(text: str, today: dt.date) -> tuple[Period, int, int] | None:
    """The period and where the text names it («last spring» is a time, not «the latest»)."""
    if m := _SEASON.search(text):
        season = _SEASON_WORDS[(m["s1"] or m["s2"] or m["s3"]).casefold()]
        if m["y"]:
            return _season(season, int(m["y"])), m.start(), m.end()
        year = _latest_season_year(season, today)
        back = bool(m["last"] or m["ago1"] or m["ago3"])
        return _season(season, year - 1 if back and year == today.year else year), m.start(), \
            m.end()
    if m := _SINCE_YEAR.search(text):
        year = int(next(y for y in m.groups()[1:] if y))
        return (dt.date(year + bool(m["after"]), 1, 1), dt.date.max), m.start(), m.end()
    if m := _BEFORE_YEAR.search(text):
        return (dt.date.min, dt.date(int(m.group(1)) - 1, 12, 31)), m.start(), m.end()
    if m := _LAST_YEAR.search(text):
        return (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)), m.start(), m.end()
    if back := years_ago(text):
        year = today.year - back[0]
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)), back[1], back[2]
    if m := _THIS_YEAR.search(text):
        return (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)), m.start(), m.end()
    return None


def years_ago(text: str) -> tuple[int, int, int] | None:
    """«for to år siden» → (2, start, end): how many years back, and where the text says it."""
    if not (m := _YEARS_AGO.search(text)):
        return None
    said = (m["n"] or m["en"] or m["two"]).casefold()
    return (int(said) if said.isdigit() else _COUNTS[said]), m.start(), m.end()


def _latest_season_year(season: str, today: dt.date) -> int:
    """The year of the latest such season that has begun by today (winter: the year it ends)."""
    first, _ = _SEASON_MONTHS[season]
    if season == "winter":
        return today.year + 1 if today.month == 12 else today.year
    return today.year if today.month >= first else today.year - 1


def _season(season: str, year: int) -> tuple[dt.date, dt.date]:
    first, last = _SEASON_MONTHS[season]
    if season == "winter":  # December before to February of `year`
        return dt.date(year - 1, 12, 1), dt.date(year, 3, 1) - dt.timedelta(days=1)
    end = dt.date(year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, first, 1), end
