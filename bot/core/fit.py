"""How well a document's metadata fits what the question names: place, year, document type.

+1 when it matches, -1 when the question names something else, 0 when the document does not
say. Used softly (retrieval weighting, a feature of the answer model), never as a hard filter:
metadata can be missing or wrong, and a question about Kvam may be answered by a Vestland call.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import mean

from bot.core.question import Question
from bot.core.question_values import Place
from indexer.models import DocType, DocumentMeta

# Documents written for a whole county (or several): their municipality names are examples or
# the county's members, not what the document is about.
COUNTY_WIDE = frozenset({DocType.UTLYSNING, DocType.RETNINGSLINJE, DocType.INVITASJON})


def place_fit(question: Question, meta: DocumentMeta) -> float:
    """A document about one of several places asked («i Viken, Trøndelag og Møre og Romsdal»)
    fits by its share of them; only one about none of them is another place's."""
    places = _most_specific(question.places)
    if not places:
        return 0.0
    fits = [_one_place(place, meta) for place in places]
    positive = [f for f in fits if f > 0]
    return sum(positive) / len(fits) if positive else mean(fits)


def _most_specific(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """«Horten … i Statsforvalteren i Vestfold og Telemark sitt tilsyn»: the county a named
    municipality lies in only says where it is; Holmestrand's report is still another place's."""
    within = {c for p in places if p.kind != "county" for c in p.counties}
    return tuple(p for p in places if p.kind != "county" or not (p.all_names & within))


def year_fit(question: Question, meta: DocumentMeta) -> float:
    span = question.years
    if span is None or (span.first <= 0 and span.last >= 9999):
        return 0.0
    # «Veileder for landsomfattende tilsyn 2022–2023» is about 2023 too; «Utlysning av
    # stimuleringsmidler 2026», published in November 2025, is about 2026
    if any(year in span for year in title_years(meta.title)):
        return 1.0
    year = meta.known_year
    if year is None:
        return 0.0
    if year in span:
        return 1.0
    if in_force(meta, span.first):
        return 0.0  # it may well be that year's rules
    return -1.0 if question.years_tied or span.single is not None else -0.5


def in_force(meta: DocumentMeta, year: int) -> bool:
    """Guidelines hold until replaced: the Trøndelag guideline of January 2022, titled for no
    year, may be the rules of 2024. A call or a report is its own year's."""
    written = meta.known_year
    return (meta.doc_type == DocType.RETNINGSLINJE and written is not None
            and written < year and not title_years(meta.title))


_TITLE_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[–-]\s*((?:19|20)\d\d))?(?!\d)")


def title_years(title: str) -> set[int]:
    """The years a title names, a span («2022–2023») with every year in it."""
    years: set[int] = set()
    for first, last in _TITLE_YEARS.findall(title):
        years.update(range(int(first), int(last or first) + 1))
    return years


def title_year(title: str) -> int | None:
    """The one year a title says it is for («Utlysning av stimuleringsmidler 2026»), where
    `title_years` also counts a span's years and a date's («Referat 18.11.2026»)."""
    years = {int(y) for y in _OWN_TITLE_YEAR.findall(title)}
    return years.pop() if len(years) == 1 else None


_OWN_TITLE_YEAR = re.compile(r"(?<![.\d/-])((?:19|20)\d\d)\b(?![.\d/-]\d)")  # not 18.11.2026


def type_fit(question: Question, meta: DocumentMeta) -> float:
    if not question.doc_types_named:  # «Nådde de målet?»: a final report says what was reached
        return 1.0 if question.outcome and meta.doc_type == DocType.SLUTTRAPPORT else 0.0
    return 1.0 if meta.doc_type in question.doc_types_named else -1.0


def finding(question: Question) -> Question:
    """The question as it finds documents: a year only a later part names («Hvor mye flyttes
    med reformen, og hvorfor er det lavere i 2022?») asks about the main part's document, and
    must not pull in other documents of that year."""
    parts = question.parts
    later = len(parts) > 1 and parts[0].years is None and question.years is not None
    return replace(question, years=None) if later else question


def metadata_fit(question: Question, meta: DocumentMeta) -> float:
    """How far a document is the one asked about. A year counted from today («Når er fristen
    for tilskuddet i år?») is what the user hopes for, not what they know: the one call there
    is, of 2023, is still the document to find (and the answer then says its year)."""
    year = 0.0 if question.years_relative else year_fit(question, meta)
    parts = [f for f in (place_fit(question, meta), year, type_fit(question, meta)) if f]
    return mean(parts) if parts else 0.0


def _one_place(place: Place, meta: DocumentMeta) -> float:
    counties = {c.strip() for c in (meta.county or "").split(",") if c.strip()}
    counties |= {c.strip() for c in (meta.current_county or "").split(",") if c.strip()}
    counties |= {m.county for m in meta.municipalities} | {
        c.strip() for m in meta.municipalities for c in m.current_county.split(",")}
    if place.kind == "county":
        then = {meta.county or "", *(m.county for m in meta.municipalities)}
        if meta.municipalities and then & set(place.former_in_part):
            # Kongsberg's project of Viken's years is Buskerud's, not Østfold's: a county that
            # holds part of a former one fits by where the document's municipalities lie now
            numbers = set(place.numbers)
            return 1.0 if any(numbers & set(m.current_numbers) for m in meta.municipalities) \
                else -1.0
        if counties & place.all_names:
            return 1.0
        return -1.0 if counties else 0.0
    numbers = set(place.numbers)
    if any(numbers & set(m.current_numbers) for m in meta.municipalities):
        return 1.0
    if meta.municipalities and meta.doc_type not in COUNTY_WIDE:
        return -1.0  # Holmestrand's inspection report is not Sandefjord's, same county or not
    if counties & set(place.counties):
        return 0.5  # a county's call or guideline applies to its municipalities
    if meta.municipalities:
        return -1.0
    return -0.5 if counties else 0.0
