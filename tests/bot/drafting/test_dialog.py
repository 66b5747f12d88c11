"""The guided dialog through the core: commands and buttons, answers checked against their
part, side questions that leave the draft waiting, corrections, and a state that rides on the
last turn."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from docx import Document

from bot import drafting
from bot.core.dialog import MAX_SIDE_TURNS
from bot.core.models import ChatTurn
from bot.core.payloads import DraftCancelled
from bot.drafting.commands import BUTTONS, Command, read_command
from bot.drafting.fit import check
from bot.drafting.texts import FIELDS
from bot.engine import Core
from bot.i18n import LANGUAGES, t
from tests.fakes import converse, draft_of

OPENING = "/utkast fosterhjem i Kvam og Voss"
SIDE = "Hvor mange fosterhjem har Voss?"


@pytest.fixture
def core(sample_context):  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2023, 3, 20))
    return Core(ctx, routes=[drafting.try_answer])


def talk(core, *messages: str):  # type: ignore[no-untyped-def]
    return converse(core.answer, list(messages))


def pending(answer) -> str | None:  # type: ignore[no-untyped-def]
    return draft_of(answer).next_field


def test_each_question_is_asked_once_and_prefilled_ones_are_skipped(core):
    answers = talk(core, OPENING, "Fosterforeldre", "Færre brudd")
    assert [pending(a) for a in answers] == ["target_group", "goals", "measures"]
    assert answers[-1].dialog is not None
    assert answers[-1].dialog.answers["goals"] == "Færre brudd"


def test_skip_back_done_and_cancel(core):
    skipped = talk(core, OPENING, "hopp over")[-1]
    assert skipped.dialog.skipped == ["target_group"] and pending(skipped) == "goals"
    back = talk(core, OPENING, "Fosterforeldre", "tilbake")[-1]
    assert "target_group" not in back.dialog.answers and pending(back) == "target_group"
    assert "Vi går tilbake til: målgruppe." in back.answer
    assert "Det er ingenting å gå tilbake til." in talk(core, OPENING, "tilbake")[-1].answer
    done = talk(core, OPENING, "Fosterforeldre", "Ferdig!")[-1]
    assert draft_of(done).done and draft_of(done).actions == []
    cancelled = talk(core, OPENING, "avbryt")[-1]
    assert isinstance(cancelled.payload, DraftCancelled)


def test_a_full_dialog_with_a_side_question_and_a_correction(core):
    answers = talk(
        core, OPENING, "Fosterforeldre", "Flere stabile fosterhjem",
        SIDE,  # answered by the rest of the core; the draft waits
        "fortsett",
        "Veiledningsgrupper og kurs", "Endre del", "Endre målgruppe",
        "Fosterforeldre og fosterbarn i begge kommunene", "ferdig")
    side = answers[3]
    assert side.kind != "draft" and "Utkastet venter" in side.answer
    assert side.dialog is not None and side.dialog.side_turns == 1
    resumed = answers[4]
    assert "Vi fortsetter utkastet." in resumed.answer and pending(resumed) == "measures"
    choose = draft_of(answers[6])
    assert "Hvilken del vil du endre?" in answers[6].answer
    assert choose.choices[:4] == ["municipalities", "theme", "target_group", "goals"]
    editing = answers[7]
    assert pending(editing) == "target_group" and "Nå står det: «Fosterforeldre»" in editing.answer
    changed = answers[8]
    assert "Endret: målgruppe." in changed.answer
    assert pending(changed) == "partner"  # back to where the dialog was
    final = draft_of(answers[-1])
    assert final.done
    text = "\n".join(p.text for p in Document(final.docx_path or "").paragraphs)
    assert "Fosterforeldre og fosterbarn i begge kommunene" in text
    assert "Veiledningsgrupper og kurs" in text


def test_an_early_answer_is_filed_under_its_own_part_and_the_question_stays(core):
    answers = talk(core, OPENING, "Vi søker om 300 000 kr, egenandel 100 000 kr")
    early = answers[-1]
    assert "Dette ser ut som budsjett" in early.answer
    assert pending(early) == "target_group"  # nothing shifted
    assert early.dialog.answers["budget"].startswith("Vi søker om 300 000 kr")
    assert "target_group" not in early.dialog.answers
    budget = next(s for s in draft_of(early).sections if s.title == "Budsjett")
    assert not budget.missing


def test_an_answer_that_does_not_fit_its_part_gets_an_ask_back(core):
    to_period = ["hopp over"] * 5  # target group … anchoring
    *_, asked, doubted, fixed = talk(core, OPENING, *to_period, "snart",
                                     "1. august 2023 – 31. juli 2025")  # fmt: skip
    assert pending(asked) == "period"
    assert "Jeg fant ingen datoer i svaret" in doubted.answer
    assert pending(doubted) == "period" and "period" not in doubted.dialog.answers
    assert "Notert: prosjektperiode." in fixed.answer and pending(fixed) == "budget"
    insisted = talk(core, OPENING, *to_period, "snart", "snart")[-1]
    assert insisted.dialog.answers["period"] == "snart"  # the second time, taken as written


def test_cancel_after_a_side_question_still_cancels(core):
    answers = talk(core, OPENING, SIDE, "avbryt")
    assert isinstance(answers[-1].payload, DraftCancelled)
    assert "avbrutt" in answers[-1].answer
    after = talk(core, OPENING, SIDE, "avbryt", "Fosterforeldre")[-1]
    assert after.kind != "draft" and after.dialog is None


def test_a_plain_answer_after_a_side_question_resumes_the_draft(core):
    answers = talk(core, OPENING, SIDE, "Fosterforeldre")
    assert answers[-1].kind == "draft"
    assert "Vi fortsetter utkastet." in answers[-1].answer
    assert answers[-1].dialog.answers["target_group"] == "Fosterforeldre"


def test_another_request_after_a_side_question_is_not_taken_as_an_answer(core):
    answers = talk(core, OPENING, SIDE, "/kilder")
    assert answers[-1].kind == "list" and "Utkastet venter" in answers[-1].answer


def test_a_waiting_draft_is_let_go_after_a_while(core):
    answers = talk(core, OPENING, *[SIDE] * (MAX_SIDE_TURNS + 1))
    assert answers[MAX_SIDE_TURNS].dialog is not None
    assert answers[-1].dialog is None and "Utkastet venter" not in answers[-1].answer


def test_the_state_rides_on_the_last_turn_and_survives_a_restart(core):
    answers = talk(core, OPENING, "Fosterforeldre", "hopp over")
    # A face persists turns as JSON; only the last assistant turn is needed to go on.
    stored = json.dumps([ChatTurn(role="user", text="hopp over").model_dump(mode="json"),
                         answers[-1].turn().model_dump(mode="json")])
    history = [ChatTurn.model_validate(turn) for turn in json.loads(stored)]
    nxt = core.answer("Veiledningsgrupper", history)
    assert nxt.dialog.answers == {**answers[-1].dialog.answers, "measures": "Veiledningsgrupper"}
    assert pending(nxt) == "partner"


def test_a_finished_draft_can_be_reopened_to_change_a_part(core):
    answers = talk(core, OPENING, "Fosterforeldre", "ferdig", "endre målgruppe", "Fosterbarn")
    assert pending(answers[3]) == "target_group"
    assert answers[-1].dialog.answers["target_group"] == "Fosterbarn"


def test_a_new_request_restarts_the_dialog(core):
    answers = talk(core, OPENING, "Fosterforeldre",
                   "Hjelp meg å skrive sluttrapporten for «Neste steg»")
    assert answers[-1].dialog.kind == "report"
    assert "target_group" not in answers[-1].dialog.answers


def test_an_answer_that_starts_with_skriv_does_not_restart(core):
    last = talk(core, OPENING, "Skriv rapport til styringsgruppa hver måned")[-1]
    assert last.dialog.answers["target_group"].startswith("Skriv rapport")


def test_english_dialog_keeps_english_and_its_buttons(core):
    answers = talk(core, "Help me write a project plan for a foster care project in Kvam and "
                         "Voss", "Foster parents")
    assert answers[-1].language == "en"
    assert answers[-1].answer.startswith("**Draft project plan – question")
    assert draft_of(answers[-1]).actions == list(BUTTONS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_button_label_is_read_back_as_its_command(language):
    for name in BUTTONS:
        assert read_command(t(f"drafting.button.{name}", language)) == Command(name)
    for field in FIELDS["plan"] + FIELDS["report"]:
        label = t("drafting.button.edit_field", language,
                  field=t(f"drafting.field.{field}", language))
        assert read_command(label) == Command("edit", field), label


@pytest.mark.parametrize(("text", "command"), [
    ("Hopp over.", Command("skip")), ("Tilbake", Command("back")), ("avbryt", Command("cancel")),
    ("ferdig", Command("done")), ("fortsett", Command("resume")), ("endre del", Command("edit")),
    ("endre budsjettet", Command("edit", "budget")), ("Fosterforeldre", None),
    ("Endre rutinene for oppfølging", None),
])
def test_typed_commands(text, command):
    assert read_command(text) == command


@pytest.mark.parametrize(("field", "text", "ok", "elsewhere", "reason"), [
    ("budget", "Vi søker om 300 000 kr", True, None, None),
    ("budget", "Det vet vi ikke ennå", False, None, "budget"),
    ("period", "1. august 2024 – 31. juli 2026", True, None, None),
    ("period", "to år", True, None, None),
    ("period", "Vi søker om 300 000 kr", False, "budget", None),
    ("target_group", "Vi søker om 300 000 kr, egenandel 100 000 kr", False, "budget", None),
    ("target_group", "We apply for NOK 300 000", False, "budget", None),
    ("measures", "1. august 2024 – 31. juli 2026", False, "period", None),
    ("theme", "Kvam og Voss", False, "municipalities", None),
    ("municipalities", "hå og time", True, None, None),
    ("municipalities", "alle i regionen", False, None, "municipalities"),
    ("goals", "Spare 200 000 kr på færre akuttplasseringer", True, None, None),
    ("partner", "Universitetet i Stavanger", True, None, None),
    ("contact", "kari", False, None, "contact"),
    ("target_group", "x", False, None, "short"),
])
def test_answers_are_checked_against_their_part(gazetteer, field, text, ok, elsewhere, reason):
    verdict = check(field, text, gazetteer)
    assert (verdict.ok, verdict.elsewhere, verdict.reason) == (ok, elsewhere, reason)
