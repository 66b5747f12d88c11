"""Answers about one uploaded document: a referat is summarised as an indexed one is; any other
document answers questions with its own best-matching sentences, cited.

The fact answerer needs an index (vectors, BM25, a fitted answer model) that an upload does not
have, so questions about an upload are answered extractively: the sentences of the document
that share the most (and rarest) words with the question, in document order.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from bot.core.chat_model import ChatModel
from bot.core.cite import CitationBook, render
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import MeetingSummaryPayload
from bot.i18n import t
from bot.minutes.render import render_summary
from bot.minutes.summary import summarize_minutes
from bot.uploads.document import UploadedDocument
from indexer.minutes.read import pick_sentences
from indexer.models import Chunk
from indexer.store.lexical import tokenize
from indexer.text.sentences import Sentence, split_sentences

MAX_SENTENCES = 3
OVERVIEW_SENTENCES = 5
_ABOUT = re.compile(
    r"\b(?:dokument(?:et|a|s)?|fil(?:a|en)|vedlegg(?:et)?|opplast\w*|document|file|attachment"
    r"|upload\w*)\b", re.IGNORECASE)
_SUMMARY = re.compile(r"\b(?:oppsummer\w*|samandrag|sammendrag|summar[iy]\w*)\b", re.IGNORECASE)


def is_about(question: str, doc: UploadedDocument) -> bool:
    """Whether a question asks about the uploaded document rather than the knowledge base."""
    if _ABOUT.search(question):
        return True
    title = set(tokenize(doc.meta.title))
    shared = title & set(tokenize(question))
    return len(title) >= 2 and len(shared) >= max(2, (len(title) + 1) // 2)


def first_reply(
    doc: UploadedDocument, question: str, language: Language, chat_model: ChatModel | None = None,
) -> Answer:
    """What the bot says when a file arrives: the summary of a referat, an answer to the
    question sent with the file, or what it read and how to ask about it."""
    if question.strip():
        return answer_about(doc, question, language, chat_model)
    if doc.is_minutes:
        return summarize(doc, language, chat_model)
    words = len(doc.text.split())
    text = t("uploads.read", language, title=doc.meta.title, words=words)
    lines = [text, *_notes(doc, language)]
    return Answer(question="", answer="\n".join(lines), language=language, kind="help")


def answer_about(
    doc: UploadedDocument, question: str, language: Language, chat_model: ChatModel | None = None,
) -> Answer:
    if _SUMMARY.search(question):
        return summarize(doc, language, chat_model, question)
    book = CitationBook()
    chunks = doc.chunks()
    chosen = best_sentences(split_sentences(doc.text), question)
    if not chosen:
        text = t("uploads.not_found", language, title=doc.meta.title)
        return Answer(question=question, answer=text, language=language, refused=True,
                      kind="refusal")
    sentences = [_cited(s, chunks, doc, book) for s in chosen]
    intro = t("uploads.from_document", language, title=doc.meta.title)
    return Answer(question=question, answer=f"{intro}\n{render(sentences, chr(10))}",
                  language=language, kind="fact", sentences=sentences, citations=book.citations)


def summarize(
    doc: UploadedDocument, language: Language, chat_model: ChatModel | None = None,
    question: str = "",
) -> Answer:
    """A referat as the minutes summariser sees it; any other document by its telling sentences."""
    book = CitationBook()
    chunks = doc.chunks()
    if doc.is_minutes:
        summary = summarize_minutes(doc.meta, chunks, book, chat_model, language, doc.text)
        sentences = render_summary(summary, language)
        payload = MeetingSummaryPayload(meeting_summary=summary)
    else:
        year = doc.meta.date.year if doc.meta.date else None
        picked = pick_sentences(split_sentences(doc.text), doc.meta.title, year,
                                OVERVIEW_SENTENCES)
        intro = AnswerSentence(text=t("uploads.overview", language, title=doc.meta.title))
        sentences = [intro, *(_cited(s, chunks, doc, book, bullet=True) for s in picked)]
        payload = None
    notes = [AnswerSentence(text=note) for note in _notes(doc, language)]
    lines = sentences + notes
    return Answer(question=question, answer=render(lines, "\n"), language=language,
                  kind="summary", sentences=lines, citations=book.citations, payload=payload)


def best_sentences(sentences: list[Sentence], question: str) -> list[Sentence]:
    """Up to three sentences sharing the question's rarer words, in document order."""
    asked = set(tokenize(question))
    if not asked:
        return []
    tokens = [set(tokenize(s.text)) for s in sentences]
    df = Counter(tok for toks in tokens for tok in toks if tok in asked)
    idf = {tok: math.log(1 + len(sentences) / (1 + n)) for tok, n in df.items()}
    best_possible = sum(idf.values()) or 1.0
    scored = []
    for i, toks in enumerate(tokens):
        shared = toks & asked
        score = sum(idf[tok] for tok in shared) / best_possible
        if shared and score >= 0.5 and len(sentences[i].text.split()) >= 4:
            scored.append((score, i))
    keep = sorted(i for _, i in sorted(scored, reverse=True)[:MAX_SENTENCES])
    return [sentences[i] for i in keep]


def _cited(
    sentence: Sentence, chunks: list[Chunk], doc: UploadedDocument, book: CitationBook,
    bullet: bool = False,
) -> AnswerSentence:
    chunk = next((c for c in chunks if c.start <= sentence.start < c.end), chunks[0])
    text = " ".join(sentence.text.replace("**", "").split())
    n = book.cite(chunk, doc.meta, snippet=text)
    return AnswerSentence(text=f"- {text}" if bullet else text, citations=[n])


def _notes(doc: UploadedDocument, language: Language) -> list[str]:
    notes = [t("uploads.truncated", language)] if doc.truncated else []
    return [*notes, t("uploads.kept_here", language)]
