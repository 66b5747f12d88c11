"""«Hvilke personer går igjen i flere dokumenter?», «Who is named in the most documents?»:
the people the ledger keeps for every document (`DocumentMeta.people`), each with the
documents naming them, cited where the name stands."""

from __future__ import annotations

from bot.core.cite import CitationBook, title_chunk
from bot.core.context import CoreContext
from bot.core.models import AnswerSentence
from bot.core.phrases import join
from bot.core.question import Question, Tally
from bot.i18n import format_number, t
from bot.lists import tally
from indexer.models import Chunk, DocumentMeta
from indexer.text.language import Language

_AT_LEAST = 2  # «går igjen» without a number: in two documents or more


def recurring(question: Question, found: list[DocumentMeta], ctx: CoreContext,
              book: CitationBook) -> list[AnswerSentence]:  # fmt: skip
    """One row per person named in at least the asked number of `found` documents (or, asked
    who is named most, the people named in the most), most documents first."""
    lang = question.language
    named = tally.document_groups([m for m in found if m.people], Tally.PERSON, ctx.gazetteer,
                                  lang)
    if question.tally_extreme == "most" and named:
        edge = max(len(metas) for metas in named.values())
        least = max(edge, _AT_LEAST)
    else:
        least = question.tally_at_least or _AT_LEAST
    reaching = sorted(((person, metas) for person, metas in named.items() if len(metas) >= least),
                      key=lambda item: (-len(item[1]), item[0]))
    count = format_number(least, lang)
    if not reaching:
        return [AnswerSentence(text=t("lists.people_none", lang, count=count))]
    chunks = _naming_chunks(reaching, ctx)
    rows = [AnswerSentence(text=t("lists.people", lang, count=count,
                                  n=format_number(len(reaching), lang)))]
    for person, metas in reaching:
        cited = [(meta, _cite(book, *chunks[(person, meta.doc_id)], meta)) for meta in metas]
        rows.append(AnswerSentence(text=f"- {person}: {_documents(cited, lang)}"))
    return rows


def _cite(book: CitationBook, chunk: Chunk, line: str | None, meta: DocumentMeta) -> int:
    return book.cite(chunk, meta, line)


def _documents(cited: list[tuple[DocumentMeta, int]], lang: Language) -> str:
    return join([f"{meta.title} [{number}]" for meta, number in cited], lang)


def _naming_chunks(reaching: list[tuple[str, list[DocumentMeta]]], ctx: CoreContext
                   ) -> dict[tuple[str, str], tuple[Chunk, str | None]]:  # fmt: skip
    """For each person and document, the chunk where the document names them and the line
    that does; the document's first chunk when no chunk holds the name whole (broken over a
    line)."""
    texts = {meta.doc_id: ctx.store.document_chunks(meta.doc_id)
             for _, metas in reaching for meta in metas}
    out: dict[tuple[str, str], tuple[Chunk, str | None]] = {}
    for person, metas in reaching:
        for meta in metas:
            chunks = texts[meta.doc_id]
            naming = next((c for c in chunks if person in c.text), None)
            if naming is not None:
                line = next(ln for ln in naming.text.splitlines() if person in ln)
                out[(person, meta.doc_id)] = (naming, line.strip())
            else:
                out[(person, meta.doc_id)] = (chunks[0] if chunks else title_chunk(meta), None)
    return out
