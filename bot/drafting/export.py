"""The draft as a Word document: headings, the checklist as a table, and the source list.

Written to a temporary file and moved into place, so a download never sees half a document.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from docx import Document
from docx.shared import Pt
from docx.styles.style import ParagraphStyle

from bot.drafting.compose import Draft
from bot.i18n import t

MAX_DRAFT_AGE_S = 30 * 24 * 3600
_DRAFT_ID = re.compile(r"^[0-9a-f]{8,64}$")


def drafts_dir(data_dir: Path) -> Path:
    return data_dir / "drafts"


def draft_path(data_dir: Path, draft_id: str) -> Path:
    """Where a draft's .docx lives; refuses ids that are not plain hex (no path tricks)."""
    if not _DRAFT_ID.match(draft_id):
        raise ValueError(f"ugyldig utkast-id: {draft_id!r}")
    return drafts_dir(data_dir) / f"{draft_id}.docx"


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
    normal = document.styles["Normal"]
    if isinstance(normal, ParagraphStyle):  # it is in every template python-docx ships
        normal.font.size = Pt(11)
    document.core_properties.title = draft.title
    document.add_heading(draft.title, level=0)
    for section in draft.sections:
        document.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            run = document.add_paragraph().add_run(paragraph.text + _markers(paragraph.citations))
            run.italic = paragraph.kind in {"missing", "guidance", "example"}
    _checklist(document, draft)
    _sources(document, draft)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    document.save(str(tmp))
    os.replace(tmp, target)
    return target


def _checklist(document, draft: Draft) -> None:  # type: ignore[no-untyped-def]
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


def _sources(document, draft: Draft) -> None:  # type: ignore[no-untyped-def]
    if not draft.citations:
        return
    document.add_heading(t("drafting.sources", draft.language), level=1)
    for citation in draft.citations:
        where = f", {citation.section}" if citation.section else ""
        date = f" ({citation.date})" if citation.date else ""
        line = f"[{citation.n}] {citation.title}{date}{where} – {citation.source}"
        document.add_paragraph(line)
        quote = document.add_paragraph(f"«{citation.snippet}»")
        quote.paragraph_format.left_indent = Pt(18)


def _markers(numbers: list[int]) -> str:
    return (" " + "".join(f"[{n}]" for n in sorted(set(numbers)))) if numbers else ""
