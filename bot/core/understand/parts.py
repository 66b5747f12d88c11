"""The parts of a question and what each asks for: «Kven er prosjektleiar …, og når sluttar
prosjektet?» is two parts, a person and a date. Also the names the answer must be about.
"""

from __future__ import annotations

import re

from bot.core.question import AnswerType, Part

_CLAUSE_SPLIT = re.compile(
    r"(?:,\s*|\s+)(?:og|and|samt)\s+(?=(?:hv\w+|kv\w+|kor|når|who|what|when|where|how|which)\b)"
    r"|;\s*|\?\s+(?=\S)", re.I)
_HEAD_CHARS = 30  # «…, when asked to …» late in a clause asks for no date
_ASKS: tuple[tuple[AnswerType, re.Pattern[str]], ...] = (
    (AnswerType.DATE, re.compile(
        r"\b(når|naar|kva dato|hvilken dato|hvilke dato|dato|datoen|frist|søknadsfrist\w*|fristen|"
        r"when|what date|deadline|sluttar|slutter|ends?|periode\w*|period|hvilket år|kva år|"
        r"which year|what year)\b", re.I)),
    (AnswerType.COUNT, re.compile(r"\b(hvor mange|kor mange|how many|antall|talet på|"
                                  r"number of)\b", re.I)),
    (AnswerType.AMOUNT, re.compile(
        r"\b(hvor mye|hvor mykje|kor mykje|kor mye|how much|beløp\w*|budsjett\w*|hvor stor\w*|"
        r"kor stor\w*|what is the total|egenandel\w*|eigendel\w*|prosent|percent|kostnad\w*|"
        r"kroner)\b", re.I)),
    (AnswerType.PERSON, re.compile(r"\b(hvem|kven|who|prosjektleder\w*|prosjektleiar\w*)\b",
                                   re.I)),
    (AnswerType.PLACE, re.compile(r"\b(hvor ble|hvor var|hvor skal|kvar vart|kvar var|kvar skal|"
                                  r"where|\bstad\b|sted)\b", re.I)),
)
_YES_NO = re.compile(
    r"^\s*(?:og\s+)?(må|kan|skal|er|var|har|hadde|fikk|fekk|nådde|ble|vart|blir|finnes|fins|"
    r"gjelder|stemmer|bør|krever|kreves|is|are|was|were|did|does|do|can|could|must|has|have|"
    r"should|will)\b", re.I)
_LIST = re.compile(r"\b(hvilke|kva for nokre|which|list|nevn|rams opp|what are the)\b", re.I)
_NEGATION = re.compile(r"\b(ikke|ikkje|not|never|aldri)\b", re.I)
_NAME = re.compile(r"«([^»]+)»|\b([A-ZÆØÅ][\wæøåÆØÅ-]+(?:\s+[A-ZÆØÅ][\wæøåÆØÅ-]+)*)")
_NOT_NAMES = frozenset(
    "januar februar mars april mai juni juli august september oktober november desember january "
    "february march may june july october december what who which when where how according "
    "hva hvem hvor hvilke hvilken når kva kven kvar kor".split()
)


def split_parts(text: str) -> tuple[Part, ...]:
    pieces = [p.strip() for p in _CLAUSE_SPLIT.split(text) if p and p.strip()] or [text]
    return tuple(Part(p, answer_types(p), bool(_NEGATION.search(p))) for p in pieces)


def answer_types(part: str) -> tuple[AnswerType, ...]:
    """The answer types in order of appearance in the part (each at most once)."""
    found: list[tuple[int, AnswerType]] = []
    for kind, pattern in _ASKS:
        match = pattern.search(part)
        if match and match.start() <= _HEAD_CHARS:
            found.append((match.start(), kind))
    if _YES_NO.match(part):
        found.append((-1, AnswerType.YESNO))  # «Må kommunene betale egenandel?» decides first
    if _LIST.search(part[:_HEAD_CHARS]) and not found:
        found.append((0, AnswerType.LIST))
    return tuple(kind for _, kind in sorted(found))


def names(text: str) -> tuple[str, ...]:
    """Names the question is about: «titles» and capitalised words past the first word."""
    found: list[str] = []
    for match in _NAME.finditer(text):
        quoted, name = match.group(1), match.group(2)
        if quoted:
            found.append(quoted)
            continue
        if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "?", "!", ":")):
            continue
        found.extend(w for w in name.split() if w.lower() not in _NOT_NAMES)
    return tuple(dict.fromkeys(found))


def quoted(text: str) -> str | None:
    match = re.search(r"«([^»]{2,80})»|\"([^\"]{2,80})\"", text)
    return (match.group(1) or match.group(2)) if match else None
