"""Is this a list, count or compare question about projects or municipalities, and for what?

"Hvilke kommuner har hatt prosjekter om fosterhjem?", "Kva kommunar i Vestland …",
"How many projects …", "Gi en oversikt over … prosjektene", "/prosjekter fosterhjem". Anything
else (a fact about one project, a meeting's participants) is left to the other routes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from indexer.catalogue import ProjectQuery
from indexer.models import DocType
from indexer.text.places import Gazetteer
from indexer.text.themes import themes_in

Ask = Literal[
    "municipalities", "projects", "count_projects", "count_municipalities", "amounts", "compare"
]

_COMMAND = re.compile(r"^\s*/(?:prosjekter|prosjekt|projects?)\b", re.IGNORECASE)
_MUNICIPALITIES = re.compile(
    r"\b(?:hvilke|kva(?:\s+for)?|which|what)\s+(?:andre\s+|other\s+)?"
    r"(?:kommuner|kommunane|kommunar|kommunene|municipalities)\b",
    re.IGNORECASE,
)
_PROJECTS = re.compile(
    r"\b(?:hvilke|hvilket|kva(?:\s+for|\s+slags)?|which|what)\s+(?:andre\s+|other\s+|nye\s+)?"
    r"\w*(?:prosjekt|project)\w*",
    re.IGNORECASE,
)
# "Hvilke prosjekter kan få midler?" asks about rules (a call or guideline), not the catalogue.
_RULES = re.compile(
    r"\b(?:prosjekt\w*|projects?|kommuner|kommunar|municipalities)\s+(?:som\s+)?"
    r"(?:kan|skal|bør|må|får|can|should|may|must|could|are eligible)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"\b(?:hvor|kor|how)\s+(?:mange|many)\s+(?:\w+\s+)?(?P<what>\w*(?:prosjekt|project)\w*|"
    r"kommun\w*|municipalit\w*)",
    re.IGNORECASE,
)
_OVERVIEW = re.compile(
    r"\b(?:oversikt|overview|liste?\s+(?:over|opp)|list\s+(?:all|the)|sammenlign\w*|"
    r"samanlikn\w*|compare|summary of all)\b",
    re.IGNORECASE,
)
_PROJECT_WORD = re.compile(r"prosjekt|project", re.IGNORECASE)
_COMPARE = re.compile(r"\b(?:sammenlign\w*|samanlikn\w*|compare|comparison)\b", re.IGNORECASE)
_MONEY = re.compile(
    r"budsjett|budget|stimuleringsmid|beløp|kostnad|midlar|midler|tildel|funding|amount|"
    r"how much|hvor mye|kor mykje|kroner|\bkr\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«([^»]{2,80})»|\"([^\"]{2,80})\"")
_DOC_TYPES: tuple[tuple[re.Pattern[str], DocType], ...] = (
    (re.compile(r"prosjektbeskrivels|prosjektskildring|project description", re.I),
     DocType.PROSJEKTBESKRIVELSE),
    (re.compile(r"sluttrapport|final report", re.I), DocType.SLUTTRAPPORT),
    (re.compile(r"referat|minutes", re.I), DocType.REFERAT),
)  # fmt: skip
_YEAR = r"((?:19|20)\d\d)"
_FROM = re.compile(rf"\b(?:fra|frå|from|since|siden|sidan|etter|after)\s+(?:og med\s+)?{_YEAR}\b",
                   re.IGNORECASE)  # fmt: skip
_BEFORE = re.compile(rf"\b(?:før|before|until|fram til|frem til)\s+{_YEAR}\b", re.IGNORECASE)
_RANGE = re.compile(rf"\b{_YEAR}\s*(?:[–-]|til|to)\s*{_YEAR}\b|\bmellom\s+{_YEAR}\s+og\s+{_YEAR}\b",
                    re.IGNORECASE)  # fmt: skip
_IN_YEAR = re.compile(rf"\b(?:i|in|år|during)\s+{_YEAR}\b", re.IGNORECASE)


@dataclass(frozen=True)
class ListRequest:
    ask: Ask
    query: ProjectQuery
    place_names: list[str] = field(default_factory=list)  # as the question wrote them
    county_names: list[str] = field(default_factory=list)


def route(text: str, gazetteer: Gazetteer) -> ListRequest | None:
    """The list request in `text`, or None when it is not a catalogue question."""
    ask = _ask(text)
    if ask is None:
        return None
    unquoted = _QUOTED.sub(" ", text)
    themes = frozenset(themes_in(text))
    if ask in {"municipalities", "count_municipalities"} and not (
        themes or _PROJECT_WORD.search(text)
    ):
        return None  # "Hvilke kommuner deltok på samlingen?" is about a meeting, not projects
    places = gazetteer.find_municipalities(unquoted, lenient=True)
    current, historic, county_names = _counties(unquoted, gazetteer)
    quoted = _QUOTED.search(text)
    return ListRequest(
        ask=ask,
        query=ProjectQuery(
            themes=themes,
            municipalities=frozenset(n for p in places for n in p.current_numbers),
            current_counties=current,
            counties=historic,
            title=(quoted.group(1) or quoted.group(2)) if quoted else None,
            years=years_in(text),
            doc_types=frozenset(t for pattern, t in _DOC_TYPES if pattern.search(text)),
        ),
        place_names=[p.name for p in places],
        county_names=county_names,
    )


def _ask(text: str) -> Ask | None:
    if _RULES.search(text):
        return None
    count = _COUNT.search(text)
    if count:
        what = count.group("what").casefold()
        places = what.startswith(("kommun", "municip"))
        return "count_municipalities" if places else "count_projects"
    listing = bool(_COMMAND.match(text) or _PROJECTS.search(text) or _MUNICIPALITIES.search(text)
                   or (_OVERVIEW.search(text) and _PROJECT_WORD.search(text)))  # fmt: skip
    if not listing:
        return None
    if _COMPARE.search(text) and _PROJECT_WORD.search(text):
        return "compare"
    if _MONEY.search(text) and _PROJECT_WORD.search(text):
        return "amounts"
    if _MUNICIPALITIES.search(text):
        return "municipalities"
    return "projects"


def _counties(text: str, gazetteer: Gazetteer) -> tuple[frozenset[str], frozenset[str], list[str]]:
    """Today's counties match by today's county; a former county by the county of its time."""
    current: set[str] = set()
    historic: set[str] = set()
    names = gazetteer.find_counties(text)
    for name in names:
        if gazetteer.current_county(name) == name:
            current.add(name)
        else:
            historic.add(name)
    return frozenset(current), frozenset(historic), names


def years_in(text: str) -> tuple[int, int] | None:
    """"fra 2020" → 2020–…, "før 2020" → …–2019, "2019–2021", "i 2018" → 2018–2018."""
    if match := _RANGE.search(text):
        years = [int(y) for y in match.groups() if y]
        return min(years), max(years)
    if match := _FROM.search(text):
        year = int(match.group(1))
        after = match.group(0).casefold().startswith(("etter", "after"))
        return (year + 1 if after else year), 9999
    if match := _BEFORE.search(text):
        return 0, int(match.group(1)) - 1
    if match := _IN_YEAR.search(text):
        return int(match.group(1)), int(match.group(1))
    return None
