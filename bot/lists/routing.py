"""A catalogue request from an understood question: which projects, and what to say of them.

The question was understood once (`bot.core.understand`); this only turns its places, themes,
years and document types into a `ProjectQuery`. Places work both ways: a current name covers
everything now lying in it, a former name also finds what is filed under its successor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.core.question import Intent, ListAsk, Question, TimeRank
from bot.core.question_values import AmountBound, DurationBound, Place, YearSpan
from indexer.catalogue import ProjectQuery, ProjectRecord, YearEdge
from indexer.models import DocType


@dataclass(frozen=True)
class ListRequest:
    ask: ListAsk
    query: ProjectQuery
    places: tuple[Place, ...] = ()  # as the question named them, with their history
    narrows: ListRequest | None = None  # «hvilke av dem …»: the list this one narrows
    page: int = 1
    amount_kinds: frozenset[str] = frozenset()
    merged: bool = False  # only projects whose municipalities merged or split since
    ranked: bool = False  # «størst», «minst»: the largest and smallest amounts named first
    averaged: bool = False  # «i gjennomsnitt»: each kind's mean beside its sum
    amount_bound: AmountBound | None = None  # «over 500 000 kr»: only the projects past it
    left_out: tuple[Place, ...] = ()  # «utenom Karmøy»: places whose projects are left out
    left_out_years: YearSpan | None = None  # «utenom dei frå 2022»: and the years
    left_out_themes: frozenset[str] = frozenset()  # «utenom ettervernsprosjekta»: and themes
    mentions: tuple[str, ...] = ()  # «… hatt USN som kompetansemiljø»: names its documents have
    time_ranks: tuple[TimeRank, ...] = ()  # «startet først»: ranked by the stated periods
    lasting: DurationBound | None = None  # «varte lenger enn to år»: only the projects past it
    alongside: bool = False  # «samtidig med Kvam-prosjektet»: those overlapping the named ones
    # … once read: the projects named, whose periods the listed ones overlap
    alongside_of: tuple[ProjectRecord, ...] = ()
    ongoing: bool = False  # «som fortsatt pågår»: each row's first and last day
    per_year: bool = False  # «fordelt på år»: each amount's year-by-year sentence quoted
    read_as: str | None = None  # everyday words read as the theme («ungdom som flytter ut …»)
    leaders: bool = False  # «Hvem er prosjektlederne?»: each row names its project's leader
    led_by: str | None = None  # «ledes av en fagleder»: only those whose leader holds it

    @property
    def place_names(self) -> list[str]:
        return [p.name for p in self.places]


def request_of(question: Question) -> ListRequest | None:
    """The list request of `question`, or None when it is not a catalogue question."""
    if question.intent != Intent.PROJECTS:
        return None
    base = request_of(question.refines) if question.refines is not None else None
    query = project_query(question)
    if base is not None:
        query = replace(query, within=base.query)
    return ListRequest(
        ask=question.list_ask or (base.ask if base else ListAsk.PROJECTS),
        query=query,
        places=question.places,
        narrows=base,
        page=max(question.page, 1),
        amount_kinds=question.amount_kinds or (base.amount_kinds if base else frozenset()),
        merged=bool(question.merged_numbers),
        ranked=question.ranked,
        averaged=question.averaged,
        amount_bound=question.amount_bound,
        left_out=question.excluded_places,
        left_out_years=question.excluded_years,
        left_out_themes=question.excluded_themes,
        time_ranks=question.time_ranks,
        lasting=question.lasting,
        alongside=question.alongside,
        ongoing=question.ongoing,
        per_year=question.per_year,
        leaders=question.leaders_asked or (base.leaders if base else False),
        led_by=question.led_by,
    )


def project_query(question: Question) -> ProjectQuery:
    places = _places(question.municipalities, question.counties)
    return replace(
        places,
        written=places.written | question.merged_numbers,
        themes=question.themes,
        title=question.quoted,
        years=(question.years.first, question.years.last) if question.years else None,
        years_edge=question.years.edge if question.years else YearEdge.RAN,
        doc_types=question.doc_types,
        every_doc_type=question.every_doc_type,
        without=_left_out(question.excluded_places, question.excluded_years,
                          question.excluded_themes) + _lacking(question.lacking_doc_types),
    )


def _places(towns: tuple[Place, ...], counties: tuple[Place, ...]) -> ProjectQuery:
    """Places both ways: today's name covers the former ones, a former one what it became."""
    return ProjectQuery(
        municipalities=frozenset(n for m in towns if m.is_current for n in m.numbers),
        written=frozenset(n for m in towns if not m.is_current
                          for n in (*m.own_numbers, *m.numbers)),
        current_counties=frozenset(c.name for c in counties if c.is_current),
        counties=frozenset(c.name for c in counties if not c.is_current),
        area=frozenset(n for c in counties if not c.is_current for n in c.numbers),
    )


def _lacking(types: frozenset[DocType]) -> tuple[ProjectQuery, ...]:
    """«uten sluttrapport»: the projects with a document of these kinds, to be left out."""
    return (ProjectQuery(doc_types=types),) if types else ()


def _left_out(places: tuple[Place, ...], years: YearSpan | None,
              themes: frozenset[str]) -> tuple[ProjectQuery, ...]:  # fmt: skip
    """«utenom Karmøy»: the projects of these places, to be left out; «bortsett fra dem fra
    2022»: those of these years (the places' when both are said); «og de om ettervern»: and,
    apart from those, the projects of these themes."""
    about = (ProjectQuery(themes=themes),) if themes else ()
    if not places:
        return about if years is None else (
            ProjectQuery(years=(years.first, years.last), years_edge=years.edge), *about)
    return (_places(tuple(p for p in places if p.kind == "municipality"),
                    tuple(p for p in places if p.kind == "county")), *about)
