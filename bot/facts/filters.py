"""Metadata filters from an understood question: year, county, municipality, document type.

Place and type filters are hard (a question about Innlandet must not be answered from Vestland
documents); a bare year is soft (a 2020 project description may well answer a question about
2018), unless it is tied to a document («i referatet fra 2018»), then it is hard too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.question import Question
from indexer.models import DocType, DocumentMeta
from indexer.text.places import Gazetteer


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


def filters_of(question: Question) -> Filters:
    years: set[int] = {d.year for d in question.dates}
    span = question.years
    if span is not None and span.first > 0 and span.last < 9999 and span.last - span.first <= 5:
        years |= set(range(span.first, span.last + 1))
    return Filters(
        doc_types=set(question.doc_types_named),
        counties={c.name for c in question.counties},
        municipalities={n for m in question.municipalities for n in m.numbers},
        years=years,
        years_hard=question.years_tied or bool(question.dates and question.doc_types_named),
        dates={d.isoformat() for d in question.dates},
    )


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
    if filters.dates:
        return meta.date is not None and meta.date.isoformat() in filters.dates
    return meta.known_year in filters.years
