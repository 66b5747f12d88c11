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


def opens_follow_up(text: str) -> bool:
    """«og …», «hva med …», «and what about …»."""
    return bool(_FOLLOW_UP_OPENING.match(text))


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
    words: list[str] = []
    for match in _CONTEXT_WORD.finditer(text):
        word = match.group(0)
        if word in _STOP or (match.start() == 0 and word[0].isupper() and "«" not in word):
            continue
        words.append(word)
    return words


# --- follow-ups to a list: the next page, a narrower list, another filter --------------------

_MORE = re.compile(
    r"^\W*(?:og\s+|and\s+)?(?:kan du\s+|could you\s+)?(?:vis|vise|syn|sjå|se|gi|gje|list|show|"
    r"give)?\s*(?:meg\s+|me\s+)?(?:flere|fleire|mer|meir|more|resten|the rest|neste side|"
    r"next page)(?:\s+\w+)?\W*$",
    re.I,
)
_NARROW = re.compile(
    r"\b(?:av (?:dem|dei|disse|desse|de)|blant (?:dem|dei|disse|desse)|of (?:them|those|these)|"
    r"among (?:them|those|these)|(?:bare|berre|kun|only|just) (?:de|dei|dem|those|the ones))\b",
    re.I,
)


def asks_more(text: str) -> bool:
    """«vis flere», «fleire», «show more», «neste side»: the next page of the last list."""
    return bool(_MORE.match(text))


def narrows(text: str) -> bool:
    """«hvilke av dem …», «bare de fra 2022»: a filter on the previous list, not a new one."""
    return bool(_NARROW.search(text))


def base_of_more(history: tuple[ChatTurn, ...]) -> tuple[int, int] | None:
    """Where the list a «vis flere» continues was asked (its index in `history`), and how many
    «vis flere» came after it."""
    asked = 0
    for index in range(len(history) - 1, -1, -1):
        turn = history[index]
        if turn.role != "user":
            continue
        if not asks_more(turn.text):
            return index, asked
        asked += 1
    return None


def short_filter(text: str) -> bool:
    """«Rogaland?», «i 2022?»: a few words that can only add to what was asked before."""
    return len(text.split()) <= 4 and not re.match(
        r"^\W*(?:hv|kv|who|what|which|when|where|how)", text, re.I)


_AGREES = re.compile(r"^\W*(?:ja|jo|jepp|ja takk|ja,? (?:det|den|gjer|gjør)(?: eg| jeg)?|stemmer|"
                     r"det stemmer|nettopp|riktig|korrekt|yes|yes please|yep|yeah|correct|right|"
                     r"exactly|that one)\W*$", re.I)


def agrees(text: str) -> bool:
    """«ja», «yes please»: an answer to «Mente du …?»."""
    return bool(_AGREES.match(text))
