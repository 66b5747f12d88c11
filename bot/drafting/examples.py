"""Examples offered beside the draft: how a similar project wrote the same part.

An example is never mixed into the applicant's text. It names the draft part it is for, the
project it comes from and its citation; the chat reply and the Word document show the examples
in a section of their own. For a final report the project's own description comes first, since
the report builds on it; otherwise the most similar project that has a matching section.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from bot.core.cite import CitationBook
from bot.core.models import Language
from bot.drafting.grounding import Grounding, SourceDoc
from bot.drafting.parsing import join_names
from bot.drafting.topics import ALIASES, topics
from bot.i18n import t
from indexer.ingest.structure import find_sections
from indexer.models import DocumentMeta

EXAMPLE_CHARS = 420


class Example(BaseModel):
    section: str  # the draft heading it is an example for
    source: str  # «Rettleiing nær fosterheimen» (Kvam og Voss), or "From the project description"
    own: bool = False  # from the report's own project description
    text: str
    citations: list[int] = []


def find_examples(
    headings: list[str], grounding: Grounding, language: Language, book: CitationBook
) -> list[Example]:
    """At most one example per heading, and no passage offered twice."""
    found: list[Example] = []
    quoted: set[int] = set()
    for heading in headings:
        example = _example(heading, grounding, language, book)
        if example is not None and not quoted & set(example.citations):
            quoted |= set(example.citations)
            found.append(example)
    return found


def _example(heading: str, grounding: Grounding, language: Language,
             book: CitationBook) -> Example | None:
    names = topics(heading)
    if not names:
        return None
    own = grounding.own_project
    wanted = [*names, *(a for n in names for a in ALIASES.get(n, ()))]
    for doc in ([own] if own else []) + grounding.similar:
        span = _matching_section(doc, wanted)
        if span is None:
            continue
        excerpt = clip(doc.text[span[0]:span[1]])
        number = book.cite(doc.chunk_at(span[0]), doc.meta, excerpt)
        source = t("drafting.from_description", language) if doc is own else short_title(
            doc.meta, language)
        return Example(section=heading, source=source, own=doc is own, text=excerpt,
                       citations=[number])
    return None


def _matching_section(doc: SourceDoc, names: list[str]) -> tuple[int, int] | None:
    """Body span of the document's first section on the most wanted topic."""
    sections = [(s, topics(s.heading)) for s in find_sections(doc.text, doc.meta.doc_type)
                if s.heading]
    for name in names:
        for section, found in sections:
            body = doc.text[section.body_start:section.end].strip()
            if name in found and body:
                start = doc.text.index(body, section.body_start)
                return start, start + len(body)
    return None


def short_title(meta: DocumentMeta, language: Language) -> str:
    """«Barnet i midten» (Time og Klepp): enough to recognise a project in running text."""
    name = re.search(r"«[^»]+»", meta.title)
    head = name.group(0) if name else clip(meta.title, 70)
    places = join_names([m.name for m in meta.municipalities], language)
    return f"{head} ({places})" if places else head


def one_line(text: str) -> str:
    """List marks and line breaks of a quoted passage folded into one line."""
    lines = [re.sub(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+", "", line).strip("* ")
             for line in text.splitlines() if line.strip()]
    return " ".join(lines)


def clip(text: str, limit: int = EXAMPLE_CHARS) -> str:
    """A passage as plain text: no markdown tables, rules or bold marks, cut at a word."""
    flat = one_line(text.replace("|", " ")).replace("**", "")
    flat = re.sub(r"\s*-{3,}\s*", " ", flat)
    flat = " ".join(flat.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"
