"""«Hvilket tema har flest sluttrapporter?», «Hvor mange prosjekter er det per fylke?», «Which
county has the most projects?», «Hvilke kommuner har vært med i mer enn ett prosjekt?»: a list
counted group by group, and which groups lead or reach a count. Read once by `understand`; the
list routes show the counts above their rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.question import Tally
from bot.core.understand.amounts import MONEY_WORDS
from indexer.text.patterns import NUMBER_WORDS, words

_GROUPS: dict[Tally, str] = {
    Tally.COUNTY: r"fylke[rt]?|fylka|fylkene|fylkja|fylkane|county|counties",
    Tally.THEME: r"tema(?:et|er|ene|a|ane)?|themes?|topics?",
    Tally.YEAR: r"år(?:et)?|årstal+|years?",
    Tally.MUNICIPALITY: r"kommune[nr]?|kommunar|kommunene|kommunane|municipalit(?:y|ies)",
    Tally.TYPE: r"dokumenttyper?|dokumenttypar|type|typer|typar|document types?|kinds? of documents?",
    Tally.PERSON: r"person|personer|personar|personene|personane|folk|navn|namn|people|persons|names|"
                  r"hvem|kven|who",
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
# «Hvem er nevnt i flest dokumenter?», «Who is mentioned most often?»: the people named most
_NAMED_MOST = re.compile(
    r"\b(?:hvem|kven|who|hvilken\s+person|kva\s+person|which\s+person)\s+(?:er|var|blir|"
    r"vert|is|was|are|were|gets?)?\s*(?:nevnt|nemnd|named|mentioned|omtalt)\b[^?.!]{0,30}?"
    r"\b(?:flest|oftest|mest|most)\b", re.I)
_FEWEST = frozenset({"færrest", "færrast", "fewest", "least"})
# «Hvilke kommuner har fått mest penger?»: the amounts ranked, not the rows counted
_MONEY = words("penger", "pengar", "pengene", "pengane", "money", "funds")


@dataclass(frozen=True)
class Counted:
    """How the question counts a list: by which group, which end, and from how many rows up."""

    by: Tally | None = None
    extreme: str = ""  # "most", "fewest" or ""
    at_least: int = 0  # «mer enn ett prosjekt»: only the groups with at least this many rows
    of_documents: bool = False  # «i mer enn ett dokument»: documents counted, not projects


_N = rf"(?:{'|'.join(NUMBER_WORDS)}|[1-9])"
# «mer enn ett prosjekt», «to eller flere», «minst to», «more than one», «in several documents»,
# «går igjen i» (recur): each one a count the group must reach
_THRESHOLD = re.compile(
    rf"\b(?:mer\s+enn|meir\s+enn|flere\s+enn|fleire\s+enn|more\s+than)\s+(?P<over>{_N})\b|"
    rf"\b(?P<from>{_N})\s+(?:eller|or)\s+(?:flere|fleire|more)\b|"
    rf"\b(?:minst|at\s+least)\s+(?P<least>{_N})\b|"
    r"\b(?P<several>(?:i|in|på|on)\s+(?:flere|fleire|several|multiple)|går\s+igjen|går\s+att|"
    r"recurs?|appears?\s+in\s+(?:several|multiple))\b", re.I)
_NOUN_CHARS = 40
_DOCUMENT_NOUN = re.compile(r"\s*(?:\w+\s+){0,2}?(?:dokument\w*|documents?|referat\w*|minutes|"
                            r"sluttrapport\w*|final\s+reports?|utlysning\w*|calls?|"
                            r"retningslinj\w*|guidelines?|tilsynsrapport\w*)\b", re.I)
_GROUP_BEFORE = re.compile(rf"\b(?:{_GROUP})\b", re.I)


def tally(text: str) -> Counted:
    """The group a list is counted by, and "most" or "fewest" when the question asks which
    group leads, or the count a group must reach; nothing when it asks none, or asks money."""
    if MONEY_WORDS.search(text) or _MONEY.search(text):
        return Counted()
    if _NAMED_MOST.search(text):
        return Counted(Tally.PERSON, "most")
    if m := _LEADS.search(text):
        extreme = "fewest" if m["extreme"].casefold() in _FEWEST else "most"
        return Counted(_group_of(m), extreme)
    if (m := _PER.search(text)) and _COUNTED.search(text):
        return Counted(_group_of(m))
    if (threshold := _THRESHOLD.search(text)) and (
            groups := list(_GROUP_BEFORE.finditer(text, 0, threshold.start()))):
        counted = text[threshold.end():threshold.end() + _NOUN_CHARS]
        return Counted(_group_of(groups[-1]), at_least=_count(threshold),
                       of_documents=bool(_DOCUMENT_NOUN.match(counted)))
    return Counted()


def _count(m: re.Match[str]) -> int:
    if m["several"]:
        return 2
    number = (m["over"] or m["from"] or m["least"]).casefold()
    value = int(number) if number.isdigit() else NUMBER_WORDS[number]
    return value + 1 if m["over"] else value


def _group_of(m: re.Match[str]) -> Tally:
    return next(key for key in _GROUPS if m[key.value])
