"""A document dropped in a chat: summarised when it is a referat, asked about otherwise."""

from __future__ import annotations

import pytest

from bot.uploads.answer import answer_about, first_reply, is_about, summarize
from bot.uploads.document import UPLOAD_PREFIX, read_upload
from indexer.errors import DocumentError
from tests.bot.teams.files_stub import REFERAT_NAME, referat_docx

NOTE = """# Notat om fosterhjemsrekruttering i Hallingdal

Kommunene i Hallingdal mangler fosterhjem, særlig for ungdom.

## Tiltak

Det settes av 200 000 kroner til en felles rekrutteringskampanje høsten 2024.
Kampanjen ledes av barnevernleder Kari Nilsen i Gol kommune.
Fødselsnummer 01017010170 skal aldri stå i et notat.
"""


@pytest.fixture
def note(gazetteer):  # type: ignore[no-untyped-def]
    return read_upload("notat.md", NOTE.encode(), gazetteer, max_chars=10_000)


def test_a_referat_is_summarised_with_its_decision_who_and_next_meeting(gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = read_upload(REFERAT_NAME, referat_docx(), gazetteer, max_chars=10_000)
    assert doc.is_minutes and doc.doc_id.startswith(UPLOAD_PREFIX)
    answer = first_reply(doc, "", "nb")
    assert answer.kind == "summary" and answer.citations
    assert "Vedtak: Styringsgruppen går inn for en felles fosterhjemstjeneste" in answer.answer
    assert "ansvar: Ingrid Haugen" in answer.answer
    assert "Neste møte: 12. juni 2024" in answer.answer


def test_another_document_answers_from_its_own_sentences(note) -> None:  # type: ignore[no-untyped-def]
    answer = answer_about(note, "Hvem leder kampanjen i dokumentet?", "nb")
    assert "Kari Nilsen" in answer.answer and answer.citations
    assert answer.citations[0].title == "Notat om fosterhjemsrekruttering i Hallingdal"
    missing = answer_about(note, "Hva sier dokumentet om barnevernsvakt?", "nb")
    assert missing.refused and "finner ikke" in missing.answer


def test_personal_numbers_are_masked_before_anything_is_kept(note) -> None:  # type: ignore[no-untyped-def]
    assert "01017010170" not in note.text


def test_a_question_is_about_the_upload_when_it_names_it(note) -> None:  # type: ignore[no-untyped-def]
    assert is_about("Hva sier dokumentet om tiltak?", note)
    assert is_about("What does the file say?", note)
    assert is_about("fosterhjemsrekruttering i Hallingdal – hva er budsjettet?", note)
    assert not is_about("Når er neste samling i Hordaland?", note)


def test_asking_for_a_summary_of_another_document_gives_its_main_points(note) -> None:  # type: ignore[no-untyped-def]
    answer = summarize(note, "nb")
    assert answer.answer.startswith("Hovedpunkter i «Notat om fosterhjemsrekruttering")
    assert "legges ikke i kunnskapsbasen" in answer.answer


def test_a_long_document_is_cut_and_says_so(gazetteer) -> None:  # type: ignore[no-untyped-def]
    long = ("Linje om fosterhjem i kommunen.\n" * 2000).encode()
    doc = read_upload("lang.txt", long, gazetteer, max_chars=1_000)
    assert doc.truncated and len(doc.text) <= 1_000
    assert "bare lest den første delen" in first_reply(doc, "", "nb").answer


def test_an_empty_or_foreign_file_is_refused(gazetteer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DocumentError):
        read_upload("tom.txt", b"   ", gazetteer, max_chars=1_000)
