"""Places a question names, with their history both ways (SSB): «Øygarden» also means the
former Fjell and Sund; «Fjell» is today's Øygarden; «Vestland» covers Hordaland, and
«Hordaland» the municipalities that lay there, under whatever name they are filed today.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.core.question_values import Place
from indexer.text.places import Gazetteer
from indexer.text.regions import regions_in
from indexer.text.spelling import without_letters

# Municipality names that are also everyday words: written in lower case, they are the word.
_EVERYDAY = frozenset("sande fjell våler grane stange dovre vegårshei nesset hattfjelldal "
                      "rennebu lunde hitra".split())
_SHORTEST = 5  # shorter lower-case names (Time, Vik, Bø, Os, Nes, Hole) are everyday words


def capitalised(text: str, gazetteer: Gazetteer) -> str:
    """«nar er neste samling i finnmark?»: a chat question's lower-case county, or a
    municipality name no everyday word shares, read as the name it is."""
    by_key, pattern = _lower_names(gazetteer)
    text = pattern.sub(lambda m: by_key[m.group()], text)
    # «fjell kommune», «time kommunes prosjekt»: any name right before «kommune» is the place
    every = _all_lower(gazetteer)
    return _BEFORE_KOMMUNE.sub(lambda m: every.get(m[1], m[1]) + m[2], text)


_BEFORE_KOMMUNE = re.compile(r"(?<![\w-])([a-zæøå]+)(\s+(?:kommune|kommunes|kommun|herad)\b)")


@lru_cache(maxsize=4)
def _all_lower(gazetteer: Gazetteer) -> dict[str, str]:
    return {n.casefold(): n for n in gazetteer.municipality_names if " " not in n}


@lru_cache(maxsize=4)
def _lower_names(gazetteer: Gazetteer) -> tuple[dict[str, str], re.Pattern[str]]:
    by_key = {n.casefold(): n for n in gazetteer.municipality_names
              if len(n) >= _SHORTEST and n.casefold() not in _EVERYDAY}
    by_key |= {n.casefold(): n for n in gazetteer.county_names}
    typed: dict[str, str] = {}  # «Ostfold», «tromso»: typed without æ, ø and å
    for key, name in by_key.items():
        for plain in without_letters(key):
            if plain != key and plain not in by_key and len(plain) >= _SHORTEST:
                typed |= {plain: name, plain[0].upper() + plain[1:]: name}
    by_key |= typed
    names = sorted(by_key, key=len, reverse=True)
    # «i finnmark», and joined by a hyphen to what follows: «i viken-nettverket»
    return by_key, re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def municipalities(text: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """«Os i Hordaland» is Bjørnafjorden's Os, not Innlandet's: a county named beside an
    ambiguous municipality settles it. A name nothing settles (Herøy in Møre og Romsdal or
    Nordland) is one place that may be either. A region named after its town
    («Gjøvikregionen», «Kristiansandsregionen») is that town's municipality."""
    text = _REGION.sub(lambda m: _town(m, gazetteer), text)
    text = _SHARED.sub(lambda m: _sharing(m, gazetteer), text)
    hint = next(iter(gazetteer.find_counties(text)), None)
    mentions = gazetteer.find_municipalities(text, county_hint=hint, lenient=True,
                                             unsettled=True)
    by_name: dict[str, list[Place]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(_municipality(
            gazetteer, m.name, m.kommunenummer, m.current_name, tuple(m.current_numbers),
            _counties(m.county, m.current_county)))
    return tuple(_either(found) for found in by_name.values())


_REGION = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+?)(s?)-?regionen\b")


# «på Toten», «i Slidre»: a region whose municipalities share its name as their last word
_SHARED = re.compile(r"\b(?P<at>i|på|fra|frå|in|from)\s+(?P<name>[A-ZÆØÅ][a-zæøå]{3,})\b")


def _sharing(m: re.Match[str], gazetteer: Gazetteer) -> str:
    """«på Toten» → «på Østre Toten og Vestre Toten»: today's municipalities (two or more)
    whose names end in the region's; the words as written otherwise."""
    if gazetteer.is_place(m["name"]):
        return m[0]
    names = sorted({muni.name for muni in gazetteer.municipalities() if muni.valid_to is None
                    and muni.name.endswith(f" {m['name']}")})
    return f"{m['at']} {' og '.join(names)}" if len(names) >= 2 else m[0]


# «prosjektet i Numedal», «prosjekta på Toten», «projects in Valdres»: a name said as a place
_AS_PLACE = r"(?:i|på|fra|frå|in|from|around)"
MIN_REGION = 4  # letters a region's name has at least («Sogn», «Toten», «Numedal»)


def regions(text: str, named: tuple[str, ...], gazetteer: Gazetteer,
            unlike: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The names a question says as places that no gazetteer holds («i Numedal», «in Valdres»),
    a person's name or a quoted title (`unlike`) aside: regions a document's title may name."""
    return tuple(name for name in named
                 if len(name) >= MIN_REGION and not gazetteer.is_place(name)
                 and name not in unlike
                 and re.search(rf"\b{_AS_PLACE}\s+{re.escape(name)}\b", text, re.I))


def _town(m: re.Match[str], gazetteer: Gazetteer) -> str:
    """«Gjøvikregionen» → «Gjøvik»; «Kristiansandsregionen» → «Kristiansand» (the joining
    «s» dropped where the name without it is the place); the word as written otherwise."""
    for name in (m[1], m[1] + m[2]):
        if gazetteer.is_place(name):
            return name
    return m[0]


def _either(found: list[Place]) -> Place:
    """The municipalities one unsettled name may be, as one place."""
    if len(found) == 1:
        return found[0]

    def joined(values: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(values))
    current = joined(n for p in found for n in p.current_names)
    return Place(
        name=found[0].name, kind="municipality", current_names=current,
        former_names=tuple(sorted({n for p in found for n in p.former_names} - set(current))),
        numbers=joined(n for p in found for n in p.numbers),
        own_numbers=tuple(sorted({n for p in found for n in p.own_numbers})),
        counties=joined(c for p in found for c in p.counties),
    )


def counties(text: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The counties `text` names, and those of a part of the country it names («i Nord-Norge»:
    Nordland, Troms and Finnmark)."""
    named = gazetteer.find_counties(text)
    for region in regions_in(text):
        named += [county for county in region.counties if county not in named]
    return tuple(_county(gazetteer, name) for name in named)


def region_readings(text: str) -> list[tuple[str, str]]:
    """Each part of the country named, as written and as the counties read for it, to show."""
    return [(region.written, ", ".join(region.counties)) for region in regions_in(text)]


def distinct(places: tuple[Place, ...]) -> int:
    """How many places are named, one and its predecessor or successor counted once
    («Hordaland … Vestland» is one county in two names)."""
    groups: list[frozenset[str]] = []
    for place in places:
        if not any(place.all_names & g for g in groups):
            groups.append(place.all_names)
    return len(groups)


def beyond(words: str, named: tuple[Place, ...]) -> bool:
    """Words left after the places named («fra Agder og Rogaland» leaves none)."""
    rest = words
    for place in named:
        rest = rest.replace(place.name, " ")
    return bool(re.sub(r"\b(?:og|and|eller|or|i|in|kommune\w*|fylke\w*|gamle|gamla|"
                       r"tidligere|tidlegare|former|old|(?:lærings)?nettverk\w*|networks?|"
                       r"vårt|vår|våre|vårs|our|the)\b|\W", "", rest,
                       flags=re.I))


# a group that two counties share: «ressursgruppa for Vestland og Rogaland», «the Vestland
# and Rogaland network»
_GROUP = (r"(?:ressursgrupp\w*|styringsgrupp\w*|arbeidsgrupp\w*|(?:lærings)?nettverk\w*|"
          r"samarbeidsforum\w*|forum|(?:resource |steering |working )?groups?|networks?)")
_TOGETHER = r"(?:the\s+)?§\s+(?:og|and|&)\s+(?:the\s+)?§"
_JOINT = re.compile(rf"\b{_GROUP}\s+(?:for|i|in|frå|fra|of)\s+{_TOGETHER}(?!\w)"
                    rf"|{_TOGETHER}(?:['’]s)?\s+(?:\w+\s+)?{_GROUP}\b", re.I)


def joint(text: str, named: tuple[Place, ...]) -> bool:
    """Two counties named as one group's («Når er neste møte i ressursgruppa for Vestland og
    Rogaland?»): the joint network is asked, not each county («… i Viken og Agder?»)."""
    for place in sorted(named, key=lambda p: len(p.name), reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(place.name)}(?!\w)", "§", text, flags=re.I)
    return bool(_JOINT.search(text))


# Merger history does not change while the process runs, and reading it is not free.
@lru_cache(maxsize=1024)
def _municipality(gazetteer: Gazetteer, written: str, number: str, current_name: str,
                  numbers: tuple[str, ...], counties: tuple[str, ...]) -> Place:  # fmt: skip
    current = tuple(n.strip() for n in current_name.split(",") if n.strip())
    former: set[str] = set()
    for name in current:
        former |= gazetteer.former_names(name)
    named = gazetteer.municipality(number)
    own = {m.number for m in gazetteer.municipalities()
           if named and m.name == named.name and set(numbers) & set(m.current_numbers)}  # fmt: skip
    return Place(
        name=written, kind="municipality", current_names=current,
        former_names=tuple(sorted(former - {written, *current})),
        numbers=numbers, own_numbers=tuple(sorted(own)), counties=counties,
    )


@lru_cache(maxsize=256)
def _county(gazetteer: Gazetteer, name: str) -> Place:
    current = tuple(gazetteer.current_counties(name)) or (name,)
    former: set[str] = set()
    for today in current:
        former |= gazetteer.historic_counties(today)
    area = {n for m in gazetteer.municipalities() if m.county == name
            for n in m.current_numbers if _lies_in(gazetteer, n, current)}  # fmt: skip
    former -= {name, *current}
    in_part = {f for f in former if len(gazetteer.current_counties(f)) > 1}
    return Place(name=name, kind="county", current_names=current,
                 former_names=tuple(sorted(former)), numbers=tuple(sorted(area)),
                 former_in_part=tuple(sorted(in_part)))


def _counties(then: str, today: str) -> tuple[str, ...]:
    """The county a municipality lay in, then today's («Hordaland», «Vestland»)."""
    return tuple(dict.fromkeys([then, *(c.strip() for c in today.split(",") if c.strip())]))


def _lies_in(gazetteer: Gazetteer, number: str, counties: tuple[str, ...]) -> bool:
    """Hornindal lay in Sogn og Fjordane, but today's Volda is in Møre og Romsdal: a county
    covers today's municipalities that lie in its own successor."""
    today = gazetteer.municipality(number)
    return today is not None and today.county in counties


# «utenom Karmøy», «bortsett fra dem i Vestland og Rogaland», «outside Nordland», «except Bodø»:
# the places named right after such a word, to the end of the clause, are left out, not asked
# about («utenfor hjemmet i Bodø», «outside office hours in Bergen» leave nothing out)
# The words that leave something out of a list, whatever follows them (a place, a theme)
LEFT_OUT_WORDS = (r"utenom|utanom|unntatt|bortsett\s+fr[aå]|med\s+unntak\s+av|ikke\s+medregnet|"
                  r"ikkje\s+medrekna|(?:ser|sjå|se)\s+(?:bort|vekk)\s+fr[aå]|except(?:\s+for)?|"
                  r"excluding|other\s+than|apart\s+from|ignoring|leaving\s+out|not\s+counting")
_LEFT_OUT = re.compile(
    rf"\b(?i:{LEFT_OUT_WORDS}|utenfor|utanfor|outside(?:\s+of)?)\s+"
    r"(?i:(?:dem|dei|de|those|the\s+ones)\s+)?"
    r"(?i:(?:i|in|fra|frå|from)\s+)?(?P<what>[A-ZÆØÅ][^?.;:!,]*)")


def left_out(text: str) -> tuple[str, str]:
    """The text without its left-out clauses, and those clauses (where the places named are
    the ones to leave out)."""
    spans = list(_LEFT_OUT.finditer(text))
    kept = _LEFT_OUT.sub(" ", text) if spans else text
    return kept, " ".join(m["what"] for m in spans)

