"""Reading a minutes question once: the time it names («i vår», «høsten 2023», «i fjor»), the
meeting, whether it asks decisions or participants, and which participants."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.question import Intent
from bot.core.understand import Kit, understand
from bot.core.understand.meeting import meeting_ref
from bot.core.understand.roles import roles_asked
from bot.core.understand.time import period
from indexer.minutes.models import Role

D = dt.date
JUNE_2024 = D(2024, 6, 1)


@pytest.fixture(scope="module")
def kit(gazetteer) -> Kit:  # type: ignore[no-untyped-def]
    return Kit(gazetteer, None, JUNE_2024)


@pytest.mark.parametrize(("text", "expected"), [
    ("Hva ble bestemt i vår?", (D(2024, 1, 1), D(2024, 6, 30))),
    ("Kva vart vedteke i haust?", (D(2023, 8, 1), D(2023, 12, 31))),
    ("Hva ble vedtatt høsten 2022?", (D(2022, 8, 1), D(2022, 12, 31))),
    ("Hva ble bestemt våren i fjor?", (D(2023, 1, 1), D(2023, 6, 30))),
    ("Hva ble bestemt i vår i fjor?", (D(2023, 1, 1), D(2023, 6, 30))),
    ("What was decided last spring?", (D(2023, 1, 1), D(2023, 6, 30))),
    ("What was decided in the autumn of 2021?", (D(2021, 8, 1), D(2021, 12, 31))),
    ("Hva ble bestemt i vinter?", (D(2023, 12, 1), D(2024, 2, 29))),
    ("Hva ble vedtatt i fjor?", (D(2023, 1, 1), D(2023, 12, 31))),
    ("Kva vart vedteke i år?", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Hvilke vedtak er gjort siden 2022?", (D(2022, 1, 1), D.max)),
    ("Hvilke vedtak ble gjort før 2021?", (D.min, D(2020, 12, 31))),
    ("Hvilke vedtak ble gjort etter 2021?", (D(2022, 1, 1), D.max)),  # the year after it on
    ("Which meetings, only from 2023 onwards?", (D(2023, 1, 1), D.max)),
    ("Kva møte har vi frå 2022 og utover?", (D(2022, 1, 1), D.max)),
    ("Hva ble bestemt på siste møte?", None),
    ("Hva er vår rolle i nettverket?", None),  # «vår» alone is «our»
])  # fmt: skip
def test_the_period_a_question_names(text, expected) -> None:  # type: ignore[no-untyped-def]
    assert period(text, JUNE_2024) == expected


def test_a_meeting_reference_keeps_time_apart_from_the_meeting_s_name() -> None:
    last_spring = meeting_ref("Hva ble bestemt forrige vår i Setesdal?", JUNE_2024)
    assert not last_spring.latest and last_spring.words == ("setesdal",)
    assert last_spring.period == (D(2023, 1, 1), D(2023, 6, 30))
    both = meeting_ref("Hva ble bestemt på møtene i 2020 og 2021?", JUNE_2024)
    assert both.period == (D(2020, 1, 1), D(2021, 12, 31)) and both.year is None
    leaders = meeting_ref("Which child-welfare leaders attended the meeting on 31.01.2024, and "
                          "from which municipalities?", JUNE_2024)
    assert leaders.date == D(2024, 1, 31) and leaders.words == ()
    assert meeting_ref("Hva ble bestemt på siste møte i ressursgruppa?").latest
    advisers = meeting_ref("Hvilke rådgivere fra Statsforvalteren har vært med på "
                           "nettverksmøtene?", JUNE_2024)
    assert advisers.words == ()  # a role and the meetings in general name no meeting
    english = meeting_ref("Which advisors from Statsforvalteren took part in the network "
                          "meetings? Only from 2023 onwards, and say which meeting.", JUNE_2024)
    assert english.words == () and english.period == (D(2023, 1, 1), D.max)
    assert "trøndelag" in meeting_ref("Hva ble sagt på nettverkssamlingen i Trøndelag?").words


@pytest.mark.parametrize("text", [
    "Hva ble bestemt på siste møte i ressursgruppa?", "Hva ble vedtatt i styringsgruppen?",
    "Hva ble besluttet på nettverkssamlingen?", "Kva vart vedteke i Setesdal?",
    "Hva vedtok styringsgruppa?", "What did the steering group decide at its last meeting?",
    "What was agreed at the last meeting?", "Hvilke beslutninger ble tatt i REKOM?",
    "Kva for vedtak gjorde styringsgruppa?", "Hvilke oppfølgingspunkter kom fra møtet?",
    "Hva ble styringsgruppa enige om?", "Which decisions were made in 2020?",
    # action items by their deadlines, promises and who got which task
    "Hvilke oppfølgingsfrister fra møtet i styringsgruppa har gått ut?",
    "Hvilke oppfølgingspunkter med frister ble satt på samlingen i mars?",  # set, not sat
    "Hva lovet Statsforvalteren å gjøre etter samlingen, og innen når?",
    "Hvem i nettverket fikk hvilke oppgaver etter møtet i mai?",
    # a group that meets, or a meeting's date, stands for the meeting
    "Oppfølgingspunktene fra styringsgruppa i Vestland 11.02.2020 – hvem har ansvar for hva?",
    "Action items from the steering group: who is responsible for what?",
])  # fmt: skip
def test_every_decision_phrasing_is_a_decisions_question(kit, text) -> None:  # type: ignore[no-untyped-def]
    assert understand(text, [], kit).intent == Intent.DECISIONS


P = Role.PRESENT


@pytest.mark.parametrize(("text", "roles"), [
    ("Hvem deltok på møtet 31.01.2024?", {P}),
    ("Kven var til stades på møtet i Setesdal?", {P}),
    ("Hvem var med på samlingen i 2018?", {P}),
    ("Which child-welfare leaders attended the meeting on 31.01.2024?",
     {P, Role.CHILD_WELFARE_LEADER}),
    ("Hvilke barnevernledere møtte på møtet i januar 2024?", {P, Role.CHILD_WELFARE_LEADER}),
    ("Hvilke barnevernledere satt med på møtet i ressursgruppa i januar 2024?",
     {P, Role.CHILD_WELFARE_LEADER}),
    ("Hvem var referent på møtet 11.02.2020?", {Role.MINUTE_TAKER}),
    ("Kven skreiv referatet frå Setesdal?", {Role.MINUTE_TAKER}),
    ("Hvem hadde forfall på møtet i REKOM?", {Role.ABSENT}),
    ("Hvem hadde meldt forfall til møtet i REKOM i september?", {Role.ABSENT}),
    ("Who could not attend the meeting in REKOM?", {Role.ABSENT}),
    ("Hvem var ikke til stede på møtet i REKOM?", {Role.ABSENT}),
    ("Who chaired the meeting in Setesdal?", {Role.CHAIR}),
    ("Hvem fra Statsforvalteren deltok på møtet?", {P, Role.STATE}),
    ("Hvem var til stede på møtet i 2020, og hvem var referent?", {P, Role.MINUTE_TAKER}),
    ("Hvem har vært referent på møtene vi har referat fra?", {Role.MINUTE_TAKER}),
    ("Kven leidde nettverksmøtet i mars, og kven var referent?", {Role.CHAIR, Role.MINUTE_TAKER}),
    ("Styringsgruppa i Valdres i mai: who was at the meeting and who led it?", {P, Role.CHAIR}),
    ("Who led the meeting in Setesdal?", {Role.CHAIR}),
    # the networks' steering groups: each one's chair, as its meetings name them
    ("Hvem er leder for styringsgruppene i nettverkene vi har referater fra?", {Role.CHAIR}),
    ("Who chairs the steering groups of the networks?", {Role.CHAIR}),
    # one network's steering group: its meeting's chair
    ("Kven leia styringsgruppa i Setesdal, og kven var referent på møtet i mai 2023?",
     {Role.CHAIR, Role.MINUTE_TAKER}),
    # who sat in the group at one meeting: its attendance
    ("Hvilke kommuner satt i styringsgruppa i Vestland på møtet i februar 2020?", {P}),
])  # fmt: skip
def test_participant_questions_and_the_roles_they_ask(kit, text, roles) -> None:  # type: ignore[no-untyped-def]
    question = understand(text, [], kit)
    assert question.intent == Intent.PARTICIPANTS
    assert question.roles == roles == roles_asked(text)


@pytest.mark.parametrize("text", [
    "Hvilke frister og datoer ble satt på møtet i styringsgruppa i Vestland i februar 2020?",
    "Hvilke datoer vart sett på møtet i Setesdal?",
])  # fmt: skip
def test_what_was_set_at_a_meeting_is_no_attendance(kit, text) -> None:  # type: ignore[no-untyped-def]
    assert understand(text, [], kit).intent != Intent.PARTICIPANTS


def test_the_meetings_in_the_plural_are_every_meeting() -> None:
    every = meeting_ref("Hvem har vært referent på møtene vi har referat fra?", JUNE_2024)
    assert every.every and every.words == () and every.empty
    assert not meeting_ref("Hvem deltok på møtet?", JUNE_2024).every


@pytest.mark.parametrize("text", [
    "Who took the minutes at each of the child welfare network meetings and steering group "
    "meetings?", "Hvem var referent på nettverksmøtene og styringsgruppemøtene?"])
def test_the_network_meetings_and_another_kind_are_every_meeting(text) -> None:  # type: ignore[no-untyped-def]
    assert meeting_ref(text, JUNE_2024).words == ()
    assert meeting_ref("Hvem var referent i styringsgruppa i Setesdal?", JUNE_2024).words == (
        "styringsgrup", "setesdal")


@pytest.mark.parametrize("text", ["Kan du summere opp referatet fra møtet i Setesdal?",
                                  "Summer opp referatet frå 10.05.2023"])
def test_summere_opp_asks_a_summary(kit, text) -> None:  # type: ignore[no-untyped-def]
    question = understand(text, [], kit)
    assert question.intent == Intent.SUMMARY and question.meeting is not None


def test_one_projects_steering_group_is_no_meetings_chair(kit) -> None:  # type: ignore[no-untyped-def]
    """«Hvem leder styringsgruppen i Valdres-prosjektet?»: a project's group, asked as a fact."""
    assert understand("Hvem leder styringsgruppen i Valdres-prosjektet?", [], kit).intent \
        != Intent.PARTICIPANTS
