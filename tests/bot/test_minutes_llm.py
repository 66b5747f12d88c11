"""The model path: map over Saks, reduce to an overview, and keep only what the Sak supports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.core.cite import CitationBook
from bot.core.meetings import MeetingSummary
from bot.core.payloads import MeetingSummaryPayload
from bot.minutes.route import try_answer
from bot.minutes.summary import summarize_minutes
from indexer.ingest.chunking import split_document
from indexer.models import DocType, DocumentMeta
from tests.fakes import understood

TEXT = (
    "Referat fra styringsgruppemøte 04.03.2025\n\n"
    "Sak 1) Søknadsrunde\n\nFylkesmannen har fått 900 000 kr til nettverkene. "
    "Søknadsfristen er satt til 1. april 2025. Styringsgruppen drøftet hjelp til små kommuner.\n\n"
    "Sak 2) Opplæring\n\nFlere kommuner ønsker opplæring i malen for barnesamtaler.\n"
    "Gruppen mente at opplæringen bør være digital.\n\n"
    "Vedtak: Nettverket tilbyr digital opplæring høsten 2025.\n"
)


def summarize(responses: list[str]) -> tuple[MeetingSummary, CitationBook]:
    chunks = split_document(TEXT, "doc", DocType.REFERAT, 1200, 150)
    meta = DocumentMeta(doc_id="doc", source="referat.md", path="referat.md",
                        title="Referat fra styringsgruppemøte", doc_type=DocType.REFERAT,
                        date=dt.date(2025, 3, 4))
    book = CitationBook()
    model = FakeListChatModel(responses=responses)
    return summarize_minutes(meta, chunks, book, model), book


def draft(summary: list[str], decisions: list[str] | None = None,
          actions: list[dict] | None = None) -> str:
    return "Her er JSON:\n" + json.dumps({"summary": summary, "decisions": decisions or [],
                                          "actions": actions or []}, ensure_ascii=False)


def test_model_sentences_with_invented_facts_are_dropped() -> None:
    reply = draft(["Nettverket fikk 900 000 kr, og fristen er 1. april 2025.",
                   "Fristen ble senere flyttet til 3. mai 2025.",
                   "Per Olsen fra Bergen kommune ledet saken."])
    summary, book = summarize([reply, reply, "Møtet handlet om søknader."])
    assert summary.method == "llm"
    assert [c.text for c in summary.items[0].summary] == [
        "Nettverket fikk 900 000 kr, og fristen er 1. april 2025."]
    cited = book.citations[summary.items[0].summary[0].citations[0] - 1]
    assert cited.section == "Sak 1) Søknadsrunde" and "900 000 kr" in cited.snippet


def test_a_sak_with_nothing_supported_falls_back_to_extractive() -> None:
    reply = draft(["Fristen er 1. april 2025."])  # supported in Sak 1 only
    summary, _ = summarize([reply, reply, "Oversikt."])
    assert [c.text for c in summary.items[0].summary] == ["Fristen er 1. april 2025."]
    assert summary.items[1].summary[0].text.startswith("Flere kommuner ønsker opplæring")


def test_an_unreadable_reply_leaves_the_extractive_summary() -> None:
    summary, _ = summarize(["Beklager, det kan jeg ikke.", "Beklager.", "Beklager."])
    assert summary.items[0].summary[0].text.startswith("Fylkesmannen har fått 900 000 kr")
    assert summary.overview == []


def test_written_decisions_win_over_the_models() -> None:
    reply = draft(["Kommunene ønsker opplæring."], decisions=["Opplæringen blir fysisk."],
                  actions=[{"what": "Planlegge opplæringen", "who": "Kari Nordmann",
                            "when": "1. mai 2025"}])
    summary, _ = summarize([reply, reply, "Oversikt."])
    sak1, sak2 = summary.items
    assert [d.text for d in sak2.decisions] == ["Nettverket tilbyr digital opplæring høsten 2025."]
    assert [d.text for d in sak1.decisions] == ["Opplæringen blir fysisk."]
    action = sak1.actions[0]
    assert (action.what, action.who, action.when) == ("Planlegge opplæringen", None, None)


def test_overview_keeps_only_supported_sentences() -> None:
    reply = draft(["Kommunene ønsker opplæring."])
    overview = ("Møtet gjaldt søknadsfristen 1. april 2025 og digital opplæring. "
                "Ole Brumm takket for møtet.")
    summary, _ = summarize([reply, reply, overview])
    assert [c.text for c in summary.overview] == [
        "Møtet gjaldt søknadsfristen 1. april 2025 og digital opplæring."]
    assert summary.overview[0].citations


def test_model_summary_through_try_answer_keeps_decisions_and_next_meeting(
    sample_context,
) -> None:
    reply = draft(["Søknadsfristen for kommunene er 1. april 2020."])
    ctx = dataclasses.replace(sample_context, chat_model=FakeListChatModel(responses=[reply]))
    answer = try_answer(understood(ctx, "Oppsummer referatet fra 11.02.2020"), ctx)
    assert answer is not None and answer.kind == "summary"
    assert isinstance(answer.payload, MeetingSummaryPayload)
    summary = answer.payload.meeting_summary
    assert summary.method == "llm"
    assert [c.text for c in summary.items[3].summary] == [
        "Søknadsfristen for kommunene er 1. april 2020."]
    assert "Vedtak: Fylkesmannen arrangerer et digitalt søknadsverksted 3. mars 2020." in (
        answer.answer)
    assert "Neste møte: 12. mai 2020" in answer.answer
