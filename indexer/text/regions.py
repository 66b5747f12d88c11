"""Norway's parts of the country (landsdeler) as people name them, and today's counties in each.

«Hvilke prosjekter har vært i Nord-Norge?» asks about Nordland, Troms and Finnmark. No SSB table
the gazetteer reads says so, so the five parts of everyday use (Store norske leksikon,
«landsdel») are written here with today's (2024) county names; the gazetteer adds the older
names (Troms og Finnmark, Hordaland …). Møre og Romsdal is counted both to Vestlandet and to
Midt-Norge, as it commonly is. Only questions are read this way: a document saying «på
Vestlandet» is not thereby about three counties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """A part of the country as written in the text, and the counties it covers today."""

    written: str
    name: str
    counties: tuple[str, ...]


_REGIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Nord-Norge", ("Nord-Norge", "Nord Norge", "Nord-Noreg", "Nord Noreg", "Nordnorge",
                    "Northern Norway", "North Norway"),
     ("Nordland", "Troms", "Finnmark")),
    ("Midt-Norge", ("Midt-Norge", "Midt Norge", "Midt-Noreg", "Midtnorge", "Central Norway",
                    "Mid-Norway", "Mid Norway"),
     ("Trøndelag", "Møre og Romsdal")),
    ("Vestlandet", ("Vestlandet", "Western Norway", "West Norway"),
     ("Rogaland", "Vestland", "Møre og Romsdal")),
    ("Østlandet", ("Østlandet", "Austlandet", "Eastern Norway", "East Norway"),
     ("Oslo", "Akershus", "Østfold", "Buskerud", "Innlandet", "Vestfold", "Telemark")),
    ("Sørlandet", ("Sørlandet", "Southern Norway", "South Norway"), ("Agder",)),
)
_BY_NAME = {written.casefold(): (name, counties)
            for name, names, counties in _REGIONS for written in names}
_PATTERN = re.compile(
    r"(?<![\w-])(?P<name>" + "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_BY_NAME, key=len, reverse=True))
    + r")s?(?![\w-])", re.IGNORECASE)
# «Høgskulen på Vestlandet», «Sørlandet sykehus», «KS Vestlandet»: a body's name, not a place
_BODY_BEFORE = re.compile(r"(?:høgskulen|høgskolen|høyskolen|universitetet|sykehuset|ks)\s+"
                          r"(?:på|i)?\s*$", re.IGNORECASE)
_BODY_AFTER = re.compile(r"^\s+(?:sykehus|sjukehus|HF)\b", re.IGNORECASE)


def regions_in(text: str) -> list[Region]:
    """The parts of the country `text` names, once each, in order of mention."""
    found: dict[str, Region] = {}
    for match in _PATTERN.finditer(text):
        if _BODY_BEFORE.search(text[:match.start()]) or _BODY_AFTER.match(text[match.end():]):
            continue
        name, counties = _BY_NAME[" ".join(match.group("name").split()).casefold()]
        found.setdefault(name, Region(match.group("name"), name, counties))
    return list(found.values())
