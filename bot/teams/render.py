"""Answer -> Teams message payloads (plain dicts, snapshot-testable).

Teams conventions applied to every core answer: the schema.org Message entity with the
"AI generated" label and Claim citations, feedback buttons, an Adaptive Card for the payload,
and at most ~25 KB per activity (long answers are split between paragraphs, never mid-marker).
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.models import Answer, Citation, Language
from bot.i18n import t
from bot.teams import cards
from bot.teams.answer_cards import DraftLinks, payload_card
from bot.teams.commands import commands, suggested_prompts

MAX_ACTIVITY_BYTES = 25_000
MAX_CITATIONS = 10
TEXT_BUDGET_BYTES = 15_000  # leaves room for the citation entity and channelData
_MARKER = re.compile(r"\[(\d+)\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#+\s*", re.MULTILINE)  # markdown heading marks in snippets

Message = dict[str, Any]  # a Teams activity (or card) as JSON


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _keywords(citation: Citation) -> list[str]:
    """Up to 3 keywords of at most 3 words and 28 characters each (Teams' limits)."""
    values = (
        [citation.date, citation.section]
        if citation.date or citation.section
        else [citation.source]
    )
    result: list[str] = []
    for value in values:
        if value:
            short = _shorten(" ".join(value.split()[:3]), 28)
            if short not in result:
                result.append(short)
    return result[:3]


def claim(citation: Citation) -> dict[str, Any]:
    appearance: dict[str, Any] = {
        "@type": "DigitalDocument",
        "name": _shorten(citation.title or citation.source, 80),
        "abstract": _shorten(_HEADING.sub("", citation.snippet), 160),
        "keywords": _keywords(citation),
    }
    return {"@type": "Claim", "position": citation.n, "appearance": appearance}


def ai_entity(citations: list[Citation]) -> dict[str, Any]:
    """The one root entity: shows the "AI generated" label and the citation pop-ups."""
    return {
        "type": "https://schema.org/Message",
        "@type": "Message",
        "@context": "https://schema.org",
        "@id": "",
        "additionalType": ["AIGeneratedContent"],
        "citation": [claim(c) for c in citations[:MAX_CITATIONS]],
    }


def markers(text: str) -> set[int]:
    return {int(n) for n in _MARKER.findall(text)}


def _pieces(paragraph: str, budget: int) -> list[str]:
    """Cut an over-long paragraph at sentence ends, then at spaces, never inside a marker."""
    if cards.size(paragraph) <= budget:
        return [paragraph]
    out: list[str] = []
    for unit in _SENTENCE_END.split(paragraph):
        while cards.size(unit) > budget:
            cut = len(unit)
            while cut > 1 and cards.size(unit[:cut]) > budget:
                cut = cut * 3 // 4
            space = unit.rfind(" ", 0, cut)
            cut = space if space > 0 else cut
            out.append(unit[:cut])
            unit = unit[cut:].lstrip()
        out.append(unit)
    return [p for p in out if p]


def teams_markdown(text: str) -> str:
    """Give every line that is not a list item its own paragraph.

    The core writes one item or heading per line; Teams renders markdown, where a single
    newline joins lines into one paragraph and a line after a list item becomes part of it.
    Consecutive list items stay one (tight) list.
    """
    out: list[str] = []
    for line in text.strip().split("\n"):
        if out and out[-1] and line.strip():
            both_items = _LIST_ITEM.match(out[-1]) and _LIST_ITEM.match(line)
            if not both_items:
                out.append("")
        out.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))


def split_text(
    text: str, budget: int = TEXT_BUDGET_BYTES, max_cites: int = MAX_CITATIONS
) -> list[str]:
    """Pack paragraphs into parts under `budget` bytes, each citing at most `max_cites` sources."""
    blocks = [p for para in re.split(r"\n\s*\n", text) for p in _pieces(para.strip(), budget) if p]
    parts: list[str] = []
    current = ""
    for block in blocks:
        joined = f"{current}\n\n{block}" if current else block
        if current and (cards.size(joined) > budget or len(markers(joined)) > max_cites):
            parts.append(current)
            joined = block
        current = joined
    if current or not parts:
        parts.append(current)
    return parts


def _message(text: str, citations: list[Citation], attachments: list[Message]) -> Message:
    used = markers(text)
    return {
        "type": "message",
        "text": text,
        "textFormat": "markdown",
        "entities": [ai_entity([c for c in citations if c.n in used])],
        "channelData": {"feedbackLoop": {"type": "default"}},
        "attachments": attachments,
    }


def _answer_cards(answer: Answer, links: DraftLinks | None, user_id: str | None) -> list[Message]:
    if answer.payload is None:
        return []
    budget = MAX_ACTIVITY_BYTES - 2_000
    card = payload_card(answer.payload, answer.language, budget, links, user_id)
    return [cards.attachment(card)] if card else []


def answer_messages(
    answer: Answer, links: DraftLinks | None = None, user_id: str | None = None
) -> list[Message]:
    """The messages that carry one answer; the first is the one that ends a stream.

    `links` and `user_id` give a draft's card its download button, signed for that user.
    """
    parts = split_text(teams_markdown(answer.answer))
    messages = [_message(part, answer.citations, []) for part in parts]
    for card in _answer_cards(answer, links, user_id):
        last = messages[-1]
        if cards.size(last) + cards.size(card) <= MAX_ACTIVITY_BYTES:
            last["attachments"].append(card)
        else:
            messages.append(_message("", [], [card]))
    return messages


def searching(language: Language) -> str:
    """The informative update shown while the core works, in the question's language."""
    return t("teams.searching", language)


def notice(text: str) -> Message:
    """A plain message from the service itself (not AI generated)."""
    return {"type": "message", "text": text, "textFormat": "plain"}


def welcome(language: Language = "nb") -> list[Message]:
    """A card with what the bot does and its commands, then example prompts as suggested actions.

    Two activities because clients show suggested actions only on plain text messages. Before
    anyone has asked anything, Bokmål, the product's default.
    """
    greeting = t("teams.welcome_greeting", language)
    body = [
        {"type": "TextBlock", "text": greeting, "weight": "Bolder", "size": "Medium", "wrap": True},
        {"type": "TextBlock", "wrap": True, "text": t("teams.welcome_intro", language)},
        {
            "type": "FactSet",
            "facts": [{"title": c.title, "value": c.description} for c in commands(language)],
        },
    ]
    card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }
    prompts = [{"type": "imBack", "title": p, "value": p} for p in suggested_prompts(language)]
    return [
        {"type": "message", "attachments": [cards.attachment(card)]},
        {
            "type": "message",
            "text": t("teams.try_prompts", language),
            "textFormat": "plain",
            "suggestedActions": {"actions": prompts},
        },
    ]


def too_long(length: int, limit: int, language: Language) -> Message:
    return notice(t("teams.too_long", language, length=length, limit=limit))


def error(reference: str, language: Language) -> Message:
    return notice(t("teams.error", language, reference=reference))


def tenant_refused(language: Language) -> Message:
    return notice(t("teams.tenant_refused", language))
