"""The project catalogue's records: one project, every field with the text span it rests on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from indexer.models import DocType, MunicipalityMention

Role = Literal["vertskommune", "samarbeidskommune", "deltaker"]
AmountKind = Literal["budsjett", "søkt", "tildelt", "egenandel", "forbruk"]


class YearEdge(StrEnum):
    """Which of a project's years a span of years asks of: any year it ran («prosjekter i
    2022»), the year it started («startet etter 2021») or the year it ended («avsluttet før
    2022»)."""

    RAN = "ran"
    STARTED = "started"
    ENDED = "ended"


class Evidence(BaseModel):
    """Where a value is written: document, section and the exact characters (citable)."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    source: str
    title: str
    doc_type: DocType = DocType.ANNET
    date: dt.date | None = None
    chunk_id: str | None = None
    section: str | None = None
    start: int
    end: int
    quote: str  # the sentence or line the value was read from


class ProjectMunicipality(MunicipalityMention):
    role: Role = "deltaker"
    evidence: Evidence


class Amount(BaseModel):
    kind: AmountKind
    nok: int
    evidence: Evidence


class Tag(BaseModel):
    """A theme key (from indexer.text.themes) or a partner name, with its evidence."""

    value: str
    evidence: Evidence


class Leader(BaseModel):
    """The project leader a project's own document names, with the line it is read from."""

    name: str
    position: str | None = None  # «fagleder», «barnevernsfagleg rådgjevar»
    workplace: str | None = None  # «barneverntjenesten i Klepp»
    evidence: Evidence


class ProjectRecord(BaseModel):
    """One project. From one document it is a mention; linked mentions make one project."""

    project_id: str
    title: str
    quoted: bool = False  # the title is the project's own name, written «like this»
    title_evidence: Evidence
    municipalities: list[ProjectMunicipality] = []
    themes: list[Tag] = []
    start_year: int | None = None
    end_year: int | None = None
    period_evidence: Evidence | None = None
    amounts: list[Amount] = []
    partners: list[Tag] = []
    leader: Leader | None = None
    network: str | None = None
    # The document's county, for a project whose municipalities are not named (yet).
    county: str | None = None
    current_county: str | None = None
    sources: list[Evidence] = []  # one per document that describes or mentions the project
    primary: bool = False  # read from the project's own description or final report
    # Years of the documents that speak of the project while it is planned or running (a look
    # back such as "Kvam har tidlegare vore vertskommune …" adds no year).
    active_years: list[int] = []
    member_ids: list[str] = []  # the mentions a linked project was made from

    @property
    def theme_keys(self) -> list[str]:
        return list(dict.fromkeys(t.value for t in self.themes))

    @property
    def current_numbers(self) -> set[str]:
        return {n for m in self.municipalities for n in m.current_numbers}

    @property
    def counties(self) -> list[str]:
        return list(dict.fromkeys(m.county for m in self.municipalities))

    @property
    def current_counties(self) -> list[str]:
        return list(dict.fromkeys(m.current_county for m in self.municipalities))

    def amount(self, *kinds: AmountKind) -> Amount | None:
        """The first amount of the first kind present, in the order asked."""
        for kind in kinds:
            for amount in self.amounts:
                if amount.kind == kind:
                    return amount
        return None

    def years(self) -> tuple[int, int] | None:
        """The years the project ran: its stated period, else the years its sources date from."""
        if self.start_year is not None:
            return self.start_year, self.end_year or self.start_year
        if self.active_years:
            return min(self.active_years), max(self.active_years)
        return None


@dataclass(frozen=True)
class ProjectQuery:
    """Which projects a list question wants; every given filter must hold.

    Places work both ways: today's Kristiansand (`municipalities`) covers the former Søgne and
    Songdalen; the former Søgne (`written`: its own number and its successor's) also finds what
    is filed under today's Kristiansand. Vestland (`current_counties`) covers Hordaland; the
    former Hordaland (`counties`, `area`) also finds Kvam projects filed under Vestland.
    """

    themes: frozenset[str] = frozenset()  # any of these
    municipalities: frozenset[str] = frozenset()  # today's kommunenummer
    written: frozenset[str] = frozenset()  # kommunenummer as a document wrote it
    current_counties: frozenset[str] = frozenset()  # Vestland: also Hordaland before 2020
    counties: frozenset[str] = frozenset()  # a historic county as it was (Hordaland)
    area: frozenset[str] = frozenset()  # today's kommunenummer lying in such a county
    title: str | None = None  # part of the project's name
    region: str | None = None  # a place no gazetteer knows, said in a document's title (Numedal)
    # «… hatt USN som kompetansemiljø»: projects with one of these documents (those naming it)
    documents: frozenset[str] | None = None
    # «… ledes av en fagleder»: only these projects (by id), chosen by what no column holds
    projects: frozenset[str] | None = None
    years: tuple[int, int] | None = None  # the project ran at some time in these years
    years_edge: YearEdge = YearEdge.RAN  # …or started, or ended, in them
    doc_types: frozenset[DocType] = field(default_factory=frozenset)  # a document of any of these
    every_doc_type: bool = False  # … or of each of them («både beskrivelse og sluttrapport»)
    within: ProjectQuery | None = None  # «hvilke av dem …»: the list being narrowed
    # «utenom Karmøy og ettervernsprosjektene»: projects matching any of these are left out
    without: tuple[ProjectQuery, ...] = ()
    # Documents the asker may not see (indexer.store.visible sets it): what only they tell is
    # not there – no project, place, theme, amount or evidence of theirs.
    hidden: frozenset[str] = field(default_factory=frozenset)

    @property
    def selects_all(self) -> bool:
        """No filter is given: every project (the asker may see) is in the list."""
        return not (self.themes or self.municipalities or self.written or self.current_counties
                    or self.counties or self.area or self.title or self.region or self.years
                    or self.documents is not None or self.projects is not None
                    or self.doc_types or self.within
                    or self.without)


@dataclass(frozen=True)
class ProjectPage:
    """One page of a list: its projects, and how many the whole list has."""

    total: int
    records: list[ProjectRecord]


@dataclass(frozen=True)
class Coverage:
    """What a catalogue answer covers: how many documents, indexed when."""

    documents: int
    last_indexed: dt.date | None
