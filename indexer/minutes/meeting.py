"""Facts about the meeting itself: where it was held, and the next meeting (who attended is
`indexer.minutes.people`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from indexer.minutes.text import MinutesDoc, clean, text_lines
from indexer.text.dates import find_dates
from indexer.text.sentences import Sentence

_PLACE_LINE = re.compile(r"^[\s*_]*(?:sted|stad|møtested|møtestad|place)[\s*_]*:[\s*_]*(?P<p>.+)$",
                         re.I)
_TIME = re.compile(r",?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[–—-]\s*\d{1,2}[.:]\d{2})?", re.I)
_NEXT = re.compile(
    r"\bneste\s+(?:møte|samling|nettverkssamling|styringsgruppemøte|samlinga)\w*|next meeting",
    re.I,
)
_NEXT_AS_DEADLINE = re.compile(r"\b(innen|innan|før)\s+neste\b", re.I)
_HOST = re.compile(r"^(?P<host>[A-ZÆØÅ].{2,80}?)\s+(?:inviterer|innkaller|kallar inn|arrangerer|"
                   r"er vert|står som vert|er vertskap)\b")
_PLACE_BEFORE = re.compile(
    r"\b(?:i|på)\s+(?P<p>[A-ZÆØÅ][\wæøå-]+(?:,?\s+[A-ZÆØÅ][\wæøå-]+)*)\s*,?\s*(?:den\s*)?$"
)
_THEME = re.compile(r"\btema\b\s*(?:er|blir|vert|:)?\s*(?P<t>.*)$", re.I)


class Next(NamedTuple):
    date: dt.date | None
    place: str | None
    host: str | None
    theme: str | None
    spans: list[tuple[int, int]]
    text: str


def meeting_place(doc: MinutesDoc) -> tuple[str, int, int] | None:
    """Where the meeting was held ("Sted: …" in the preamble) and the span that says so."""
    for start, end, content in text_lines(doc.text, 0, max(doc.preamble_end, 1)):
        if (m := _PLACE_LINE.match(content)) and (place := clean(_TIME.sub("", m["p"]))):
            return place.rstrip(",."), start, end
    return None


def next_meeting(doc: MinutesDoc, meeting_date: dt.date | None) -> Next | None:
    year = meeting_date.year if meeting_date else None
    best: tuple[float, int, Sentence, dt.date | None] | None = None
    in_next = [(it.start, it.end) for it in doc.items if it.kind == "next"]
    for index, sentence in enumerate(doc.sentences):
        inside = any(s <= sentence.start < e for s, e in in_next)
        if not inside and not _NEXT.search(sentence.text):
            continue
        date = _future_date(sentence.text, year, meeting_date)
        score = 3.0 * inside + (date is not None) * 2.0 + bool(_NEXT.search(sentence.text))
        score -= 3.0 * bool(_NEXT_AS_DEADLINE.search(sentence.text))
        if best is None or score > best[0]:
            best = (score, index, sentence, date)
    if best is None or best[0] < 2:
        return None
    _, index, sentence, date = best
    text = clean(sentence.text)
    spans = [(sentence.start, sentence.end)]
    theme = _theme(doc, spans)
    return Next(date, _place(text, date, year), _host(text), theme, spans, text)


def _future_date(text: str, year: int | None, after: dt.date | None) -> dt.date | None:
    for match in find_dates(text, default_year=year):
        if after is None or match.date > after:
            return match.date
    return None


def _place(text: str, date: dt.date | None, year: int | None) -> str | None:
    matches = [m for m in find_dates(text, default_year=year) if m.date == date]
    if not matches:
        return None
    before, after = text[: matches[0].start], text[matches[0].end :]
    after = _TIME.sub("", after).strip()
    after = re.sub(r"^(?:[,:–—-]\s*|i\s+|på\s+)", "", after).rstrip(" .")
    after = re.sub(r"\s*\((?:sett av datoen|save the date)\)$", "", after, flags=re.I)
    if after and not after[0].isdigit() and len(after) <= 80:
        return after
    m = _PLACE_BEFORE.search(before)
    return m["p"] if m else None


def _host(text: str) -> str | None:
    m = _HOST.match(text)
    return m["host"] if m and not _NEXT.search(m["host"]) else None


def _theme(doc: MinutesDoc, spans: list[tuple[int, int]]) -> str | None:
    """"… til neste samling er tema:" with the theme on the next line, or "tema: X" inline."""
    for i, sentence in enumerate(doc.sentences):
        if not (_NEXT.search(sentence.text) and re.search(r"\btema\b", sentence.text, re.I)):
            continue
        m = _THEME.search(sentence.text)
        theme = m["t"].strip(" .") if m else ""
        if not theme and i + 1 < len(doc.sentences):
            following = doc.sentences[i + 1]
            spans.extend([(sentence.start, sentence.end), (following.start, following.end)])
            return clean(following.text).rstrip(".")
        if theme:
            spans.append((sentence.start, sentence.end))
            return clean(theme)
    return None
