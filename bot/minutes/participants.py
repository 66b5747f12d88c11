"""Who attended a meeting, and as what, from the records read at index time: «Hvem deltok på
møtet 31.01.2024?», «Which child-welfare leaders attended …, and from which municipalities?»,
«Kven var referent i Setesdal?», «Hvem var til stede, og hvem var referent?».

Each person is a row cited to the entry that names them; minutes that list bodies rather than
people have their attendance sentence quoted instead. A question naming several meetings (a
network, a year, «møtene») gets each meeting's list, newest first.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.meetings import MeetingParticipants, Participant, Participants
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import ParticipantList
from bot.core.phrases import join
from bot.i18n import t
from bot.minutes.decisions import with_next_meeting
from bot.minutes.find import Meeting, find_in_places, stored_meetings
from bot.minutes.replies import ask_back, describe, named, not_found, with_moved_note
from indexer.minutes.models import Person, Role
from indexer.text.places import Gazetteer

MAX_LISTS = 5  # «Hvem deltok på møtene i 2023?» lists the newest five meetings' attendance
MAX_MEETINGS = 20  # «Hvem har vært referent?»: a line a meeting
_LABELLED: tuple[Role, ...] = (Role.MINUTE_TAKER, Role.CHAIR, Role.ABSENT)  # a group each
_NARROWING: tuple[Role, ...] = (Role.CHILD_WELFARE_LEADER, Role.STATE)  # narrow those present
_LABELS = {Role.MINUTE_TAKER: "minutes.role_minute_taker", Role.CHAIR: "minutes.role_chair",
           Role.ABSENT: "minutes.role_absent"}  # fmt: skip


class _Asked(NamedTuple):
    present: bool  # the attendance list, narrowed by any of `narrowing`
    narrowing: list[Role]
    labelled: list[Role]  # referent, møteleder, forfall

    @classmethod
    def of(cls, roles: list[Role]) -> _Asked:
        labelled: list[Role] = [r for r in _LABELLED if r in roles]
        narrowing = [r for r in _NARROWING if r in roles]
        present = Role.PRESENT in roles or bool(narrowing) or not labelled
        if set(roles) <= {Role.PRESENT}:  # everyone: referent, møteleder and forfall follow
            labelled = list(_LABELLED)
        return cls(present, narrowing, labelled)


def answer_participants(question: Question, ctx: CoreContext) -> Answer | None:
    """The people of the meetings the question names; None when it names no meeting we have
    and no date (the general answerer may still find who took part in what)."""
    request = question.meeting
    language = question.language
    if request is None:
        return None
    match = find_in_places(request, stored_meetings(ctx.store), question)
    if request.empty and not request.every:
        return ask_back(match, language, question.text, t("minutes.which_meeting", language),
                        "minutes.hint_meeting")
    if not match.found:
        if request.dated or request.latest:
            return not_found(match, language, question.text, request)
        return None
    if not any(m.record.people or m.record.attendance for m in match.found):
        return None  # an article about a meeting: its prose may still say who was there
    book = CitationBook()
    roles = sorted(question.roles)
    asked = _Asked.of(roles)
    shown = [_participants(m, roles, asked, book, ctx.gazetteer)
             for m in match.found[: MAX_LISTS if asked.present else MAX_MEETINGS]]
    lines: list[AnswerSentence] = []
    for meeting, listed in zip(match.found, shown, strict=False):
        lines += _lines(meeting, listed, asked, language, book)
    nobody = not any(m.people or m.attendance for m in shown)  # «Who chaired …?»: not written
    answer = Answer(question=question.text, answer=render(lines, "\n"), language=language,
                    kind="refusal" if nobody else "list", refused=nobody, sentences=lines,
                    citations=book.citations, payload=ParticipantList(meetings=shown))
    # «Hvem var med på møtet i januar, og når er neste møte?»
    if nobody:
        return answer
    return with_moved_note(with_next_meeting(answer, match.found[: len(shown)], question), match,
                           request)


def _participants(meeting: Meeting, roles: list[Role], asked: _Asked, book: CitationBook,
                  gazetteer: Gazetteer) -> MeetingParticipants:  # fmt: skip
    record, meta = meeting
    chosen: list[Person] = []
    if asked.present:
        chosen += [p for p in record.people if Role.PRESENT in p.roles
                   and (not asked.narrowing or any(r in p.roles for r in asked.narrowing))]
    chosen += [p for p in record.people if p not in chosen  # the chair among those present
               and any(r in p.roles for r in asked.labelled)]
    people = [_row(p, meeting, book, gazetteer) for p in chosen]
    attendance = None
    if record.attendance is not None and asked.present and not asked.narrowing and not any(
            Role.PRESENT in p.roles for p in chosen):  # quoted when no one is listed
        found = record.attendance
        attendance = Participants(people=found.people, organisations=found.organisations,
                                  text=found.text, citations=[book.cite_where(found.where, meta)])
    return MeetingParticipants(title=record.title, date=record.date, source=meta.source,
                               doc_id=meta.doc_id, roles=roles, people=people,
                               attendance=attendance)


def _row(person: Person, meeting: Meeting, book: CitationBook, gazetteer: Gazetteer
         ) -> Participant:  # fmt: skip
    return Participant(name=person.name, organisation=person.organisation,
                       municipalities=person.municipalities, roles=person.roles,
                       now=_merged_since(person.municipalities, meeting, gazetteer),
                       citations=[book.cite_where(person.where, meeting.meta)])


def _merged_since(names: list[str], meeting: Meeting, gazetteer: Gazetteer) -> dict[str, str]:
    """«Søgne kommune» at a 2019 meeting: today's Kristiansand, shown beside it."""
    now: dict[str, str] = {}
    for name in names:
        then = gazetteer.municipality_at(name, meeting.record.date or meeting.meta.date)
        if len(then) == 1 and (today := gazetteer.name_now(then[0], name)) is not None:
            now[name] = today
    return now


def _lines(meeting: Meeting, listed: MeetingParticipants, asked: _Asked, language: Language,
           book: CitationBook) -> list[AnswerSentence]:  # fmt: skip
    """Those present (a heading, then a cited row each), then each labelled role: a line
    after the list, or a list of its own when only that role was asked."""
    lines: list[AnswerSentence] = []
    said = describe(meeting, language)
    if asked.present:
        present = [p for p in listed.people if Role.PRESENT in p.roles]
        lines += _present(meeting, listed, present, asked, language, book)
    for role in asked.labelled:
        # «Referent: …» stands apart from the list; «(…, leder av styringsgruppen)» within it:
        # one row a name, the first
        first: dict[str, Participant] = {}
        for person in listed.people:
            if role in person.roles:
                first.setdefault(person.name, person)
        with_role = list(first.values())
        label = t(_LABELS[role], language)
        if asked.present and with_role:
            names = "; ".join(_person(p, language) for p in with_role)
            lines.append(AnswerSentence(text=f"{label}: {names}",
                                        citations=[n for p in with_role for n in p.citations]))
        elif not asked.present and with_role:
            count = _count(len(with_role), language)
            lines.append(AnswerSentence(
                text=t("minutes.participants", language, who=label, meeting=said, count=count)
                if role == Role.ABSENT else
                t("minutes.participants_plain", language, who=label, meeting=said)))
            lines += [AnswerSentence(text=f"- {_person(p, language)}", citations=p.citations)
                      for p in with_role]
        elif not asked.present:  # the referat is cited, so the reader can see for themselves
            lines.append(named(t("minutes.participants_none", language, who=label, meeting=said),
                               meeting, book))
    return lines


def _present(meeting: Meeting, listed: MeetingParticipants, present: list[Participant],
             asked: _Asked, language: Language, book: CitationBook
             ) -> list[AnswerSentence]:  # fmt: skip
    who = _who(asked.narrowing, language)
    said = describe(meeting, language)
    if not present and listed.attendance is not None and listed.attendance.text:
        return [AnswerSentence(text=t("minutes.participants_quoted", language, who=who,
                                      meeting=said)),
                AnswerSentence(text=f"«{listed.attendance.text}»",
                               citations=listed.attendance.citations)]
    if not present:
        return [named(t("minutes.participants_none", language, who=who, meeting=said), meeting,
                      book)]
    count = _count(len(present), language)
    places = join([m for p in present for m in p.municipalities], language)
    if places and asked.narrowing:
        count += t("minutes.participants_places", language, places=places)
    heading = t("minutes.participants", language, who=who, meeting=said, count=count)
    return [AnswerSentence(text=heading)] + [
        AnswerSentence(text=f"- {_person(p, language)}", citations=p.citations) for p in present]


def _who(narrowing: list[Role], language: Language) -> str:
    if len(narrowing) > 1:
        return t("minutes.role_state_and_leaders", language)
    if Role.CHILD_WELFARE_LEADER in narrowing:
        return t("minutes.role_child_welfare_leaders", language)
    if Role.STATE in narrowing:
        return t("minutes.role_state", language)
    return t("minutes.present", language)


def _count(n: int, language: Language) -> str:
    return t("minutes.one_person", language) if n == 1 else t("minutes.people", language, n=n)


def _person(person: Participant, language: Language) -> str:
    merged = "".join(f" ({t('lists.now', language)} {today})" for today in person.now.values())
    return f"{person.name} – {person.organisation}{merged}" if person.organisation else person.name
