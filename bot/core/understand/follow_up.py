"""Follow-up questions made standalone: «og når er neste samling?» after a question about
Hordaland becomes a question about Hordaland.

Offline and deterministic: a short question that opens like a follow-up, or names no place,
meeting, project or date of its own, inherits those from the previous user turn.
"""

from __future__ import annotations

import re

from bot.core.models import ChatTurn

_FOLLOW_UP_OPENING = re.compile(
    r"^\s*(og|men|enn|hva med|kva med|og hva|og kva|og når|og hvem|og kven|og hvor|og kvar|"
    r"and|what about|how about|and what|and when|and who|also|også|òg|der|dette|det|den|de|dei)\b",
    re.I,
)
_CONTEXT_WORD = re.compile(
    r"«[^»]+»|\b[A-ZÆØÅ][\wæøå-]+|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b(19|20)\d\d\b|"
    r"\b(referat\w*|utlysning\w*|retningslin\w*|prosjektbeskriv\w*|sluttrapport\w*|minutes)\b",
    re.I,
)
_STOP = frozenset("Hva Hvem Hvor Hvilke Hvilken Når Kva Kven Kvar Kor What Who Which When Where How "
                  "Og And I".split())


def previous_question(history: tuple[ChatTurn, ...]) -> str | None:
    return next((t.text for t in reversed(history) if t.role == "user"), None)


def is_follow_up(text: str) -> bool:
    if _FOLLOW_UP_OPENING.match(text):
        return True
    return len(text.split()) <= 6 and not _context_words(text)


def standalone(text: str, history: tuple[ChatTurn, ...]) -> tuple[str, bool]:
    """The question completed with the previous question's context, and whether it was."""
    previous = previous_question(history)
    if not previous or not is_follow_up(text):
        return text, False
    context = [w for w in _context_words(previous) if w.lower() not in text.lower()]
    if not context:
        return text, False
    return f"{text.rstrip()} ({' '.join(dict.fromkeys(context))})", True


def _context_words(text: str) -> list[str]:
    words = []
    for match in _CONTEXT_WORD.finditer(text):
        word = match.group(0)
        if word in _STOP or (match.start() == 0 and word[0].isupper() and "«" not in word):
            continue
        words.append(word)
    return words
