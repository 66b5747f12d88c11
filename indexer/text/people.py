"""Names of people in Norwegian text: «Tone Ramsland Eikeland», not an office («Nav
Leikanger», «Statsforvalteren Vestland») nor a place written like a name («Vestre Slidre»,
«Etne Vindafjord»). The facts route asks whether a sentence names someone; the index keeps
who each document names, so that «Hvilke personer går igjen i flere dokumenter?» is answered
from the ledger.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from indexer.text.places import Gazetteer

NAME_LIKE = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+)+\b")

# «Nav Leikanger», «Fylkesmannen Vestland»: offices written like the names of people
OFFICE_FIRST = frozenset({"Nav", "Statsforvalteren", "Statsforvaltaren", "Fylkesmannen",
                          "Bufdir", "Bufetat", "Helsetilsynet", "Barneverntjenesten",
                          "Barnevernstenesta"})

# «Vestre Slidre», «Nord-Aurdal kommune» look like names of people
PLACE_FIRST = frozenset({"Nord", "Sør", "Øst", "Vest", "Nordre", "Søndre", "Østre", "Vestre",
                         "Øystre", "Øvre", "Nedre", "Indre", "Ytre", "Midtre", "Store", "Lille",
                         "Nye"})

# A capitalised word this common starts a sentence («Fra Statsforvalteren …», «Etter
# Bodø …»); given names are rarer («Per» 5.45, «Anne» 4.7 on wordfreq's Zipf scale)
_COMMON_WORD = 5.5


def person_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence names a person, not an office."""
    return [m.span() for m in NAME_LIKE.finditer(sentence)
            if _first(m.group()) not in OFFICE_FIRST]


# «Prosjektleder Marte Lian Solberg orienterte», «Seniorrådgiver Kjell Arne Ravna»: a title
# before the name, capitalised as the sentence's first word
_TITLE = re.compile(r"^\w*(?:leder|leiar|rådgiver|rådgjevar|konsulent|koordinator|direktør|"
                    r"sjef|minister|statsråd|ordfører|ordførar|referent|saksbehandler|"
                    r"sakshandsamar)$", re.I)
# «Høyskolen Vestlandet», «Familiesenteret Nord»: bodies, not people
_BODY = re.compile(r"(?:skolen|skulen|sitetet|senteret|senter|programmet|direktoratet|etaten|"
                   r"tilsynet)$", re.I)
_ENGLISH_WORD = 4.0  # «International Child Development Programme»: every word common English


def people_named(text: str, gazetteer: Gazetteer) -> list[str]:
    """The people a document names by first and last name, in order of first mention, each
    once and by its fullest form («Bente Cecilie» is «Bente Cecilie Foss»): two or more words
    (not only joined by a hyphen, «Midt-Norge»), the first neither a place nor a common word,
    none an office or a body, two words not ending in a place («Korus Bergen»), and not
    followed by «kommune»."""
    found: dict[str, None] = {}
    for m in NAME_LIKE.finditer(text):
        words = m.group().split()
        if len(words) > 2 and _TITLE.match(words[0]):
            words = words[1:]
        if len(words) < 2 or _person_like(words, gazetteer) is False:
            continue
        if text[m.end():].lstrip().casefold().startswith(("kommune", "herad", "fylke")):
            continue
        found.setdefault(" ".join(words), None)
    names = list(found)
    return [n for n in names if not any(o != n and o.startswith(n + " ") for o in names)]


def _person_like(words: list[str], gazetteer: Gazetteer) -> bool:
    first = _first(words[0])
    if first in PLACE_FIRST or any(_first(w) in OFFICE_FIRST for w in words):
        return False
    if gazetteer.is_place(first) or gazetteer.is_place(words[0]):
        return False  # «Etne Vindafjord», «Bodø Kommune»
    if len(words) == 2 and gazetteer.is_place(words[1]):
        return False  # «Korus Bergen»
    if any(_BODY.search(w) for w in words) or all(
            zipf_frequency(w.casefold(), "en") >= _ENGLISH_WORD for w in words):
        return False
    return zipf_frequency(first.casefold(), "nb") < _COMMON_WORD


def _first(name: str) -> str:
    return name.split()[0].split("-")[0]
