"""Adaptive Card building blocks, the table card and the draft card.

Pure functions from typed payloads (`bot.core.payloads`) to card JSON, labelled from the i18n
catalogue in the answer's language; None when a card would not fit, leaving the text to stand
alone. The other payload types have their cards in `tables` and `summary_card`.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core.models import Language
from bot.core.payloads import CheckItem, DraftPayload
from bot.i18n import t

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


def attachment(card: dict[str, Any]) -> dict[str, Any]:
    return {"contentType": CARD_CONTENT_TYPE, "content": card}


def size(value: Any) -> int:
    """Bytes on the wire, counted pessimistically (non-ASCII escaped)."""
    return len(json.dumps(value))


def adaptive_card(body: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }


def text(value: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def _table_element(header: list[str], rows: list[list[str]]) -> dict[str, Any]:
    width = max([len(header), *(len(r) for r in rows)])

    def row(values: list[str], bold: bool = False) -> dict[str, Any]:
        padded = values + [""] * (width - len(values))
        style = {"weight": "Bolder"} if bold else {}
        return {
            "type": "TableRow",
            "cells": [{"type": "TableCell", "items": [text(v, **style)]} for v in padded],
        }

    head = [row(header, bold=True)] if header else []
    return {
        "type": "Table",
        "columns": [{"width": 1} for _ in range(width)],
        "firstRowAsHeader": bool(header),
        "rows": head + [row(r) for r in rows],
    }


def table_card(
    title: str | None, header: list[str], rows: list[list[str]], max_bytes: int,
    language: Language,
) -> dict[str, Any] | None:
    """A Table card; rows are dropped from the end (and said so) until the card fits."""
    if not rows:
        return None
    shown = len(rows)
    while shown > 0:
        body = [text(title, weight="Bolder", size="Medium")] if title else []
        body.append(_table_element(header, rows[:shown]))
        if shown < len(rows):
            note = t("teams.rows_shown", language, shown=shown, total=len(rows))
            body.append(text(note, isSubtle=True, size="Small"))
        card = adaptive_card(body)
        if size(card) <= max_bytes:
            return card
        shown = shown * 3 // 4 if shown > 4 else shown - 1
    return None


_CHECK_ICONS = {"met": "✅", "missing": "⬜", "conflict": "⚠️"}  # as the chat text shows them


def _check_value(item: CheckItem, language: Language, with_detail: bool) -> str:
    value = f"{_CHECK_ICONS[item.status]} {t(f'drafting.{item.status}', language)}"
    return f"{value} – {item.detail}" if with_detail and item.detail else value


def fact_set(facts: list[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in facts]}


def _headed_facts(heading: str, facts: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [text(heading, weight="Bolder", spacing="Medium"), fact_set(facts)]


def _draft_body(draft: DraftPayload, language: Language, detail: bool) -> list[dict[str, Any]]:
    filled = f"✅ {t('teams.filled_in', language)}"
    missing = f"⬜ {t('drafting.missing', language)}"
    body = [text(draft.title, weight="Bolder", size="Medium", spacing="None")]
    if draft.sections:
        status = [(s.title, missing if s.missing else filled) for s in draft.sections]
        body += _headed_facts(t("teams.sections", language), status)
    if draft.checklist:
        met = [(c.label, _check_value(c, language, detail)) for c in draft.checklist]
        body += _headed_facts(t("drafting.checklist", language), met)
    return body


def draft_card(
    draft: DraftPayload, url: str | None, max_bytes: int, language: Language = "nb",
    valid_hours: int | None = None,
) -> dict[str, Any] | None:
    """The draft's sections and checklist, and a button to its .docx behind a signed link.

    When the card would not fit, the checklist details go first, then the summary; the title
    and the download button always stay.
    """
    if not draft.title:
        return None
    actions: list[dict[str, Any]] = []
    note = []
    if url:
        title = t("teams.download", language)
        actions.append({"type": "Action.OpenUrl", "title": title, "url": url})
        if valid_hours:
            valid = t("teams.link_valid", language, hours=valid_hours)
            note.append(text(valid, isSubtle=True, size="Small"))
    actions += _dialog_buttons(draft, language)
    extra: dict[str, Any] = {"actions": actions} if actions else {}
    full, brief = _draft_body(draft, language, True), _draft_body(draft, language, False)
    for body in (full, brief, brief[:1]):
        card = {**adaptive_card(body + note), **extra}
        if size(card) <= max_bytes:
            return card
    return None


def im_back(title: str) -> dict[str, Any]:
    """A button that sends its own title as the user's next message (Teams' imBack)."""
    return {"type": "Action.Submit", "title": title,
            "data": {"msteams": {"type": "imBack", "value": title}}}


def _dialog_buttons(draft: DraftPayload, language: Language) -> list[dict[str, Any]]:
    """The dialog's commands (Hopp over, Tilbake, Endre del, …) and, after «Endre del», one
    button per part; the dialog reads each label back as its command."""
    buttons = [im_back(t(f"drafting.button.{name}", language)) for name in draft.actions]
    for field in draft.choices:
        name = t(f"drafting.field.{field}", language)
        buttons.append(im_back(t("drafting.button.edit_field", language, field=name)))
    return buttons
