"""Who from an organisation or municipality attended, and at which meetings: «Hvem møtte fra
Bufdir på møtene i 2020?», «Hvilke møter har Valle deltatt på?», «Which meetings did Voss
attend?».

A municipality is matched with its history (SSB): «Kristiansand» finds the Søgne and Songdalen
people of 2019, shown as «Søgne (nå Kristiansand)»; «Søgne» finds Søgne, and today's
Kristiansand only after the merger. When no one matches, the answer says so plainly and lists
no one else as if they did.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.meetings import MeetingParticipants, Participant, Participants
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import ParticipantList
from bot.core.question_values import Attendee, MeetingRef, Place
from bot.core.understand.attendee import org_words
from bot.i18n import t
from bot.minutes.find import Meeting, find_meeting, stored_meetings
from bot.minutes.replies import describe, named, not_found
from indexer.minutes.models import Person, Role
from indexer.text.places import Gazetteer

MAX_NONE = 5  # «Ingen fra Bufdir …»: the meetings looked in, named up to this many
_KEPT = (Role.ABSENT, Role.MINUTE_TAKER, Role.CHAIR, Role.CHILD_WELFARE_LEADER)


class _Hit(NamedTuple):
    meeting: Meeting
    people: list[tuple[Person, list[tuple[str, str]]]]  # each with (former name, today's)
    quoted: bool  # the attendance sentence names them, not a list of people


def answer_attendee(question: Question, ctx: CoreContext) -> Answer | None:
    """The meetings (and people) of the question's attendee, or plainly that no one from
    there is listed; None when it asks of no attendee."""
    attendee = question.attendee
    if attendee is None:
        return None
    request = question.meeting or MeetingRef(every=True)
    meetings = stored_meetings(ctx.store)
    if request.empty:
        scope = meetings
    else:
        match = find_meeting(request, meetings)
        if not match.found and (request.dated or request.latest):
            return not_found(match, question.language, question.text, request)
        scope = match.found or meetings  # words naming no meeting: whom to find is the filter
    hits = hits_in(scope, attendee, list(question.roles), ctx.gazetteer)
    return attendee_answer(question.text, question.language, attendee, scope, hits)


def attendee_answer(text: str, language: Language, attendee: Attendee, scope: list[Meeting],
                    hits: list[_Hit]) -> Answer:  # fmt: skip
    book = CitationBook()
    who = attendee.written
    if not hits:
        lines = [AnswerSentence(text=t("minutes.from_none", language, who=who))]
        lines += [named(f"- {describe(m, language)}", m, book) for m in scope[:MAX_NONE]]
        if len(scope) > MAX_NONE:
            lines.append(AnswerSentence(text=t("minutes.from_more", language,
                                               n=len(scope) - MAX_NONE)))  # fmt: skip
        return Answer(question=text, answer=render(lines, "\n"), language=language,
                      kind="refusal", refused=True, sentences=lines, citations=book.citations,
                      payload=ParticipantList(meetings=[]))
    lines: list[AnswerSentence] = []
    if len(scope) > 1:
        lines.append(AnswerSentence(text=t("minutes.from_found", language, who=who,
                                           n=len(hits), total=len(scope))))  # fmt: skip
    shown = [_listed(hit, book) for hit in hits]
    for hit, listed in zip(hits, shown, strict=True):
        lines.append(AnswerSentence(text=t("minutes.from_meeting", language, who=who,
                                           meeting=describe(hit.meeting, language))))
        if hit.quoted and listed.attendance is not None:
            lines.append(AnswerSentence(text=f"- «{listed.attendance.text}»",
                                        citations=listed.attendance.citations))
        for person, (_, notes) in zip(listed.people, hit.people, strict=True):
            lines.append(AnswerSentence(text=f"- {_label(person, notes, language)}",
                                        citations=person.citations))
    return Answer(question=text, answer=render(lines, "\n"), language=language, kind="list",
                  sentences=lines, citations=book.citations,
                  payload=ParticipantList(meetings=shown))


def hits_in(scope: list[Meeting], attendee: Attendee, roles: list[Role], gazetteer: Gazetteer
            ) -> list[_Hit]:  # fmt: skip
    wanted = [r for r in _KEPT if r in roles] or [Role.PRESENT]
    return [hit for m in scope if (hit := _hit(m, attendee, wanted, gazetteer)) is not None]


def _hit(meeting: Meeting, attendee: Attendee, wanted: list[Role], gazetteer: Gazetteer
         ) -> _Hit | None:  # fmt: skip
    record = meeting.record
    people: list[tuple[Person, list[tuple[str, str]]]] = []
    seen: set[str] = set()
    for person in record.people:
        if person.name in seen or not any(r in person.roles for r in wanted):
            continue
        matched = _matches(person.organisation or "", person.municipalities, record.date,
                           attendee, gazetteer)
        if matched is not None:
            seen.add(person.name)
            people.append((person, matched))
    if people:
        return _Hit(meeting, people, quoted=False)
    attendance = record.attendance
    if Role.PRESENT in wanted and attendance is not None and attendance.text and not any(
            Role.PRESENT in p.roles for p in record.people):  # a sentence instead of a list
        places = [m.name for m in gazetteer.find_municipalities(attendance.text, record.date)]
        if _matches(attendance.text, places, record.date, attendee, gazetteer) is not None:
            return _Hit(meeting, [], quoted=True)
    return None


def _matches(organisation: str, municipalities: list[str], on: dt.date | None,
             attendee: Attendee, gazetteer: Gazetteer
             ) -> list[tuple[str, str]] | None:  # fmt: skip
    """None when no match; else the names matched that are not today's, with today's
    («Søgne», «Kristiansand»)."""
    if attendee.org_words:
        words = org_words(organisation)
        found = all(w in words or len(w) >= 5 and any(x.startswith(w) for x in words)
                    for w in attendee.org_words)
        return [] if found else None
    former: list[tuple[str, str]] = []
    hit = False
    for name in municipalities:
        for muni in gazetteer.municipality_at(name, on):
            for place in attendee.places:
                if _covers(place, muni.number, muni.current_numbers):
                    hit = True
                    if (today := gazetteer.name_now(muni, name)) is not None:
                        former.append((name, today))
    return list(dict.fromkeys(former)) if hit else None


def _covers(place: Place, number: str, current: tuple[str, ...]) -> bool:
    """Today's name (or a county) covers every former one; a former name covers itself and
    what it became after the merger, not its partners before it."""
    if place.kind == "county" or place.is_current:
        return bool(set(current) & set(place.numbers))
    return number in place.own_numbers or number in place.numbers


def _listed(hit: _Hit, book: CitationBook) -> MeetingParticipants:
    record, meta = hit.meeting
    people = [Participant(name=p.name, organisation=p.organisation,
                          municipalities=p.municipalities, roles=p.roles,
                          citations=[book.cite_where(p.where, meta)]) for p, _ in hit.people]
    attendance = None
    if hit.quoted and record.attendance is not None:
        found = record.attendance
        attendance = Participants(people=found.people, organisations=found.organisations,
                                  text=found.text, citations=[book.cite_where(found.where, meta)])
    return MeetingParticipants(title=record.title, date=record.date, source=meta.source,
                               doc_id=meta.doc_id, people=people, attendance=attendance)


def _label(person: Participant, former: list[tuple[str, str]], language: Language) -> str:
    """«Arild Høgås – barnevernleder, Søgne kommune (Søgne, nå Kristiansand)»."""
    text = f"{person.name} – {person.organisation}" if person.organisation else person.name
    for name, today in former:
        text += t("minutes.from_former", language, name=name, today=today)
    return text
