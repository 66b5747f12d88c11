"""Adaptive Cards for structured answers: `Answer.data["table"]`, `["summary"]` and `["draft"]`.

Pure functions from JSON-like data to card JSON. The core owns the shape of `data`, so these
accept the reasonable variants (rows as lists or dicts, sections as lists or nested dicts) and
return None for anything they cannot show, leaving the text answer to stand alone.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core.models import Language
from bot.i18n import t

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
_MAX_DEPTH = 4


def attachment(card: dict[str, Any]) -> dict[str, Any]:
    return {"contentType": CARD_CONTENT_TYPE, "content": card}


def size(value: Any) -> int:
    """Bytes on the wire, counted pessimistically (non-ASCII escaped)."""
    return len(json.dumps(value))


def _card(body: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }


def _text(value: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_cell_text(v)}" for k, v in value.items())
    return str(value)


def _column_name(column: Any) -> str:
    if isinstance(column, dict):
        return str(column.get("title") or column.get("name") or column.get("key") or "")
    return str(column)


def _column_key(column: Any) -> Any:
    return column.get("key") or column.get("name") if isinstance(column, dict) else column


def table_rows(table: Any) -> tuple[str | None, list[str], list[list[str]]] | None:
    """Normalise a table to (title, header, rows of cell texts); None when it is not a table."""
    title = None
    columns: list[Any] = []
    rows = table
    if isinstance(table, dict):
        title = table.get("title")
        columns = list(table.get("columns") or [])
        rows = table.get("rows")
    if not isinstance(rows, list) or not rows:
        return None
    if all(isinstance(r, dict) for r in rows):
        if not columns:
            columns = list(dict.fromkeys(k for r in rows for k in r))
        cells = [[_cell_text(r.get(_column_key(c))) for c in columns] for r in rows]
    elif all(isinstance(r, list | tuple) for r in rows):
        cells = [[_cell_text(v) for v in r] for r in rows]
    else:
        return None
    return (str(title) if title else None), [_column_name(c) for c in columns], cells


def _table_element(header: list[str], rows: list[list[str]]) -> dict[str, Any]:
    width = max([len(header), *(len(r) for r in rows)])

    def row(values: list[str], bold: bool = False) -> dict[str, Any]:
        padded = values + [""] * (width - len(values))
        style = {"weight": "Bolder"} if bold else {}
        return {
            "type": "TableRow",
            "cells": [{"type": "TableCell", "items": [_text(v, **style)]} for v in padded],
        }

    head = [row(header, bold=True)] if header else []
    return {
        "type": "Table",
        "columns": [{"width": 1} for _ in range(width)],
        "firstRowAsHeader": bool(header),
        "rows": head + [row(r) for r in rows],
    }


def table_card(table: Any, max_bytes: int, language: Language = "nb") -> dict[str, Any] | None:
    """A Table card; rows are dropped from the end (and said so) until the card fits."""
    parsed = table_rows(table)
    if parsed is None:
        return None
    title, header, rows = parsed
    shown = len(rows)
    while shown > 0:
        body = [_text(title, weight="Bolder", size="Medium")] if title else []
        body.append(_table_element(header, rows[:shown]))
        if shown < len(rows):
            note = t("teams.rows_shown", language, shown=shown, total=len(rows))
            body.append(_text(note, isSubtle=True, size="Small"))
        card = _card(body)
        if size(card) <= max_bytes:
            return card
        shown = shown * 3 // 4 if shown > 4 else shown - 1
    return None


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def _blocks(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Nested data as text blocks: scalars as facts, lists as bullets, dicts as headed sections."""
    if depth > _MAX_DEPTH or value in (None, "", [], {}):
        return []
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return [_text("\n".join(f"- {_cell_text(v)}" for v in value))]
        return [b for v in value for b in _blocks(v, depth + 1)]
    if not isinstance(value, dict):
        return [_text(_cell_text(value))]
    heading = value.get("heading") or value.get("title")
    facts = [
        {"title": _label(k), "value": _cell_text(v)}
        for k, v in value.items()
        if k not in ("heading", "title") and not isinstance(v, dict | list) and v not in (None, "")
    ]
    blocks = [_text(str(heading), weight="Bolder", spacing="Medium")] if heading else []
    if facts:
        blocks.append({"type": "FactSet", "facts": facts})
    for key, nested in value.items():
        if isinstance(nested, dict | list) and nested:
            named = isinstance(nested, list) or not (nested.get("heading") or nested.get("title"))
            if named and key not in ("sections", "items"):
                blocks.append(_text(_label(key), weight="Bolder", spacing="Medium"))
            blocks.extend(_blocks(nested, depth + 1))
    return blocks


def summary_card(summary: Any, max_bytes: int) -> dict[str, Any] | None:
    """A card for a structured summary (e.g. of a referat); None when it would not fit."""
    if not isinstance(summary, dict | list) or not summary:
        return None
    body = _blocks(summary)
    if not body:
        return None
    if body[0].get("type") == "TextBlock" and body[0].get("weight") == "Bolder":
        body[0] = {**body[0], "size": "Medium", "spacing": "None"}
    card = _card(body)
    return card if size(card) <= max_bytes else None


_CHECK_ICONS = {"met": "✅", "missing": "⬜", "conflict": "⚠️"}  # as the chat text shows them


def _check_value(item: dict[str, Any], language: Language, with_detail: bool) -> str:
    status = str(item.get("status"))
    shown = t(f"drafting.{status}", language) if status in _CHECK_ICONS else status
    value = f"{_CHECK_ICONS.get(status, '')} {shown}".strip()
    detail = str(item.get("detail") or "")
    return f"{value} – {detail}" if with_detail and detail else value


def _fact_set(heading: str, facts: list[tuple[str, str]]) -> list[dict[str, Any]]:
    facts_json = [{"title": title, "value": value} for title, value in facts]
    return [
        _text(heading, weight="Bolder", spacing="Medium"),
        {"type": "FactSet", "facts": facts_json},
    ]


def _draft_body(draft: dict[str, Any], language: Language, detail: bool) -> list[dict[str, Any]]:
    filled = f"✅ {t('teams.filled_in', language)}"
    missing = f"⬜ {t('drafting.missing', language)}"
    sections = [s for s in draft.get("sections") or [] if isinstance(s, dict)]
    checks = [c for c in draft.get("checklist") or [] if isinstance(c, dict)]
    body = [_text(str(draft["title"]), weight="Bolder", size="Medium", spacing="None")]
    if sections:
        status = [
            (str(s.get("title", "")), missing if s.get("missing") else filled) for s in sections
        ]
        body += _fact_set(t("teams.sections", language), status)
    if checks:
        met = [(str(c.get("label", "")), _check_value(c, language, detail)) for c in checks]
        body += _fact_set(t("drafting.checklist", language), met)
    return body


def draft_card(
    draft: Any, url: str | None, max_bytes: int, language: Language = "nb",
    valid_hours: int | None = None,
) -> dict[str, Any] | None:
    """The draft's sections and checklist, and a button to its .docx behind a signed link.

    When the card would not fit, the checklist details go first, then the summary; the title
    and the download button always stay.
    """
    if not isinstance(draft, dict) or draft.get("cancelled") or not draft.get("title"):
        return None
    extra: dict[str, Any] = {}
    note = []
    if url:
        title = t("teams.download", language)
        extra["actions"] = [{"type": "Action.OpenUrl", "title": title, "url": url}]
        if valid_hours:
            valid = t("teams.link_valid", language, hours=valid_hours)
            note.append(_text(valid, isSubtle=True, size="Small"))
    full, brief = _draft_body(draft, language, True), _draft_body(draft, language, False)
    for body in (full, brief, brief[:1]):
        card = {**_card(body + note), **extra}
        if size(card) <= max_bytes:
            return card
    return None
