"""One project as a catalogue answer shows it: the places the documents named (today's names
beside former ones), its period and title, and its row of the answer's typed table.
"""

from __future__ import annotations

from bot.core.models import Language
from bot.core.payloads import Period, Place, ProjectRow
from bot.core.phrases import period_label as _period_phrase
from bot.core.phrases import place_label, places_label, quote_title
from indexer.catalogue import ProjectMunicipality, ProjectRecord


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


def place_label_of(place: ProjectMunicipality, lang: Language, with_role: bool = True) -> str:
    return place_label(as_place(place), lang, with_role)


def place_labels(project: ProjectRecord, lang: Language) -> str:
    return places_label([as_place(p) for p in shown_places(project)], lang)


def title_of(project: ProjectRecord) -> str:
    return quote_title(project.title, project.quoted)


def period_of(project: ProjectRecord) -> Period | None:
    """The stated project period; without one, the years documents speak of the project."""
    years = project.years()
    if years is None:
        return None
    return Period(first=years[0], last=years[1], stated=project.start_year is not None)


def period_label(project: ProjectRecord, lang: Language = "nb") -> str:
    return _period_phrase(period_of(project), lang)


def table_row(project: ProjectRecord, places: list[Place], numbers: list[int]) -> ProjectRow:
    budget, applied, granted = (project.amount(k) for k in ("budsjett", "søkt", "tildelt"))
    return ProjectRow(
        title=project.title, quoted=project.quoted, places=places, county=county_of(project),
        period=period_of(project), themes=list(project.theme_keys),
        budget=budget.nok if budget else None, applied=applied.nok if applied else None,
        granted=granted.nok if granted else None, citations=sorted(set(numbers)),
    )


def county_of(project: ProjectRecord) -> str | None:
    """Today's county the project is listed under; None when no document says."""
    counties = project.current_counties or [project.current_county or ""]
    return counties[0] or None
