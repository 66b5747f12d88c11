"""Facts about the meeting itself: who attended, where it was held, and the next meeting.

Attendance is counted only from a list of people ("Til stede: Name (Org), …", one
"Name, Org" per line); a list of organisations or a sentence such as "9 barneverntjenester og
18 kommuner var representert" is quoted as written instead of counted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from bot.minutes.text import MinutesDoc, clean
from indexer.text.dates import find_dates
from indexer.text.sentences import Sentence

_ATTENDANCE = re.compile(
    r"^[\s*_]*(?:til\s*stede|til\s*stades|deltakere|deltakarar|deltagere|present|attendees)"
    r"[\s*_]*:?[\s*_]*(?P<rest>.*)$",
    re.I,
)
_STOP = re.compile(
    r"^[\s*_]*(?:forfall|fråfall|frafall|meldt forfall|referent|dato|sted|stad|møteleder|"
    r"møteleiar|kopi|sak\b|tid|time)\b",
    re.I,
)
_ATTENDANCE_SENTENCE = re.compile(r"\b(representert|deltok|deltakere|deltakarar|til stede)\b", re.I)
_PLACE_LINE = re.compile(r"^[\s*_]*(?:sted|stad|møtested|møtestad|place)[\s*_]*:[\s*_]*(?P<p>.+)$",
                         re.I)
_TIME = re.compile(r",?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[–—-]\s*\d{1,2}[.:]\d{2})?", re.I)
_FROM_ORG = re.compile(r"^(?:fra|frå)\s+(?P<org>.+?)\s*[:–—-]\s*(?P<names>.+)$", re.I)
_NAME_ORG = re.compile(
    r"^(?P<name>[^()]+?)\s*(?:\((?P<org1>[^)]+)\)|\s*[–—]\s+(?P<org2>.+)|\s+-\s+(?P<org3>.+))$"
)
_PERSON = re.compile(r"^(?:[A-ZÆØÅ][\wæøåé'’-]*\.?\s+){1,4}[A-ZÆØÅ][\wæøåé'’-]+$")
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


class Attendance(NamedTuple):
    people: int | None
    organisations: list[str]
    start: int
    end: int
    text: str | None  # set when quoting rather than counting


class Next(NamedTuple):
    date: dt.date | None
    place: str | None
    host: str | None
    theme: str | None
    spans: list[tuple[int, int]]
    text: str


def attendance(doc: MinutesDoc) -> Attendance | None:
    lines = _lines(doc.text)
    for i, (start, _end, content) in enumerate(lines):
        m = _ATTENDANCE.match(content)
        if not m or start > max(doc.preamble_end, 2000):
            continue
        block = [(start + m.start("rest"), start + len(content), m["rest"])] if m["rest"].strip() \
            else []
        for ls, le, text in lines[i + 1 :]:
            if not text.strip() or _STOP.match(text):
                break
            block.append((ls, le, text))
        if block:
            return _count(block)
    return _attendance_sentence(doc)


def _attendance_sentence(doc: MinutesDoc) -> Attendance | None:
    for sentence in doc.sentences_in(0, max(doc.preamble_end, 1)):
        if _ATTENDANCE_SENTENCE.search(sentence.text) and re.search(r"\d", sentence.text):
            return Attendance(None, [], sentence.start, sentence.end, clean(sentence.text))
    return None


def _count(block: list[tuple[int, int, str]]) -> Attendance:
    start, end = block[0][0], block[-1][1]
    text = " ".join(clean(t) for _, _, t in block)
    if re.search(r"\brepresentant\w*\s+fr[aå]\b", text, re.I):
        return Attendance(None, [], start, end, text)
    people, orgs = 0, []
    one_per_line = len(block) > 2 and all(t.count(",") == 1 for _, _, t in block)
    for _, _, line in block:
        line = clean(line)
        if one_per_line:
            name, org = (p.strip() for p in line.split(","))
            people += 1
            orgs.append(org)
            continue
        if m := _FROM_ORG.match(line):
            orgs.append(m["org"].strip())
            people += len([n for n in re.split(r",|\bog\b", m["names"]) if n.strip()])
            continue
        for entry in _entries(line):
            p, o = _entry(entry)
            people += p
            orgs.extend(o)
    if people == 0:
        return Attendance(None, [], start, end, text)
    return Attendance(people, list(dict.fromkeys(orgs)), start, end, None)


def _entries(line: str) -> list[str]:
    """Split on commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in line:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _entry(entry: str) -> tuple[int, list[str]]:
    """(people, organisations) in one entry; "A - B – Org" names two people of one org."""
    if m := _NAME_ORG.match(entry):
        name, org = m["name"].strip(), (m["org1"] or m["org2"] or m["org3"]).strip()
        if not _PERSON.match(name):
            return 0, [entry]
        more, orgs = _entry(org) if _NAME_ORG.match(org) else (0, [org])
        return 1 + more, orgs if more else [org]
    return (1, []) if _PERSON.match(entry) else (0, [entry])


def meeting_place(doc: MinutesDoc) -> tuple[str, int, int] | None:
    """Where the meeting was held ("Sted: …" in the preamble) and the span that says so."""
    for start, end, content in _lines(doc.text[: max(doc.preamble_end, 1)]):
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


def _lines(text: str) -> list[tuple[int, int, str]]:
    found, pos = [], 0
    for raw in text.split("\n"):
        found.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return found
