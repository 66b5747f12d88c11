"""Which documents the knowledge base holds: listed and counted by type, year, place, network and
theme, from the ledger («Hvilke sluttrapporter har vi?», «Hvor mange referater fra Vestland i
2024?», `/kilder`). Each row is the document's title, cited; file names stay in the citations.
"""

from __future__ import annotations

import datetime as dt
import re
import time

from bot.core.cite import CitationBook, render, title_chunk
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.payloads import DocumentRow, DocumentTable, Place
from bot.core.phrases import join, place_label
from bot.core.question import AnswerType, Intent, Question, Tally
from bot.i18n import format_date, format_number, t
from bot.lists import clarify, people, tally, words
from bot.lists.document_filter import DocumentFilter, filter_of
from bot.lists.words import PAGE
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.text.language import Language

_LISTS = {Intent.DOCUMENTS, Intent.SOURCES}
# «Sluttrapport: …», «Referat fra …»: a title that says its type needs no type beside it
_TYPED = re.compile(r"^\W*(?:sluttrapport|referat|prosjektbeskrivelse|prosjektskildring|"
                    r"utlysning|utlysing|retningslin\w*|invitasjon|final report|minutes)\b",
                    re.I)


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """The documents a document question asks for; None for any other question."""
    return answer(question, ctx) if question.intent in _LISTS else None


def answer(question: Question, ctx: CoreContext) -> Answer:
    if question.unknown_theme:
        return clarify.unknown_theme(question)
    started = time.perf_counter()
    wanted = filter_of(question, ctx.store)
    found = sorted((m for m in ctx.store.documents() if wanted.matches(m)), key=_newest_first)
    if question.latest_each_network:  # «siste møte i hvert nettverk»: the newest of each
        found = _newest_of_each_network(found)
    if question.quiet_after is not None:  # «ingen referat nyere enn 2022»: those that old
        found = [m for m in found if m.known_year and m.known_year <= question.quiet_after]
    if question.oldest_first:  # «in date order»: the dated from the oldest, the undated last
        dated = [m for m in found if _day(m)]
        found = dated[::-1] + found[len(dated):]
    answer = compose(question, wanted, found, ctx)
    answer.timings_ms["catalogue_ms"] = (time.perf_counter() - started) * 1000
    return answer


def compose(question: Question, wanted: DocumentFilter, found: list[DocumentMeta],
            ctx: CoreContext) -> Answer:  # fmt: skip
    lang = question.language
    kind = kind_words(wanted.kinds, lang, one=len(found) == 1)
    phrase = wanted.phrase(lang)
    closing = words.place_notes(wanted.all_places, lang)
    if not found:
        sentences = [AnswerSentence(text=t("lists.documents_none", lang, kind=kind,
                                           filters=phrase)), *closing]  # fmt: skip
        return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                      refused=True, kind="refusal", sentences=sentences)  # fmt: skip
    if question.tally == Tally.PERSON:  # «Hvilke personer går igjen?»: people, not documents
        book = CitationBook()
        sentences = [*people.recurring(question, found, ctx, book), *closing]
        return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                      kind="list", sentences=sentences, citations=book.citations)
    count = format_number(len(found), lang)
    counted = AnswerType.COUNT in question.answer_types
    key = "lists.count_documents" if counted else "lists.documents"
    opening = t(key, lang, kind=kind, filters=phrase, count=count)
    if question.quiet_after is not None:  # «Nettverk der siste referat er fra 2022 eller før»
        opening = t("lists.quiet_networks", lang, year=question.quiet_after, count=count)
    opening = opening[:1].upper() + opening[1:]
    start = (max(question.page, 1) - 1) * PAGE
    shown = found[start : start + PAGE]
    book = CitationBook()
    # a counted list cites members past the page too: their first chunks are read with the page's
    firsts = first_chunks(found if question.tally is not None else shown, ctx)
    sentences, table = _rows(shown, firsts, book, lang)
    if question.tally is not None:  # «Hvor mange referater har vi per år?»
        sentences = tally.counted(
            question, tally.document_groups(found, question.tally, ctx.gazetteer, lang),
            kind_words(wanted.kinds, lang), lambda m: m.title,
            lambda m: book.cite(firsts[m.doc_id], m)) + sentences
    sentences = [AnswerSentence(text=opening), *sentences,
                 *words.page_note(max(question.page, 1), len(shown), len(found), lang), *closing]
    payload = DocumentTable(title=opening, rows=table, total=len(found)) if table else None
    return Answer(
        question=question.text, answer=render(sentences, "\n"), language=lang, kind="list",
        sentences=sentences, citations=book.citations, payload=payload,
    )  # fmt: skip


def _rows(shown: list[DocumentMeta], firsts: dict[str, Chunk], book: CitationBook,
          lang: Language) -> tuple[list[AnswerSentence], list[DocumentRow]]:  # fmt: skip
    sentences: list[AnswerSentence] = []
    table: list[DocumentRow] = []
    for meta in shown:
        number = book.cite(firsts[meta.doc_id], meta)
        row = _row(meta, number)
        sentences.append(AnswerSentence(text=f"- {_line(row, lang)}", citations=[number]))
        table.append(row)
    return sentences, table


def first_chunks(metas: list[DocumentMeta], ctx: CoreContext) -> dict[str, Chunk]:
    """Each document's first chunk, what a row citing the whole document points at; a
    document without text is cited by its title."""
    stored = ctx.store.chunks([f"{m.doc_id}:0000" for m in metas])
    return {m.doc_id: stored.get(f"{m.doc_id}:0000") or title_chunk(m) for m in metas}


def _row(meta: DocumentMeta, number: int) -> DocumentRow:
    places = [Place(name=m.name, now=m.current_name if m.current_name != m.name else None)
              for m in meta.municipalities]  # fmt: skip
    now = meta.current_county if meta.current_county != meta.county else None
    return DocumentRow(title=meta.title, doc_type=meta.doc_type.value, date=meta.date,
                       year=meta.year, places=places, county=meta.county, county_now=now, network=meta.network,
                       publisher=meta.publisher, source=meta.source, citations=[number])  # fmt: skip


def _line(row: DocumentRow, lang: Language) -> str:
    """«Sluttrapport: «Vegen vidare» … – 10. mars 2025; Vinje og Tokke; Telemark», and who
    issued it («Statsforvalteren i Oslo og Viken») unless the title says."""
    date = format_date(row.date, lang) if row.date else str(row.year) if row.year else t(
        "lists.undated", lang)
    kind = t(f"lists.type_{row.doc_type}", lang)
    named = date if _TYPED.match(row.title) else f"{kind}, {date}"
    places = join([place_label(p, lang) for p in row.places], lang)
    county = place_label(Place(name=row.county, now=row.county_now), lang) if row.county else ""
    issuer = row.publisher if row.publisher and row.publisher not in row.title else ""
    where = "; ".join(x for x in (places, county, issuer) if x)
    return f"{row.title} – {named}" + (f"; {where}" if where else "")


def kind_words(types: frozenset[DocType], lang: Language, one: bool = False) -> str:
    """«sluttrapporter», «referater eller utlysninger», «dokumenter»; «1 referat»."""
    prefix = "lists.type_" if one and len(types) <= 1 else "lists.types_"
    if not types:
        return t(f"{prefix}all", lang)
    return join([t(f"{prefix}{k.value}", lang) for k in sorted(types)], lang, "or")


def _newest_of_each_network(found: list[DocumentMeta]) -> list[DocumentMeta]:
    """The first (newest) document of each network, in the order given; a document of no
    named network stands for its county, or for itself."""
    seen: set[str] = set()
    kept = []
    for meta in found:
        key = meta.network or meta.county or meta.doc_id
        if key not in seen:
            seen.add(key)
            kept.append(meta)
    return kept


def _newest_first(meta: DocumentMeta) -> tuple[bool, int, str]:
    """Dated documents newest first, then the undated, by title."""
    day = _day(meta)
    return day is None, -(day.toordinal() if day else 0), meta.title


def _day(meta: DocumentMeta) -> dt.date | None:
    """A document's date; one known only by its year as of its first day."""
    return meta.date or (dt.date(meta.year, 1, 1) if meta.year else None)
