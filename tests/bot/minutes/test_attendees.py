"""Who from an organisation or municipality attended, and which meetings a municipality took
part in: matched by the organisation's words or by the municipality with its history, each
person cited; when no one matches, the answer says so and lists no one else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.models import Answer
from bot.core.payloads import ParticipantList
from bot.engine import Core
from indexer.minutes.models import Role
from tests.bot.minutes.test_participants import ask, people, rows_are_cited_to_their_entry

SETESDAL = "2023-05-10_referat_styringsgruppe_setesdal.md"
KRISTIANSAND = "2019-09-17_referat_styringsgruppe_kristiansandsregionen.md"
CORPUS = Path(__file__).parents[3] / "eval" / "corpus"


@pytest.fixture(scope="module")
def core(sample_context) -> Core:  # type: ignore[no-untyped-def]
    return Core(sample_context)


def sources(answer: Answer) -> set[str]:
    assert isinstance(answer.payload, ParticipantList), answer.answer
    return {m.source for m in answer.payload.meetings}


def test_an_organisation_no_one_came_from_is_said_plainly(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem møtte fra Bufdir på møtene i 2020?")
    assert answer.refused and answer.answer.startswith("Ingen fra Bufdir står som deltaker")
    assert "Jorunn Steinsland" not in answer.answer and people(answer) == []
    english = ask(core, "Who from Bufdir attended the meetings in 2020?")
    assert english.refused and english.answer.startswith("No one from Bufdir")


def test_which_meetings_a_municipality_attended(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvilke møter har Valle deltatt på?")
    assert not answer.refused and sources(answer) == {SETESDAL}
    assert people(answer) == ["Åse Bjørgum"]
    assert answer.answer.startswith("Valle er med på 1 av ")
    rows_are_cited_to_their_entry(answer)
    nynorsk = ask(core, "Kva for møte har Bykle vore med på?")
    assert nynorsk.language == "nn" and people(nynorsk) == ["Olav Tveiten"]


def test_a_municipality_in_no_attendance_list_is_not_given_others(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Which meetings did Voss attend?")
    assert answer.refused and answer.answer.startswith("No one from Voss")
    assert people(answer) == []


def test_an_attendance_sentence_naming_the_municipality_is_quoted(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Var Malvik med på noen samlinger?")
    assert "2021-10-26_referat_nettverkssamling_trondelag.md" in sources(answer)
    assert "«Representanter fra barneverntjenestene i Trondheim, Malvik" in answer.answer
    assert set(people(answer)) == {"Kari Lise Stensby", "Ragnhild Granskogen"}


def test_an_organisation_is_matched_by_all_its_words(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem fra Statsforvalteren i Rogaland deltok på møtet i januar 2024?")
    assert people(answer) == ["Unni Reianes", "Brit Espeland Nedreaas"]
    state = ask(core, "Hvem møtte fra Fylkesmannen?")  # the old name of the same office
    assert {"Ingrid Hauge Sæle", "Bente Cecilie Foss"} <= set(people(state))
    rows_are_cited_to_their_entry(state)


@pytest.fixture(scope="module")
def merged(tmp_path_factory, gazetteer) -> Core:  # type: ignore[no-untyped-def]
    """The Kristiansand region's 2019 referat: Søgne and Songdalen, now Kristiansand."""
    from bot.core.context import CoreContext
    from indexer.ingest.pipeline import index_paths
    from indexer.settings import Settings
    from tests.fakes import FakeEmbeddings, fake_index_deps

    folder = tmp_path_factory.mktemp("kristiansand")
    shutil.copy(CORPUS / KRISTIANSAND, folder / KRISTIANSAND)
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), _env_file=None)  # type: ignore[call-arg]
    deps = fake_index_deps(settings, gazetteer, FakeEmbeddings())
    index_paths([folder], deps)
    return Core(CoreContext(settings=settings, store=deps.store, embeddings=FakeEmbeddings(),
                            gazetteer=gazetteer))


def test_todays_municipality_covers_its_former_ones(merged) -> None:  # type: ignore[no-untyped-def]
    answer = ask(merged, "Hvilke møter har Kristiansand vært med på?")
    assert people(answer) == ["Tone Ramsland Eikeland", "Arild Høgås", "Marit Lunde Skaiå"]
    assert "Søgne kommune (Søgne, nå Kristiansand) [" in answer.answer
    assert "(Kristiansand, nå Kristiansand)" not in answer.answer
    rows_are_cited_to_their_entry(answer)


def test_a_former_municipality_is_itself_not_its_partners(merged) -> None:  # type: ignore[no-untyped-def]
    answer = ask(merged, "Which meetings did Søgne attend?")
    assert people(answer) == ["Arild Høgås"]
    assert "(Søgne, now Kristiansand)" in answer.answer


@pytest.mark.parametrize(("question", "written", "listed"), [
    ("Hvem møtte fra Bufdir på møtene i 2020?", "Bufdir", False),
    ("Hvilke møter har Valle deltatt på?", "Valle", True),
    ("Which meetings did Voss attend?", "Voss", True),
    ("Kven frå Øygarden var til stades på møta?", "Øygarden", False),
    ("Which meetings were attended by Kvam?", "Kvam", True),
    ("På hvilke møter var RKBU representert?", "RKBU", True),
    ("Hvor mange møter har Kristiansand deltatt på?", "Kristiansand", True),
    ("Hvem representerte Trondheim på møtene?", "Trondheim", False),
    ("Var noen fra Bufetat med på møtet i januar 2024?", "Bufetat", False),
    ("How many meetings has Hamarøy attended?", "Hamarøy", True),
])
def test_the_attendee_is_read_and_not_taken_for_the_meeting(core, question, written,  # type: ignore[no-untyped-def]
                                                            listed) -> None:
    from bot.core.question import Intent

    understood = core.understand(question)
    assert understood.intent == Intent.PARTICIPANTS
    assert understood.attendee is not None and understood.attendee.written == written
    assert understood.meetings_asked == listed
    assert understood.meeting is not None and not understood.meeting.words


def test_a_meeting_named_after_a_place_is_still_the_meeting(core) -> None:  # type: ignore[no-untyped-def]
    understood = core.understand("Hvem deltok på møtet i styringsgruppa i Setesdal?")
    assert understood.attendee is None
    assert understood.meeting is not None and "setesdal" in understood.meeting.words


def test_the_state_office_beside_another_role_narrows_that_meeting(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem fra Statsforvalteren og hvilke barnevernledere deltok på stormøtet "
                       "i den utvidede ressursgruppa i januar 2024?")
    assert set(people(answer)) == {"Bente Cecilie Foss", "Unni Reianes", "Brit Espeland Nedreaas",
                                   "Stine Heinz", "Marie Therese Thesen", "Therese Haugestad"}


def test_two_sides_named_ask_everyone_present(core) -> None:  # type: ignore[no-untyped-def]
    """«… fra Statsforvalteren og fra kommunene?»: not the state office alone."""
    understood = core.understand("Hvem møtte fra Statsforvalteren og fra kommunene på stormøtet "
                                 "i den utvidede ressursgruppa i januar 2024?")
    assert understood.attendee is None and Role.STATE not in understood.roles
    answer = ask(core, "Hvem møtte fra Statsforvalteren og fra kommunene på stormøtet i den "
                       "utvidede ressursgruppa i januar 2024?")
    assert {"Bente Cecilie Foss", "Stine Heinz", "Therese Haugestad"} <= set(people(answer))


def test_words_that_name_no_meeting_leave_whom_to_find(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "How many meetings has Bykle attended, roughly?")
    assert people(answer) == ["Olav Tveiten"]


def test_either_of_two_municipalities_is_two_places_not_an_organisation(core) -> None:  # type: ignore[no-untyped-def]
    understood = core.understand("Hvem møtte fra Fjell eller Radøy på styringsgruppemøtet?")
    assert understood.attendee is not None
    assert [p.name for p in understood.attendee.places] == ["Fjell", "Radøy"]
    answer = ask(core, "Hvem møtte fra Fjell eller Radøy på styringsgruppemøtet i februar 2020?")
    assert set(people(answer)) == {"Terje Sandvik", "Gunhild Haugsvær"}
