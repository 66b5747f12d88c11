"""Decisions and action items from the meeting records, each with its citation.

Three questions reach here: what the meeting(s) a question names decided («Hva ble bestemt på
siste møte i ressursgruppa?», «Kva vart vedteke i Setesdal i fjor?»); what a group decided
about a topic («Hva har ressursgruppa bestemt om kompetansemiljøene?»); and every decision and
still open action item (`laeringsbot decisions`, «Hvilke vedtak er gjort?»), newest first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from typing import NamedTuple

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext, Question
from bot.core.meetings import Decision, defers_to_next
from bot.core.models import Answer, AnswerSentence, Citation, Language
from bot.core.payloads import DecisionList
from bot.core.phrases import next_meeting_label
from bot.core.question import TimeFocus
from bot.core.understand.meeting import NOISE_WORDS
from bot.i18n import format_date, t
from bot.minutes.find import (
    Meeting,
    find_in_places,
    find_meeting,
    has_word,
    names_meeting,
    stored_meetings,
    word_score,
)
from bot.minutes.replies import describe, named, not_found, with_moved_note
from bot.minutes.summary import next_meeting
from indexer.minutes.models import Item
from indexer.minutes.text import clean
from indexer.store.lexical import tokenize
from indexer.text.dates import MONTH_NUMBERS
from indexer.text.glossary import expand

_MONTHS = frozenset(tokenize(" ".join(MONTH_NUMBERS)))
_GENERIC_ACTORS = frozenset(tokenize("vi dere de dei we they nettverket læringsnettverket møtet "
                                     "møtene the network meetings")) | NOISE_WORDS


_NEXT_OF = 2  # the next meeting is told for one or two meetings, not for every one found


class _Found(NamedTuple):
    decision: Decision
    meeting: Meeting
    item: Item  # the agenda item it was recorded under, to match a topic against


def list_decisions(
    ctx: CoreContext, network: str | None = None, since: dt.date | None = None
) -> list[Decision]:
    """Decisions and open action items (no deadline, or one not yet passed), newest first."""
    wanted = [w for w in tokenize(network or "") if w not in NOISE_WORDS]
    meetings = [m for m in stored_meetings(ctx.store)
                if not (wanted and word_score(wanted, m.meta, "") < len(wanted))
                and not (since is not None and (m.record.date is None or m.record.date < since))]
    return [found.decision for found in _collect(meetings, CitationBook(), ctx.today())]


def answer_decisions(question: Question, ctx: CoreContext) -> Answer | None:
    """What the named meetings decided; None when the question names no meeting we have and no
    date, so that the general answerer can still look in the minutes' prose."""
    if question.actor or question.topic:
        return _about_topic(question, ctx)
    request = question.meeting
    meetings = stored_meetings(ctx.store)
    if question.assignee:
        found = find_in_places(request, meetings, question).found if request and not \
            request.empty else []
        return _assigned_to(question, found or meetings)
    if question.due_year is not None:
        return _due_in(question.due_year, meetings, question)
    if request is None or request.empty:
        found = _collect(meetings, CitationBook(), ctx.today())
        return decisions_answer([f.decision for f in found], question,
                                t("minutes.decisions_open", question.language))
    match = find_in_places(request, meetings, question)
    if not match.found:
        if request.dated or request.latest:
            return not_found(match, question.language, question.text, request)
        return None
    book = CitationBook()
    if question.open_items:  # «Hvilke av fristene har ikke gått ut?»: what is still to be done
        found = [f for f in _collect(match.found, CitationBook(), question.today)
                 if f.decision.kind == "oppfølging"]
    else:
        found = _collect(match.found, book, None)
    if not found:
        return _none_recorded(match.found, question, book)
    language = question.language
    if len(match.found) == 1:
        heading = t("minutes.decisions_of", language, meeting=describe(match.found[0], language))
    else:
        heading = t("minutes.decisions_of_many", language, n=len(match.found))
    return with_moved_note(with_next_meeting(
        decisions_answer([f.decision for f in found], question, heading,
                         dated=len(match.found) > 1), match.found, question), match, request)


def _assigned_to(question: Question, meetings: list[Meeting]) -> Answer:
    """«Hvilke oppgaver fikk Eivind Skjølås?», «Which action items went to Statsforvalteren?»:
    the action items whose responsible names them, each with its Sak's decisions, newest
    meeting first; none said plainly."""
    wanted = _name_key(question.assignee)
    found = _collect(meetings, CitationBook(), question.today if question.open_items else None)
    theirs = [f for f in found if f.decision.kind == "oppfølging" and f.decision.who
              and wanted <= _name_key(f.decision.who)]
    # the decisions of their items' Saks say what the items are for and often when
    saks = {(f.decision.source, f.decision.sak) for f in theirs}
    mine = [f.decision for f in found if f in theirs or (
        f.decision.kind == "vedtak" and (f.decision.source, f.decision.sak) in saks)]
    language = question.language
    if not mine:
        return Answer(question=question.text, language=language, refused=True, kind="refusal",
                      answer=t("minutes.assigned_none", language, who=question.assignee))
    return decisions_answer(mine, question, t("minutes.assigned_to", language,
                                              who=question.assignee))


def _name_key(text: str) -> set[str]:
    """A name's words without their vowels a and e: «Statsforvaltaren» is «Statsforvalteren»."""
    return {re.sub("[ae]", "", word) for word in tokenize(text)}


def _due_in(year: int, meetings: list[Meeting], question: Question) -> Answer:
    """«Hvilke oppfølgingspunkter hadde frist i 2024?»: the action items of every referat due
    that year, soonest first (none is a list of none, said so)."""
    due = [f.decision for f in _collect(meetings, CitationBook(), None)
           if f.decision.deadline is not None and f.decision.deadline.year == year]
    due.sort(key=lambda d: d.deadline or dt.date.max)
    return decisions_answer(due, question, t("minutes.decisions_due", question.language,
                                             year=year, n=len(due)))


def _about_topic(question: Question, ctx: CoreContext) -> Answer | None:
    """The decisions of `actor` about `topic` (at the meetings a time names: «i fjor», «på
    siste møte»); None when there are none."""
    actor = [w for w in tokenize(question.actor) if w not in _GENERIC_ACTORS]
    # each word with its Bokmål, Nynorsk and English forms («recruitment»: «rekruttering»)
    topic = [frozenset(group) for group in expand(question.topic)
             if not group & (NOISE_WORDS | _MONTHS) and not any(w.isdigit() for w in group)]
    meetings = stored_meetings(ctx.store)
    request = question.meeting
    if request is not None and (request.dated or request.latest):
        match = find_meeting(replace(request, words=tuple(actor)), meetings)
        if not match.found and request.dated:
            # «… da styringsgruppa i Setesdal møttes i september 2023?» with no referat from
            # then: another meeting's decision on the topic is no answer
            return not_found(match, question.language, question.text, request)
        meetings = match.found
    matches: list[Decision] = []
    collected = _collect(meetings, CitationBook(), None)
    weight = _rarity(topic, list({id(f.item): frozenset(f.item.words) for f in collected}.values()))
    for found in collected:
        words, meta = frozenset(found.item.words), found.meeting.meta
        by_actor = not actor or word_score(actor, meta, words) >= len(actor) * 0.75
        # «om rekruttering i styringsgruppa i Setesdal»: the meeting's own name is no topic
        subject = [group for group in topic if not any(names_meeting(w, meta) for w in group)]
        about = sum(weight[g] for g in subject if _has_any(g, words)) >= sum(
            weight[g] for g in subject) * 0.5
        if by_actor and about:
            matches.append(found.decision)
    if not matches:
        return None
    language = question.language
    by = t("minutes.decisions_by", language, actor=question.actor) if question.actor else ""
    heading = t("minutes.decisions_about", language, topic=question.topic, actor=by)
    sources = {d.source for d in matches}
    return with_next_meeting(decisions_answer(matches, question, heading),
                             [m for m in meetings if m.meta.source in sources], question)


def _rarity(topic: list[frozenset[str]], items: list[frozenset[str]]
            ) -> dict[frozenset[str], float]:  # fmt: skip
    """How much each topic word tells of what an agenda item is about (its idf over the
    items): «nettverk» in «vedtatt om rekruttering i nettverkene» stands in many items of the
    networks' minutes and weighs little beside «rekruttering»; a word no item has («tilsette» in
    «rekruttering av tilsette») tells no item from another and weighs nothing."""
    count = len(items)
    weights = {g: math.log((count + 1) / (1 + found)) if (found := sum(
        _has_any(g, words) for words in items)) else 0.0 for g in topic}  # in none: tells none apart
    return weights if any(weights.values()) else dict.fromkeys(topic, 1.0)


def _has_any(group: frozenset[str], words: frozenset[str]) -> bool:
    return any(has_word(w, words) for w in group)


def with_next_meeting(answer: Answer, meetings: list[Meeting], question: Question) -> Answer:
    """«Hva ble bestemt, og når er neste møte?»: the decisions, then each meeting's next one,
    cited, a date already passed marked as such. Asked or not, a decision that puts the matter
    off to the next meeting («Saka vert sett opp att på neste møte») says when that is."""
    if question.time != TimeFocus.NEXT:
        listed = answer.payload.decisions if isinstance(answer.payload, DecisionList) else []
        deferring = {d.source for d in listed if defers_to_next(d.text)}
        meetings = [m for m in meetings if m.meta.source in deferring]
    if not meetings or len(meetings) > _NEXT_OF:
        return answer
    book = CitationBook()
    lines, language = list(answer.sentences), question.language
    citations = list(answer.citations)
    for meeting in meetings:
        upcoming = next_meeting(meeting.record, meeting.meta, book)
        if upcoming is None:
            continue
        label = f"{t('minutes.next', language)}: {next_meeting_label(upcoming, language)}"
        if upcoming.date is not None and upcoming.date < question.today:
            label += f" {t('core.across_passed', language)}"
        marks = []
        for n in upcoming.citations:
            citations.append(book.citations[n - 1].model_copy(update={"n": len(citations) + 1}))
            marks.append(len(citations))
        lines.append(AnswerSentence(text=label, citations=marks))
    if len(lines) == len(answer.sentences):
        return answer
    return answer.model_copy(update={"answer": render(lines, "\n"), "sentences": lines,
                                     "citations": citations})


def _collect(meetings: list[Meeting], book: CitationBook, today: dt.date | None
             ) -> list[_Found]:  # fmt: skip
    """Every decision and action item of these meetings, newest meeting first; with `today`,
    only the action items still open then."""
    found: list[_Found] = []
    for meeting in meetings:
        record, meta = meeting
        common = {"meeting_title": record.title, "meeting_date": record.date,
                  "network": meta.network or meta.current_county or meta.county,
                  "source": meta.source}
        for item in record.items:
            for stated in item.decisions:
                n = book.cite_where(stated.where, meta)
                decision = Decision(kind="vedtak", text=stated.text, sak=item.title,
                                    citation=book.citations[n - 1], **common)
                found.append(_Found(decision, meeting, item))
            for action in item.actions:
                if today is not None and action.when is not None and action.when < today:
                    continue
                n = book.cite_where(action.where, meta)
                decision = Decision(kind="oppfølging", text=action.what, who=action.who,
                                    deadline=action.when, sak=item.title,
                                    citation=book.citations[n - 1], **common)
                found.append(_Found(decision, meeting, item))
    found.sort(key=lambda f: f.decision.meeting_date or dt.date.min, reverse=True)
    return found


def _none_recorded(meetings: list[Meeting], question: Question, book: CitationBook) -> Answer:
    """The meetings were found, but their minutes record no decision: say so, citing them."""
    language = question.language
    lines = [AnswerSentence(text=t("minutes.decisions_none", language))]
    lines += [named(f"- {describe(m, language)}", m, book) for m in meetings]
    return Answer(question=question.text, answer=render(lines, "\n"), language=language,
                  kind="list", sentences=lines, citations=book.citations,
                  payload=DecisionList(decisions=[]))


def decisions_answer(decisions: list[Decision], question: Question, heading: str,
                     dated: bool = True) -> Answer:  # fmt: skip
    """The heading, then one cited line per decision, renumbered from 1 in the order shown."""
    language: Language = question.language
    lines = [AnswerSentence(text=heading)]
    citations: list[Citation] = []
    for decision in decisions:
        citations.append(decision.citation.model_copy(update={"n": len(citations) + 1}))
        lines.append(AnswerSentence(text=format_decision(decision, language, dated,
                                                         question.today),
                                    citations=[len(citations)]))
    if not decisions:
        lines.append(AnswerSentence(text=t("minutes.decisions_none", language)))
    return Answer(question=question.text, answer=render(lines, "\n"), language=language,
                  kind="list", sentences=lines, citations=citations,
                  payload=DecisionList(decisions=decisions))


def format_decision(decision: Decision, language: Language, dated: bool = True,
                    today: dt.date | None = None) -> str:
    """"- 11. februar 2020, Sak 2/2020 …: Vedtak: …" as one line; an action item's deadline
    before `today` is marked as passed («Hvilke frister har gått ut, og hvilke gjenstår?»)."""
    when = format_date(decision.meeting_date, language) if decision.meeting_date and dated else ""
    where = ", ".join(filter(None, (when, clean(decision.sak or ""))))
    label = t("minutes.decision" if decision.kind == "vedtak" else "minutes.action", language)
    details = [f"{t('minutes.who', language)}: {decision.who}"] if decision.who else []
    if decision.deadline:
        due = f"{t('minutes.when', language)}: {format_date(decision.deadline, language)}"
        if today is not None and decision.deadline < today:
            due += f", {t('minutes.when_passed', language)}"
        details.append(due)
    extra = f" ({'; '.join(details)})" if details else ""
    return f"- {where}: {label}: {decision.text}{extra}"
