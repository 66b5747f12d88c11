"""Who a referat's preamble names, and as what, read at index time: «Til stede», «Forfall»,
«Referent», «Møteleder», «Fra Statsforvalteren i …: …», one «Name, Org» per line, and the
roles and municipalities an organisation tells («barnevernleder Tysvær»)."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.ingest.chunking import split_document
from indexer.ingest.loaders import load_document
from indexer.ingest.metadata import extract_metadata
from indexer.minutes.models import MeetingRecord, Person, Role
from indexer.minutes.read import read_minutes
from indexer.models import DocType, DocumentMeta
from tests.conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def records(gazetteer) -> dict[str, MeetingRecord]:  # type: ignore[no-untyped-def]
    """Each sample referat read as the indexer reads it."""
    found = {}
    for path in sorted(KNOWLEDGE.iterdir()):
        loaded = load_document(path)
        meta = extract_metadata(loaded, path.stem, gazetteer)
        if meta.doc_type != DocType.REFERAT:
            continue
        chunks = split_document(loaded.text, meta.doc_id, meta.doc_type, 1200, 150)
        found[path.name] = read_minutes(meta, chunks, loaded.text, gazetteer)
    return found


def people(record: MeetingRecord, role: Role) -> list[tuple[str, str | None]]:
    return [(p.name, p.organisation) for p in record.with_role(role)]


def read_text(text: str, date: dt.date, gazetteer) -> MeetingRecord:  # type: ignore[no-untyped-def]
    """A referat written in the test, read as the indexer reads a file."""
    meta = DocumentMeta(doc_id="d", source="r.md", path="r.md", title="Referat",
                        doc_type=DocType.REFERAT, date=date)
    chunks = split_document(text, "d", DocType.REFERAT, 1200, 150)
    return read_minutes(meta, chunks, text, gazetteer)


def test_child_welfare_leaders_are_known_with_their_municipalities(records) -> None:  # type: ignore[no-untyped-def]
    record = records["000_9cd953df84ef8b74.txt"]
    leaders = record.with_role(Role.CHILD_WELFARE_LEADER)
    assert [(p.name, p.municipalities) for p in leaders] == [
        ("Stine Heinz", ["Tysvær"]), ("Marie Therese Thesen", ["Time"]),
        ("Therese Haugestad", ["Hå"])]
    assert all(Role.PRESENT in p.roles for p in leaders)
    assert leaders[2].where.snippet == "Therese Haugestad – bv.leder Hå"  # the entry, citable


def test_people_from_the_county_governor_keep_their_office(records) -> None:  # type: ignore[no-untyped-def]
    state = people(records["000_9cd953df84ef8b74.txt"], Role.STATE)
    assert state == [("Bente Cecilie Foss", "Statsforvalteren i Vestland"),
                     ("Unni Reianes", "Statsforvalteren i Rogaland"),
                     ("Brit Espeland Nedreaas", "Statsforvalteren i Rogaland")]


def test_two_people_of_one_organisation_and_a_body_on_its_own(records) -> None:  # type: ignore[no-untyped-def]
    record = records["000_9cd953df84ef8b74.txt"]
    present = people(record, Role.PRESENT)
    assert ("Anne Line Hordvik Stormark", "hvl.no") in present
    assert ("Hege Sundt", "hvl.no") in present
    assert ("Reidar Tore Dale", None) in present
    assert all(name != "Hordaland fosterhjemsforening" for name, _ in present)
    assert record.attendance is not None and record.attendance.people == len(present) == 20


def test_absent_and_minute_taker_of_a_list_one_per_line(records) -> None:  # type: ignore[no-untyped-def]
    record = records["004_300499633755e007.txt"]
    assert len(record.with_role(Role.PRESENT)) == 19
    assert ("Anne Haugskott–Bjugan", "Verdal/Levanger") in people(record, Role.PRESENT)
    assert people(record, Role.ABSENT)[:2] == [("Kris Kalkmann", "DMMH"),
                                               ("Geoffrey Amstrong", "PBL")]
    assert len(record.with_role(Role.ABSENT)) == 6
    # «Referent: Cecilie Halland» is the Cecilie Halland of the list, with her organisation
    assert people(record, Role.MINUTE_TAKER) == [("Cecilie Halland", "Statsforvalteren")]


def test_nynorsk_attendance_and_a_minute_taker_with_her_office(records) -> None:  # type: ignore[no-untyped-def]
    setesdal = records["2023-05-10_referat_styringsgruppe_setesdal.md"]
    assert [p.municipalities for p in setesdal.with_role(Role.PRESENT)][:4] == [
        ["Valle"], ["Bykle"], ["Bygland"], ["Evje og Hornnes"]]
    trondelag = records["2021-10-26_referat_nettverkssamling_trondelag.md"]
    assert people(trondelag, Role.MINUTE_TAKER) == [("Eirin Flatås",
                                                     "Statsforvalteren i Trøndelag")]


def test_a_list_of_bodies_or_a_sentence_is_quoted_never_read_as_people(records) -> None:  # type: ignore[no-untyped-def]
    trondelag = records["2021-10-26_referat_nettverkssamling_trondelag.md"]
    assert trondelag.with_role(Role.PRESENT) == []  # «RKBU Midt-Norge» is no one's name
    assert trondelag.attendance is not None and trondelag.attendance.people is None
    assert (trondelag.attendance.text or "").startswith("Representanter fra barneverntjenestene")
    gathering = records["001_16f217685acad70e.txt"]
    assert gathering.people == []
    assert "9 barneverntjenester og 18 kommuner" in (gathering.attendance.text or "")  # type: ignore[union-attr]


def test_a_chair_and_a_role_written_beside_the_name(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = ("Referat fra styringsgruppemøte 04.03.2025\n\n"
            "Møteleder: Kari Nordmann, leder barneverntjenesten i Kvam\n"
            "Til stede: Ola Hansen (barnevernsleder, Voss herad), Per Olsen – Fylkesmannen i "
            "Vestland\nForfall: Lise Berg (Alver kommune)\nReferent: Per Olsen\n\n"
            "Sak 1) Orientering\n\nKort orientering.\n")
    record = read_text(text, dt.date(2025, 3, 4), gazetteer)
    chair: Person = record.with_role(Role.CHAIR)[0]
    assert chair.name == "Kari Nordmann" and chair.municipalities == ["Kvam"]
    assert Role.CHILD_WELFARE_LEADER in chair.roles
    leaders = [p.name for p in record.with_role(Role.CHILD_WELFARE_LEADER)]
    assert leaders == ["Kari Nordmann", "Ola Hansen"]
    assert people(record, Role.ABSENT) == [("Lise Berg", "Alver kommune")]
    assert people(record, Role.MINUTE_TAKER) == [("Per Olsen", "Fylkesmannen i Vestland")]
    assert Role.STATE in record.with_role(Role.MINUTE_TAKER)[0].roles


def test_the_leader_of_the_group_among_those_present_chairs_it(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = ("Referat fra styringsgruppemøte 17.09.2025\n\n"
            "Til stede: Tone Berg (barnevernleder, Kvam herad, leder av styringsgruppen), "
            "Ola Hansen (barnevernsleder, Voss herad)\n\nSak 1) Orientering\n\nKort.\n")
    record = read_text(text, dt.date(2025, 9, 17), gazetteer)
    assert [p.name for p in record.with_role(Role.CHAIR)] == ["Tone Berg"]


def test_a_title_after_a_name_from_the_county_governor(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = ("Referat frå samling 08.03.2022\n\n**Til stades:** Kari Nordmann (barnevernsleiar, "
            "Volda kommune)\n**Frå Statsforvaltaren i Møre og Romsdal:** Ola Vik, seniorrådgjevar"
            "\n**Referent:** Ola Vik\n\n### Sak 1/2022 Orientering\n\nKort orientering.\n")
    record = read_text(text, dt.date(2022, 3, 8), gazetteer)
    assert people(record, Role.PRESENT)[1:] == [
        ("Ola Vik", "seniorrådgjevar, Statsforvaltaren i Møre og Romsdal")]
    assert Role.STATE in record.with_role(Role.PRESENT)[1].roles
    assert people(record, Role.MINUTE_TAKER) == [
        ("Ola Vik", "seniorrådgjevar, Statsforvaltaren i Møre og Romsdal")]
    assert [p.municipalities for p in record.with_role(Role.CHILD_WELFARE_LEADER)] == [["Volda"]]


@pytest.mark.parametrize("office", ["Fylkesmannen i Aust- og Vest-Agder", "Fylkesmannen i Sør-Trøndelag"])
def test_an_office_whose_name_holds_a_hyphen(office: str, gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (f"Referat fra styringsgruppemøte 12.09.2018\n\n**Til stede:** Kari Nordmann "
            f"(Mandal kommune)\n**Fra {office}:** Kirsten Berge, seniorrådgiver\n"
            "**Referent:** Kari Nordmann\n\n### Sak 11/18 Orientering\n\nKort orientering.\n")
    record = read_text(text, dt.date(2018, 9, 12), gazetteer)
    state = [(p.name, p.organisation) for p in record.with_role(Role.STATE)]
    assert state == [("Kirsten Berge", f"seniorrådgiver, {office}")]
