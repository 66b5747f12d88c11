"""Municipalities and counties with their history, from SSB's KLASS 131/104 (see data/SOURCES.md).

A document from 2018 says "Fjell" and "Hordaland"; users ask about "Øygarden" and "Vestland".
The Gazetteer answers both ways, always at a date, and finds the names in free text without
turning every "vik", "time" or a person called "Bø" into a municipality.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from indexer.models import MunicipalityMention
from indexer.text.place_mentions import accepted_names
from indexer.text.place_records import (
    County,
    Municipality,
    nearest,
    read_counties,
    read_municipalities,
)

__all__ = ["County", "Gazetteer", "Municipality"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
# A split county's successor must have received this share of its municipalities to count.
_SUCCESSOR_SHARE = 0.2
_SUFFIX = re.compile(r"\s+(?:kommune|herad|herred)$", re.IGNORECASE)


class Gazetteer:
    """Read-only lookups over the SSB tables; build once with `load` and pass it in."""

    def __init__(self, municipalities: Iterable[Municipality], counties: Iterable[County]) -> None:
        self._munis = {m.number: m for m in municipalities}
        self._counties = {c.number: c for c in counties}
        self._by_name: dict[str, list[Municipality]] = defaultdict(list)
        for muni in self._munis.values():
            for name in (muni.name, *muni.alt_names):
                self._by_name[name.casefold()].append(muni)
        self._counties_by_name: dict[str, list[County]] = defaultdict(list)
        for county in self._counties.values():
            for name in (county.name, *county.alt_names):
                self._counties_by_name[name.casefold()].append(county)
        self.municipality_names: frozenset[str] = frozenset(
            name for m in self._munis.values() for name in (m.name, *m.alt_names)
        )
        self.county_names: frozenset[str] = frozenset(
            name for c in self._counties.values() for name in (c.name, *c.alt_names)
        )
        self._county_pattern = _county_pattern(self.county_names, self.municipality_names)
        self._merged: frozenset[str] | None = None
        self._first_words: dict[str, list[str]] = defaultdict(list)
        for name in sorted(self.municipality_names, key=len, reverse=True):
            self._first_words[re.split(r"[ -]", name, maxsplit=1)[0]].append(name)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        folder = data_dir or DATA_DIR
        return cls(
            read_municipalities(folder / "kommuner.csv"), read_counties(folder / "fylker.csv")
        )

    # --- municipalities -------------------------------------------------------------------

    def is_place(self, name: str) -> bool:
        """A municipality or county by any of its names, now or before."""
        return name in self.municipality_names or name in self.county_names

    def municipality(self, number: str) -> Municipality | None:
        return self._munis.get(number)

    def municipalities(self) -> list[Municipality]:
        """Every municipality SSB lists, past and present."""
        return list(self._munis.values())

    def municipality_at(
        self, name: str, on: dt.date | None = None, county_hint: str | None = None
    ) -> list[Municipality]:
        """Municipalities called `name` (any SSB form) on `on`; nearest in time if none then.

        Several results mean the name is ambiguous (Os, Nes, Bø …) and `county_hint` did not
        settle it. Without a date the latest numbers win.
        """
        candidates = self._by_name.get(_key(name), [])
        if county_hint:
            in_county = [m for m in candidates if self._in_county(m, county_hint)]
            candidates = in_county or candidates
        return nearest(candidates, on or dt.date.max)

    def current_municipality_numbers(self, name: str, county_hint: str | None = None) -> list[str]:
        """Today's numbers for every municipality that has been called `name`."""
        candidates = self._by_name.get(_key(name), [])
        if county_hint:
            candidates = [m for m in candidates if self._in_county(m, county_hint)] or candidates
        return sorted({n for m in candidates for n in m.current_numbers})

    def former_names(self, current_name: str) -> set[str]:
        """Every name the municipality now called `current_name` has had, that name included."""
        today = {m.number for m in self._by_name.get(_key(current_name), []) if m.valid_to is None}
        return {m.name for m in self._munis.values() if today & set(m.current_numbers)}

    def merged_numbers(self) -> frozenset[str]:
        """Every number, no longer in use, of a municipality merged with another or split since:
        Fjell and Sund (now Øygarden), Sande and the old Holmestrand, Tysfjord; not Kvam's old
        number, only renumbered, nor today's Trondheim, which Klæbu joined."""
        if self._merged is None:
            names: dict[str, set[str]] = defaultdict(set)
            for muni in self._munis.values():
                for number in muni.current_numbers:
                    names[number].add(muni.name.casefold())
            self._merged = frozenset(
                m.number for m in self._munis.values() if m.valid_to is not None and (
                    len(m.current_numbers) > 1 or any(len(names[n]) > 1
                                                      for n in m.current_numbers)))
        return self._merged

    def current_names(self, muni: Municipality) -> list[str]:
        return [self._munis[n].name for n in muni.current_numbers]

    def name_now(self, muni: Municipality, written: str) -> str | None:
        """Today's name(s) of a municipality, written `written`, that has merged since
        («Søgne» → «Kristiansand»); None when it is still what it was."""
        today = ", ".join(self.current_names(muni))
        return today if muni.valid_to is not None and today != written else None

    def current_counties_of(self, muni: Municipality) -> list[str]:
        return _unique(self._munis[n].county for n in muni.current_numbers)

    def mention(self, muni: Municipality, written: str | None = None) -> MunicipalityMention:
        return MunicipalityMention(
            name=written or muni.name,
            kommunenummer=muni.number,
            county=muni.county,
            current_numbers=list(muni.current_numbers),
            current_name=", ".join(self.current_names(muni)),
            current_county=", ".join(self.current_counties_of(muni)),
        )

    def find_municipalities(
        self,
        text: str,
        on: dt.date | None = None,
        county_hint: str | None = None,
        *,
        lenient: bool = False,
        unsettled: bool = False,
    ) -> list[MunicipalityMention]:
        """Municipalities named in `text`, resolved at `on`, once each, in order of mention.

        `lenient` accepts capitalised common-word names (Vik, Time …) mid-sentence without
        further context; meant for short user questions, not documents. `unsettled` keeps a
        name nothing settles (Herøy in Møre og Romsdal or in Nordland) as each municipality
        it may be: a question naming it asks about one of them, never about none.
        """
        known = self.municipality_names | self.county_names
        names = accepted_names(text, self._first_words, known, lenient)
        return self._resolve(names, on, county_hint, unsettled)

    # --- counties -------------------------------------------------------------------------

    def county_at(self, name: str, on: dt.date | None = None) -> County | None:
        """The county called `name` (or an alias such as "Trööndelage") on `on`, else nearest."""
        found = nearest(self._counties_by_name.get(_key(name), []), on or dt.date.max)
        return found[0] if found else None

    def current_counties(self, name: str) -> list[str]:
        """Today's county or counties for a county name, current or historic (Viken → three)."""
        counties = self._counties_by_name.get(_key(name), [])
        if not counties:
            return []
        alive = [c.name for c in counties if c.valid_to is None]
        if alive:
            return _unique(alive)
        graph = {self._counties[n].name for c in counties for n in self._successors(c.number)}
        numbers = {c.number for c in counties}
        shares = Counter(
            self._munis[n].county
            for m in self._munis.values()
            if m.county_number in numbers
            for n in m.current_numbers
        )
        total = sum(shares.values()) or 1
        kept = {c for c, k in shares.items() if k / total >= _SUCCESSOR_SHARE and c in graph}
        return sorted(kept or graph, key=self._current_county_number)

    def today_counties(self) -> list[str]:
        """Every county that exists today, in SSB's number order."""
        alive = sorted((c for c in self._counties.values() if c.valid_to is None),
                       key=lambda c: c.number)
        return _unique(c.name for c in alive)

    def current_county(self, name: str) -> str | None:
        """Today's county for `name` (Hordaland → Vestland); a split county gives "A, B, C"."""
        return ", ".join(self.current_counties(name)) or None

    def historic_counties(self, current: str) -> set[str]:
        """Every county name that now lies in `current` (Vestland → Hordaland, Sogn og Fjordane)."""
        targets = set(self.current_counties(current))
        return {
            c.name for c in self._counties.values() if targets & set(self.current_counties(c.name))
        }

    def find_counties(self, text: str) -> list[str]:
        """County names in `text` (aliases mapped to the SSB name), once each, in order."""
        found: list[str] = []
        for match in self._county_pattern.finditer(text):
            if match.group("name") is None:
                continue  # a municipality such as "Indre Østfold"
            name = self._counties_by_name[match.group("name").casefold()][0].name
            if name not in found:
                found.append(name)
        return found

    # --- internals ------------------------------------------------------------------------

    def _successors(self, number: str) -> set[str]:
        county = self._counties[number]
        if not county.replaced_by:
            return {number}
        return {s for n in county.replaced_by if n in self._counties for s in self._successors(n)}

    def _current_county_number(self, name: str) -> str:
        alive = [c for c in self._counties_by_name[name.casefold()] if c.valid_to is None]
        return alive[0].number if alive else name

    def _in_county(self, muni: Municipality, county: str) -> bool:
        if muni.county.casefold() == county.casefold():
            return True
        return bool(set(self.current_counties_of(muni)) & set(self.current_counties(county)))

    def _resolve(
        self, names: list[str], on: dt.date | None, county_hint: str | None,
        unsettled: bool = False,
    ) -> list[MunicipalityMention]:
        """Names to mentions; an ambiguous name takes the county most other names point to."""
        options = [(name, self.municipality_at(name, on, county_hint)) for name in names]
        counties = Counter(
            county for _, found in options if len(found) == 1
            for county in self.current_counties_of(found[0])
        )  # fmt: skip
        mentions: dict[str, MunicipalityMention] = {}
        for written, found in options:
            if len(found) > 1 and counties:
                top = counties.most_common(1)[0][0]
                found = [m for m in found if top in self.current_counties_of(m)]
            for one in found if unsettled or len(found) == 1 else ():
                if one.number not in mentions:
                    mentions[one.number] = self.mention(one, written)
        return list(mentions.values())


def _key(name: str) -> str:
    return _SUFFIX.sub("", " ".join(name.split())).casefold()


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _county_pattern(counties: Iterable[str], municipalities: Iterable[str]) -> re.Pattern[str]:
    """County names as whole words; "Indre Østfold" (a municipality) is matched and skipped."""
    blockers = [m for m in municipalities if any(m.endswith(" " + c) for c in counties)]
    alternatives = sorted(counties, key=len, reverse=True)
    block = "|".join(re.escape(b) for b in blockers) or "(?!)"
    names = "|".join(re.escape(c) for c in alternatives)
    return re.compile(rf"(?<![\w-])(?:(?:{block})|(?P<name>{names}))s?(?!\w)")
