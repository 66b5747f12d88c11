"""One project as a catalogue answer shows it: the places the documents named (today's names
beside former ones, «Søgne (nå Kristiansand)»), its period, title and themes, the spans each
rests on, cited, and its row of the answer's typed table.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from bot.core.cite import CitationBook
from bot.core.models import Language
from bot.core.payloads import Period, Place, ProjectRow
from bot.core.phrases import period_label as _period_phrase
from bot.core.phrases import places_label, quote_title
from indexer.catalogue import Evidence, ProjectMunicipality, ProjectRecord
from indexer.catalogue.fields import period_days
from indexer.text.themes import label


class SpanChunk(NamedTuple):
    """The parts of a Chunk that CitationBook reads; building full models per row cost more
    than the rest of a long list answer."""

    chunk_id: str
    section: str | None


class SpanDocument(NamedTuple):
    doc_id: str
    source: str
    title: str
    date: dt.date | None


class Citer:
    """Numbers catalogue spans: the same span in one answer always gets the same number."""

    def __init__(self, book: CitationBook) -> None:
        self.book = book
        self._numbers: dict[tuple[str, int, int], int] = {}

    def __call__(self, evidence: Evidence) -> int:
        key = (evidence.doc_id, evidence.start, evidence.end)
        if key not in self._numbers:
            chunk = SpanChunk(evidence.chunk_id or f"{evidence.doc_id}:{evidence.start}",
                              evidence.section)  # fmt: skip
            document = SpanDocument(evidence.doc_id, evidence.source, evidence.title,
                                    evidence.date)  # fmt: skip
            self._numbers[key] = self.book.cite(chunk, document,  # type: ignore[arg-type]
                                                snippet=evidence.quote)
        return self._numbers[key]


def shown_places(project: ProjectRecord) -> list[ProjectMunicipality]:
    """Leave out today's Øygarden when an earlier document already gave "Fjell (nå Øygarden)".

    Within one document both names stay: "Trondheim … sammen med tidligere Klæbu" names two.
    """
    shown: dict[str, ProjectMunicipality] = {}
    for place in project.municipalities:
        if _named_before(place, project.municipalities):
            continue
        known = shown.get(place.name)
        if known is None or (known.role == "deltaker" and place.role == "vertskommune"):
            shown[place.name] = place
    return list(shown.values())


def _named_before(place: ProjectMunicipality, places: list[ProjectMunicipality]) -> bool:
    if place.kommunenummer not in place.current_numbers:
        return False  # a former municipality is always shown as written
    when = place.evidence.date
    return any(
        other.kommunenummer != place.kommunenummer
        and place.kommunenummer in other.current_numbers
        and other.evidence.doc_id != place.evidence.doc_id
        and (when is None or other.evidence.date is None or other.evidence.date < when)
        for other in places
    )


def as_place(place: ProjectMunicipality) -> Place:
    now = place.current_name if place.current_name != place.name else None
    return Place(name=place.name, now=now or None, host=place.role == "vertskommune")


def place_labels(project: ProjectRecord, lang: Language) -> str:
    return places_label([as_place(p) for p in shown_places(project)], lang)


def title_of(project: ProjectRecord) -> str:
    return quote_title(project.title, project.quoted)


def themes_of(project: ProjectRecord, lang: Language) -> str:
    return ", ".join(label(k, lang) for k in project.theme_keys)


def period_of(project: ProjectRecord) -> Period | None:
    """The stated project period; without one, the years documents speak of the project."""
    years = project.years()
    if years is None:
        return None
    stated = project.start_year is not None
    start, end = _stated_days(project) if stated else (None, None)
    return Period(first=years[0], last=years[1], stated=stated, start=start, end=end)


def _stated_days(project: ProjectRecord) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the period line the years were read from, when it writes
    them as dates («Prosjektperiode: 1. januar 2019 – 31. mars 2021 (forlenget fra …)»)."""
    days = period_days(project.period_evidence.quote) if project.period_evidence else None
    if days is None or days[0].year != project.start_year or days[1] < days[0]:
        return None, None
    return days


def period_label(project: ProjectRecord, lang: Language = "nb", days: bool = False) -> str:
    return _period_phrase(period_of(project), lang, days)


def home_county(project: ProjectRecord) -> str | None:
    """Today's county the list files the project under — the store's list order uses the same
    rule (the first in alphabetical order); None when no document says."""
    counties = [m.current_county for m in project.municipalities if m.current_county]
    return min(counties) if counties else project.current_county


def table_row(project: ProjectRecord, places: list[Place], numbers: list[int]) -> ProjectRow:
    budget, applied, granted, spent, own = (
        project.amount(k) for k in ("budsjett", "søkt", "tildelt", "forbruk", "egenandel"))
    return ProjectRow(
        title=project.title, quoted=project.quoted, places=places, county=home_county(project),
        period=period_of(project), themes=list(project.theme_keys),
        budget=budget.nok if budget else None, applied=applied.nok if applied else None,
        granted=granted.nok if granted else None, spent=spent.nok if spent else None,
        own_share=own.nok if own else None, citations=sorted(set(numbers)),
    )


def evidence(project: ProjectRecord, amounts: list[Evidence] | None = None) -> list[Evidence]:
    """What a row cites: the first sentence per document naming its places (on a money row,
    the sentences of its amounts), the sentences its themes were read from, and at least one
    span of every document about the project."""
    chosen: dict[tuple[str, int, int], Evidence] = {}
    if amounts is None:
        firsts: dict[str, Evidence] = {}
        for place in project.municipalities:
            firsts.setdefault(place.evidence.doc_id, place.evidence)
        amounts = list(firsts.values())
    for ev in [*amounts, *(tag.evidence for tag in project.themes)]:
        chosen.setdefault((ev.doc_id, ev.start, ev.end), ev)
    cited = {e.doc_id for e in chosen.values()}
    for source in project.sources:
        if source.doc_id not in cited:
            chosen[(source.doc_id, source.start, source.end)] = source
            cited.add(source.doc_id)
    return list(chosen.values())
