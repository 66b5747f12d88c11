"""What kind of fact a question asks for (a date, an amount, a person, a place).

An extractive answer to "Når …?" must contain a date; to "Hvem …?" a name. Each clause of a
question ("Kva dato …, og kvar vart det halde?") may ask for its own type.
"""

from __future__ import annotations

import re

from indexer.text.dates import find_dates

DATE, NUMBER, PERSON, PLACE = "date", "number", "person", "place"

_ASKS = (
    (DATE, re.compile(r"\b(når|naar|kva dato|hvilken dato|hvilke dato|dato|datoen|frist|"
                      r"søknadsfrist\w*|fristen|when|what date|deadline|sluttar|slutter|ends?|"
                      r"periode\w*|period|hvilket år|kva år|which year|what year)\b", re.I)),
    (NUMBER, re.compile(r"\b(hvor mye|hvor mykje|kor mykje|hvor mange|kor mange|how much|"
                        r"how many|beløp\w*|budsjett\w*|hvor stor\w*|kor stor\w*|what is the "
                        r"total|egenandel\w*|eigendel\w*|prosent|percent)\b", re.I)),
    (PERSON, re.compile(r"\b(hvem|kven|who|prosjektleder\w*|prosjektleiar\w*)\b", re.I)),
    (PLACE, re.compile(r"\b(hvor ble|hvor var|hvor skal|kvar vart|kvar var|kvar skal|where|"
                       r"\bstad\b|sted)\b", re.I)),
)
_HEAD_CHARS = 30
_MONTH = re.compile(r"\b\d{1,2}\.\s*(januar|februar|mars|april|mai|juni|juli|august|september|"
                    r"oktober|november|desember)\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:[  ]\d{3})*(?![\d])")
_PERSON = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+)+\b")
_ORG = re.compile(r"\b(Bufdir|Bufetat|Statsforvalteren|Statsforvaltaren|Fylkesmannen|"
                  r"[A-ZÆØÅ][a-zæøå]?[A-ZÆØÅ]+|Familiesenteret|Universitetet|Høgskulen|Høgskolen)\b")
_PLACE = re.compile(r"\b(i|på|frå|fra|in|at)\s+[A-ZÆØÅ][a-zæøå]+|\bsentrum\b|Statens hus")


def asked_types(question: str) -> list[str]:
    """The answer types in order of appearance in the question (each at most once)."""
    found: list[tuple[int, str]] = []
    for kind, pattern in _ASKS:
        match = pattern.search(question)
        if match and match.start() <= _HEAD_CHARS:  # "…, when asked to …" asks no date
            found.append((match.start(), kind))
    return [kind for _, kind in sorted(found)]


def has_type(sentence: str, kind: str) -> bool:
    if kind == DATE:
        return bool(find_dates(sentence) or _MONTH.search(sentence) or _YEAR.search(sentence))
    if kind == NUMBER:
        return any(not _YEAR.fullmatch(n) for n in _NUMBER.findall(sentence))
    if kind == PERSON:
        return bool(_PERSON.search(sentence) or _ORG.search(sentence))
    if kind == PLACE:
        return bool(_PLACE.search(sentence))
    return False
