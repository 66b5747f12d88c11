"""The claim check: a sentence may only state dates, numbers and names its cited text contains.

Whatever composed the answer (extractive or an LLM), each sentence is checked against the text
of the citations it carries. A date, amount or name that is not in those sources is the classic
hallucination, so such a sentence is removed (or, in `mark` mode, flagged).
"""

from __future__ import annotations

import re
import unicodedata

from indexer.text.dates import find_dates

_NUMBER = re.compile(r"\d[\d  .,]*\d|\d")
_NAME = re.compile(r"(?<![\w])([A-ZÆØÅ][\wæøåÆØÅéü-]+(?:\s+[A-ZÆØÅ][\wæøåÆØÅéü-]+)+)")
_QUOTED = re.compile(r"«([^»]{3,80})»")
_SENTENCE_START_WORDS = frozenset(
    "Den Det De Dei Denne Dette I På Etter Fra Frå Til Med Og Men Neste The In On According "
    "Kommunene Kommunane Prosjektet Styringsgruppen Styringsgruppa Vedtak Sak".split()
)


def normalise(text: str) -> str:
    """NFC, no-break spaces and markdown emphasis folded, whitespace collapsed, case folded."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("**", "")
    return " ".join(text.split()).casefold()


def facts(sentence: str) -> list[str]:
    """The checkable facts of a sentence: numbers, dates (ISO), multi-word names, «titles»."""
    found: list[str] = []
    dates = find_dates(sentence)
    for match in dates:
        found.append("date:" + match.date.isoformat())
    spans = [(m.start, m.end) for m in dates]
    for match in _NUMBER.finditer(sentence):
        if any(s <= match.start() < e for s, e in spans):
            continue
        digits = re.sub(r"\D", "", match.group())
        if digits and not re.fullmatch(r"[1-9]", digits):
            found.append("num:" + digits)
    for match in _NAME.finditer(sentence):
        words = match.group(1).split()
        if words[0] in _SENTENCE_START_WORDS:
            words = words[1:]
        if len(words) >= 2:
            found.append("name:" + " ".join(words))
    found.extend("name:" + q for q in _QUOTED.findall(sentence))
    return found


def supported(sentence: str, sources: list[str]) -> list[str]:
    """The facts of `sentence` that none of `sources` contains (empty list: supported)."""
    joined = " \n ".join(sources)
    plain = normalise(joined)
    known = {f"date:{d.date.isoformat()}" for d in find_dates(joined)}
    known |= {f"num:{re.sub(r'[^0-9]', '', m.group())}" for m in _NUMBER.finditer(joined)}
    known |= {f"num:{digits}" for digits in re.findall(r"\d+", joined)}  # "2022, 2023" too
    missing: list[str] = []
    for fact in facts(sentence):
        kind, value = fact.split(":", 1)
        present = normalise(value) in plain if kind == "name" else fact in known
        if not present:
            missing.append(fact)
    return missing


def check_sentence(sentence: str, sources: list[str]) -> bool:
    """True when every date, number and name in the sentence is found in its sources."""
    return not supported(sentence, sources)
