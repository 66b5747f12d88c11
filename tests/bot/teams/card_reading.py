"""Reading an Adaptive Card back the way a user sees it: the answer text, a FactSet by heading."""

from __future__ import annotations

from typing import Any


def card_text(message: dict[str, Any]) -> str:
    body = [b for a in message["attachments"] for b in a["content"]["body"]]
    [answer] = [b for b in body if b.get("id") == "answer"]
    asked = [b["text"] for b in body if b.get("id") == "next"]  # when the text runs on
    return "\n\n".join([*(block["text"] for block in answer["items"]), *asked])


def facts(card: dict[str, Any], heading: str) -> dict[str, str]:
    """The FactSet right after the bold heading `heading`."""
    body = card["body"]
    at = next(i for i, b in enumerate(body) if b.get("text") == heading)
    return {f["title"]: f["value"] for f in body[at + 1]["facts"]}
