"""«Hvilket tema har flest sluttrapporter?», «Hvor mange prosjekter er det per fylke?», «Which
county has the most projects?»: a list counted group by group, and which group leads. Read once
by `understand`; the list routes show the counts above their rows.
"""

from __future__ import annotations

import re

from bot.core.question import Tally
from bot.core.understand.amounts import MONEY_WORDS
from indexer.text.patterns import words

_GROUPS: dict[Tally, str] = {
    Tally.COUNTY: r"fylke[rt]?|fylka|fylkene|fylkja|fylkane|county|counties",
    Tally.THEME: r"tema(?:et|er|ene|a|ane)?|themes?|topics?",
    Tally.YEAR: r"år(?:et)?|årstal+|years?",
    Tally.MUNICIPALITY: r"kommune[nr]?|kommunar|kommunene|kommunane|municipalit(?:y|ies)",
    Tally.TYPE: r"dokumenttyper?|dokumenttypar|type|typer|typar|document types?|kinds? of documents?",
}
_GROUP = "|".join(f"(?P<{key.value}>{pattern})" for key, pattern in _GROUPS.items())
# «per fylke», «fordelt på tema», «for hvert år», «by county», «in each county»
_PER = re.compile(rf"\b(?:per|pr\.?|fordelt\s+på|for\s+hvert|for\s+kvart|i\s+hvert|i\s+kvart|"
                  rf"i\s+hver|i\s+kvar|by|for\s+each|in\s+each|of\s+each)\s+(?:{_GROUP})\b", re.I)
_COUNTED = re.compile(r"\b(?:hvor\s+mange|kor\s+mange|antall|antal|talet\s+på|how\s+many|"
                      r"number\s+of|count)\b", re.I)
# «Hvilket tema har flest …», «Kva fylke har færrast …», «Which county has the most …»; the
# group's word followed by its verb («Which County Governor's office must carry out the most
# inspections?» asks an office, of one document)
_LEADS = re.compile(
    rf"\b(?:hvilke[nt]?|kva(?:\s+for\s+(?:eit|ein|ei))?|which|what)\s+(?:{_GROUP})\s+"
    r"(?:har|hadde|have|has|had|fikk|fekk|får|got|gets|er|var|is|was|står|stod)\b"
    r"[^?.!]{0,50}?\b(?P<extreme>flest|færrest|færrast|mest|most|fewest|least)\b", re.I)
_FEWEST = frozenset({"færrest", "færrast", "fewest", "least"})
# «Hvilke kommuner har fått mest penger?»: the amounts ranked, not the rows counted
_MONEY = words("penger", "pengar", "pengene", "pengane", "money", "funds")


def tally(text: str) -> tuple[Tally | None, str]:
    """The group a list is counted by, and "most" or "fewest" when the question asks which
    group leads; (None, "") when it asks neither, or asks money."""
    if MONEY_WORDS.search(text) or _MONEY.search(text):
        return None, ""
    if m := _LEADS.search(text):
        extreme = "fewest" if m["extreme"].casefold() in _FEWEST else "most"
        return _group_of(m), extreme
    if (m := _PER.search(text)) and _COUNTED.search(text):
        return _group_of(m), ""
    return None, ""


def _group_of(m: re.Match[str]) -> Tally:
    return next(key for key in _GROUPS if m[key.value])
