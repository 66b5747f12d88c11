"""Summaries of the sample corpus's minutes: every Sak, its decisions and the next meeting."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata

import pytest

from bot.core.claims import normalise
from bot.core.meetings import MeetingSummary
from bot.core.payloads import MeetingCandidates, MeetingSummaryPayload
from bot.minutes.find import minutes_documents
from bot.minutes.route import try_answer
from indexer.ingest.loaders import load_document
from indexer.ingest.structure import agenda_items
from tests.conftest import KNOWLEDGE, SHARED_EVAL
from tests.fakes import understood

VESTLAND = "2020-02-11_referat_styringsgruppe_vestland.md"


def ask(ctx, text: str):  # type: ignore[no-untyped-def]
    return try_answer(understood(ctx, text), ctx)


def summary_of(answer) -> MeetingSummary:  # type: ignore[no-untyped-def]
    assert isinstance(answer.payload, MeetingSummaryPayload)
    return answer.payload.meeting_summary


def _contains(answer_text: str, item: str | list[str]) -> bool:
    """The eval README's matching: NFC, case-folded, short items must stand alone."""
    text = " ".join(unicodedata.normalize("NFC", answer_text).replace("\xa0", " ").split()).lower()
    for alt in item if isinstance(item, list) else [item]:
        alt = " ".join(unicodedata.normalize("NFC", alt).split()).lower()
        if len(alt) > 4 and alt in text:
            return True
        if len(alt) <= 4 and re.search(rf"(?<![\w]){re.escape(alt)}(?![\w])", text):
            return True
    return False


def _summary_questions() -> list[dict]:
    if not SHARED_EVAL.exists():
        return []
    rows = [json.loads(line) for line in SHARED_EVAL.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [row for row in rows if row["kind"] == "summary"]


@pytest.mark.parametrize("row", _summary_questions(), ids=lambda row: row["id"])
def test_summary_eval_questions_contain_their_key_facts(sample_context, row) -> None:
    answer = ask(sample_context, row["question"])
    assert answer is not None and answer.kind == "summary"
    missing = [item for item in row["must_contain"] if not _contains(answer.answer, item)]
    assert not missing, answer.answer
    assert set(row["sources"]) & {c.source for c in answer.citations}


def test_every_sak_of_every_sample_referat_is_in_its_summary(sample_context) -> None:
    store = sample_context.store
    for meta in minutes_documents(store):
        answer = ask(sample_context, f"Oppsummer referatet fra {meta.date:%d.%m.%Y}")
        assert answer is not None and answer.kind == "summary", meta.source
        text = load_document(KNOWLEDGE / meta.source).text
        numbers = [s.sak_number for s in agenda_items(text)]
        assert [item.number for item in summary_of(answer).items if item.number] == numbers


@pytest.mark.parametrize(
    ("source", "date", "place", "host"),
    [
        ("000_9cd953df84ef8b74.txt", dt.date(2025, 2, 20), None, "Statsforvalteren i Vestland"),
        ("001_16f217685acad70e.txt", dt.date(2019, 2, 12), "Bergen", None),
        (VESTLAND, dt.date(2020, 5, 12), "Statens hus, Bergen", None),
        ("2021-10-26_referat_nettverkssamling_trondelag.md", dt.date(2022, 3, 3),
         "Statens hus, Steinkjer", None),
        ("2023-05-10_referat_styringsgruppe_setesdal.md", dt.date(2023, 9, 6),
         "digitalt (Teams)", None),
    ],
)
def test_next_meeting_is_taken_as_written(sample_context, source, date, place, host) -> None:
    meta = next(m for m in minutes_documents(sample_context.store) if m.source == source)
    answer = ask(sample_context, f"Oppsummer referatet fra {meta.date:%d.%m.%Y}")
    upcoming = summary_of(answer).next_meeting
    assert upcoming is not None
    assert (upcoming.date, upcoming.place, upcoming.host) == (date, place, host)
    assert f"Neste møte: {date.day}." in answer.answer


def test_minutes_without_a_next_meeting_invent_none(sample_context) -> None:
    answer = ask(sample_context, "Oppsummer referatet fra REKOM 7. september 2022")
    assert summary_of(answer).next_meeting is None
    assert "Neste møte" not in answer.answer


def test_decisions_and_action_items_keep_who_and_when(sample_context) -> None:
    summary = summary_of(ask(sample_context, "Oppsummer referatet fra 11.02.2020"))
    sak2 = summary.items[1]
    assert sak2.decisions[0].text.startswith("Styringsgruppen tar statusen til orientering")
    action = sak2.actions[0]
    assert action.who == "Jorunn Steinsland, Kvam herad"
    assert action.when == dt.date(2020, 3, 15)
    assert summary.participants is not None and summary.participants.people == 6


def test_attendance_given_as_a_sentence_is_quoted_not_counted(sample_context) -> None:
    summary = summary_of(ask(sample_context, "Oppsummer referatet fra 13. september 2018"))
    assert summary.participants is not None and summary.participants.people is None
    assert "9 barneverntjenester og 18 kommuner" in (summary.participants.text or "")


def test_every_statement_cites_its_own_sak_with_text_of_the_chunk(sample_context) -> None:
    for text in ("Oppsummer referatet fra 31.01.2024", "Oppsummer referatet fra 13.09.2018",
                 "Oppsummer referatet fra 11.02.2020"):
        answer = ask(sample_context, text)
        chunks = sample_context.store.chunks([c.chunk_id for c in answer.citations])
        for citation in answer.citations:
            snippet = normalise(citation.snippet).removesuffix(" …")
            assert snippet in normalise(chunks[citation.chunk_id].text), citation
        by_n = {c.n: c for c in answer.citations}
        for item in summary_of(answer).items:
            cited = [*item.summary, *item.decisions, *item.actions]
            for n in (n for statement in cited for n in statement.citations):
                assert item.title in (by_n[n].section or ""), (item.title, by_n[n])


def test_english_question_gets_english_labels_and_norwegian_quotes(sample_context) -> None:
    answer = ask(sample_context, "Summarise the minutes of the meeting on 11 February 2020")
    assert answer is not None and answer.language == "en" and answer.kind == "summary"
    assert "Decision: Styringsgruppen utvides med én representant" in answer.answer
    assert "Action item:" in answer.answer and "Next meeting: 12 May 2020" in answer.answer
    assert "Vedtak:" not in answer.answer


def test_nynorsk_question_gets_nynorsk_labels(sample_context) -> None:
    answer = ask(sample_context, "Samanfatt referatet frå styringsgruppa i Setesdal")
    assert answer is not None and answer.language == "nn"
    assert answer.answer.startswith("Samandrag av referatet")
    assert "Til stades: 5 personar" in answer.answer


@pytest.mark.parametrize("text", [
    "Hvilke kommuner har hatt fosterhjemsprosjekter?",
    "Oppsummer sluttrapporten fra Rana og Hemnes",
    "Når er søknadsfristen i Rogaland?",
])
def test_other_questions_are_left_to_the_general_answerer(sample_context, text) -> None:
    assert ask(sample_context, text) is None


def test_a_date_without_minutes_is_refused_with_the_nearest_meetings(sample_context) -> None:
    answer = ask(sample_context, "Oppsummer referatet fra 30.01.2024")
    assert answer is not None and answer.refused and answer.kind == "refusal"
    assert "30. januar 2024" in answer.answer
    assert "31. januar 2024" in answer.answer  # the nearest meeting by date


def test_network_and_month_find_the_meeting(sample_context) -> None:
    answer = ask(sample_context, "/oppsummer REKOM september 2022")
    assert answer is not None and answer.kind == "summary"
    assert summary_of(answer).source == "004_300499633755e007.txt"


def test_words_that_fit_two_meetings_ask_back(sample_context) -> None:
    answer = ask(sample_context, "Oppsummer referatet fra styringsgruppemøtet")
    assert answer is not None and answer.kind == "clarify" and not answer.refused
    assert isinstance(answer.payload, MeetingCandidates)
    sources = {c.source for c in answer.payload.candidates}
    assert {VESTLAND, "2023-05-10_referat_styringsgruppe_setesdal.md"} <= sources
    assert "11. februar 2020" in answer.answer and "10. mai 2023" in answer.answer


def test_the_teams_summary_is_labelled_in_the_question_language(sample_context) -> None:
    from bot.teams import render

    for text, label in (("Oppsummer referatet fra 11.02.2020", "Neste møte: 12. mai 2020"),
                        ("Summarise the minutes of 11 February 2020", "Next meeting: 12 May 2020")):
        answer = ask(sample_context, text)
        assert answer is not None
        shown = "\n\n".join(m["text"] for m in render.answer_messages(answer))
        assert label in shown
        assert "**Sak 4/2020 Stimuleringsmidler 2020**\n\n• " in shown  # the Sak with its points


def test_a_bare_command_asks_which_minutes(sample_context) -> None:
    answer = ask(sample_context, "/oppsummer")
    assert answer is not None and answer.kind == "clarify"
    assert answer.answer.startswith("Hvilket referat vil du ha oppsummert? De nyeste er:")
    assert isinstance(answer.payload, MeetingCandidates)
    assert answer.payload.candidates[0].source == "000_9cd953df84ef8b74.txt"
