"""A meeting record: what one referat says, read once at index time and stored beside its
chunks, so that summaries, decisions and participants are answered without parsing again.

Every statement keeps `Where` it was written (its span and the chunk that holds it), so the
read side cites it exactly; the record holds values, never display words.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel


class Role(StrEnum):
    """What the minutes say a person was at the meeting; a person may have several."""

    PRESENT = "present"  # «Til stede», «Deltakere», «Fra Statsforvalteren: …»
    ABSENT = "absent"  # «Forfall»
    MINUTE_TAKER = "minute_taker"  # «Referent»
    CHAIR = "chair"  # «Møteleder»
    CHILD_WELFARE_LEADER = "child_welfare_leader"  # «barnevernleder Tysvær», «bv.leder Hå»
    STATE = "state"  # from the Statsforvalter / Fylkesmann


class Where(BaseModel):
    """A span of the document's text, the chunk that holds it and the snippet to cite."""

    start: int
    end: int
    chunk_id: str
    section: str | None = None
    snippet: str


class Stated(BaseModel):
    """One statement as the minutes put it (cleaned of markdown), and where."""

    text: str
    where: Where


class Person(BaseModel):
    """One person named in the meeting's preamble, with the organisation written beside them."""

    name: str
    organisation: str | None = None  # as written: «barnevernleder Tysvær», «Kvam herad»
    municipalities: list[str] = []  # municipality names the organisation holds («Tysvær»)
    roles: list[Role] = []
    where: Where  # the entry itself: «Stine Heinz – barnevernleder Tysvær»


class Attendance(BaseModel):
    """Who was there, counted from a list of people, or an attendance sentence quoted."""

    people: int | None = None
    organisations: list[str] = []
    text: str | None = None  # set when quoting rather than counting
    where: Where


class Action(BaseModel):
    what: str
    who: str | None = None
    when: dt.date | None = None
    where: Where


ItemKind = Literal["sak", "section", "next"]


class Item(BaseModel):
    """One agenda item (Sak) or headed section, its decisions, actions and telling sentences."""

    kind: ItemKind
    number: str | None = None
    title: str
    level: int = 1
    start: int
    body_start: int
    end: int
    summary: list[Stated] = []
    decisions: list[Stated] = []
    actions: list[Action] = []
    labelled: bool = False  # holds a «Vedtak:» or «Oppfølging:» block, as minutes write them
    words: list[str] = []  # the stems of its title and text, to match a topic against


class Upcoming(BaseModel):
    date: dt.date | None = None
    place: str | None = None
    host: str | None = None
    theme: str | None = None
    text: str
    wheres: list[Where] = []


class MeetingRecord(BaseModel):
    doc_id: str
    title: str  # the minutes' own «Referat fra …» line where the stored title is another
    date: dt.date | None = None
    head: str = ""  # the opening text, where minutes name their meeting (matched like a title)
    opening: Where | None = None  # the first chunk, cited when the meeting itself is named
    place: Stated | None = None
    attendance: Attendance | None = None
    people: list[Person] = []
    items: list[Item] = []  # «Neste møte» sections included (kind "next")
    next_meeting: Upcoming | None = None

    @property
    def article(self) -> bool:
        """An article about a meeting («Barnevernsreformen hovedsak på bilateralt møte»), which
        is summarised like any other document: headed sections, and none of what minutes are
        made of (numbered items, «Vedtak:» blocks, action items, who came, the next meeting)."""
        return bool(self.items) and not (self.attendance or self.people or self.next_meeting or any(
            item.kind != "section" or item.actions or item.labelled for item in self.items))

    def with_role(self, role: Role) -> list[Person]:
        return [person for person in self.people if role in person.roles]
