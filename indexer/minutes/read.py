"""Read one referat into a MeetingRecord: per agenda item its decisions, action items and up to
three telling sentences; who attended and as what; where it was held; the next meeting.

The telling sentences are scored within each Sak (never across the whole document, so no Sak
is crowded out) by how central they are to the Sak, whether they hold a date, a number or a
name, and how early they come. Decisions, deadlines and the next meeting are taken as written.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter

from indexer.minutes.extract import item_facts
from indexer.minutes.meeting import meeting_place, next_meeting
from indexer.minutes.models import Action, Item, MeetingRecord, Stated, Upcoming, Where
from indexer.minutes.people import read_people
from indexer.minutes.text import ItemSpan, MinutesDoc, clean, load_minutes
from indexer.models import Chunk, DocumentMeta
from indexer.store.lexical import tokenize
from indexer.text.dates import find_dates
from indexer.text.places import Gazetteer
from indexer.text.sentences import Sentence

# Telling sentences a Sak keeps besides its decisions and actions: four held 4 more development
# summaries than three, none fewer (2026-12-03)
MAX_SUMMARY_SENTENCES = 4
HEAD_CHARS = 1500  # the opening, where minutes name their meeting and date
_TITLE_LINE = re.compile(r"^[\s#*_]*(referat\s+fr[aå]\b.*)$", re.I | re.M)
_MONTH_WORD = re.compile(r"\b\d{1,2}\.\s*(januar|februar|mars|april|mai|juni|juli|august|"
                         r"september|oktober|november|desember)\b", re.I)


def read_minutes(meta: DocumentMeta, chunks: list[Chunk], text: str | None = None,
                 gazetteer: Gazetteer | None = None) -> MeetingRecord:  # fmt: skip
    """The record of a referat from its chunks (and its loaded text, when known)."""
    return read_meeting(load_minutes(meta, chunks, text), gazetteer)


def read_meeting(doc: MinutesDoc, gazetteer: Gazetteer | None = None) -> MeetingRecord:
    date = meeting_date(doc)
    people, attendance = read_people(doc, gazetteer)
    upcoming = next_meeting(doc, date)
    reserved = {start for start, _ in upcoming.spans} if upcoming else set()
    found_place = meeting_place(doc)
    place = None
    if found_place is not None:
        name, start, end = found_place
        place = Stated(text=name, where=doc.where(start, end))
    first = doc.chunks[0] if doc.chunks else None
    opening = None if first is None else Where(start=first.start, end=first.end,
                                               chunk_id=first.chunk_id, section=first.section,
                                               snippet=first.text[:600])
    return MeetingRecord(
        doc_id=doc.meta.doc_id, title=meeting_title(doc), date=date,
        head=(first.text if first else doc.text)[:HEAD_CHARS], opening=opening,
        place=place, attendance=attendance, people=people,
        items=[*read_opening(doc), *(read_item(doc, span, date, reserved)
                                            for span in doc.items)],
        next_meeting=None if upcoming is None else Upcoming(
            date=upcoming.date, place=upcoming.place, host=upcoming.host, theme=upcoming.theme,
            text=upcoming.text,
            wheres=list({(s, e): doc.where(s, e) for s, e in upcoming.spans}.values())),
    )


def meeting_title(doc: MinutesDoc) -> str:
    """The minutes' own "Referat fra …" line where the stored title is something else."""
    if "referat" in doc.meta.title.lower():
        return doc.meta.title
    m = _TITLE_LINE.search(doc.text[: max(doc.preamble_end, 1)])
    return clean(m.group(1)) if m else doc.meta.title


def meeting_date(doc: MinutesDoc) -> dt.date | None:
    if doc.meta.date is not None:
        return doc.meta.date
    head = meeting_title(doc) + "\n" + doc.text[: max(doc.preamble_end, 1)]
    found = find_dates(head)
    return found[0].date if found else None


def read_item(doc: MinutesDoc, item: ItemSpan, date: dt.date | None,
              reserved: set[int] | None = None) -> Item:  # fmt: skip
    """One Sak: its decisions and action items, and up to three other telling sentences."""
    year = date.year if date else None
    record = Item(kind=item.kind, number=item.number, title=item.title, level=item.level,
                  start=item.start, body_start=item.body_start, end=item.end,
                  words=sorted(set(tokenize(doc.text[item.start : item.end]))))
    if item.kind == "next":
        return record
    facts = item_facts(doc, item, year)
    skip = facts.used | (reserved or set())
    candidates = [s for s in doc.body(item) if s.start not in skip and _usable(s.text)]
    chosen = pick_sentences(candidates, item.title, year)
    return record.model_copy(update={
        "summary": [Stated(text=clean(s.text), where=doc.where(s.start, s.end)) for s in chosen],
        "decisions": [Stated(text=d.text(doc), where=doc.where(d.start, d.end))
                      for d in facts.decisions],
        "actions": [Action(what=a.what, who=a.who, when=a.when,
                           where=doc.where(a.span.start, a.span.end)) for a in facts.actions],
        "labelled": facts.labelled,
    })


def read_opening(doc: MinutesDoc) -> list[Item]:
    """What the minutes say before their first item, when it is an account and not a header:
    a meeting written up as news (KS's «Barnevernsreformen hovedsak på bilateralt møte») opens
    with its gist, which a summary must not skip. Header lines («Dato: …», «Til stede: …»), the
    title and a quote's byline are no prose and make no opening."""
    prose: list[Sentence] = []
    said: set[str] = set()  # a pull quote is said again in the text: once is enough
    for sentence in doc.sentences_in(0, doc.preamble_end):
        key = _said(sentence.text)
        if _prose(sentence.text) and key not in said:
            said.add(key)
            prose.append(sentence)
    if not prose:
        return []
    chosen = prose[:MAX_SUMMARY_SENTENCES]  # an account leads with its gist
    return [Item(kind="section", number=None, title="", level=1, start=0, body_start=0,
                 end=doc.preamble_end, words=sorted(set(tokenize(doc.text[: doc.preamble_end]))),
                 summary=[Stated(text=clean(s.text.lstrip("> ")), where=doc.where(s.start, s.end))
                          for s in chosen])]


def _said(text: str) -> str:
    return clean(text.lstrip("> –-")).lower()


def _prose(text: str) -> bool:
    """A sentence of running text: six words or more, ending as a sentence ends, no label."""
    text = text.strip().lstrip("> ").strip()
    return (len(text.split()) >= 6 and text[-1:] in ".!?»”\"" and ":" not in text[:40]
            and not text.startswith("http"))


def pick_sentences(
    sentences: list[Sentence], title: str, year: int | None, limit: int = MAX_SUMMARY_SENTENCES
) -> list[Sentence]:
    """The `limit` most telling sentences of one Sak, in document order."""
    if len(sentences) <= limit:
        return sentences
    tokens = [set(tokenize(s.text)) for s in sentences]
    freq = Counter(t for toks in tokens for t in toks)
    central = [sum(freq[t] - 1 for t in toks) / math.sqrt(len(toks) or 1) for toks in tokens]
    top = max(central) or 1.0
    title_tokens = set(tokenize(title))
    scored: list[tuple[float, int]] = []
    for i, (sentence, toks) in enumerate(zip(sentences, tokens, strict=True)):
        text = sentence.text
        has_date = bool(find_dates(text, default_year=year) or _MONTH_WORD.search(text))
        score = (
            0.8 * central[i] / top
            + 1.0 * has_date
            + 0.5 * bool(re.search(r"\d", text))
            + 0.4 * bool(re.search(r"(?<=\w )[A-ZÆØÅ][a-zæøå]+", text))
            + 0.5 * (len(toks & title_tokens) / (len(title_tokens) or 1))
            + 0.3 / (1 + i)
            - 0.4 * (len(text.split()) > 45)
            - 0.5 * ("http" in text)
            - 0.6 * text.rstrip().endswith("?")
        )
        scored.append((score, i))
    keep = sorted(i for _, i in sorted(scored, key=lambda p: (-p[0], p[1]))[:limit])
    return [sentences[i] for i in keep]


def _usable(text: str) -> bool:
    words = text.split()
    if len(words) < 4 or text.startswith("http"):
        return False
    return not (text.rstrip().endswith(":") and len(words) <= 8)
