"""Finding the referat a request means: date forms, month and year, words, and ask-back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core.context import CoreContext
from bot.core.payloads import MeetingCandidates, MeetingSummaryPayload
from bot.core.understand.intent import is_minutes_summary
from bot.core.understand.meeting import meeting_ref
from bot.minutes.route import try_answer
from indexer.ingest.pipeline import index_paths
from indexer.wiring import open_store
from tests.fakes import FakeEmbeddings, fake_index_deps, understood

MINUTES = """---
type: referat
dato: 2024-03-05
fylke: {county}
---
# Referat fra {meeting} i {county}, 05.03.2024

### Sak 1/2024 Godkjenning av referat

Vedtak: Referatet fra forrige møte godkjennes.

### Sak 2/2024 Status i prosjektene

Kommunene i {county} orienterte om status i prosjektene sine.

### Neste møte

Neste møte: 4. juni 2024, Statens hus.
"""


@pytest.mark.parametrize("text", [
    "Oppsummer referatet fra 31.01.2024", "Oppsummer referatet fra 31. januar 2024",
    "Oppsummer referatet fra 2024-01-31", "Summarise the minutes of 31 January 2024",
    "Oppsummer referatet fra 31.1.24", "Samanfatt referatet frå møtet 31. januar 2024",
])
def test_every_date_form_names_the_same_day(text) -> None:
    assert is_minutes_summary(text)
    assert meeting_ref(text).date == dt.date(2024, 1, 31)


def test_month_and_year_and_words_are_read_apart() -> None:
    request = meeting_ref("/oppsummer REKOM september 2022")
    assert (request.date, request.month, request.year) == (None, (2022, 9), None)
    assert request.words == ("rekom",)
    assert meeting_ref("Oppsummer referatene fra 2021").year == 2021


@pytest.mark.parametrize(("text", "expected"), [
    ("/oppsummer 31.01.2024", True),
    ("Gi meg en oppsummering av møtet i REKOM", True),
    ("Lag eit samandrag av referatet frå Setesdal", True),
    ("Please summarize the meeting minutes from Vestland", True),
    ("Oppsummer sluttrapporten fra Rana", False),
    ("Hva ble vedtatt om rekruttering?", False),
])
def test_only_requests_for_minutes_are_summary_requests(text, expected) -> None:
    assert is_minutes_summary(text) is expected


@pytest.fixture
def two_meetings_same_day(tmp_path: Path, settings, gazetteer) -> CoreContext:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "agder.md").write_text(
        MINUTES.format(meeting="styringsgruppemøte", county="Agder"), encoding="utf-8")
    (folder / "nordland.md").write_text(
        MINUTES.format(meeting="nettverkssamling", county="Nordland"), encoding="utf-8")
    embeddings = FakeEmbeddings()
    report = index_paths([folder], fake_index_deps(settings, gazetteer, embeddings))
    assert report.files_indexed == 2, report
    return CoreContext(settings=settings, store=open_store(settings, with_vectors=True),
                       embeddings=embeddings, gazetteer=gazetteer)


def test_two_minutes_of_the_same_date_ask_which(two_meetings_same_day) -> None:
    answer = try_answer(understood(two_meetings_same_day, "Oppsummer referatet fra 05.03.2024"), two_meetings_same_day)
    assert answer is not None and answer.kind == "clarify" and not answer.refused
    assert isinstance(answer.payload, MeetingCandidates)
    assert {c.source for c in answer.payload.candidates} == {"agder.md", "nordland.md"}
    assert "Agder" in answer.answer and "Nordland" in answer.answer


def test_a_word_settles_which_of_two_same_day_minutes(two_meetings_same_day) -> None:
    question = understood(two_meetings_same_day, "Oppsummer referatet fra nettverkssamlingen 5. mars 2024")
    answer = try_answer(question, two_meetings_same_day)
    assert answer is not None and answer.kind == "summary"
    assert isinstance(answer.payload, MeetingSummaryPayload)
    assert answer.payload.meeting_summary.source == "nordland.md"
    assert {c.source for c in answer.citations} == {"nordland.md"}


def test_an_english_ask_back_is_in_english(two_meetings_same_day) -> None:
    answer = try_answer(understood(two_meetings_same_day, "Summarise the minutes of 5 March 2024"), two_meetings_same_day)
    assert answer is not None and answer.kind == "clarify"
    assert answer.answer.startswith("I found 2 sets of minutes")


def test_a_store_without_minutes_says_so(tmp_path: Path, settings, gazetteer) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "plan.md").write_text("# Prosjektplan for Kvam\n\nMål: bedre oppfølging.\n",
                                    encoding="utf-8")
    index_paths([folder], fake_index_deps(settings, gazetteer))
    ctx = CoreContext(settings=settings, store=open_store(settings, with_vectors=True),
                      embeddings=FakeEmbeddings(), gazetteer=gazetteer)
    answer = try_answer(understood(ctx, "Oppsummer referatet fra 05.03.2024"), ctx)
    assert answer is not None and answer.refused
    assert answer.answer == "Kunnskapsbasen har ingen referater ennå."


def test_the_ask_back_hint_names_more_than_the_shared_date(two_meetings_same_day) -> None:
    answer = try_answer(understood(two_meetings_same_day, "Oppsummer referatet fra 05.03.2024"), two_meetings_same_day)
    hint = answer.answer.splitlines()[-1]
    assert hint.startswith("Skriv for eksempel «Oppsummer referatet fra ")
    follow_up = hint.split("«", 1)[1].rstrip("».")
    again = try_answer(understood(two_meetings_same_day, follow_up), two_meetings_same_day)
    assert again is not None and again.kind == "summary"


UNDATED = """# Bilateralt møte mellom KS og departementet om reformen

Vedtak: Partene er enige om at reformen skal evalueres.
"""


def test_undated_minutes_whose_file_names_the_year_are_found_by_it(tmp_path: Path, settings,
                                                                    gazetteer) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "nordland.md").write_text(
        MINUTES.format(meeting="nettverkssamling", county="Nordland").replace("2024", "2021"),
        encoding="utf-8")
    (folder / "2021_referat_ks-bilateralt-mote.md").write_text(UNDATED, encoding="utf-8")
    embeddings = FakeEmbeddings()
    index_paths([folder], fake_index_deps(settings, gazetteer, embeddings))
    ctx = CoreContext(settings=settings, store=open_store(settings, with_vectors=True),
                      embeddings=embeddings, gazetteer=gazetteer)
    answer = try_answer(understood(ctx, "Oppsummer referatet fra det bilaterale møtet med KS i "
                                        "2021"), ctx)
    assert answer is not None and answer.kind == "summary", answer
    assert isinstance(answer.payload, MeetingSummaryPayload)
    assert answer.payload.meeting_summary.source == "2021_referat_ks-bilateralt-mote.md"


@pytest.mark.parametrize(("text", "day"), [
    ("Hva ble bestemt på styringsgruppemøtet i Agder 5. mars?", (3, 5)),
    ("Kva vart vedteke på møtet 5. mars?", (3, 5)),
    ("What was decided at the meeting on 5 March?", (3, 5)),
])
def test_a_day_without_a_year_is_that_day_of_any_year(text, day) -> None:
    request = meeting_ref(text)
    assert (request.date, request.day_of_year) == (None, day)
    assert "mars" not in " ".join(request.words)


def test_a_day_no_meeting_was_held_gets_the_nearest_not_another_meetings_decisions(
        two_meetings_same_day) -> None:
    held = try_answer(understood(two_meetings_same_day,
                                 "Hva ble bestemt på nettverkssamlingen 5. mars?"), two_meetings_same_day)
    assert held is not None and not held.refused and "nordland.md" in {
        c.source for c in held.citations}
    answer = try_answer(understood(two_meetings_same_day,
                                   "Hva ble bestemt på nettverkssamlingen 10. februar?"), two_meetings_same_day)
    assert answer is not None and answer.refused
    assert answer.answer.startswith("Jeg fant ikke noe referat fra 10. februar")


def test_a_meeting_of_another_place_is_never_the_asked_places(two_meetings_same_day) -> None:
    agder = try_answer(understood(two_meetings_same_day, "Hva ble bestemt på møtet i Agder "
                                                         "5. mars 2024?"), two_meetings_same_day)
    assert agder is not None and {c.source for c in agder.citations} == {"agder.md"}
    elsewhere = try_answer(understood(two_meetings_same_day, "Hva ble bestemt på møtet i "
                                                             "Steinkjer 5. mars 2024?"),
                           two_meetings_same_day)
    assert elsewhere is not None and elsewhere.refused
    assert elsewhere.answer.startswith("Jeg fant ikke noe referat fra 5. mars 2024")
    who = try_answer(understood(two_meetings_same_day, "Hvem var til stede på møtet i Trøndelag "
                                                       "5. mars 2024?"), two_meetings_same_day)
    assert who is not None and who.refused


def test_a_date_slightly_off_gets_the_networks_one_meeting_near_it_said_so(
        two_meetings_same_day) -> None:
    # «… i april 2024» of a network that met on 5 March: that meeting, the date corrected
    for asked in ("Hva ble bestemt på møtet i Agder i april 2024?",
                  "Hva ble bestemt på nettverkssamlingen i april 2024?"):
        answer = try_answer(understood(two_meetings_same_day, asked), two_meetings_same_day)
        assert answer is not None and not answer.refused
        assert answer.answer.startswith("Jeg fant ikke noe referat fra april 2024; nærmeste møte "
                                        "i dette nettverket er «Referat fra")
        assert "5. mars 2024" in answer.answer.split("\n")[0]
    # months away, or a year alone, is no slip of the date
    far = try_answer(understood(two_meetings_same_day,
                                "Hva ble bestemt på møtet i Agder i september 2024?"),
                     two_meetings_same_day)
    assert far is not None and far.refused
