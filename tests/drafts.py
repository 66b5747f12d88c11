"""A draft as a user makes it in a chat, and its .docx read back: for the HTTP and browser tests.

Both tests walk the same dialog (a side question in the middle, a part corrected) and fetch the
file through the link the bot gave; `problems` says what a person opening it would notice: the
paper, the title and author Word shows, the name it saves under, the applicant's own words under
their headings, examples kept apart, and sources named by title and date rather than by the
hashed file names the index stores them under.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from docx import Document

from bot.core.models import Language
from bot.i18n import t

AUTHOR = "Læringsbot"
OPENING = "Hjelp meg å skrive en prosjektplan for et fosterhjemsprosjekt i Kvam og Voss"
TITLE = "Utkast til prosjektplan: fosterhjem – Kvam og Voss"
FILE_NAME = "prosjektplan-fosterhjem-kvam-og-voss.docx"
SIDE = "Hvor mange fosterhjem har Voss?"  # asked in the middle: answered, then the draft resumes
FIRST_GROUP = "Fosterforeldre i Kvam"  # the target group as first told, corrected later
TARGET_GROUP = "Fosterforeldre og fosterbarn i Kvam og Voss"
GOALS = "Flere stabile fosterhjem og færre utilsiktede flyttinger"
MEASURES = "Felles rekrutteringskampanje og veiledningsgrupper for fosterforeldre"
PARTNER = "RKBU Vest"
ANSWERS = [TARGET_GROUP, GOALS, MEASURES]  # what the applicant's sections must say
# What an internal name looks like: «000_9cd953df84ef8b74.txt», a bare hash, a .md path.
_FILE_NAME = re.compile(r"\b[0-9a-f]{12,}\b|\.(?:md|txt|docx|pdf|html)\b|\b\d{3}_[0-9a-f]{6,}")
_SOURCE_LINE = re.compile(r"^\[(\d+)\] (.+)$")
_DATED = re.compile(r"\((\d{1,2})\. [a-zæøå]+ (\d{4})\)")


@dataclass(frozen=True)
class DraftDocx:
    """The paragraphs of a draft, split where its reader sees the parts begin."""

    own: list[str]  # the title and the applicant's sections, before any example or checklist
    examples: list[str]  # «Project (places): text» lines under the examples heading
    sources: list[str]  # «[n] Title (date), section» lines
    headings: list[str]
    properties: dict[str, str]
    pages_mm: list[tuple[int, int]]


def read_draft(content: bytes, language: Language = "nb") -> DraftDocx:
    document = Document(io.BytesIO(content))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    texts = [p.text for p in paragraphs]
    styles = [(p.style.name if p.style is not None else None) or "" for p in paragraphs]
    headings = [p.text for p, style in zip(paragraphs, styles, strict=True)
                if style.startswith("Heading") or style == "Title"]
    parts = [t(f"drafting.{part}", language) for part in ("examples", "checklist", "sources")]
    own = texts[:min((texts.index(h) for h in parts if h in texts), default=len(texts))]
    note = t("drafting.examples_note", language)
    examples = [line for line in _after(texts, parts[0], parts)
                if line not in headings and line != note]
    sources = [line for line in _after(texts, parts[2], parts) if _SOURCE_LINE.match(line)]
    core = document.core_properties
    properties = {"title": core.title, "author": core.author, "language": core.language,
                  "identifier": core.identifier, "last_modified_by": core.last_modified_by,
                  "comments": core.comments}
    pages = [(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections
             if s.page_width is not None and s.page_height is not None]
    return DraftDocx(own, examples, sources, headings, properties, pages)


def _after(texts: list[str], heading: str, parts: list[str]) -> list[str]:
    """The paragraphs after the part `heading` up to the next part of the document."""
    if heading not in texts:
        return []
    start = texts.index(heading) + 1
    stop = next((i for i in range(start, len(texts)) if texts[i] in parts), len(texts))
    return texts[start:stop]


def problems(draft: DraftDocx, saved_as: str, *, title: str = TITLE,
             file_name: str = FILE_NAME, answers: list[str] = ANSWERS) -> list[str]:
    """Everything a reader would trip over; empty when the draft reads as the applicant's own."""
    found = []
    if not draft.pages_mm or any(page != (210, 297) for page in draft.pages_mm):
        found.append(f"not A4: {draft.pages_mm}")
    props = draft.properties
    if props["title"] != title or draft.own[:1] != [title]:
        found.append(f"title {props['title']!r} / first line {draft.own[:1]} is not {title!r}")
    if props["author"] != AUTHOR or props["last_modified_by"] != AUTHOR:
        found.append(f"author {props['author']!r}, last modified by {props['last_modified_by']!r}")
    if props["language"] != "nb-NO" or "python-docx" in " ".join(map(str, props.values())):
        found.append(f"metadata not Norwegian: {props}")
    if not saved_as == props["identifier"] == file_name:
        found.append(f"saved as {saved_as!r}, metadata {props['identifier']!r}, not {file_name!r}")
    own = "\n".join(draft.own)
    if FIRST_GROUP in own or SIDE in own:
        found.append("the corrected target group or the side question is in the text")
    found += [f"the answer {a!r} is not in the applicant's text" for a in answers if a not in own]
    for example in draft.examples:  # «Project (places): text»: the text must stay out of it
        quoted = example.split(": ", 1)[-1][:60]
        if quoted and quoted in own:
            found.append(f"an example is mixed into the applicant's text: {quoted!r}")
    if not draft.sources:
        found.append("no sources listed")
    for line in draft.sources:
        if _FILE_NAME.search(line) or re.search(r"\*\*|##|\|", line):
            found.append(f"a source named by its file or with markdown: {line!r}")
    if draft.sources and not any(_DATED.search(line) for line in draft.sources):
        found.append(f"no source has a date: {draft.sources}")
    return found
