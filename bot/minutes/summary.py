"""Summarise one referat into a MeetingSummary: per agenda item a short gist, its decisions and
its action items, plus attendance and the next meeting.

The offline default is extractive: sentences are scored within each Sak (never across the whole
document, so no Sak is crowded out) by how central they are to the Sak, whether they hold a
date, a number or a name, and how early they come. With a chat model, bot.minutes.llm rewrites
the gist of each Sak; decisions, deadlines and the next meeting stay extracted as written.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter

from bot.core.chat_model import ChatModel
from bot.core.cite import CitationBook
from bot.core.meetings import (
    ActionItem,
    AgendaItem,
    Cited,
    MeetingSummary,
    NextMeeting,
    Participants,
)
from bot.core.models import Language
from bot.minutes.extract import item_facts
from bot.minutes.meeting import Next, attendance, meeting_place, next_meeting
from bot.minutes.text import ItemSpan, MinutesDoc, clean, load_minutes
from indexer.models import Chunk, DocumentMeta
from indexer.store.lexical import tokenize
from indexer.text.dates import find_dates
from indexer.text.sentences import Sentence

MAX_SUMMARY_SENTENCES = 3
_TITLE_LINE = re.compile(r"^[\s#*_]*(referat\s+fr[aå]\b.*)$", re.I | re.M)
_MONTH_WORD = re.compile(r"\b\d{1,2}\.\s*(januar|februar|mars|april|mai|juni|juli|august|"
                         r"september|oktober|november|desember)\b", re.I)


def summarize_minutes(
    meta: DocumentMeta, chunks: list[Chunk], book: CitationBook,
    chat_model: ChatModel | None = None, language: Language = "nb",
) -> MeetingSummary:
    return summarize_doc(load_minutes(meta, chunks), book, chat_model, language)


def summarize_doc(
    doc: MinutesDoc, book: CitationBook, chat_model: ChatModel | None = None,
    language: Language = "nb",
) -> MeetingSummary:
    """The summary's items follow `doc.items` (less the "Neste møte" sections) one to one."""
    meta = doc.meta
    date, title = meeting_date(doc), meeting_title(doc)
    place = _place(doc, book)
    participants = _participants(doc, book)
    upcoming = next_meeting(doc, date)
    reserved = {start for start, _ in upcoming.spans} if upcoming else set()
    spans = [item for item in doc.items if item.kind != "next"]
    items = _items(doc, spans, book, date, reserved, chat_model, title, language)
    overview: list[Cited] = []
    if chat_model is not None and items:
        from bot.minutes.llm import reduce_items

        overview = reduce_items(chat_model, doc, items, title, language, book)
    return MeetingSummary(
        title=title, date=date, network=meta.network,
        county=meta.current_county or meta.county, place=place, source=meta.source,
        doc_id=meta.doc_id, participants=participants, items=items,
        next_meeting=_next(doc, book, upcoming), overview=overview,
        method="extractive" if chat_model is None else "llm",
    )


def _items(
    doc: MinutesDoc, spans: list[ItemSpan], book: CitationBook, date: dt.date | None,
    reserved: set[int], chat_model: ChatModel | None, title: str, language: Language,
) -> list[AgendaItem]:
    """Extractive items; with a model, its checked wording of each Sak where it has any."""
    if chat_model is None:
        return [extractive_item(doc, span, book, date, reserved) for span in spans]
    from bot.minutes.llm import apply_draft, map_items

    year = date.year if date else None
    items = []
    for span, draft in zip(spans, map_items(chat_model, doc, spans, title, language),
                           strict=True):
        item = extractive_item(doc, span, book, date, reserved, with_summary=draft is None)
        if draft is not None:
            item = apply_draft(draft, doc, span, item, book, year)
            if not item.summary:
                fallback = extractive_item(doc, span, book, date, reserved)
                item = item.model_copy(update={"summary": fallback.summary})
        items.append(item)
    return items


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


def extractive_item(
    doc: MinutesDoc, item: ItemSpan, book: CitationBook, date: dt.date | None,
    reserved: set[int] | None = None, with_summary: bool = True,
) -> AgendaItem:
    """One Sak: its decisions and action items, and up to three other telling sentences."""
    year = date.year if date else None
    facts = item_facts(doc, item, year)
    skip = facts.used | (reserved or set())
    candidates = [s for s in doc.body(item) if s.start not in skip and _usable(s.text)]
    chosen = pick_sentences(candidates, item.title, year) if with_summary else []
    return AgendaItem(
        number=item.number, title=item.title, level=item.level,
        summary=[Cited(text=clean(s.text), citations=[doc.cite(book, s.start, s.end)])
                 for s in chosen],
        decisions=[Cited(text=d.text(doc), citations=[doc.cite(book, d.start, d.end)])
                   for d in facts.decisions],
        actions=[ActionItem(what=a.what, who=a.who, when=a.when,
                            citations=[doc.cite(book, a.span.start, a.span.end)])
                 for a in facts.actions],
    )


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
    scored = []
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


def _place(doc: MinutesDoc, book: CitationBook) -> Cited | None:
    found = meeting_place(doc)
    if found is None:
        return None
    place, start, end = found
    return Cited(text=place, citations=[doc.cite(book, start, end)])


def _participants(doc: MinutesDoc, book: CitationBook) -> Participants | None:
    found = attendance(doc)
    if found is None:
        return None
    return Participants(
        people=found.people, organisations=found.organisations, text=found.text,
        citations=[doc.cite(book, found.start, found.end)],
    )


def _next(doc: MinutesDoc, book: CitationBook, found: Next | None) -> NextMeeting | None:
    if found is None:
        return None
    citations = list(dict.fromkeys(doc.cite(book, s, e) for s, e in found.spans))
    return NextMeeting(date=found.date, place=found.place, host=found.host, theme=found.theme,
                       text=found.text, citations=citations)
