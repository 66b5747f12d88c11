"""Typed answer payloads: the structured part of an `Answer`, which faces render type by type.

A payload holds values, never display words: amounts are whole kroner, dates are dates, themes
are theme keys, places are names with their role and today's name. What a user reads (column
labels, «nå Øygarden», «31. januar 2024», «1 240 000 kr») is written by the face from the
i18n catalogue when it renders, in the answer's language. `kind` tells the types apart, in Python
(`match`) and in JSON (the discriminator), so a payload survives a round trip through JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from bot.core.meetings import Decision, MeetingParticipants, MeetingSummary
from indexer.text.language import Language

# --- the project catalogue ---------------------------------------------------------------------


class Period(BaseModel):
    """The years a project ran; `stated` is False when only its documents' dates tell. `start`
    and `end` are the days its period line states («1. januar 2022 – 30. juni 2024»)."""

    first: int
    last: int
    stated: bool = True
    start: dt.date | None = None
    end: dt.date | None = None


class Place(BaseModel):
    """A municipality as the documents named it."""

    name: str
    now: str | None = None  # today's name, where the municipality has merged since
    host: bool = False  # vertskommune


class ProjectRow(BaseModel):
    title: str
    quoted: bool = False  # the documents write the title in «»
    places: list[Place] = []
    county: str | None = None  # today's county; None when no document says
    period: Period | None = None
    themes: list[str] = []  # theme keys (indexer.text.themes)
    budget: int | None = None  # kroner
    applied: int | None = None  # stimuleringsmidler søkt
    granted: int | None = None  # stimuleringsmidler tildelt
    spent: int | None = None  # brukt, forbruk
    own_share: int | None = None  # egenandel
    citations: list[int] = []


# The amounts of a row, each its own column: never added across kinds.
AmountColumn = Literal["budget", "applied", "granted", "spent", "own_share"]


class ProjectTable(BaseModel):
    """The projects a list question matched, as a table: all of them, or one page of a long
    list (`total` says how many the whole list has)."""

    kind: Literal["project_table"] = "project_table"
    title: str  # the answer's opening sentence
    money: bool = False  # the question asked for amounts
    amounts: list[AmountColumn] = []  # which amounts, in order; money without: budget, funds
    rows: list[ProjectRow]
    total: int | None = None  # rows in the whole list, when this is one page of it


# --- documents ---------------------------------------------------------------------------------


class DocumentRow(BaseModel):
    title: str
    doc_type: str  # indexer.models.DocType value
    date: dt.date | None = None
    year: int | None = None  # when the date is not known to the day
    places: list[Place] = []  # the municipalities it names, as written
    county: str | None = None  # as the document names it
    county_now: str | None = None  # today's, where it differs
    network: str | None = None
    publisher: str | None = None  # who issued it, where its front matter says
    source: str  # file name: for links and JSON, never shown where a person reads the row
    citations: list[int] = []


class DocumentTable(BaseModel):
    """Documents in the knowledge base (`/kilder`, «Hvilke sluttrapporter har vi?»): all of
    them, or one page of a long list (`total` says how many the whole list has)."""

    kind: Literal["document_table"] = "document_table"
    title: str | None = None
    rows: list[DocumentRow]
    total: int | None = None


class DocumentRef(BaseModel):
    """A document an answer names without citing it: a choice offered, or a near miss."""

    title: str
    date: dt.date | None = None
    source: str
    doc_id: str | None = None


class NearestDocuments(BaseModel):
    """A refusal's nearest matches (the text names them too)."""

    kind: Literal["nearest_documents"] = "nearest_documents"
    nearest: list[DocumentRef]


# --- minutes -----------------------------------------------------------------------------------


class MeetingSummaryPayload(BaseModel):
    kind: Literal["meeting_summary"] = "meeting_summary"
    meeting_summary: MeetingSummary


class MeetingCandidates(BaseModel):
    """An ask-back: the referater the question could mean."""

    kind: Literal["meeting_candidates"] = "meeting_candidates"
    candidates: list[DocumentRef]


class DecisionList(BaseModel):
    kind: Literal["decisions"] = "decisions"
    decisions: list[Decision]


class ParticipantList(BaseModel):
    """Who attended the meetings a question names, and as what."""

    kind: Literal["participants"] = "participants"
    meetings: list[MeetingParticipants]


# --- drafts ------------------------------------------------------------------------------------

CheckStatus = Literal["met", "missing", "conflict"]


class CheckItem(BaseModel):
    """One criterion of the call or guideline, checked against the draft."""

    key: str
    label: str
    status: CheckStatus
    detail: str
    rule: str  # the rule as the document words it
    source: str
    citations: list[int] = []


class DraftPart(BaseModel):
    """One section of a draft: its text so far, or `missing` when nothing is known for it."""

    title: str
    missing: bool
    text: str = ""
    citations: list[int] = []


class DraftPayload(BaseModel):
    kind: Literal["draft"] = "draft"
    draft_id: str
    draft_kind: Literal["plan", "report"]
    title: str
    language: Language
    done: bool = False
    sections: list[DraftPart] = []
    checklist: list[CheckItem] = []
    next_field: str | None = None
    next_question: str | None = None
    docx_path: str | None = None
    file_name: str | None = None  # what to call the .docx when it is saved: a slug of the project
    actions: list[str] = []  # dialog commands a face may offer as buttons: skip, back, edit, …
    choices: list[str] = []  # after «endre del»: the fields that can be changed


class DraftCancelled(BaseModel):
    kind: Literal["draft_cancelled"] = "draft_cancelled"


Payload = Annotated[
    ProjectTable | DocumentTable | NearestDocuments | MeetingSummaryPayload | MeetingCandidates
    | DecisionList | ParticipantList | DraftPayload | DraftCancelled,
    Field(discriminator="kind"),
]
