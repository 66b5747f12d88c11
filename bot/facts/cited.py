"""A composition made into a cited `Answer`: each sentence checked against the text it cites
and numbered, led by what the question asks beside the fact (where it is said, which document
is the newest or oldest, the meeting that decided it, who issued the report, that a date has
passed); and a fact asked of each document as one cited row per document.
"""

from __future__ import annotations

from bot.core.cite import CitationBook, render
from bot.core.claims import check_sentence
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Language, Question
from bot.facts.across import Across
from bot.facts.candidates import Candidate
from bot.facts.compose import Composition
from bot.facts.retrieval import Evidence
from bot.facts.timing import passed, past_note
from bot.i18n import format_date, t
from indexer.models import DocType, DocumentMeta


def cited_answer(q: Question, composition: Composition, timings: dict[str, float],
                 extremes: list[Evidence] | None = None) -> Answer:
    """`extremes`: the newest or oldest document of the kind asked (or both), each named by
    its opening before the sentences, which may be none."""
    book = CitationBook()
    sentences = []
    said_by: list[Evidence] = []  # the evidence of each sentence kept, in order
    for composed in composition.sentences:
        if not check_sentence(composed.text, ["\n".join([*e.chunk.heading_path, e.chunk.text])
                                              for e in composed.evidence]):
            continue  # the claim check: never state what the cited text does not hold
        numbers = [book.cite(e.chunk, e.meta, snippet=snippet)
                   for e, snippet in zip(composed.evidence, composed.snippets, strict=True)]
        sentences.append(AnswerSentence(text=composed.text.replace("**", "").strip(),
                                        citations=numbers))
        said_by.append(composed.evidence[0])
    if not sentences and not extremes:
        return Answer(question=q.text, answer=t("core.refusal", q.language), language=q.language,
                      refused=True, kind="refusal", timings_ms=timings)
    lead = [t("core.english_frame", q.language)] if sentences else []
    if q.where_said and sentences:  # «Hvor står det at …?»: the source named, not only numbered
        lead.append(where_said(said_by[0], sentences[0].citations[0], q.language))
    elif extremes:  # «Hva er den nyeste sluttrapporten?»: which one, then its words
        ends = ("oldest", "newest") if q.document_extreme == "both" else (q.document_extreme,)
        named = [_extreme_named(q, end, e, said_by, sentences, book)
                 for end, e in zip(ends, extremes, strict=True)]
        if not sentences:
            return Answer(question=q.text, answer=render(named), language=q.language,
                          kind="fact", sentences=named, citations=book.citations,
                          timings_ms=timings)
        lead.append(render(named))
    elif q.when_decided:  # «Når ble det bestemt …?»: the meeting's date is the answer's half
        lead.append(when_decided(said_by, sentences, q.language) or "")
    issuer = issued_by(q, said_by[0], sentences)
    if issuer:
        lead.append(issuer)
    note = past_note(q, [s for s in composition.sentences])
    if note:
        lead.append(note)
    text = " ".join(part for part in [*lead, render(sentences)] if part)
    return Answer(question=q.text, answer=text, language=q.language, kind="fact",
                  sentences=sentences, citations=book.citations, timings_ms=timings)


def issued_by(q: Question, evidence: Evidence, sentences: list[AnswerSentence]) -> str:
    """«Hvilken statsforvalter hadde tilsynet?»: the report's publisher («… er fra
    Statsforvalteren i Oslo og Viken [1].») where no sentence kept names it."""
    publisher = evidence.meta.publisher
    said = " ".join(s.text for s in sentences).casefold()
    if not q.asks_issuer or not publisher or publisher.casefold() in said:
        return ""
    number = sentences[0].citations[0]
    return t("core.issued_by", q.language, title=evidence.meta.title, publisher=publisher,
             n=number)


def where_said(evidence: Evidence, number: int, language: Language) -> str:
    """«Det står i Prop. 133 L (2020–2021) …, under «4.1 Bakgrunn» [1].»"""
    headings = evidence.chunk.heading_path
    section = t("core.where_section", language, heading=headings[-1]) if headings else ""
    return t("core.where_said", language, title=evidence.meta.title, section=section, n=number)


def _extreme_named(q: Question, end: str, opening: Evidence, said_by: list[Evidence],
                   sentences: list[AnswerSentence], book: CitationBook) -> AnswerSentence:
    """«Nyeste sluttrapport: «…» (10. mars 2025) [1].», cited by a sentence kept from it or
    else by its opening."""
    meta = opening.meta
    number = next((s.citations[0] for e, s in zip(said_by, sentences, strict=True)
                   if e.meta.doc_id == meta.doc_id), None)
    if number is None:
        number = book.cite(opening.chunk, opening.meta)
    assert meta.date is not None
    return AnswerSentence(text=t(f"core.{end}_document", q.language, kind=t(
        f"lists.type_{meta.doc_type.value}", q.language), title=meta.title,
        date=format_date(meta.date, q.language)), citations=[number])


def when_decided(said_by: list[Evidence], sentences: list[AnswerSentence],
                 language: Language) -> str | None:
    """«Dette er fra referatet av møtet 18. november 2026 [1].»: the first dated referat among
    the sentences kept."""
    for evidence, sentence in zip(said_by, sentences, strict=True):
        meta = evidence.meta
        if meta.doc_type == DocType.REFERAT and meta.date:
            return t("core.when_decided", language, date=format_date(meta.date, language),
                     n=sentence.citations[0])
    return None


def _titled(meta: DocumentMeta, q: Question) -> str:
    """«Title (publisher, county, date)»: who issued it and the county unless the title (or
    the publisher, «Statsforvaltaren i Rogaland») names them, so each row says whose."""
    county = meta.county or meta.current_county
    about = [meta.publisher] if meta.publisher and meta.publisher not in meta.title else []
    named = meta.title + (meta.publisher or "")
    about += [county] if county and county.split(",")[0] not in named else []
    if meta.current_county and county and meta.current_county != county:  # «Hordaland, nå
        about.append(f"{t('lists.now', q.language)} {meta.current_county}")  # Vestland»
    about += [format_date(meta.date, q.language)] if meta.date else []
    return f"{meta.title} ({', '.join(about)})" if about else meta.title


def rows_answer(q: Question, found: Across, timings: dict[str, float],
                 silent_named: bool = False) -> Answer:  # fmt: skip
    """«Svar fra 3 av 4 dokumenter:», then each answering document's row, cited; with
    `silent_named`, the documents of the kind asked that hold no answer are named after."""
    book = CitationBook()
    lead = AnswerSentence(text=t("core.across", q.language, count=len(found.answers),
                                 total=found.total))
    rows = [_document_row(answer.meta, answer.sentences, book, q) for answer in found.answers]
    silent = [AnswerSentence(text=t("core.across_silent", q.language, titles="; ".join(
        _titled(m, q) for m in found.silent)))] if found.silent and silent_named else []
    sentences = [lead, *rows, *silent]
    return Answer(question=q.text, answer=render(sentences, "\n"), language=q.language,
                  kind="list", sentences=sentences, citations=book.citations, timings_ms=timings)


def _document_row(meta: DocumentMeta, picked: list[Candidate], book: CitationBook, q: Question
                  ) -> AnswerSentence:
    """«- Title (date): what it says», each quoted sentence cited."""
    numbers = [book.cite(c.evidence.chunk, meta, snippet=c.text) for c in picked]
    said = " ".join(c.text.replace("**", "").strip() for c in picked)
    if passed(q, [c.text for c in picked]):
        said += " " + t("core.across_passed", q.language)  # «still open?»: this one is not
    return AnswerSentence(text=f"- {_titled(meta, q)}: {said}", citations=numbers)
