"""Who attended a meeting, and as what, from the records read at index time: «Hvem deltok på
møtet 31.01.2024?», «Which child-welfare leaders attended …, and from which municipalities?»,
«Kven var referent i Setesdal?», «Hvem hadde forfall på siste møte i REKOM?».

Each person is a row cited to the entry that names them; minutes that list bodies rather than
people have their attendance sentence quoted instead. A question naming several meetings (a
network, a year) gets each meeting's list, newest first.
"""

from __future__ import annotations

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.meetings import MeetingParticipants, Participant, Participants
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import ParticipantList
from bot.core.phrases import join
from bot.i18n import t
from bot.minutes.find import Meeting, find_meeting, stored_meetings
from bot.minutes.replies import ask_back, describe, named, not_found
from indexer.minutes.models import Person, Role

MAX_MEETINGS = 5  # «Hvem deltok på møtene i 2023?» lists the newest five
_LABELLED = (Role.ABSENT, Role.MINUTE_TAKER, Role.CHAIR)  # rows of their own, after the present
_EXTRA = {Role.MINUTE_TAKER: "minutes.role_minute_taker", Role.CHAIR: "minutes.role_chair",
          Role.ABSENT: "minutes.role_absent"}  # fmt: skip


def answer_participants(question: Question, ctx: CoreContext) -> Answer | None:
    """The people of the meetings the question names; None when it names no meeting we have
    and no date (the general answerer may still find who took part in what)."""
    request = question.meeting
    language = question.language
    if request is None:
        return None
    match = find_meeting(request, stored_meetings(ctx.store))
    if request.empty:
        return ask_back(match, language, question.text, t("minutes.which_meeting", language),
                        "minutes.hint_meeting")
    if not match.found:
        if request.dated or request.latest:
            return not_found(match, language, question.text, request)
        return None
    book = CitationBook()
    asked = sorted(question.roles)
    shown = [_participants(m, asked, book) for m in match.found[:MAX_MEETINGS]]
    lines: list[AnswerSentence] = []
    for meeting, listed in zip(match.found, shown, strict=False):
        lines += _lines(meeting, listed, language, book)
    nobody = not any(m.people or m.attendance for m in shown)  # «Who chaired …?»: not written
    return Answer(question=question.text, answer=render(lines, "\n"), language=language,
                  kind="refusal" if nobody else "list", refused=nobody, sentences=lines,
                  citations=book.citations, payload=ParticipantList(meetings=shown))


def _participants(meeting: Meeting, asked: list[Role], book: CitationBook) -> MeetingParticipants:
    record, meta = meeting
    people = [_row(p, meeting, book) for p in _chosen(record.people, asked)]
    if not asked or asked == [Role.PRESENT]:  # everyone: the labelled roles follow
        people += [_row(p, meeting, book) for p in record.people
                   if any(role in p.roles for role in _LABELLED)]
    attendance = None
    if record.attendance is not None and not people and not asked:  # quoted for everyone
        found = record.attendance
        attendance = Participants(people=found.people, organisations=found.organisations,
                                  text=found.text, citations=[book.cite_where(found.where, meta)])
    return MeetingParticipants(title=record.title, date=record.date, source=meta.source,
                               doc_id=meta.doc_id, roles=asked, people=people,
                               attendance=attendance)


def _chosen(people: list[Person], asked: list[Role]) -> list[Person]:
    """Those present, or those with the labelled role asked (forfall, referent, møteleder),
    narrowed by any other role asked (barnevernleder, from the Statsforvalter)."""
    labelled = [role for role in asked if role in _LABELLED]
    base = labelled or [Role.PRESENT]
    narrowing = [role for role in asked if role not in _LABELLED and role != Role.PRESENT]
    return [p for p in people if any(role in p.roles for role in base)
            and all(role in p.roles for role in narrowing)]


def _row(person: Person, meeting: Meeting, book: CitationBook) -> Participant:
    return Participant(name=person.name, organisation=person.organisation,
                       municipalities=person.municipalities, roles=person.roles,
                       citations=[book.cite_where(person.where, meeting.meta)])


def _lines(meeting: Meeting, listed: MeetingParticipants, language: Language,
           book: CitationBook) -> list[AnswerSentence]:  # fmt: skip
    """The heading (who, which meeting, how many, from where), then one cited row each."""
    present = [p for p in listed.people if not any(r in p.roles for r in _LABELLED)
               or set(listed.roles) & set(_LABELLED)]
    rest = [p for p in listed.people if p not in present]
    who = _who(listed.roles, language)
    places = join([m for p in present for m in p.municipalities], language)
    count = _count(len(present), language)
    if places and listed.roles:
        count += t("minutes.participants_places", language, places=places)
    if set(listed.roles) & {Role.MINUTE_TAKER, Role.CHAIR}:  # one person: no count
        heading = t("minutes.participants_plain", language, who=who,
                    meeting=describe(meeting, language))
    else:
        heading = t("minutes.participants", language, who=who,
                    meeting=describe(meeting, language), count=count)
    lines = [AnswerSentence(text=heading)]
    if not present and listed.attendance is not None and listed.attendance.text:
        lines = [AnswerSentence(text=t("minutes.participants_quoted", language, who=who,
                                       meeting=describe(meeting, language))),
                 AnswerSentence(text=f"«{listed.attendance.text}»",
                                citations=listed.attendance.citations)]
    elif not present:  # the referat is cited, so the reader can see for themselves
        lines = [named(t("minutes.participants_none", language, who=who,
                         meeting=describe(meeting, language)), meeting, book)]
    lines += [AnswerSentence(text=f"- {_person(p)}", citations=p.citations) for p in present]
    for role, key in _EXTRA.items():
        with_role = [p for p in rest if role in p.roles]
        if with_role:
            names = "; ".join(_person(p) for p in with_role)
            cited = [n for p in with_role for n in p.citations]
            lines.append(AnswerSentence(text=f"{t(key, language)}: {names}", citations=cited))
    return lines


def _who(roles: list[Role], language: Language) -> str:
    if Role.ABSENT in roles:
        return t("minutes.role_absent", language)
    if Role.MINUTE_TAKER in roles:
        return t("minutes.role_minute_taker", language)
    if Role.CHAIR in roles:
        return t("minutes.role_chair", language)
    if Role.CHILD_WELFARE_LEADER in roles:
        return t("minutes.role_child_welfare_leaders", language)
    if Role.STATE in roles:
        return t("minutes.role_state", language)
    return t("minutes.present", language)


def _count(n: int, language: Language) -> str:
    return t("minutes.one_person", language) if n == 1 else t("minutes.people", language, n=n)


def _person(person: Participant) -> str:
    return f"{person.name} – {person.organisation}" if person.organisation else person.name
