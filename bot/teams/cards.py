"""Adaptive Card building blocks and the draft's facts.

Pure functions from typed values to card JSON, labelled from the i18n catalogue in the answer's
language. Cards use facts and lines, never wide tables: a FactSet reflows at any width, where a
table of many columns breaks words mid-word in a chat column.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bot.core.models import Language
from bot.core.payloads import CheckItem, DraftPayload
from bot.i18n import t

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
Element = dict[str, Any]


def attachment(card: Element) -> Element:
    return {"contentType": CARD_CONTENT_TYPE, "content": card}


def size(value: Any) -> int:
    """Bytes on the wire, counted pessimistically (non-ASCII escaped)."""
    return len(json.dumps(value))


def adaptive_card(body: list[Element], actions: list[Element] | None = None) -> Element:
    card: Element = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def text(value: str, **style: Any) -> Element:
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def fact_set(facts: list[tuple[str, str]]) -> Element:
    return {"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in facts]}


def source_lines(
    heading: str, sources: list[tuple[int, str, str | None]]
) -> list[Element]:
    """«[1] Title» per source, the title a link where there is one."""
    if not sources:
        return []
    blocks = [text(heading, weight="Bolder", size="Small", spacing="Medium")]
    for n, title, url in sources:
        shown = title.replace("[", "(").replace("]", ")")
        label = f"[{shown}]({url})" if url else shown
        blocks.append(text(f"[{n}] {label}", size="Small", spacing="None", isSubtle=True))
    return blocks


_CHECK_ICONS = {"met": "✅", "missing": "⬜", "conflict": "⚠️"}  # as the chat text shows them
Marker = Callable[[list[int]], str]


def _check_value(item: CheckItem, language: Language, with_detail: bool, marker: Marker) -> str:
    value = f"{_CHECK_ICONS[item.status]} {t(f'drafting.{item.status}', language)}"
    if with_detail and item.detail:
        value = f"{value} – {item.detail}"
    cited = marker(item.citations)
    return f"{value} {cited}" if cited else value


def _headed_facts(heading: str, facts: list[tuple[str, str]]) -> list[Element]:
    return [text(heading, weight="Bolder", spacing="Medium"), fact_set(facts)]


def draft_facts(
    draft: DraftPayload, language: Language, detail: bool, marker: Marker
) -> list[Element]:
    """Which sections are filled in, and the checklist against the call's criteria, cited."""
    filled = f"✅ {t('teams.filled_in', language)}"
    missing = f"⬜ {t('drafting.missing', language)}"
    body: list[Element] = []
    if draft.sections:
        status = [(s.title, missing if s.missing else filled) for s in draft.sections]
        body += _headed_facts(t("teams.sections", language), status)
    if draft.checklist:
        met = [(c.label, _check_value(c, language, detail, marker)) for c in draft.checklist]
        body += _headed_facts(t("drafting.checklist", language), met)
    return body


SAY = "say"  # what a button that speaks for the user submits: {"laeringsbot": SAY, "text": …}


def say_button(title: str, value: str | None = None) -> dict[str, Any]:
    """A button that sends `value` (by default its own title) as the user's next message.

    A plain submit, read back by `pressed_text`: Teams' own imBack does the same in the Teams
    client, but the Agents Playground drops every msteams-typed submit without a word, and a
    channel delivers an imBack only when it @mentions the bot; our own card's submit always
    reaches us."""
    return {"type": "Action.Submit", "title": title,
            "data": {"laeringsbot": SAY, "text": value or title}}


def pressed_text(value: object) -> str | None:
    """The words a `say_button` sends for the user, from a submitted activity's value."""
    if isinstance(value, dict) and value.get("laeringsbot") == SAY:
        text = value.get("text")
        return text if isinstance(text, str) else None
    return None


def dialog_buttons(draft: DraftPayload, language: Language) -> list[dict[str, Any]]:
    """The dialog's commands (Hopp over, Tilbake, Endre del, …) and, after «Endre del», one
    button per part; the dialog reads each label back as its command."""
    buttons = [say_button(t(f"drafting.button.{name}", language)) for name in draft.actions]
    for field in draft.choices:
        name = t(f"drafting.field.{field}", language)
        buttons.append(say_button(t("drafting.button.edit_field", language, field=name)))
    return buttons
