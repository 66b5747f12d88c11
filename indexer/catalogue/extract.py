"""Rule-based extraction: project records from one document, every field tied to its span.

A project description or final report describes one project (its title, header lines and
budget). Minutes, calls and other documents *mention* projects: an agenda item about a project
("Sak 2/2020 Status i prosjektet om …"), a project listed under "… to prosjekter", or a sentence
naming a project and a municipality ("via Owe i Haugesunds-prosjektet"). Nothing is guessed: a
municipality, year or amount is only kept where the text says it.
"""

from __future__ import annotations

import datetime as dt
import re

from indexer.catalogue import fields, subject
from indexer.catalogue.fields import PROJECT_WORD, Span
from indexer.catalogue.leader import named_leader
from indexer.catalogue.models import Amount, ProjectMunicipality, ProjectRecord, Tag
from indexer.catalogue.view import DocView, merge_places
from indexer.ingest.structure import Section, find_sections
from indexer.models import Chunk, DocType, DocumentMeta, LoadedDocument
from indexer.text.places import Gazetteer

PRIMARY_TYPES = frozenset({DocType.PROSJEKTBESKRIVELSE, DocType.SLUTTRAPPORT})
_TYPE_PREFIX = re.compile(
    r"^\s*(?:prosjektbeskrivelse|prosjektskildring|prosjektplan|sluttrapport|søknad)\s*[:–-]\s*",
    re.IGNORECASE,
)
_PLURAL_PROJECTS = re.compile(r"prosjekt(?:er|ene|a|ar|ane)\b", re.IGNORECASE)
_ONLY_AN_IDEA = re.compile(r"prosjektid[eé]", re.IGNORECASE)
_TAKES_PART = re.compile(
    r"prosjekt|vertskommune|samarbeidskommune|deltar|deltek|deltok|sammen med|saman med|"
    r"gjennomført|gjennomførte|søker|søkjar",
    re.IGNORECASE,
)
_PARTNER_CONTEXT = re.compile(
    r"prosjekt|kompetansemilj|samarbeid|evaluer|stimuleringsmid|budsjett|søk|\bbrukt\b|forbruk|"
    r"\bramme", re.IGNORECASE
)
_LOOKS_BACK = re.compile(r"\b(?:tidligere|tidlegare|previously)\b", re.IGNORECASE)
_NETWORK = re.compile(
    r"(?:lærings)?nettverk\w*\s+(?:for\s+barnevern\w*\s+)?i\s+"
    r"(?P<name>[A-ZÆØÅ][\w-]+(?:\s+og\s+[A-ZÆØÅ][\w-]+)?)"
)


def extract_projects(
    doc: LoadedDocument, meta: DocumentMeta, chunks: list[Chunk], gazetteer: Gazetteer
) -> list[ProjectRecord]:
    """Every project the document describes or mentions, in document order."""
    view = DocView(doc, meta, chunks, gazetteer)
    sections = find_sections(doc.text, meta.doc_type)
    main = primary_project(view, sections) if meta.doc_type in PRIMARY_TYPES else None
    records = [main] if main is not None else []
    records += mentioned_projects(view, sections, main)
    return [
        r.model_copy(update={"project_id": f"{meta.doc_id}:{i}"}) for i, r in enumerate(records)
    ]


# --- the project a description or final report is about -------------------------------------


def primary_project(view: DocView, sections: list[Section]) -> ProjectRecord | None:
    text = view.text
    head_end = next((s.start for s in sections if s.heading_path), min(len(text), 2000))
    head = fields.sentences(text, 0, head_end)
    if not head:
        return None
    title_span = _title_span(view, head)
    years, period_span = _period(head)
    on = dt.date(years[0], 6, 30) if years else view.meta.date
    places: list[ProjectMunicipality] = []
    for span in head:
        places = merge_places(places, view.places(span, on))
    places = merge_places(places, _listed_elsewhere(view, places, on))
    found = fields.title_in(title_span.text)
    title = found[0] if found and found[3] else _TYPE_PREFIX.sub("", title_span.text.strip("#* "))
    body = fields.sentences(text)
    return _record(
        view,
        title=title,
        quoted=bool(found and found[3]),
        title_span=title_span,
        places=places,
        themes=subject.main_themes(view, title_span, sections),
        period=(years, period_span),
        spans=body,
        primary=True,
    ).model_copy(update={"leader": named_leader(view, head)})


def _title_span(view: DocView, head: list[Span]) -> Span:
    wanted = " ".join(view.meta.title.split())
    for span in head:
        if " ".join(span.text.strip("#* ").split()) == wanted:
            return span
    return head[0]


def _period(spans: list[Span]) -> tuple[tuple[int, int] | None, Span | None]:
    for span in spans:
        if fields.is_period_line(span.text):
            years = fields.period(span.text)
            if years:
                return years, span
    return None, None


def _listed_elsewhere(
    view: DocView, places: list[ProjectMunicipality], on: dt.date | None
) -> list[ProjectMunicipality]:
    """Front matter `kommuner:` names missing from the header, cited where the text has them."""
    known = {p.name for p in places}
    wanted = [m.name for m in view.meta.municipalities if m.name not in known]
    found: list[ProjectMunicipality] = []
    for span in fields.sentences(view.text) if wanted else []:
        for place in view.places(span, on):
            if place.name in wanted:
                found.append(place)
                wanted.remove(place.name)
    return found


# --- projects mentioned in minutes, calls and other documents ---------------------------------


def mentioned_projects(
    view: DocView, sections: list[Section], main: ProjectRecord | None
) -> list[ProjectRecord]:
    records: list[ProjectRecord] = []
    for section in sections:
        if main is None and _is_project_section(view.text, section):
            record = _section_project(view, section)
            if record is not None:
                records.append(record)
            continue
        records += _sentence_projects(view, section, main)
    return records


def _is_project_section(text: str, section: Section) -> bool:
    if not section.heading_path:
        return False
    heading = section.heading_path[-1]
    body = text[section.body_start : section.end]
    if _ONLY_AN_IDEA.search(body):
        return False
    if PROJECT_WORD.search(heading):
        return True
    if any(_PLURAL_PROJECTS.search(parent) for parent in section.heading_path[:-1]):
        return True
    return bool(fields.QUOTED.search(heading)) and bool(PROJECT_WORD.search(body))


def _section_project(view: DocView, section: Section) -> ProjectRecord | None:
    """An agenda item or sub-heading about one project: heading plus the sentences about it."""
    heading = Span(section.start, section.body_start, view.text[section.start : section.body_start])
    body = fields.sentences(view.text, section.body_start, section.end)
    about = [s for s in body if PROJECT_WORD.search(s.text)]
    on = view.meta.date
    places = view.places(heading, on)
    for span in body:
        if _TAKES_PART.search(span.text):
            places = merge_places(places, view.places(span, on))
    themes = subject.section_themes(view, heading, body)
    named = _name([heading, *about], fields.clean_heading(section.heading_path[-1]), heading)
    if not places and not themes:
        return None
    years, period_span = _period_in([heading, *body])
    context = [heading, *(s for s in body if _PARTNER_CONTEXT.search(s.text))]
    looks_back = any(_LOOKS_BACK.search(s.text) for s in [heading, *about])
    return _record(
        view, title=named[0], quoted=named[1], title_span=named[2], places=places, themes=themes,
        period=(years, period_span), spans=context, primary=False, looks_back=looks_back,
    )  # fmt: skip


def _sentence_projects(
    view: DocView, section: Section, main: ProjectRecord | None
) -> list[ProjectRecord]:
    """Single sentences naming a project and a municipality in an otherwise unrelated section."""
    records: list[ProjectRecord] = []
    spans = fields.sentences(view.text, section.start, section.end)
    for index, span in enumerate(spans):
        if not PROJECT_WORD.search(span.text):
            continue
        places = view.places(span, view.meta.date)
        if not places:
            continue
        themes = (subject.sentence_themes(view, span)
                  or subject.context_themes(view, spans[:index], span))
        named = fields.title_in(span.text)
        if main is not None and not _another_project(main, themes, named):
            continue
        if not themes and not (named and named[3]):
            continue
        title, quoted, title_span = _name([span], span.text, span)
        years = fields.period(span.text)
        records.append(_record(
            view, title=title, quoted=quoted, title_span=title_span, places=places, themes=themes,
            period=(years, span if years else None), spans=[span], primary=False,
            looks_back=bool(_LOOKS_BACK.search(span.text)),
        ))  # fmt: skip
    return records


def _another_project(
    main: ProjectRecord, themes: list[Tag], named: tuple[str, int, int, bool] | None
) -> bool:
    """In a project's own document, only a sentence about a different project counts."""
    if named and named[3]:
        return named[0].casefold() != main.title.casefold()
    keys = {t.value for t in themes}
    return bool(keys) and not keys & set(main.theme_keys)


def _name(spans: list[Span], fallback: str, fallback_span: Span) -> tuple[str, bool, Span]:
    for span in spans:
        found = fields.title_in(span.text)
        if found:
            title, start, end, quoted = found
            return title, quoted, Span(span.start + start, span.start + end, title)
    return fallback.strip(), False, fallback_span


def _period_in(spans: list[Span]) -> tuple[tuple[int, int] | None, Span | None]:
    for span in spans:
        if fields.is_period_line(span.text) or re.search(r"\(\s*(?:19|20)\d\d\s*[–-]", span.text):
            years = fields.period(span.text)
            if years:
                return years, span
    return None, None


# --- assembling one record ---------------------------------------------------------------------


def _record(
    view: DocView,
    *,
    title: str,
    quoted: bool,
    title_span: Span,
    places: list[ProjectMunicipality],
    themes: list[Tag],
    period: tuple[tuple[int, int] | None, Span | None],
    spans: list[Span],
    primary: bool,
    looks_back: bool = False,
) -> ProjectRecord:
    years, period_span = period
    date = view.meta.date
    active = [] if looks_back or date is None or years else [date.year]
    return ProjectRecord(
        project_id="",
        title=" ".join(title.split()),
        quoted=quoted,
        title_evidence=view.span_evidence(title_span),
        municipalities=places,
        themes=themes,
        start_year=years[0] if years else None,
        end_year=years[1] if years else None,
        period_evidence=view.span_evidence(period_span) if period_span else None,
        amounts=_amounts(view, spans),
        partners=_partners(view, spans),
        network=_network(view),
        county=view.meta.county,
        current_county=view.meta.current_county,
        sources=[view.span_evidence(title_span)],
        primary=primary,
        active_years=active,
    )


def _amounts(view: DocView, spans: list[Span]) -> list[Amount]:
    final = view.meta.doc_type == DocType.SLUTTRAPPORT
    found: dict[str, Amount] = {}
    for span in spans:
        for kind, nok in fields.amounts(span, final):
            found.setdefault(kind, Amount(kind=kind, nok=nok, evidence=view.span_evidence(span)))
    return list(found.values())


def _partners(view: DocView, spans: list[Span]) -> list[Tag]:
    found: dict[str, Tag] = {}
    for span in spans:
        for name, _start, _end in fields.partners(span.text):
            found.setdefault(name, Tag(value=name, evidence=view.span_evidence(span)))
    return list(found.values())


def _network(view: DocView) -> str | None:
    """The learning network behind the document, when its title or metadata names one."""
    match = _NETWORK.search(view.meta.title)
    if match:
        return f"Læringsnettverket i {match.group('name')}"
    network = view.meta.network or ""
    return network if network.startswith("Læringsnettverk") else None
