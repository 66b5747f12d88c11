"""Word tables as patterns: the NB/NN/EN phrasings a rule looks for, written as a list of words.

Most question and document rules ask «does the text use any of these words?». Written as
`words("i fjor", "ifjor", "last year")` the table reads as the words themselves, and every such
rule matches the same way: whole words, in any case.
"""

from __future__ import annotations

import re


def words(*alternatives: str) -> re.Pattern[str]:
    r"""Any of `alternatives` as a whole word, ignoring case; each may be a regex fragment
    (`r"referat\w*"`, `r"skal\s+holdes"`)."""
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b", re.IGNORECASE)


def stems(*alternatives: str) -> re.Pattern[str]:
    r"""Any of `alternatives` anywhere, ignoring case: stems that also count inside compounds
    («søknadsfrist» in «Søknadsfristen», «forank» in «ledelsesforankring»)."""
    return re.compile("|".join(alternatives), re.IGNORECASE)


# Counts written in words, NB/NN/EN, one to ten: «to eller flere», «meir enn eitt år», «two
# years ago»
NUMBER_WORDS: dict[str, int] = {
    "en": 1, "én": 1, "ett": 1, "ei": 1, "ein": 1, "eitt": 1, "one": 1,
    "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5,
    "seks": 6, "six": 6, "sju": 7, "syv": 7, "seven": 7, "åtte": 8, "eight": 8,
    "ni": 9, "nine": 9, "ti": 10, "ten": 10,
}  # fmt: skip
