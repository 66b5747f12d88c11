"""What a referat says before its first item: a meeting written up as news opens with its gist,
which the record keeps (and a summary shows); a header of label lines is no opening."""

from __future__ import annotations

import datetime as dt

from bot.core.cite import CitationBook
from bot.minutes.render import render_summary
from bot.minutes.summary import summarize_record
from indexer.ingest.chunking import split_document
from indexer.minutes.models import MeetingRecord
from indexer.minutes.read import read_minutes
from indexer.models import DocType, DocumentMeta

NEWS = """# Fosterhjem på dagsordenen i Nordfjord

> Vi er glade for at kommunane no samarbeider om rekruttering av fosterheimar.
>
> Kari Nordmann, leiar i nettverket

Nettverket samla tolv kommunar til ei heil dag om fosterheimsarbeid i Stryn.
Vi er glade for at kommunane no samarbeider om rekruttering av fosterheimar. Det gjev betre tilbod.
Barnevernleiarane la fram ein felles plan for opplæring av nye fosterforeldre.

## Erfaringar frå Sogn

Sogn fortalde om faddermodellen, der erfarne fosterforeldre følgjer opp nye.
"""

HEADER = """Referat fra styringsgruppemøte

Dato: 12. mars 2024
Til stede: Ola Hansen, Kari Berg, Per Olsen, Anne Lie
Referent: Per Olsen

Sak 1/24 Budsjett

Styringsgruppen gikk gjennom budsjettet for 2024 og fant det i balanse.
Vedtak: Budsjettet godkjennes.
"""


META = DocumentMeta(doc_id="d", source="r.md", path="r.md", title="Referat",
                    doc_type=DocType.REFERAT, date=dt.date(2024, 3, 12))


def read(text: str) -> MeetingRecord:
    return read_minutes(META, split_document(text, "d", DocType.REFERAT, 1200, 150), text)


def test_an_account_before_the_first_heading_is_kept_as_its_opening() -> None:
    record = read(NEWS)
    opening = record.items[0]
    assert opening.title == "" and opening.start == 0
    assert [s.text for s in opening.summary] == [  # the lead, the pull quote said once
        "Vi er glade for at kommunane no samarbeider om rekruttering av fosterheimar.",
        "Nettverket samla tolv kommunar til ei heil dag om fosterheimsarbeid i Stryn.",
        "Barnevernleiarane la fram ein felles plan for opplæring av nye fosterforeldre."]
    assert record.items[1].title == "Erfaringar frå Sogn"
    quote = opening.summary[0].where.snippet
    assert quote in NEWS.replace("> ", "")  # cited where it stands


def test_the_summary_shows_the_opening_without_a_heading() -> None:
    record = read(NEWS)
    lines = [s.text for s in render_summary(summarize_record(record, META, CitationBook()), "nn")]
    assert lines[1].startswith("- Vi er glade for at kommunane")  # right under the heading
    assert "**Erfaringar frå Sogn**" in lines


def test_a_header_of_label_lines_makes_no_opening() -> None:
    record = read(HEADER)
    assert [item.title for item in record.items] == ["Sak 1/24 Budsjett"]
