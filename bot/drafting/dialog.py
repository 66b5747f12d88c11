"""The guided dialog: the last state and one user text in, the next state out.

The state travels with the conversation: each answer of the dialog carries it
(`bot.core.dialog.DraftDialog`), the faces keep it with the assistant turn, and the next turn
starts from the last one instead of re-reading the history, after a restart too. A question
asked in the middle goes to the rest of the core, which keeps the draft waiting
(`bot.core.dialog.carry`); «fortsett», «avbryt» or the next plain answer reach it again.
Each answer is checked against the part it is for (`fit.py`) before it is taken.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from bot.core.dialog import DraftDialog, last_dialog
from bot.core.models import Language
from bot.core.question import Intent, Question
from bot.core.understand.intent import is_draft_request, looks_like_question
from bot.drafting.commands import Command, field_named, read_command
from bot.drafting.fit import Fit
from bot.drafting.parsing import Opening
from bot.drafting.texts import FIELDS, title
from bot.i18n import t

Event = Literal["start", "answered", "changed", "skipped", "kept", "back", "back_empty",
                "resume", "moved", "doubt", "choose", "edit", "done", "cancelled"]
OpeningParser = Callable[[str, Language], Opening]
FitCheck = Callable[[str, str], Fit]  # (field, text) → verdict
_SIDE_INTENTS = frozenset({Intent.FACT, Intent.DRAFT})  # what a waiting draft may take as answer


class DraftState(DraftDialog):
    """The dialog state plus what the last step did, for the reply to say."""

    event: Event = "start"
    changed: str | None = None  # the field the last step touched
    reason: str | None = None  # "doubt": what the answer lacked (drafting.doubt.*)
    resumed: bool = False  # the answer came after a side question

    @classmethod
    def from_dialog(cls, dialog: DraftDialog) -> DraftState:
        return cls.model_validate(dialog.model_dump())

    def dialog(self) -> DraftDialog:
        """What the next turn needs: the state without this step's event."""
        return DraftDialog.model_validate(self.model_dump(include=set(DraftDialog.model_fields)))

    @property
    def fields(self) -> tuple[str, ...]:
        return FIELDS[self.kind]

    @property
    def pending(self) -> str | None:
        """The question open now: a part being changed first, then the first one not told."""
        if self.status != "active":
            return None
        if self.focus:
            return self.focus
        done = set(self.answers) | set(self.skipped)
        return next((f for f in self.fields if f not in done), None)

    def marker(self) -> str:
        """The first line of each dialog reply: «Utkast til prosjektplan – spørsmål 3 av 10»."""
        pending = self.pending
        if pending is None:
            return f"{title(self.kind, self.language)} – {t('drafting.final', self.language)}"
        number = self.fields.index(pending) + 1
        step = t("drafting.step", self.language, i=number, n=len(self.fields))
        return f"{title(self.kind, self.language)} – {step}"


def start(text: str, language: Language, parse: OpeningParser) -> DraftState:
    opening = parse(text, language)
    return DraftState(kind=opening.kind, language=language, opening=text,
                      answers=dict(opening.answers), hints=dict(opening.hints))


def advance(question: Question, parse: OpeningParser, check: FitCheck) -> DraftState | None:
    """The state after this question, or None when it is not the dialog's to answer."""
    text = question.text
    if is_draft_request(text):
        return start(text, question.language, parse)
    dialog = last_dialog(question.history)
    command = read_command(text)
    if dialog is not None and dialog.status == "done" and command and command.name == "edit":
        dialog = dialog.model_copy(update={"status": "active"})  # a finished draft reopened
    if dialog is None or dialog.status != "active":
        return None
    state = DraftState.from_dialog(dialog)
    if command:
        return _settle(apply_command(state, command))
    if _is_side_question(question, waiting=dialog.side_turns > 0):
        return None
    if state.choosing and (field := field_named(text)):
        return _settle(apply_command(state, Command("edit", field)))
    return _settle(take_answer(state, text, check))


def _is_side_question(question: Question, waiting: bool) -> bool:
    """A question, a /command, or (after a side question) another kind of request."""
    text = question.text.strip()
    if text.startswith("/") or looks_like_question(text):
        return True
    return waiting and question.intent not in _SIDE_INTENTS


def apply_command(state: DraftState, command: Command) -> DraftState:
    update: dict[str, object] = {"side_turns": 0, "doubted": None, "choosing": False,
                                 "event": command.name, "changed": state.pending}
    answers, skipped, asked = dict(state.answers), list(state.skipped), list(state.asked)
    match command.name:
        case "cancel":
            update |= {"status": "cancelled", "event": "cancelled"}
        case "done":
            update |= {"status": "done", "focus": None}
        case "resume":
            pass
        case "edit" if command.field:
            update |= {"focus": command.field, "changed": command.field}
        case "edit":
            update |= {"choosing": True, "event": "choose"}
        case "skip" | "back" if state.focus:
            update |= {"focus": None, "event": "kept"}  # leave the part as it was
        case "skip" if state.pending:
            skipped.append(state.pending)
            asked.append(state.pending)
            update |= {"event": "skipped"}
        case "back" if asked:
            previous = asked.pop()
            answers.pop(previous, None)
            skipped = [f for f in skipped if f != previous]
            update |= {"focus": previous, "changed": previous}
        case "back":
            update |= {"event": "back_empty"}
        case _:
            pass
    return state.model_copy(update={**update, "answers": answers, "skipped": skipped,
                                    "asked": asked, "reason": None, "resumed": False})


def take_answer(state: DraftState, text: str, check: FitCheck) -> DraftState:
    """File `text` under the open question, under the part it plainly is for, or ask back."""
    field = state.pending
    if field is None:
        return state.model_copy(update={"status": "done", "event": "done"})
    answer = " ".join(text.split())
    verdict = check(field, answer)
    target, event = field, "changed" if field in state.answers else "answered"
    if verdict.elsewhere:
        target, event = verdict.elsewhere, "moved"
    elif not verdict.ok and state.doubted != field:
        return state.model_copy(update={
            "event": "doubt", "doubted": field, "reason": verdict.reason, "changed": field,
            "choosing": False, "resumed": state.side_turns > 0, "side_turns": 0})
    answers = {**state.answers, target: answer}
    skipped = [f for f in state.skipped if f != target]
    asked = [*(f for f in state.asked if f != target), target]  # «tilbake» undoes this one
    focus = None if state.focus == target else state.focus
    return state.model_copy(update={
        "answers": answers, "skipped": skipped, "asked": asked, "focus": focus, "event": event,
        "changed": target, "doubted": None, "choosing": False, "reason": None,
        "resumed": state.side_turns > 0, "side_turns": 0})


def _settle(state: DraftState) -> DraftState:
    """Every part told or skipped: the draft is finished."""
    if state.status == "active" and state.pending is None:
        return state.model_copy(update={"status": "done"})
    return state
