"""Who attended a meeting, asked in chat in Bokmål, Nynorsk and English, by the meeting's date
or its network: every person a row cited to the entry that names them in the referat."""

from __future__ import annotations

import pytest

from bot.core.models import Answer
from bot.core.payloads import ParticipantList
from indexer.minutes.models import Role
from tests.bot.conversation import ask

RESSURSGRUPPE = "000_9cd953df84ef8b74.txt"
REKOM = "004_300499633755e007.txt"
SETESDAL = "2023-05-10_referat_styringsgruppe_setesdal.md"
VESTLAND = "2020-02-11_referat_styringsgruppe_vestland.md"




def people(answer: Answer) -> list[str]:
    assert isinstance(answer.payload, ParticipantList), answer.answer
    return [p.name for m in answer.payload.meetings for p in m.people]


def rows_are_cited_to_their_entry(answer: Answer) -> None:
    """Each row's citation is the referat's own entry for that person."""
    by_n = {c.n: c for c in answer.citations}
    assert isinstance(answer.payload, ParticipantList)
    for meeting in answer.payload.meetings:
        for person in meeting.people:
            cited = [by_n[n] for n in person.citations]
            assert cited and all(c.source == meeting.source for c in cited)
            assert any(person.name.split()[0] in c.snippet for c in cited), (person, cited)


def test_who_attended_a_meeting_by_date(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem deltok på møtet 31.01.2024?")
    assert answer.kind == "list" and not answer.refused
    assert answer.answer.startswith("Til stede – «Referat fra møte i utvidet ressursgruppe")
    assert "20 personer" in answer.answer.splitlines()[0]
    assert "- Stine Heinz – barnevernleder Tysvær [" in answer.answer
    assert "- Bente Cecilie Foss – Statsforvalteren i Vestland [" in answer.answer
    assert len(people(answer)) == 20
    rows_are_cited_to_their_entry(answer)


def test_which_child_welfare_leaders_attended_and_from_which_municipalities(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Which child-welfare leaders attended the meeting on 31.01.2024, and "
                       "from which municipalities?")
    assert answer.language == "en"
    assert people(answer) == ["Stine Heinz", "Marie Therese Thesen", "Therese Haugestad"]
    assert "3 people, from Tysvær, Time and Hå" in answer.answer.splitlines()[0]
    assert {c.source for c in answer.citations} == {RESSURSGRUPPE}
    rows_are_cited_to_their_entry(answer)
    bokmal = ask(core, "Hvilke barnevernledere var til stede på møtet i ressursgruppa i januar "
                       "2024?")
    assert people(bokmal) == people(answer)
    assert "fra Tysvær, Time og Hå" in bokmal.answer


def test_the_next_meeting_asked_beside_who_attended_is_told_and_marked_past(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvilke barnevernledere var med på møtet i ressursgruppa i januar 2024, "
                       "og når er neste møte?")
    assert people(answer) == ["Stine Heinz", "Marie Therese Thesen", "Therese Haugestad"]
    last = answer.answer.splitlines()[-1]
    assert last.startswith("Neste møte: 20. februar 2025") and "(datoen er passert)" in last
    assert answer.citations[-1].source == RESSURSGRUPPE
    plain = ask(core, "Hvilke barnevernledere var med på møtet i ressursgruppa i januar 2024?")
    assert "Neste møte" not in plain.answer  # only when asked


def test_nynorsk_by_network(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Kven var til stades på møtet i styringsgruppa i Setesdal?")
    assert answer.language == "nn" and answer.answer.startswith("Til stades – ")
    assert people(answer)[:5] == ["Åse Bjørgum", "Olav Tveiten", "Sigrid Ose", "Knut Homme",
                                  "Marianne Aas Torjussen"]
    assert "Referent: Marianne Aas Torjussen – Statsforvaltaren i Agder" in answer.answer
    assert {c.source for c in answer.citations} == {SETESDAL}


@pytest.mark.parametrize(("question", "who", "source"), [
    ("Hvem hadde forfall på møtet i REKOM?", ["Kris Kalkmann", "Geoffrey Amstrong",
     "Ane Jannok Eira", "Kathrin Olsen", "Svein Harald Nygård", "Ann-Kathrin Mulstad"], REKOM),
    ("Hvem var referent på møtet 11.02.2020?", ["Ingrid Hauge Sæle"], VESTLAND),
    ("Kven skreiv referatet frå styringsgruppa i Setesdal?", ["Marianne Aas Torjussen"],
     SETESDAL),
    ("Who from the county governor attended the meeting on 31 January 2024?",
     ["Bente Cecilie Foss", "Unni Reianes", "Brit Espeland Nedreaas"], RESSURSGRUPPE),
])  # fmt: skip
def test_a_role_asked_for_is_answered_with_just_those_people(core, question, who, source) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, question)
    assert people(answer) == who
    assert {c.source for c in answer.citations} == {source}
    rows_are_cited_to_their_entry(answer)


def test_minutes_without_names_are_quoted_not_invented(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem deltok på læringsnettverkssamlingen i 2018?")
    assert isinstance(answer.payload, ParticipantList) and people(answer) == []
    assert "referatet lister ikke opp personer" in answer.answer
    assert "9 barneverntjenester og 18 kommuner" in answer.answer and answer.citations


def test_a_follow_up_narrows_to_a_role(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem deltok på møtet 31.01.2024?", "og hvem av dem var barnevernledere?")
    assert people(answer) == ["Stine Heinz", "Marie Therese Thesen", "Therese Haugestad"]
    assert answer.payload.meetings[0].roles == [Role.CHILD_WELFARE_LEADER, Role.PRESENT]  # type: ignore[union-attr]


def test_a_meeting_we_do_not_have_is_refused_with_the_nearest(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem deltok på møtet 14.03.2023?")
    assert answer.refused and "Jeg fant ikke noe referat fra 14. mars 2023" in answer.answer
    assert SETESDAL in {c.source for c in answer.citations}


def test_participants_of_every_meeting_of_a_network(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem deltok på møtene i styringsgruppene?")
    assert isinstance(answer.payload, ParticipantList)
    assert [m.source for m in answer.payload.meetings] == [SETESDAL, VESTLAND]
    assert "Jorunn Steinsland" in people(answer) and "Olav Tveiten" in people(answer)



@pytest.mark.parametrize(("question", "expected"), [
    ("Hvilke barnevernledere deltok på møtet 11.02.2020?",
     "Barnevernledere til stede – «Referat fra møte i styringsgruppen"),
    ("Who chaired the meeting on 11.02.2020?", "Chair – «Referat fra møte i styringsgruppen"),
])  # fmt: skip
def test_a_role_the_minutes_do_not_name_is_said_so_and_the_referat_cited(core, question,
                                                                         expected) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, question)
    assert answer.refused and answer.answer.startswith(expected)
    assert answer.answer.rstrip().endswith(("referatet nevner ingen. [1]",
                                            "the minutes name no one. [1]"))
    assert len(answer.citations) == 1 and people(answer) == []


def test_the_leader_of_the_group_among_those_present_is_its_chair(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Who chaired the meeting in Setesdal?")
    assert not answer.refused and people(answer) == ["Knut Homme"]


def test_those_present_and_a_role_asked_together(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem møtte i styringsgruppa i Setesdal i mai 2023, og hvem skreiv "
                       "referatet?")
    assert answer.answer.startswith("Til stede – «Referat frå møte i styringsgruppa")
    assert len([p for p in people(answer)]) == 6  # five present, then the minute-taker
    assert answer.answer.rstrip().splitlines()[-1].startswith(
        "Referent: Marianne Aas Torjussen – Statsforvaltaren i Agder [")


def test_two_kinds_of_people_asked_at_once_are_both_listed(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Which county governor staff and which child welfare leaders attended "
                       "the meeting of 31 January 2024?")
    assert people(answer) == ["Stine Heinz", "Marie Therese Thesen", "Therese Haugestad",
                              "Bente Cecilie Foss", "Unni Reianes", "Brit Espeland Nedreaas"]
    assert answer.answer.startswith("Present from the County Governor, and child welfare leaders")


def test_the_minute_takers_of_every_meeting_a_line_each(core) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, "Hvem var referent på møtene i styringsgruppene?")
    assert people(answer) == ["Marianne Aas Torjussen", "Ingrid Hauge Sæle"]
    every = ask(core, "Hvem har vært referent på alle møtene?")
    assert {"Marianne Aas Torjussen", "Ingrid Hauge Sæle", "Eirin Flatås",
            "Cecilie Halland"} == set(people(every))


def test_an_article_about_a_meeting_is_left_to_the_fact_answerer(tmp_path, settings,
                                                                 gazetteer) -> None:  # type: ignore[no-untyped-def]
    """A referat with no attendance at all (a news item filed as one) says who was there in
    its prose, which the fact answerer reads; the participants route does not refuse it."""
    from bot.core.context import CoreContext
    from bot.minutes.route import try_answer
    from indexer.ingest.pipeline import index_paths
    from tests.fakes import FakeEmbeddings, fake_index_deps, understood

    (tmp_path / "2021_referat_ks.md").write_text(
        "---\ntype: referat\ndate: 2021-11-20\n---\n\n# Barnevernsreformen på bilateralt møte\n\n"
        "KS' styreleder Kari Nordmann møtte statsråd Ola Hansen om barnevernsreformen.\n",
        encoding="utf-8")
    deps = fake_index_deps(settings, gazetteer, FakeEmbeddings())
    index_paths([tmp_path], deps)
    ctx = CoreContext(settings=settings, store=deps.store, embeddings=FakeEmbeddings(),
                      gazetteer=gazetteer)
    question = understood(ctx, "Hvem deltok på det bilaterale møtet om barnevernsreformen?")
    assert question.meeting is not None and question.meeting.words
    assert try_answer(question, ctx) is None


@pytest.mark.parametrize(("question", "said"), [
    ("Hvem var med på styringsgruppemøtet i Setesdal i mai 2023, og hvem fikk hvilke oppgaver?",
     ["Vedtak og oppfølgingspunkter", "Til stede", "Åse Bjørgum", "Olav Tveiten"]),
    ("Who attended the Setesdal steering group meeting in May 2023, and what was decided?",
     ["Present", "Decisions", "Knut Homme", "rekrutteringsplan"]),
])  # fmt: skip
def test_who_attended_and_what_was_decided_are_both_answered(core, question, said) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, question)
    assert not answer.refused and all(s in answer.answer for s in said), answer.answer
    numbers = [c.n for c in answer.citations]
    assert len(numbers) == len(set(numbers)) >= 6  # the second table's numbered on
    assert {c.source for c in answer.citations} == {SETESDAL}


def test_a_municipality_merged_since_the_meeting_is_shown_with_todays_name(tmp_path, settings,
                                                                            gazetteer) -> None:  # type: ignore[no-untyped-def]
    """«Søgne kommune» at a 2019 meeting is today's Kristiansand: the row says so; Vennesla,
    unchanged, gets no note. Asked by the group that met, without the word «møte»."""
    from bot.core.context import CoreContext
    from bot.minutes.route import try_answer
    from indexer.ingest.pipeline import index_paths
    from tests.fakes import FakeEmbeddings, fake_index_deps, understood

    (tmp_path / "2019-09-17_referat_styringsgruppe_kristiansand.md").write_text(
        "---\ntype: referat\ndate: 2019-09-17\n---\n\n# Referat fra møte i styringsgruppen, "
        "17.09.2019\n\n**Til stede:** Arild Høgås (barnevernleder, Søgne kommune), Kjetil "
        "Bråtveit (barnevernleder, Vennesla kommune)\n\n## Sak 1/2019 Status\n\nVedtak: "
        "Tatt til orientering.\n", encoding="utf-8")
    deps = fake_index_deps(settings, gazetteer, FakeEmbeddings())
    index_paths([tmp_path], deps)
    ctx = CoreContext(settings=settings, store=deps.store, embeddings=FakeEmbeddings(),
                      gazetteer=gazetteer)
    answer = try_answer(understood(ctx, "Hvem møtte i styringsgruppa 17.09.2019?"), ctx)
    assert answer is not None and not answer.refused, answer
    assert "Søgne kommune (nå Kristiansand)" in answer.answer
    assert "Vennesla kommune (nå" not in answer.answer


@pytest.mark.parametrize(("question", "since"), [
    ("Hvilke rådgivere fra Statsforvalteren har vært med på nettverksmøtene?", None),
    ("Which advisors from Statsforvalteren took part in the network meetings? Only from 2023 "
     "onwards, and say which meeting.", 2023),
])
def test_the_advisers_of_a_body_across_the_network_meetings(core, question, since) -> None:  # type: ignore[no-untyped-def]
    answer = core.answer(question)
    assert "Marianne Aas Torjussen" in people(answer)  # Setesdal, May 2023
    meetings = answer.payload.meetings  # type: ignore[union-attr]
    assert len(meetings) >= 2 or since is not None
    assert since is None or all(m.date and m.date.year >= since for m in meetings)
    rows_are_cited_to_their_entry(answer)
