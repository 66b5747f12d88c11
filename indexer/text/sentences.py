"""Norwegian sentence splitting that keeps character spans.

Norwegian dates and abbreviations are full of full stops ("13. september", "f. eks.",
"bl.a.", "kl. 10.00", "ca. 120"): a naive split on ". " cuts facts in half. Lines (list items,
table rows, "Vedtak: …") are sentences of their own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREVIATIONS = (
    "f", "eks", "bl", "a", "ca", "kl", "nr", "jf", "jfr", "mv", "m", "fl", "osv", "dvs", "evt",
    "ev", "mht", "pga", "ift", "vs", "dr", "prof", "st", "tlf", "spes", "ped", "ress", "gr",
    "bv", "komp", "fam", "sept", "okt", "nov", "des", "jan", "feb", "aug", "stk", "pr", "mill",
    "kr", "inkl", "ekskl", "vedr", "iht", "tilsv", "avd", "v", "fvl", "bvl", "kap", "pkt",
)  # fmt: skip
_MONTH_AFTER = re.compile(
    r"\s*(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)",
    re.I,
)
_END = re.compile(r"[.!?…]+[»”\")]*(?=\s+)")
_WORD_BEFORE = re.compile(r"(\w+)$")


class Sentence(NamedTuple):
    text: str
    start: int  # offsets into the text given to split_sentences
    end: int


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, offset = line_match.group(), line_match.start()
        start = 0
        for end_match in _END.finditer(line):
            end = end_match.end()
            if _is_false_end(line, end_match.start(), end):
                continue
            _append(sentences, line, offset, start, end)
            start = end
        _append(sentences, line, offset, start, len(line))
    return sentences


def _is_false_end(line: str, dot: int, end: int) -> bool:
    if line[dot] != ".":
        return False
    before = _WORD_BEFORE.search(line[:dot])
    word = before.group(1) if before else ""
    section = line[: dot - len(word)].endswith(("-", "–"))  # «§ 2-1.» ends a sentence
    if word.isdigit() and (_MONTH_AFTER.match(line[end:]) or len(word) <= 2 and not section):
        return True  # "13. september", "1. Formål", "kl. 10. 30"
    if word.lower() in _ABBREVIATIONS:
        return True
    following = line[end:].lstrip()
    return bool(following) and (following[0].islower() or following[0] == "§")  # «jf. § 17»


def _append(sentences: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    raw = line[start:end]
    stripped = raw.strip(" \t-·•*#|>")
    if len(re.sub(r"\W", "", stripped)) < 3:
        return
    lead = raw.find(stripped)
    begin = offset + start + lead
    sentences.append(Sentence(stripped, begin, begin + len(stripped)))
