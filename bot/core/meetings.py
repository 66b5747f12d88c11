"""The structured summary of one referat: what the CLI prints and a Teams card shows.

These live in the core because an answer's payload carries them (`bot.core.payloads`), and
the core never imports a feature package; `bot.minutes` builds them.

Every statement carries the citation numbers (`[n]`) of the CitationBook it was built with,
so a face can show where each decision or deadline was written.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from bot.core.citation import Citation
from indexer.minutes.models import Role
from indexer.text.dates import find_dates
from indexer.text.patterns import words


class Cited(BaseModel):
    """One statement taken from (or checked against) the minutes."""

    text: str
    citations: list[int] = []


class ActionItem(BaseModel):
    """Something someone is to do: what, who (where stated) and by when (where stated)."""

    what: str
    who: str | None = None
    when: dt.date | None = None
    citations: list[int] = []


class AgendaItem(BaseModel):
    """One agenda item (Sak) or, in minutes without Sak numbers, one headed section."""

    number: str | None = None  # "2/2020", "3", None for an unnumbered section
    title: str
    level: int = 1  # 2+ for sub-sections of minutes structured by headings
    summary: list[Cited] = []
    decisions: list[Cited] = []
    actions: list[ActionItem] = []


class NextMeeting(BaseModel):
    date: dt.date | None = None
    place: str | None = None
    host: str | None = None
    theme: str | None = None
    text: str  # the sentence as the minutes put it
    citations: list[int] = []


class Participants(BaseModel):
    """Who was there, counted from the attendance list where it is a list of people."""

    people: int | None = None
    organisations: list[str] = []
    text: str | None = None  # an attendance sentence ("9 barneverntjenester og 18 kommuner")
    citations: list[int] = []


class MeetingSummary(BaseModel):
    title: str
    date: dt.date | None = None
    network: str | None = None
    county: str | None = None
    place: Cited | None = None
    source: str
    doc_id: str
    participants: Participants | None = None
    items: list[AgendaItem] = []
    next_meeting: NextMeeting | None = None
    overview: list[Cited] = []  # a model-written gist; empty in the extractive default
    method: Literal["extractive", "llm"] = "extractive"


class Decision(BaseModel):
    """A decision or an action item from one meeting, for listings across meetings."""

    kind: Literal["vedtak", "oppfølging"]
    text: str
    who: str | None = None
    deadline: dt.date | None = None
    sak: str | None = None
    meeting_title: str
    meeting_date: dt.date | None = None
    network: str | None = None
    source: str
    citation: Citation


class Participant(BaseModel):
    """One person the minutes name, with the organisation written beside them."""

    name: str
    organisation: str | None = None
    municipalities: list[str] = []
    now: dict[str, str] = {}  # a municipality merged since: its name then → today's («Søgne»)
    roles: list[Role] = []
    citations: list[int] = []


class MeetingParticipants(BaseModel):
    """Who one meeting's minutes name in the roles asked for (everyone present by default)."""

    title: str
    date: dt.date | None = None
    source: str
    doc_id: str
    roles: list[Role] = []  # what was asked: [] for everyone present
    people: list[Participant] = []
    attendance: Participants | None = None  # quoted when the minutes list no people


# «Saka vert sett opp att på neste møte», «… fra neste møte», «tas opp igjen neste gang»
_DEFERRED = words(r"neste\s+(?:møte|samling|nettverkssamling|styringsgruppemøte)",
                  r"neste\s+gang", r"neste\s+gong", r"next\s+(?:meeting|gathering)")


def defers_to_next(text: str) -> bool:
    """A statement that puts a matter off to the next meeting without saying when that is:
    an answer quoting it says the date too."""
    return bool(_DEFERRED.search(text)) and not find_dates(text)
