"""The controlled theme vocabulary of the project catalogue, with Bokmål, Nynorsk and English stems.

Documents and questions are matched with the same lexicon, so "fosterheimar", "fosterhjemmene",
"fosterhjemsprosjektet" and "foster care" all land on the theme `fosterhjem`. Terms are word
stems matched at the start of a word (which covers inflection and compounds whose first part is
the stem); a leading `*` also matches inside a compound ("*konflikt" in "foreldrekonflikt"), and
a term with a space is a phrase. Add a theme by adding one `Theme` to `THEMES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple


@dataclass(frozen=True)
class Theme:
    key: str  # stable id stored in the catalogue
    nb: str
    nn: str
    en: str
    terms: tuple[str, ...]

    def label(self, language: str) -> str:
        return {"nn": self.nn, "en": self.en}.get(language, self.nb)


THEMES: tuple[Theme, ...] = (
    Theme("fosterhjem", "fosterhjem", "fosterheim", "foster care", (
        "fosterhjem", "fosterheim", "fosterforeld", "fosterfamil", "fosterbarn", "fosterforelder",
        "foster care", "foster home", "foster famil", "foster parent",
    )),
    Theme("høykonflikt", "høykonflikt", "høgkonflikt", "high-conflict cases", (
        "høykonflikt", "høgkonflikt", "høy konflikt", "høg konflikt", "*foreldrekonflikt",
        "konfliktsak", "konfliktdempende", "high-conflict", "high conflict",
    )),
    Theme("barnesamtaler", "barnesamtaler og dokumentasjon", "barnesamtalar og dokumentasjon",
          "child conversations and documentation", (
        "barnesamtal", "samtaler med barn", "samtalar med barn", "samtale med barn",
        "child conversation", "conversations with children", "talking with children",
    )),
    Theme("tverrfaglig", "tverrfaglig samarbeid", "tverrfagleg samarbeid",
          "interdisciplinary cooperation", (
        "tverrfagl", "tverretatl", "tverr-fagl", "interdisciplinary", "cross-sector",
        # «samarbeid mellom barnevern og skule»: the services working together are the theme
        "barnevern og skole", "barnevern og skule", "barnevernet og skolen", "barnevernet og skulen",
        "barnevern og barnehage", "barnevernet og barnehagen", "child welfare and school",
    )),
    Theme("vold-overgrep", "vold og overgrep", "vald og overgrep", "violence and abuse", (
        "vold og overgrep", "vald og overgrep", "overgrep", "barnehus", "violence", "abuse",
    )),
    # before «abuse»: «substance abuse» is parents' drinking or drugs, not violence
    Theme("rus", "rus", "rus", "substance abuse", (
        "rusmisbruk", "rusproblem", "rusavhengig", "rusmiddel", "rusmidlar", "rusbruk", "ruslidin",
        "ruslidels", "rusbehandl", "rusforebygg", "ruser seg", "rusar seg", "ruse seg", "med rus",
        "substance abuse", "substance misuse", "drug abuse",
        "alcohol abuse", "addiction", "alcohol", "drugs",
    )),
    Theme("ettervern", "ettervern", "ettervern", "aftercare", (
        "ettervern", "aftercare", "after-care", "leaving care", "care leavers",
    )),
    Theme("ledelse-kvalitet", "ledelse og kvalitet", "leiing og kvalitet",
          "leadership and quality", (
        "kvalitetssystem", "kvalitetshåndbok", "kvalitetshandbok", "internkontroll",
        "lederutvikling", "leiarutvikling", "barnevernsledelse", "barnevernsleiing",
        "ledelse og kvalitet", "leiing og kvalitet", "avvikssystem", "quality system",
        "internal control", "leadership",
    )),
    Theme("foreldrestøtte", "foreldrestøtte", "foreldrestøtte", "parenting support", (
        "foreldrestøtt", "foreldreveiled", "foreldrerettleiing", "foreldregrupp", "icdp",
        "parenting support", "parent support", "parenting programme", "parent groups",
        "parental support", "parental guidance", "parenting guidance",
    )),
    Theme("tidlig-innsats", "tidlig innsats", "tidleg innsats", "early intervention", (
        "tidlig innsats", "tidleg innsats", "tidlig inn", "tidleg inn", "bedre tverrfaglig innsats",
        "early intervention",
    )),
    Theme("rekruttering-stabilitet", "rekruttering og stabilitet", "rekruttering og stabilitet",
          "staff recruitment and retention", (
        "rekruttering og stabilitet", "rekrutteringsplan", "stabilitet i barnevern",
        "ledige stilling", "rekruttere og beholde", "turnover", "staff recruitment",
        "staff retention",
    )),
    Theme("hjelpetiltak", "hjelpetiltak", "hjelpetiltak", "support measures", (
        "hjelpetiltak", "support measures",
    )),
    Theme("samvær", "samvær og gjenforening", "samvær og gjenforeining",
          "contact and reunification", (
        "samvær", "gjenforening", "gjenforeining", "reunification",
    )),
    Theme("minoriteter", "minoriteter", "minoritetar", "minorities", (
        "minoritet", "minorities", "flerkulturell", "fleirkulturell",
    )),
)  # fmt: skip

BY_KEY: dict[str, Theme] = {theme.key: theme for theme in THEMES}


class ThemeHit(NamedTuple):
    key: str
    start: int
    end: int
    text: str


def find_themes(text: str) -> list[ThemeHit]:
    """Every theme term in `text` with its span, in order of appearance."""
    hits: list[ThemeHit] = []
    for match in _pattern().finditer(text):
        key = _owner(match)
        if key is not None:
            hits.append(ThemeHit(key, match.start(), match.end(), match.group()))
    return hits


def themes_in(text: str) -> list[str]:
    """Theme keys named in `text`, once each, in order of first mention."""
    return list(dict.fromkeys(hit.key for hit in find_themes(text)))


def label(key: str, language: str = "nb") -> str:
    theme = BY_KEY.get(key)
    return theme.label(language) if theme else key


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    groups = []
    for index, theme in enumerate(THEMES):
        alternatives = sorted((_term_regex(t) for t in theme.terms), key=len, reverse=True)
        groups.append(f"(?P<t{index}>{'|'.join(alternatives)})")
    return re.compile("|".join(groups), re.IGNORECASE)


def _term_regex(term: str) -> str:
    inside = term.startswith("*")
    words = term.lstrip("*").split()
    body = r"\s+".join(re.escape(w) for w in words)
    start = r"\w*" if inside else r"(?<!\w)"
    return rf"{start}{body}\w*"


def _owner(match: re.Match[str]) -> str | None:
    for name, value in match.groupdict().items():
        if value is not None:
            return THEMES[int(name[1:])].key
    return None
