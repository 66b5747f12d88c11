"""Which documents the knowledge base holds: listed and counted by type, year, place, network and
theme, from the ledger («Hvilke sluttrapporter har vi?», «Hvor mange referater fra Vestland i
2024?», `/kilder`). Each row is the document's title, cited; file names stay in the citations.
"""

from __future__ import annotations

import re
import time

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.question import AnswerType, Intent, Question
from bot.i18n import format_date, format_number, t
from bot.lists import clarify, rows, words
from bot.lists.document_filter import DocumentFilter, filter_of
from bot.lists.words import PAGE, join
from indexer.models import DocType, DocumentMeta
from indexer.text.language import Language

_LISTS = {Intent.DOCUMENTS, Intent.SOURCES}
# «Sluttrapport: …», «Referat fra …»: a title that says its type needs no type beside it
_TYPED = re.compile(r"^\W*(?:sluttrapport|referat|prosjektbeskrivelse|prosjektskildring|"
                    r"utlysning|utlysing|retningslin\w*|invitasjon|final report|minutes)\b",
                    re.I)


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    if question.intent not in _LISTS:
        return None
    if question.unknown_theme:
        return clarify.unknown_theme(question)
    started = time.perf_counter()
    wanted = filter_of(question, ctx.store)
    found = sorted((m for m in ctx.store.documents() if wanted.matches(m)), key=_newest_first)
    answer = compose(question, wanted, found, ctx)
    answer.timings_ms["catalogue_ms"] = (time.perf_counter() - started) * 1000
    return answer


def compose(question: Question, wanted: DocumentFilter, found: list[DocumentMeta],
            ctx: CoreContext) -> Answer:  # fmt: skip
    lang = question.language
    kind = _kind(wanted.kinds, lang, one=len(found) == 1)
    phrase = wanted.phrase(lang)
    closing = [*words.place_notes(wanted.all_places, lang),
               *words.read_as(question.corrections, lang)]  # fmt: skip
    if not found:
        sentences = [AnswerSentence(text=t("lists.documents_none", lang, kind=kind,
                                           filters=phrase)), *closing]  # fmt: skip
        return Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                      refused=True, kind="refusal", sentences=sentences)  # fmt: skip
    count = format_number(len(found), lang)
    counted = AnswerType.COUNT in question.answer_types
    key = "lists.count_documents" if counted else "lists.documents"
    opening = t(key, lang, kind=kind, filters=phrase, count=count)
    opening = opening[:1].upper() + opening[1:]
    start = (max(question.page, 1) - 1) * PAGE
    shown = found[start : start + PAGE]
    book = CitationBook()
    sentences, table = _rows(shown, book, ctx, lang)
    sentences = [AnswerSentence(text=opening), *sentences,
                 *words.page_note(max(question.page, 1), len(shown), len(found), lang), *closing]
    columns = t("lists.document_columns", lang).split("|")
    return Answer(
        question=question.text, answer=render(sentences, "\n"), language=lang, kind="list",
        sentences=sentences, citations=book.citations,
        data={"table": {"title": opening, "columns": columns, "rows": table}} if table else {},
    )  # fmt: skip


def _rows(shown: list[DocumentMeta], book: CitationBook, ctx: CoreContext, lang: Language
          ) -> tuple[list[AnswerSentence], list[list[str]]]:  # fmt: skip
    firsts = ctx.store.chunks([f"{m.doc_id}:0000" for m in shown])
    sentences: list[AnswerSentence] = []
    table: list[list[str]] = []
    for meta in shown:
        chunk = firsts.get(f"{meta.doc_id}:0000")
        number = book.cite(chunk, meta) if chunk else book.cite(  # type: ignore[arg-type]
            rows.SpanChunk(f"{meta.doc_id}:0000", None), meta, snippet=meta.title)
        kind = t(f"lists.type_{meta.doc_type.value}", lang)
        date = format_date(meta.date, lang) if meta.date else t("lists.undated", lang)
        places = join([rows.place_label(m.name, m.current_name, lang)
                       for m in meta.municipalities], lang)  # fmt: skip
        county = rows.place_label(meta.county, meta.current_county or "", lang) \
            if meta.county else ""
        where = "; ".join(x for x in (places, county) if x)
        named = f"{kind}, {date}" if not _TYPED.match(meta.title) else date
        text = f"- {meta.title} – {named}" + (f"; {where}" if where else "")
        sentences.append(AnswerSentence(text=text, citations=[number]))
        table.append([meta.title, kind, date, places, county, meta.network or "", f"[{number}]"])
    return sentences, table


def _kind(types: frozenset[DocType], lang: Language, one: bool = False) -> str:
    """«sluttrapporter», «referater eller utlysninger», «dokumenter»; «1 referat»."""
    prefix = "lists.type_" if one and len(types) <= 1 else "lists.types_"
    if not types:
        return t(f"{prefix}all", lang)
    return join([t(f"{prefix}{k.value}", lang) for k in sorted(types)], lang, "or")


def _newest_first(meta: DocumentMeta) -> tuple[bool, int, str]:
    return meta.date is None, -(meta.date.toordinal() if meta.date else 0), meta.title
