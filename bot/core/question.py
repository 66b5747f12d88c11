"""The question, understood once: the typed object every route reads instead of the raw text.

`bot.core.understand.understand` builds it from the user's text and the conversation; no route
re-parses the text for places, years, meeting references or what kind of answer is asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from bot.core.models import ChatTurn
from bot.core.question_values import (
    AgendaPick,
    AmountBound,
    Attendee,
    Correction,
    DurationBound,
    MeetingRef,
    Place,
    YearSpan,
)
from indexer.minutes.models import Role
from indexer.models import DocType
from indexer.text.language import Language


class Intent(StrEnum):
    """What the user wants; it decides the route."""

    EMPTY = "empty"
    HELP = "help"  # /hjelp
    SOURCES = "sources"  # /kilder: the documents in the knowledge base
    INJECTION = "injection"  # «ignorer kildene …»
    DRAFT = "draft"  # open a draft dialog (a dialog in progress is the drafting route's)
    SUMMARY = "summary"  # summarise a referat, a document or a topic
    DECISIONS = "decisions"  # what meetings decided, action items
    PARTICIPANTS = "participants"  # who attended a meeting
    PROJECTS = "projects"  # catalogue lists, counts, sums and comparisons of projects
    DOCUMENTS = "documents"  # which documents the knowledge base holds
    FACT = "fact"  # anything else: answered from retrieved sentences


class AnswerType(StrEnum):
    """The kind of fact a part of the question asks for (soft evidence for a sentence)."""

    DATE = "date"
    AMOUNT = "amount"
    COUNT = "count"
    PERSON = "person"
    PLACE = "place"
    YESNO = "yesno"
    LIST = "list"
    LAW = "law"  # a provision of a law or regulation («§ 2-1», «barnevernloven § 25-1»)
    DURATION = "duration"  # how long: «tre år», «to månader», «toårig»
    REASON = "reason"  # why: «fordi …», «Grunnen er at …», «because …»
    CONTACT = "contact"  # a phone number or an e-mail address: «tlf nr», «e-postadressa»


class ListAsk(StrEnum):
    """What a catalogue question wants of the matching projects."""

    MUNICIPALITIES = "municipalities"
    PROJECTS = "projects"
    COUNT_PROJECTS = "count_projects"
    COUNT_MUNICIPALITIES = "count_municipalities"
    AMOUNTS = "amounts"
    COMPARE = "compare"


class Tally(StrEnum):
    """What a counted list is grouped by: «Hvor mange prosjekter per fylke?»."""

    COUNTY = "county"
    THEME = "theme"
    YEAR = "year"
    MUNICIPALITY = "municipality"
    TYPE = "type"
    PERSON = "person"  # «Hvilke personer går igjen i flere dokumenter?»: the people named


class TimeRank(StrEnum):
    """Projects ranked by their stated period: «Hvilket prosjekt startet først?», «… det siste
    som avsluttes?», «Which project lasted longest?»."""

    STARTED_FIRST = "started_first"
    STARTED_LAST = "started_last"
    ENDED_FIRST = "ended_first"
    ENDED_LAST = "ended_last"
    LONGEST = "longest"
    SHORTEST = "shortest"


class TimeFocus(StrEnum):
    """Time words that change which source is right: «neste samling», «nå», «siste møte»."""

    NEXT = "next"  # neste, kommende, upcoming: a past date must be stated as past
    CURRENT = "current"  # nå, i år, gjeldende, fortsatt: the newest source wins
    LATEST = "latest"  # siste, forrige, last: the newest meeting or document


@dataclass(frozen=True)
class Part:
    """One part of a multi-part question («Hvem leder …, og hvor mye søkes det om?»)."""

    text: str
    answer_types: tuple[AnswerType, ...] = ()
    negated: bool = False  # «hva kan midlene IKKE brukes til»
    role: str = ""  # «Hvem er prosjektleder …?»: the role whose holder is asked for
    outcome: bool = False  # «… og klarte de målet?»: this part asks what came of a project
    money: bool = False  # asks a sum of money (applied for, granted, spent), which no share holds
    person: bool = False  # asks who leads or is the contact: a name, which no organisation holds
    municipalities: bool = False  # «hvilke kommuner …»: answered only by naming municipalities
    years: YearSpan | None = None  # the years this part names («… og hvor mye fikk de i 2022?»)
    narrowing: bool = False  # «… og hvilke av dem har levert sluttrapport?»: asked of the list
    alternatives: tuple[str, ...] = ()  # «to eller tre år?»: the choices, each to be looked for


@dataclass(frozen=True)
class Question:
    text: str  # as the user typed it (trimmed)
    language: Language
    intent: Intent
    standalone: str  # follow-ups completed from the conversation; typos corrected
    today: dt.date
    history: tuple[ChatTurn, ...] = ()
    command: str | None = None  # "hjelp", "kilder", "prosjekter", "oppsummer", "utkast" …
    parts: tuple[Part, ...] = ()
    municipalities: tuple[Place, ...] = ()
    counties: tuple[Place, ...] = ()
    # «utenom Karmøy», «outside Nordland», «bortsett fra Vestland»: places the answer leaves out
    excluded_places: tuple[Place, ...] = ()
    scene: str = ""  # «Vi vil søke Bufdir om …» before the question: what its parts are about
    regions: tuple[str, ...] = ()  # «i Numedal»: names said as places that no gazetteer holds
    excluded_years: YearSpan | None = None  # «bortsett frå dei som kom i 2022»: not listed
    excluded_themes: frozenset[str] = frozenset()  # «utenom ettervernsprosjekta»: nor these
    years: YearSpan | None = None
    years_tied: bool = False  # «referatet fra 2018»: the year names the document, not a topic
    years_relative: bool = False  # «i år», «neste år», «i fjor»: counted from today, unwritten
    where_said: bool = False  # «Hvor står det at …?»: the answer names its document
    claims: bool = False  # «…, ikke sant?», «Stemmer det at …?»: a claim to confirm or correct
    asks_issuer: bool = False  # «Hvilken statsforvalter hadde tilsynet?»: who issued it
    when_decided: bool = False  # «Når ble det bestemt at …?»: the answer names the meeting
    oldest_first: bool = False  # «in date order», «kronologisk»: a listing from the oldest
    ongoing: bool = False  # «Hvilke prosjekter pågår nå?»: each row says when it ends
    per_year: bool = False  # «fordelt på år»: an amount's year-by-year sentence quoted
    latest_each_network: bool = False  # «siste møte i hvert nettverk»: one row per network
    quiet_after: int | None = None  # «ingen referat nyere enn 2022»: networks quiet since
    counties_without: bool = False  # «Hvilke fylker har ingen referater?»: the counties left
    tally: Tally | None = None  # «Hvor mange prosjekter per fylke?»: counted group by group
    tally_extreme: Literal["", "most", "fewest"] = ""  # «Hvilket tema har flest …?»
    tally_at_least: int = 0  # «Hvilke kommuner har mer enn ett prosjekt?»: groups with ≥ this
    # «den nyeste sluttrapporten», «the oldest minutes»: one document of a kind by its date
    document_extreme: Literal["", "newest", "oldest", "both"] = ""
    dates: tuple[dt.date, ...] = ()
    doc_types: frozenset[DocType] = frozenset()
    # «Hvilke prosjektbeskrivelser har vi ingen sluttrapport for?»: the projects without one
    lacking_doc_types: frozenset[DocType] = frozenset()
    open_items: bool = False  # «Hvilke av fristene har ikke gått ut?»: action items still open
    places_mentioned: bool = False  # «Hvor nevnes Haram?»: documents naming the place count too
    leaders_asked: bool = False  # «Hvem er prosjektlederne?»: each project's leader on its row
    led_by: str | None = None  # «ledes av en fagleder»: only projects whose leader holds it
    # «… – og hvilke av dem ligger i Vestland?» in one message: `refines` (the whole list) first
    whole_list_first: bool = False
    # «Hvilke dokumenter er skrevet på nynorsk?», «Which docs are PDFs?»: documents by how written
    document_languages: frozenset[Language] = frozenset()
    document_formats: frozenset[str] = frozenset()  # «pdf», «docx»
    every_doc_type: bool = False  # «både prosjektbeskrivelse og sluttrapport»: all, not any
    doc_types_named: frozenset[DocType] = frozenset()  # «i referatet»: points at a document
    doc_types_cited: frozenset[DocType] = frozenset()  # «ifølge sluttrapporten»: the source asked
    outcome: bool = False  # «Nådde de målet?», «korleis gjekk det?»: what a project achieved
    decided: bool = False  # «Vedtok kommunestyret …?», «How did the council vote?»: a decision made
    projects_named: bool = False  # «de ulike fosterhjemsprosjektene»: about projects as such
    themes: frozenset[str] = frozenset()  # theme keys (indexer.text.themes)
    unknown_theme: str | None = None  # a theme-like word no theme matches: «Mente du …?»
    list_ask: ListAsk | None = None
    # «prosjekter der kommunene er slått sammen etterpå»: every municipality number merged or
    # split since (SSB), as a list filter
    merged_numbers: frozenset[str] = frozenset()
    # «Hva heter Fjell i dag?», «Hvilke kommuner ble Alver slått sammen av?»: the named
    # municipalities' own history is asked, not anything a document says of them
    place_history: bool = False
    history_asked: bool = False  # a part asks the places' history, others something else
    amount_kinds: frozenset[str] = frozenset()  # catalogue amounts asked: søkt, tildelt, forbruk …
    # «rammetilskudd», «skjønnsmidler»: the state's money to a municipality, no project's
    municipal_money: bool = False
    ranked: bool = False  # «størst», «minst»: the amounts ranked, the largest and smallest named
    averaged: bool = False  # «gjennomsnittlig søknadsbeløp»: each kind's mean beside its sum
    amount_bound: AmountBound | None = None  # «fikk over 500 000 kr»: projects past a bound
    time_ranks: tuple[TimeRank, ...] = ()  # «startet først», «varte lengst»: by period
    lasting: DurationBound | None = None  # «varte lenger enn to år»: projects past a length
    # «Hvilke prosjekter pågikk samtidig med Kvam-prosjektet?»: the projects the question names
    # (by place, theme or title) are the ones whose period the listed ones overlap
    alongside: bool = False
    web_page: bool = False  # «… page», «nettsida»: a page from the web, not a file, is asked
    page: int = 1  # «vis flere»: the next page of the same list
    refines: Question | None = None  # «og hvilke av dem …»: the list question this one narrows
    meeting: MeetingRef | None = None
    time: TimeFocus | None = None
    names: tuple[str, ...] = ()  # proper names and «quoted titles» the answer must be about
    quoted: str | None = None  # a «quoted title»
    project_named: str | None = None  # «Se meg-prosjektet»: the project by its name or region
    # «Hvor mye mindre fikk de enn de søkte om?»: two catalogue amounts whose difference is asked
    difference: tuple[str, str] | None = None
    persons: tuple[str, ...] = ()  # a person's full name asked about («Kjell Ingolf Ropstad»)
    mentions: tuple[str, ...] = ()  # «Hvilke dokumenter nevner Kjersti Toppe?»: names to find
    topic: str = ""  # what a decisions/summary question is about («om kompetansemiljøene»)
    actor: str = ""  # who decided («styringsgruppen»)
    assignee: str = ""  # whose action items are asked («Hvilke oppgaver fikk Eivind Skjølås?»)
    roles: frozenset[Role] = frozenset()  # participants asked for: «barnevernledere», «referent»
    attendee: Attendee | None = None  # «fra Bufdir», «har Valle deltatt»: whose attendance
    meetings_asked: bool = False  # «Hvilke møter har Valle deltatt på?»: a list of meetings
    meetings_ahead: bool = False  # «Er det noen møter som står for tur?»: every referat's next
    agenda: AgendaPick | None = None  # «Hva var første sak på møtet i november?»
    last_meeting: bool = False  # «Når var siste møte i ressursgruppa?»: the newest one's date
    meeting_held: bool = False  # «Hva ble avtalt på samlingen i 2025?»: what happened at one
    # «Kva datoar har nettverket hatt samlingar?», «List all meetings in 2022»: every dated meeting
    meeting_calendar: bool = False
    due_year: int | None = None  # «Hvilke oppfølgingspunkter har frist i 2024?»: action items due then
    # «Hvem var med på møtet, og hvem fikk hvilke oppgaver?»: the meeting's other table asked
    # beside it (its participants beside its decisions, or the reverse)
    meeting_also: Intent | None = None
    corrections: tuple[Correction, ...] = ()
    follow_up: bool = False  # completed from the previous question
    separate: tuple[str, ...] = ()  # a message of questions that each stand alone, answered apart
    across: bool = False  # a fact asked of each document of a kind («de ulike fylkene»)
    # «Hvilke kommuner har hatt ettervernsprosjekter, og hva var målet?»: asked of each listed
    each_project: tuple[Part, ...] = ()
    per_county: bool = False  # … of each county's documents («i de forskjellige fylkene»)
    frames: bool = False  # «Hvor store rammer har fylkene hatt?»: each county's money, by year
    extra: dict[str, str] = field(default_factory=dict[str, str])

    @property
    def answer_types(self) -> tuple[AnswerType, ...]:
        return self.parts[0].answer_types if self.parts else ()

    @property
    def places(self) -> tuple[Place, ...]:
        return self.municipalities + self.counties

    def with_intent(self, intent: Intent) -> Question:
        from dataclasses import replace

        return replace(self, intent=intent)
