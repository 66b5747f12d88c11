"""Metadata filters read from a question: year, county, municipality, document type.

Place and type filters are hard (a question about Innlandet must not be answered from Vestland
documents); a bare year is soft (a 2020 project description may well answer a question about
2018), unless it is tied to a document ("i referatet fra 2018"), then it is hard too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.models import DocType, DocumentMeta
from indexer.text.dates import find_dates
from indexer.text.places import Gazetteer

# A document type filters only when the question points at such a document: a definite form
# ("i referatet", "retningslinjene") or "the minutes"; "et utkast til retningslinjer" is a topic.
_TYPE_WORDS: tuple[tuple[re.Pattern[str], frozenset[DocType]], ...] = (
    (re.compile(r"\b(referatet|referata|referatene|møtereferatet|the minutes|minutes of)\b", re.I),
     frozenset({DocType.REFERAT})),
    (re.compile(r"\b(retningslinjene|retningslinene|the guidelines)\b", re.I),
     frozenset({DocType.RETNINGSLINJE})),
    (re.compile(r"\b(utlysningen|utlysinga|utlysingen|invitasjonen|the call( for "
                r"(applications|proposals))?)\b", re.I),
     frozenset({DocType.UTLYSNING, DocType.INVITASJON})),
    (re.compile(r"\b(prosjektbeskrivelsen|prosjektskildringa|the project description)\b", re.I),
     frozenset({DocType.PROSJEKTBESKRIVELSE})),
    (re.compile(r"\b(sluttrapporten|the final report)\b", re.I),
     frozenset({DocType.SLUTTRAPPORT})),
)
_YEAR = re.compile(r"(?<!\d)(20[0-4]\d|19[89]\d)(?!\d)")
_YEAR_TIED = re.compile(
    r"\b(referat\w*|møte\w*|samling\w*|utlysning\w*|minutes|meeting)\s+(fr[aå]|i|of|in)\s+"
    r"(\d{1,2}\.?\s*\w*\s*)?(20[0-4]\d)", re.I)


@dataclass
class Filters:
    doc_types: set[DocType] = field(default_factory=set)
    counties: set[str] = field(default_factory=set)  # as named in the question
    municipalities: set[str] = field(default_factory=set)  # today's kommunenummer
    years: set[int] = field(default_factory=set)
    years_hard: bool = False
    dates: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not (self.doc_types or self.counties or self.municipalities or self.years_hard)


def read_filters(text: str, gazetteer: Gazetteer) -> Filters:
    filters = Filters()
    for pattern, types in _TYPE_WORDS:
        if pattern.search(text):
            filters.doc_types |= types
    filters.counties = set(gazetteer.find_counties(text))
    for mention in gazetteer.find_municipalities(text, None, None, lenient=True):
        filters.municipalities.update(mention.current_numbers)
    dates = find_dates(text)
    filters.dates = {d.date.isoformat() for d in dates}
    filters.years = {int(y) for y in _YEAR.findall(text)} | {d.date.year for d in dates}
    filters.years_hard = bool(_YEAR_TIED.search(text)) or bool(dates and filters.doc_types)
    return filters


def allowed_documents(
    filters: Filters, documents: list[DocumentMeta], gazetteer: Gazetteer
) -> list[DocumentMeta] | None:
    """Documents that pass the hard filters, or None when the question sets none."""
    if filters.empty:
        return None
    kept = []
    for meta in documents:
        if filters.doc_types and meta.doc_type not in filters.doc_types:
            continue
        if filters.counties and not _in_counties(meta, filters.counties, gazetteer):
            continue
        if filters.municipalities and not _has_municipality(meta, filters.municipalities):
            continue
        if filters.years_hard and filters.years and not _in_years(meta, filters):
            continue
        kept.append(meta)
    return kept


def _in_counties(meta: DocumentMeta, counties: set[str], gazetteer: Gazetteer) -> bool:
    for county in counties:
        today = gazetteer.current_county(county)
        if county == today:  # a current county also covers its predecessors
            if meta.current_county == today or any(
                m.current_county == today for m in meta.municipalities
            ):
                return True
        elif meta.county == county or any(m.county == county for m in meta.municipalities):
            return True
    return False


def _has_municipality(meta: DocumentMeta, numbers: set[str]) -> bool:
    return any(set(m.current_numbers) & numbers for m in meta.municipalities)


def _in_years(meta: DocumentMeta, filters: Filters) -> bool:
    if meta.date is None:
        return False
    if filters.dates:
        return meta.date.isoformat() in filters.dates
    return meta.date.year in filters.years
