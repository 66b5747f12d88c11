"""Every meeting the minutes know, by date, with a fixed today: the referat's own meeting, the
ones it refers back to and the next it plans, in date order, each cited, and never a passed
date told as ahead."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.minutes.calendar import mentions_in
from bot.minutes.find import Meeting
from bot.minutes.route import try_answer
from indexer.minutes.models import MeetingRecord
from indexer.models import Chunk, DocType, DocumentMeta
from tests.fakes import understood

TRONDELAG = "2021-10-26_referat_nettverkssamling_trondelag.md"
REKOM = "004_300499633755e007.txt"
TODAY = dt.date(2026, 12, 5)


def _rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def test_a_networks_meetings_come_in_date_order_and_all_are_passed(sample_context) -> None:  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: TODAY)
    question = understood(ctx, "Kva datoar har læringsnettverket i Trøndelag hatt samlingar?")
    assert question.meeting_calendar and question.language == "nn"
    answer = try_answer(question, ctx)
    assert answer is not None and answer.kind == "list"
    rows = _rows(answer.answer)
    # the one it approved the minutes of, its own, and the next it planned
    assert [row.split(":")[0] for row in rows] == [
        "- 15. april 2021", "- 26. oktober 2021", "- 3. mars 2022"]
    assert "Steinkjer" in rows[2] and all("[" in row for row in rows)
    assert {c.source for c in answer.citations} == {TRONDELAG}
    assert "passerte" in answer.answer.splitlines()[-1]


def test_a_date_still_ahead_is_told_ahead(sample_context) -> None:  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2022, 1, 1))
    question = understood(ctx, "Gi meg alle samlingsdatoene for læringsnettverket i Trøndelag")
    answer = try_answer(question, ctx)
    assert answer is not None
    assert answer.answer.splitlines()[-1] == "Fram i tid: 3. mars 2022."


def test_a_year_keeps_the_meetings_held_that_year_across_the_minutes(sample_context) -> None:  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: TODAY)
    question = understood(ctx, "List all meetings in 2022 across the documents, with dates.")
    answer = try_answer(question, ctx)
    assert answer is not None and answer.language == "en"
    dates = [row.split(":")[0][2:] for row in _rows(answer.answer)]
    assert dates == sorted(dates, key=lambda d: dt.datetime.strptime(d, "%d %B %Y"))
    assert {"3 March 2022", "31 March 2022", "7 September 2022", "15 November 2022"} <= set(dates)
    assert all(d.endswith("2022") for d in dates)  # the Trøndelag meeting of 2021 is left out
    assert {TRONDELAG, REKOM} <= {c.source for c in answer.citations}


def _meeting(written: dt.date, text: str) -> tuple[Meeting, Chunk]:
    meta = DocumentMeta(doc_id="d1", source="referat.md", path="referat.md",
                        title="Referat fra styringsgruppen", doc_type=DocType.REFERAT,
                        date=written)
    chunk = Chunk(chunk_id="d1:0", doc_id="d1", position=0, text=text, start=0, end=len(text))
    return Meeting(MeetingRecord(doc_id="d1", title=meta.title, date=written), meta), chunk


@pytest.mark.parametrize(("written", "text", "dates"), [
    # a deadline in a sentence about a meeting is no meeting
    (dt.date(2024, 4, 23), "Avklare dato og sted for felles samling innen 1. juni 2024.", []),
    # a day without a year takes the year of the full date after it
    (dt.date(2026, 11, 18), "Styringsgruppen møtes 10. februar, 12. mai og 24. november 2027.",
     [dt.date(2027, 2, 10), dt.date(2027, 5, 12), dt.date(2027, 11, 24)]),
    # … or, months before the referat was written, the next year
    (dt.date(2026, 11, 18), "Neste møte blir 10. februar kl. 12.30.", [dt.date(2027, 2, 10)]),
    (dt.date(2022, 9, 7), "Vi tar sikte på møtet 15. november.", [dt.date(2022, 11, 15)]),
    # a sentence naming no meeting dates none
    (dt.date(2022, 9, 7), "Søknaden ble sendt 1. mars 2022.", []),
    # a meeting only in a year the referat plans
    (dt.date(2024, 4, 23), "Det holdes én felles samling med Troms-nettverket i 2025.",
     [dt.date(2025, 12, 31)]),
])  # fmt: skip
def test_which_dates_in_a_sentence_are_meetings(written, text, dates) -> None:  # type: ignore[no-untyped-def]
    meeting, chunk = _meeting(written, text)
    found = [m.date for m in mentions_in(meeting, [chunk]) if m.chunk is not None]
    assert found == dates


@pytest.mark.parametrize(("text", "calendar"), [
    ("Kva datoar har læringsnettverket i Finnmark hatt samlingar?", True),
    ("Gi meg alle samlingsdatoene for læringsnettverket i Trøndelag", True),
    ("Hvilke møter og samlinger fant sted i 2019?", True),
    ("List all meetings in 2022 across the documents, with dates.", True),
    ("Hvilke møtedatoer har styringsgruppa i Gjøvikregionen satt opp for 2027?", True),
    ("Hvilke møtereferater har vi fra 2022?", False),  # the documents
    ("Er det noen møter som står for tur?", False),  # only those ahead
    ("Når er neste møte i styringsgruppa i Setesdal?", False),  # one meeting
    ("Hvilke møter har Valle deltatt på?", False),  # one person's
])  # fmt: skip
def test_which_questions_ask_the_dates_of_many_meetings(sample_context, text, calendar) -> None:  # type: ignore[no-untyped-def]
    assert understood(sample_context, text).meeting_calendar is calendar
