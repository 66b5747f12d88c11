"""Extraction with a chat model: structured output into the same records, checked against the text.

The model must quote the sentence each value comes from. A quote that is not in the document,
or a value that is not in its quote (a municipality, a year, an amount, a theme stem), is
dropped: the model may find more than the rules do, but it cannot add what the text does not say.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ValidationError

from indexer.catalogue import about, fields
from indexer.catalogue.fields import Span
from indexer.catalogue.leader import named_leader
from indexer.catalogue.models import (
    Amount,
    AmountKind,
    ProjectMunicipality,
    ProjectRecord,
    Role,
    Tag,
)
from indexer.catalogue.view import DocView, merge_places, merge_tags
from indexer.chat_model import ChatModel
from indexer.text.themes import BY_KEY, ThemeHit, find_themes

MAX_DOCUMENT_CHARS = 24_000
PROMPT = """Du leser ett dokument fra de kommunale læringsnettverkene i barnevernet og finner
prosjektene det beskriver eller nevner. Svar bare med JSON etter dette skjemaet:
{"projects": [{
  "title": {"value": "...", "quote": "..."},
  "municipalities": [{"name": "...", "role": "vertskommune|samarbeidskommune|deltaker",
                      "quote": "..."}],
  "themes": [{"value": "<tema-nøkkel>", "quote": "..."}],
  "period": {"start_year": 2019, "end_year": 2020, "quote": "..."} eller null,
  "amounts": [{"kind": "budsjett|søkt|tildelt|egenandel|forbruk", "nok": 780000,
               "quote": "..."}],
  "partners": [{"value": "...", "quote": "..."}]
}]}
Hver "quote" skal være en ordrett setning fra dokumentet der verdien står. Ta bare med
kommuner som deltar i prosjektet. Tema-nøkler: {themes}. Finn ikke på noe."""


class _Quoted(BaseModel):
    value: str
    quote: str


class _Place(BaseModel):
    name: str
    role: Role = "deltaker"
    quote: str


class _Period(BaseModel):
    start_year: int
    end_year: int | None = None
    quote: str


class _Money(BaseModel):
    kind: AmountKind
    nok: int
    quote: str


class _Project(BaseModel):
    title: _Quoted
    municipalities: list[_Place] = []
    themes: list[_Quoted] = []
    period: _Period | None = None
    amounts: list[_Money] = []
    partners: list[_Quoted] = []


class _Extraction(BaseModel):
    projects: list[_Project] = []


class LlmExtractionError(Exception):
    """The model's answer could not be read; the caller falls back to the rules."""


def extract_with_model(view: DocView, chat_model: ChatModel, primary: bool) -> list[ProjectRecord]:
    raw = _ask(view, chat_model)
    records: list[ProjectRecord] = []
    for index, project in enumerate(raw.projects):
        record = _checked(view, project, primary=primary and index == 0)
        if record is not None:
            records.append(record)
    return records


def _ask(view: DocView, chat_model: ChatModel) -> _Extraction:
    from langchain_core.messages import HumanMessage, SystemMessage  # only with a model
    from langchain_core.output_parsers import JsonOutputParser

    system = PROMPT.replace("{themes}", ", ".join(BY_KEY))
    human = (f"Tittel: {view.meta.title}\nType: {view.meta.doc_type.value}\n"
             f"Dato: {view.meta.date or 'ukjent'}\n\n{view.text[:MAX_DOCUMENT_CHARS]}")  # fmt: skip
    try:
        reply = chat_model.invoke([SystemMessage(content=system), HumanMessage(content=human)])
        return _Extraction.model_validate(JsonOutputParser().parse(reply.text))
    except (ValidationError, ValueError) as exc:
        raise LlmExtractionError(str(exc)) from exc


def _checked(view: DocView, project: _Project, primary: bool) -> ProjectRecord | None:
    title = _located(view, project.title.quote)
    if title is None or project.title.value.casefold() not in title.text.casefold():
        return None
    places: list[ProjectMunicipality] = []
    for place in project.municipalities:
        span = _located(view, place.quote)
        if span is not None and _contains_word(span.text, place.name):
            places = merge_places(places, _resolved(view, place, span))
    themes: list[Tag] = []
    for theme in project.themes:
        span = _located(view, theme.quote)
        if span is not None and theme.value in {h.key for h in _stating(span, title)}:
            themes = merge_tags(themes, [Tag(value=theme.value, evidence=view.span_evidence(span))])
    if not places and not themes:
        return None
    period = project.period
    period_span = _located(view, period.quote) if period else None
    if period and period_span and not _years_in(period_span.text, period):
        period_span = None
    date = view.meta.date
    return ProjectRecord(
        project_id="",
        title=project.title.value.strip(),
        quoted=f"«{project.title.value.strip()}»" in view.text,
        title_evidence=view.span_evidence(title),
        municipalities=places,
        themes=themes,
        start_year=period.start_year if period and period_span else None,
        end_year=(period.end_year or period.start_year) if period and period_span else None,
        period_evidence=view.span_evidence(period_span) if period_span else None,
        amounts=_amounts(view, project.amounts),
        partners=_partners(view, project.partners),
        # a labelled line, not a judgement: read by the rule whoever extracts the rest
        leader=named_leader(view, fields.sentences(view.text, 0, 2000)) if primary else None,
        sources=[view.span_evidence(title)],
        primary=primary,
        active_years=[date.year] if date and not period_span else [],
    )


def _stating(quote: Span, title: Span) -> list[ThemeHit]:
    """The title names its project's themes; any other quote must state one, not pass it by."""
    return find_themes(quote.text) if quote == title else about.stated(quote.text)


def _resolved(view: DocView, place: _Place, span: Span) -> list[ProjectMunicipality]:
    found = view.gazetteer.municipality_at(place.name, view.meta.date, view.meta.county)
    if len(found) != 1:
        return []  # unknown or ambiguous: never guessed
    mention = view.gazetteer.mention(found[0], place.name)
    return [ProjectMunicipality(**mention.model_dump(), role=place.role,
                                evidence=view.span_evidence(span))]  # fmt: skip


def _amounts(view: DocView, amounts: list[_Money]) -> list[Amount]:
    kept: dict[str, Amount] = {}
    for amount in amounts:
        span = _located(view, amount.quote)
        digits = re.sub(r"(?<=\d)[ \u00a0.](?=\d{3})", "", span.text) if span else ""
        if span is not None and re.search(rf"(?<!\d){amount.nok}(?!\d)", digits):
            kept.setdefault(amount.kind, Amount(kind=amount.kind, nok=amount.nok,
                                                evidence=view.span_evidence(span)))
    return list(kept.values())


def _partners(view: DocView, partners: list[_Quoted]) -> list[Tag]:
    kept: list[Tag] = []
    for partner in partners:
        span = _located(view, partner.quote)
        if span is not None and partner.value.casefold() in span.text.casefold():
            kept = merge_tags(kept, [Tag(value=partner.value, evidence=view.span_evidence(span))])
    return kept


def _years_in(text: str, period: _Period) -> bool:
    years = [period.start_year] + ([period.end_year] if period.end_year else [])
    return all(str(y) in text for y in years)


def _contains_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}", text) is not None


def _located(view: DocView, quote: str) -> Span | None:
    """Where the quote stands in the document, spaces and markdown stars aside."""
    words = [w for w in re.split(r"[\s*]+", quote.strip()) if w]
    if not words:
        return None
    pattern = r"[\s*]+".join(re.escape(w) for w in words)
    match = re.search(pattern, view.text)
    if match is None:
        return None
    return Span(match.start(), match.end(), match.group())
