"""Each county's frame for its learning networks, year by year: asked across counties or years,
read from the sentences that state a frame, quoted and cited, and nothing else taken for one."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.understand import Kit, understand
from bot.lists.frames import frame_of, is_frame
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.text.places import Gazetteer


@pytest.mark.parametrize(("text", "asked"), [
    ("Hvor store rammer har fylkesmennene hatt til læringsnettverkene?", True),
    ("Gi meg en oversikt år for år over rammene til læringsnettverkene", True),
    ("Kor mykje pengar fekk fylka til læringsnettverka kvart år?", True),
    ("How much funding did each county get for its learning networks?", True),
    ("Hvor mye fikk Agder og Vestland til læringsnettverkene?", True),  # two counties: across
    # one county's figure is a fact question; a project's money, a ceiling or a share is no frame
    ("Hvor mye fikk Agder til læringsnettverkene i 2020?", False),
    ("Kor mykje hadde Møre og Romsdal til læringsnettverka i 2022, og fekk alle det dei søkte?",
     False),
    ("Hvor mye fikk prosjektene i Finnmark i 2024?", False),
    ("Hva er maks beløp per prosjekt i fylkene?", False),
    ("Hvor mye ubrukte midler kan fylkene overføre?", False),
])  # fmt: skip
def test_a_frames_question_asks_across_counties_or_years(gazetteer, text, asked) -> None:  # type: ignore[no-untyped-def]
    kit = Kit(gazetteer=gazetteer, today=dt.date(2026, 12, 4))
    assert understand(text, [], kit).frames is asked


@pytest.mark.parametrize(("sentence", "frame"), [
    ("Fylkesmannen i Vestland har fått 1 150 000 kr til læringsnettverkene i fylket for 2020.",
     True),
    ("Samlet ramme for 2023 er 2 400 000 kr.", True),
    ("I 2019 ble det fordelt til sammen 900.000,- som gikk til fire av de fem nettverkene.", True),
    ("Statsforvaltaren har fått om lag 1,2 millionar kroner til læringsnettverka i fylket.", True),
    ("Prosjektet fikk 900 000 kr i stimuleringsmidler.", False),  # a project's grant
    ("Tre av prosjektene er i Finnmark og har fått til sammen 820 000 kr.", False),
    ("Det er brukt 512 000 kr av en samlet ramme på 560 000 kr.", False),  # spent
    ("Det kan søkes om inntil 600 000 kr per prosjekt.", False),  # a ceiling
    ("Rammen for 2020 blir først kjent når statsbudsjettet er vedtatt.", False),  # no sum
])  # fmt: skip
def test_a_frame_sentence_gives_a_sum_to_the_networks(sentence, frame) -> None:  # type: ignore[no-untyped-def]
    assert is_frame(sentence) is frame


def _in(title: str, date: dt.date | None, county: str | None) -> tuple[Chunk, DocumentMeta]:
    meta = DocumentMeta(doc_id="d", source="d.md", path="d.md", title=title,
                        doc_type=DocType.UTLYSNING, date=date, county=county)
    return Chunk(chunk_id="d:0", doc_id="d", position=0, text="", start=0, end=0), meta


def test_the_year_and_county_are_the_sentences_then_the_documents() -> None:
    gazetteer = Gazetteer.load()
    chunk, meta = _in("Referat 17.09.2019", dt.date(2019, 9, 17), "Vest-Agder")
    said = frame_of("For 2019 fikk Agder 1 800 000 kr til læringsnettverkene.", chunk, meta,
                    gazetteer)
    assert (said.year, said.county) == (2019, "Agder")
    chunk, meta = _in("Utlysning av stimuleringsmidler 2027", dt.date(2026, 10, 26), "Troms")
    titled = frame_of("Foreløpig ramme er satt ned fra 3 100 000 kr til 2 600 000 kr.", chunk,
                      meta, gazetteer)
    assert (titled.year, titled.county) == (2027, "Troms")  # a call for 2027, published in 2026


@pytest.mark.slow
def test_the_sample_corpus_frames_are_listed_oldest_first_each_cited(real_core) -> None:  # type: ignore[no-untyped-def]
    answer = real_core.answer("Hvor store rammer har fylkesmennene hatt til læringsnettverkene?")
    rows = [s for s in answer.sentences if s.citations]
    assert [r.text.split(":")[0] for r in rows] == [
        "2018 – Hordaland", "2020 – Vestland", "2023 – Rogaland"]
    assert all(a in answer.answer for a in ("650 000 kr", "1 150 000 kr", "2 400 000 kr"))
    snippets = [answer.citations[r.citations[0] - 1].snippet for r in rows]
    assert "650 000" in snippets[0] and "2 400 000" in snippets[2]
    only = real_core.answer("Kor store rammer hadde Vestland og Rogaland til læringsnettverka?")
    assert "2018" not in only.answer.split("\n")[0] and "Hordaland" in only.answer  # then Vestland
    assert "Rogaland" in only.answer and only.language == "nn"
