"""One project as a row: its title, its places as written with today's name beside a former one
(«Søgne (nå Kristiansand)»), its period and themes, and the spans each rests on, cited."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from bot.core.cite import CitationBook
from bot.i18n import t
from bot.lists.words import join
from indexer.catalogue import Evidence, ProjectMunicipality, ProjectRecord
from indexer.text.language import Language
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


def title(project: ProjectRecord) -> str:
    return f"«{project.title}»" if project.quoted else project.title


def themes(project: ProjectRecord, lang: Language) -> str:
    return ", ".join(label(k, lang) for k in project.theme_keys)


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


def place_label(name: str, current: str, lang: Language, host: bool = False) -> str:
    """«Fjell (vertskommune, nå Øygarden)»: as written, with today's name beside a former one."""
    notes = [t("lists.host", lang)] if host else []
    if current and current != name:
        notes.append(f"{t('lists.now', lang)} {current}")
    return f"{name} ({', '.join(notes)})" if notes else name


def place_labels(project: ProjectRecord, lang: Language) -> str:
    labels = [place_label(p.name, p.current_name, lang, p.role == "vertskommune")
              for p in shown_places(project)]  # fmt: skip
    return join(labels, lang) if labels else t("lists.no_places", lang)


def period_label(project: ProjectRecord, lang: Language = "nb") -> str:
    """The stated project period; without one, the years documents speak of the project."""
    years = project.years()
    if years is None:
        return ""
    span = str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
    return span if project.start_year is not None else f"{t('lists.mentioned', lang)} {span}"


def home_county(project: ProjectRecord) -> str | None:
    """The county a list files the project under: the same rule as the store's list order."""
    counties = [m.current_county for m in project.municipalities if m.current_county]
    return min(counties) if counties else project.current_county


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
