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
