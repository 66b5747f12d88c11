"""The draft as a Word document: A4, Norwegian metadata, the applicant's sections, examples
from other projects in a section of their own, the checklist as a table, and the sources by
title and date.

Written to a temporary file and moved into place, so a download never sees half a document.
The file is stored by draft id (the download link names only the id); the name a user saves it
under is a slug of the project (`Draft.file_name`, `download_name`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from bot.drafting.compose import Draft
from bot.i18n import format_date, t

MAX_DRAFT_AGE_S = 7 * 24 * 3600  # LAERINGSBOT_DRAFT_RETENTION_DAYS' default
AUTHOR = "Læringsbot"
_DRAFT_ID = re.compile(r"^[0-9a-f]{8,64}$")
_FILE_NAME = re.compile(r"^[a-z0-9-]{1,80}\.docx$")
_LOCALES = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
_GREY = RGBColor(0x59, 0x59, 0x59)


def drafts_dir(data_dir: Path) -> Path:
    return data_dir / "drafts"


def draft_path(data_dir: Path, draft_id: str) -> Path:
    """Where a draft's .docx lives; refuses ids that are not plain hex (no path tricks)."""
    if not _DRAFT_ID.match(draft_id):
        raise ValueError(f"ugyldig utkast-id: {draft_id!r}")
    return drafts_dir(data_dir) / f"{draft_id}.docx"


def download_name(path: Path) -> str:
    """The name to save a stored draft under, as its metadata keeps it (`Draft.file_name`)."""
    stored = Document(str(path)).core_properties.identifier
    return stored if stored and _FILE_NAME.match(stored) else f"utkast-{path.stem[:8]}.docx"


def prune_drafts(data_dir: Path, max_age_s: float = MAX_DRAFT_AGE_S) -> int:
    """Delete drafts older than `max_age_s` (their download links expired long before)."""
    removed = 0
    cutoff = time.time() - max_age_s
    for path in drafts_dir(data_dir).glob("*.docx"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def export_docx(draft: Draft, data_dir: Path) -> Path:
    target = draft_path(data_dir, draft.draft_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    document = Document()
    _page_and_style(document, draft)
    _metadata(document, draft)
    document.add_heading(draft.title, level=0)
    for section in draft.sections:
        document.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            run = document.add_paragraph().add_run(paragraph.text + _markers(paragraph.citations))
            if paragraph.kind in {"missing", "guidance"}:
                run.italic = True
                run.font.color.rgb = _GREY
    _examples(document, draft)
    _checklist(document, draft)
    _sources(document, draft)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    document.save(str(tmp))
    os.replace(tmp, target)
    return target


def _page_and_style(document: DocxDocument, draft: Draft) -> None:
    """A4 with 25 mm margins; 11 pt text marked as the draft's language (spelling, hyphens)."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
    normal = document.styles["Normal"]
    if isinstance(normal, ParagraphStyle):  # it is in every template python-docx ships
        normal.font.size = Pt(11)
        properties = normal.element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), _LOCALES[draft.language])
        properties.append(lang)


def _metadata(document: DocxDocument, draft: Draft) -> None:
    properties = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    properties.title = draft.title
    properties.author = properties.last_modified_by = AUTHOR
    properties.subject = t(f"drafting.title_{draft.kind}", draft.language)
    properties.language = _LOCALES[draft.language]
    properties.keywords = t("drafting.export_keywords", draft.language)
    properties.comments = t("drafting.export_comment", draft.language)
    properties.created = properties.modified = now
    properties.identifier = draft.file_name()  # the name to save it under (`download_name`)
    properties.revision = 1


def _examples(document: DocxDocument, draft: Draft) -> None:
    """Examples beside the text: their own section, each under the part it is an example for."""
    if not draft.examples:
        return
    lang = draft.language
    document.add_heading(t("drafting.examples", lang), level=1)
    document.add_paragraph(t("drafting.examples_note", lang)).runs[0].italic = True
    for example in draft.examples:
        document.add_heading(example.section, level=2)
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{example.source}: ").bold = True
        paragraph.add_run(example.text + _markers(example.citations)).italic = True


def _checklist(document: DocxDocument, draft: Draft) -> None:
    if not draft.checklist:
        return
    lang = draft.language
    document.add_heading(t("drafting.checklist", lang), level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    headers = t("drafting.export_columns", lang).split("|")
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for item in draft.checklist:
        cells = table.add_row().cells
        cells[0].text = item.label
        cells[1].text = t(f"drafting.{item.status}", lang)
        cells[2].text = item.detail
        cells[3].text = _markers(item.citations).strip()


def _sources(document: DocxDocument, draft: Draft) -> None:
    """Each source by its title, date and section, with the passage as plain text."""
    if not draft.citations:
        return
    lang = draft.language
    document.add_heading(t("drafting.sources", lang), level=1)
    for citation in draft.citations:
        date = f" ({format_date(dt.date.fromisoformat(citation.date), lang)})" \
            if citation.date else ""
        where = f", {plain(citation.section)}" if citation.section else ""
        document.add_paragraph(f"[{citation.n}] {plain(citation.title)}{date}{where}")
        quote = document.add_paragraph(f"«{plain(citation.snippet)}»")
        quote.paragraph_format.left_indent = Pt(18)


def plain(text: str) -> str:
    """Markdown as the reader sees it: no #, **, table bars, list marks or link targets."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"(?m)^\s*#{1,6}\s*", "", text)
    text = re.sub(r"(?m)^\s*(?:[-*•]|\d{1,2}[.)])\s+", "", text)
    text = re.sub(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`", "", text)
    text = re.sub(r"\s*\|\s*|\s*-{3,}\s*", " ", text)
    return " ".join(text.split())


def _markers(numbers: list[int]) -> str:
    return (" " + "".join(f"[{n}]" for n in sorted(set(numbers)))) if numbers else ""
