"""The summariser on written-out minutes: Sak heading variants, decision and action wording,
minutes without decisions, and a very long referat."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc

import pytest

from bot.core.cite import CitationBook
from bot.core.meetings import MeetingSummary
from bot.minutes.render import render_summary
from bot.minutes.summary import summarize_minutes
from indexer.ingest.chunking import split_document
from indexer.models import DocType, DocumentMeta

MEETING = dt.date(2025, 3, 4)


def summarize(text: str, date: dt.date | None = MEETING) -> tuple[MeetingSummary, CitationBook]:
    chunks = split_document(text, "doc", DocType.REFERAT, 1200, 150)
    meta = DocumentMeta(doc_id="doc", source="referat.md", path="referat.md",
                        title="Referat fra styringsgruppemøte", doc_type=DocType.REFERAT,
                        date=date)
    book = CitationBook()
    return summarize_minutes(meta, chunks, book), book


def sak_body(n: int) -> str:
    return (f"Gruppen drøftet tema nummer {n} og hvordan kommunene kan samarbeide om det. "
            f"Flere kommuner ønsket mer informasjon før neste runde.\n\n")


@pytest.mark.parametrize(
    ("headings", "numbers"),
    [
        (["Sak 1) Godkjenning av referat", "Sak 2) Orientering", "Sak 3) Eventuelt"],
         ["1", "2", "3"]),
        (["Sak 10/22 Godkjenning av referat", "Sak 11/22 Aktuelt", "Sak 12/22 Årshjul"],
         ["10/22", "11/22", "12/22"]),
        (["### Sak 1/2025 Godkjenning", "### Sak 2/2025 Budsjett", "### Sak 3/2025 Eventuelt"],
         ["1/2025", "2/2025", "3/2025"]),
        (["Sak 3 – Rekruttering", "Sak 4 – Ettervern", "Sak 5 – Eventuelt"], ["3", "4", "5"]),
        (["1. Godkjenning av referat", "2. Orientering fra prosjektene", "3. Eventuelt"],
         ["1", "2", "3"]),
    ],
    ids=["sak-paren", "sak-slash-year2", "sak-slash-year4-markdown", "sak-dash", "numbered"],
)
def test_every_agenda_item_variant_becomes_an_item(headings, numbers) -> None:
    text = "Referat fra styringsgruppemøte 04.03.2025\n\n" + "".join(
        f"{heading}\n\n{sak_body(i)}" for i, heading in enumerate(headings)
    )
    summary, _ = summarize(text)
    assert [item.number for item in summary.items] == numbers
    assert all(item.summary for item in summary.items)


def test_numbered_list_inside_a_sak_is_not_an_agenda_item() -> None:
    text = ("Sak 1) Orientering\n\nPunkter:\n1. Første punkt her\n2. Andre punkt her\n\n"
            "Sak 2) Eventuelt\n\nIngen saker ble meldt.\n")
    summary, _ = summarize(text)
    assert [item.number for item in summary.items] == ["1", "2"]


def test_minutes_without_decisions_say_so_and_invent_none() -> None:
    text = ("Sak 1) Orientering\n\nKommunene orienterte om arbeidet med prosjektene sine.\n\n"
            "Sak 2) Erfaringsdeling\n\nDeltakerne delte erfaringer fra hjemmebesøk og tiltak.\n")
    summary, _ = summarize(text)
    assert not any(item.decisions or item.actions for item in summary.items)
    lines = [s.text for s in render_summary(summary, "nb")]
    assert "Referatet har ingen vedtak." in lines
    assert not any(line.lstrip(" -").startswith("Vedtak:") for line in lines)
    assert summary.next_meeting is None


def test_decision_wordings_are_found() -> None:
    text = (
        "Sak 1) Referat\n\nReferatet fra forrige møte godkjennes.\n\n"
        "Sak 2) Samarbeid\n\nDeltakerne ble enige om å lage en felles mal for prosjektplaner.\n\n"
        "Sak 3) Evaluering\n\nGruppene diskuterte evalueringen.\nKonklusjon:\n"
        "Evalueringen sendes nettverkene i oktober.\n\n"
        "Sak 4) Søknadsrunde\n\nSøknadsfristen blir 1. april 2025.\n\n"
        "Sak 5) Budsjett\n\nVedtak:\n- Budsjettet godkjennes.\n- Restmidler overføres til 2026.\n"
    )
    summary, _ = summarize(text)
    decisions = [[d.text for d in item.decisions] for item in summary.items]
    assert decisions == [
        ["Referatet fra forrige møte godkjennes."],
        ["Deltakerne ble enige om å lage en felles mal for prosjektplaner."],
        ["Evalueringen sendes nettverkene i oktober."],
        ["Søknadsfristen blir 1. april 2025."],
        ["Budsjettet godkjennes.", "Restmidler overføres til 2026."],
    ]


def test_action_items_get_who_and_deadline_in_the_meetings_year() -> None:
    text = (
        "Sak 1/2025 Retningslinjer\n\nUtkastet er klart.\n\n"
        "Oppfølging: Sende utkastet til kommunene innen 15. mars – ansvar: Kari Nordmann, "
        "Kvam herad.\n\n"
        "Sak 2/2025 Opplæring\n\nKommunene avklarer vertskommune innen 25.september.\n"
        "Ansvarlig for avklaringen er Ola Hansen fra Voss kommune.\n"
    )
    summary, _ = summarize(text)
    first, second = summary.items[0].actions[0], summary.items[1].actions[0]
    assert (first.who, first.when) == ("Kari Nordmann, Kvam herad", dt.date(2025, 3, 15))
    assert first.what == "Sende utkastet til kommunene innen 15. mars"
    assert (second.who, second.when) == ("Ola Hansen fra Voss kommune", dt.date(2025, 9, 25))


def test_next_meeting_gets_date_place_host_and_theme() -> None:
    text = (
        "Sak 1) Orientering\n\nKort orientering om status i prosjektene i nettverket.\n\n"
        "Til neste samling er tema:\n\nSamarbeid med skole og helsestasjon.\n\n"
        "Statsforvalteren i Agder inviterer til neste møte 12. juni 2025 i Kristiansand.\n"
    )
    summary, _ = summarize(text)
    upcoming = summary.next_meeting
    assert upcoming is not None
    assert (upcoming.date, upcoming.place, upcoming.host) == (
        dt.date(2025, 6, 12), "Kristiansand", "Statsforvalteren i Agder")
    assert upcoming.theme == "Samarbeid med skole og helsestasjon"


def test_a_deadline_before_the_next_meeting_is_not_the_next_meeting() -> None:
    text = ("Sak 1) Basisopplæring\n\nMål om å avklare dette innen neste samling den "
            "12. februar 2026.\n")
    summary, _ = summarize(text)
    assert summary.next_meeting is None
    assert summary.items[0].actions[0].when == dt.date(2026, 2, 12)


def test_attendance_list_is_counted() -> None:
    text = ("Referat fra møte\n\nTil stede: Kari Nordmann (Kvam herad), Ola Hansen – Voss "
            "kommune, Statsforvalteren i Vestland\nReferent: Kari Nordmann\n\n"
            "Sak 1) Orientering\n\nKort orientering om prosjektene.\n")
    summary, _ = summarize(text)
    assert summary.participants is not None
    assert summary.participants.people == 2
    assert summary.participants.organisations == ["Kvam herad", "Voss kommune",
                                                  "Statsforvalteren i Vestland"]


def test_two_hundred_saks_are_summarised_in_bounded_time_and_memory() -> None:
    text = "Referat fra et langt møte 04.03.2025\n\n" + "".join(
        f"Sak {n}/2025 Tema {n}\n\n{sak_body(n)}Vedtak: Forslag {n} godkjennes.\n\n"
        f"Oppfølging: Følge opp tema {n} innen 1. juni 2025 – ansvar: Kari Nordmann, Kvam.\n\n"
        for n in range(1, 201)
    ) + "Neste møte: 10. juni 2025, Bergen.\n"
    tracemalloc.start()
    started = time.perf_counter()
    summary, book = summarize(text)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(summary.items) == 200
    assert all(item.decisions and item.actions for item in summary.items)
    assert summary.next_meeting is not None and summary.next_meeting.date == dt.date(2025, 6, 10)
    assert seconds < 5, seconds
    assert peak < 200 * 1024 * 1024, peak
    assert len(book.citations) >= 600


def test_a_one_line_decision_does_not_swallow_the_next_line() -> None:
    text = ("Sak 1) Budsjett\n\nVedtak: Budsjettet godkjennes.\nDeretter orienterte Kvam om "
            "prosjektet sitt.\nDiskusjonen fortsatte om rapportering og frister.\n")
    summary, _ = summarize(text)
    assert [d.text for d in summary.items[0].decisions] == ["Budsjettet godkjennes."]
    assert "Deretter orienterte Kvam om prosjektet sitt." in [
        c.text for c in summary.items[0].summary]
