"""A referat's MeetingSummary from its record (`indexer.minutes`, read at index time): per agenda
item a short gist, its decisions and its action items, plus attendance and the next meeting.

The offline default only turns the record's spans into citations. With a chat model,
bot.minutes.llm rewrites the gist of each Sak from its text; decisions, deadlines and the next
meeting stay extracted as written.
"""

from __future__ import annotations

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
from indexer.minutes.models import Item, MeetingRecord, Stated
from indexer.minutes.read import read_meeting
from indexer.minutes.text import MinutesDoc, load_minutes
from indexer.models import Chunk, DocumentMeta


def summarize_minutes(
    meta: DocumentMeta, chunks: list[Chunk], book: CitationBook,
    chat_model: ChatModel | None = None, language: Language = "nb", text: str | None = None,
) -> MeetingSummary:
    """A referat that has no stored record (an upload, a test): read it now, then summarise."""
    doc = load_minutes(meta, chunks, text)
    return summarize_record(read_meeting(doc), meta, book, chat_model, language, doc)


def summarize_record(
    record: MeetingRecord, meta: DocumentMeta, book: CitationBook,
    chat_model: ChatModel | None = None, language: Language = "nb",
    doc: MinutesDoc | None = None,
) -> MeetingSummary:
    """The summary's items follow the record's items (less the «Neste møte» sections) one to
    one; `doc` (the referat's text) is needed only to let a chat model word the gists."""
    place = cited(record.place, meta, book) if record.place else None  # cited in reading order
    participants = _participants(record, meta, book)
    worded = chat_model is not None and doc is not None
    if chat_model is not None and doc is not None:
        items = _worded(chat_model, doc, record, meta, book, language)
    else:
        items = [agenda_item(item, meta, book) for item in record.items if item.kind != "next"]
    overview: list[Cited] = []
    if chat_model is not None and doc is not None and items:
        from bot.minutes.llm import reduce_items

        overview = reduce_items(chat_model, doc, items, record.title, language, book)
    return MeetingSummary(
        title=record.title, date=record.date, network=meta.network,
        county=meta.current_county or meta.county,
        place=place, source=meta.source, doc_id=meta.doc_id, participants=participants, items=items,
        next_meeting=next_meeting(record, meta, book), overview=overview,
        method="llm" if worded else "extractive",
    )


def _worded(chat_model: ChatModel, doc: MinutesDoc, record: MeetingRecord, meta: DocumentMeta,
            book: CitationBook, language: Language) -> list[AgendaItem]:  # fmt: skip
    """Each Sak in the model's checked words where it has any; the rules' decisions first."""
    from bot.minutes.llm import apply_draft, map_items

    records = [item for item in record.items if item.kind != "next"]
    by_start = {span.start: span for span in doc.items}
    spans = [by_start.get(item.start) for item in records]
    asked = [span for span in spans if span is not None]
    drafts = dict(zip([span.start for span in asked],
                      map_items(chat_model, doc, asked, record.title, language), strict=True))
    year = record.date.year if record.date else None
    items: list[AgendaItem] = []
    for item, span in zip(records, spans, strict=True):
        draft = drafts.get(span.start) if span is not None else None
        if span is None or draft is None:
            items.append(agenda_item(item, meta, book))
            continue
        base = agenda_item(item.model_copy(update={"summary": []}), meta, book)
        own = apply_draft(draft, doc, span, base, book, year)
        if not own.summary:
            own = own.model_copy(update={"summary": [cited(s, meta, book) for s in item.summary]})
        items.append(own)
    return items


def agenda_item(item: Item, meta: DocumentMeta, book: CitationBook) -> AgendaItem:
    return AgendaItem(
        number=item.number, title=item.title, level=item.level,
        summary=[cited(s, meta, book) for s in item.summary],
        decisions=[cited(d, meta, book) for d in item.decisions],
        actions=[ActionItem(what=a.what, who=a.who, when=a.when,
                            citations=[book.cite_where(a.where, meta)]) for a in item.actions],
    )


def cited(stated: Stated, meta: DocumentMeta, book: CitationBook) -> Cited:
    return Cited(text=stated.text, citations=[book.cite_where(stated.where, meta)])


def _participants(record: MeetingRecord, meta: DocumentMeta, book: CitationBook
                  ) -> Participants | None:  # fmt: skip
    found = record.attendance
    if found is None:
        return None
    return Participants(people=found.people, organisations=found.organisations, text=found.text,
                        citations=[book.cite_where(found.where, meta)])


def next_meeting(record: MeetingRecord, meta: DocumentMeta, book: CitationBook
                 ) -> NextMeeting | None:  # fmt: skip
    found = record.next_meeting
    if found is None:
        return None
    citations = list(dict.fromkeys(book.cite_where(w, meta) for w in found.wheres))
    return NextMeeting(date=found.date, place=found.place, host=found.host, theme=found.theme,
                       text=found.text, citations=citations)
