"""What every minutes route says when a request does not name exactly one meeting: which of
these did you mean, or none fits (with the nearest meetings), each meeting cited by its
opening so it can be opened."""

from __future__ import annotations

import datetime as dt

from bot.core.cite import CitationBook, render
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import DocumentRef, MeetingCandidates, NearestDocuments
from bot.core.question_values import MeetingRef
from bot.i18n import format_date, format_month, t
from bot.minutes.find import Meeting, MeetingMatch


def ask_back(match: MeetingMatch, language: Language, question: str, intro: str,
             hint: str = "minutes.hint") -> Answer:  # fmt: skip
    """«Jeg fant 2 referater som passer …», the choices, and how to name one."""
    book = CitationBook()
    lines = [AnswerSentence(text=intro)]
    lines += [named(f"{i}. {describe(m, language)}", m, book)
              for i, m in enumerate(match.found, 1)]
    dated = next((m for m in match.found if m.record.date), None)
    if dated is not None and dated.record.date is not None:
        example = f"{dated.record.date:%d.%m.%Y}"
        meta = dated.meta
        if len({m.record.date for m in match.found}) == 1 and (meta.network or meta.county):
            example = f"{meta.network or meta.county} {example}"  # the date alone is not enough
        lines.append(AnswerSentence(text=t(hint, language, example=example)))
    candidates = MeetingCandidates(candidates=[ref(m) for m in match.found])
    return Answer(question=question, answer=render(lines, "\n"), language=language,
                  kind="clarify", sentences=lines, citations=book.citations, payload=candidates)


def not_found(match: MeetingMatch, language: Language, question: str, request: MeetingRef
              ) -> Answer:  # fmt: skip
    none = t("minutes.none", language, asked=asked(request, language))
    book = CitationBook()
    if not match.nearest:
        lines = [AnswerSentence(text=none if match.total else t("minutes.empty", language))]
    else:
        lines = [AnswerSentence(text=none), AnswerSentence(text=t("minutes.nearest", language))]
        lines += [named(f"- {describe(m, language)}", m, book) for m in match.nearest]
    nearest = NearestDocuments(nearest=[ref(m) for m in match.nearest])
    return Answer(question=question, answer=render(lines, "\n"), language=language,
                  refused=True, kind="refusal", sentences=lines, citations=book.citations,
                  payload=nearest)


def with_moved_note(answer: Answer, match: MeetingMatch, request: MeetingRef) -> Answer:
    """An answer from the network's meeting near the date asked says first that the date
    asked has no referat and which meeting answers instead."""
    if not match.moved or not match.found:
        return answer
    language = answer.language
    note = AnswerSentence(text=t("minutes.moved", language, asked=asked(request, language),
                                 meeting=describe(match.found[0], language)))
    return answer.model_copy(update={"answer": f"{note.text}\n{answer.answer}",
                                     "sentences": [note, *answer.sentences]})


def describe(meeting: Meeting, language: Language) -> str:
    """«Referat frå møte i styringsgruppa …» (10. mai 2023)."""
    date = meeting.record.date
    when = f" ({format_date(date, language)})" if date else ""
    return f"«{meeting.meta.title}»{when}"


def named(text: str, meeting: Meeting, book: CitationBook) -> AnswerSentence:
    """A referat named as a choice or a near miss, cited by its opening so it can be opened."""
    opening = meeting.record.opening
    return AnswerSentence(text=text, citations=[book.cite_where(opening, meeting.meta)]
                          if opening else [])


def ref(meeting: Meeting) -> DocumentRef:
    meta = meeting.meta
    return DocumentRef(title=meta.title, date=meeting.record.date or meta.date,
                       source=meta.source, doc_id=meta.doc_id)


def asked(request: MeetingRef, language: Language) -> str:
    """What was asked for, as a phrase: "fra 31. januar 2023", "fra september 2022"."""
    prefix = t("minutes.from", language)
    if request.date:
        return f"{prefix} {format_date(request.date, language)}"
    if request.month:
        year, month = request.month
        return f"{prefix} {format_month(year, month, language)}"
    if request.year:
        return f"{prefix} {request.year}"
    if request.day_of_year:
        month, day = request.day_of_year
        return f"{prefix} {format_date(dt.date(2000, month, day), language).rsplit(' ', 1)[0]}"
    if request.month_of_year:
        return f"{prefix} {format_month(2000, request.month_of_year, language).split()[0]}"
    if request.period:
        first, last = request.period
        if last == last.max:
            return t("minutes.since", language, date=format_date(first, language))
        if first == first.min:
            return t("minutes.before", language, date=format_date(last, language))
        return t("minutes.between", language, first=format_date(first, language),
                 last=format_date(last, language))
    return t("minutes.matching", language)
