"""The guided dialog as a pure fold over the conversation: history in, draft state out.

Nothing is stored between turns: the Teams face persists the chat history and passes it in, so a
restart loses nothing. Each assistant turn of a dialog in progress opens with a marker line
("Utkast til prosjektplan – spørsmål 3 av 10") that the fold recomputes from the state it has
rebuilt so far; a user turn only counts as an answer when the assistant turn just before it
carries exactly that marker. A side question answered by the rest of the core therefore pauses
the dialog ("fortsett" resumes it) instead of being mistaken for an answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import BaseModel

from bot.core.models import ChatTurn, Language
from bot.core.understand.intent import is_draft_request, looks_like_question
from bot.drafting.parsing import Opening, normalise_command
from bot.drafting.texts import FIELDS, DraftKind, title
from bot.i18n import t
from indexer.text.language import detect_language

Status = Literal["active", "done", "cancelled"]
Event = Literal["start", "answered", "skipped", "back", "back_empty", "resume", "done",
                "cancelled"]
OpeningParser = Callable[[str, Language], Opening]


class DraftState(BaseModel):
    """Everything the dialog knows; rebuilt from the history on every turn."""

    kind: DraftKind
    language: Language
    opening: str
    answers: dict[str, str] = {}
    skipped: list[str] = []
    asked: list[str] = []  # fields answered or skipped in the dialog, newest last ("tilbake")
    hints: dict[str, str] = {}  # project name, county, call date named in the opening
    status: Status = "active"
    event: Event = "start"
    changed: str | None = None  # the field the last step touched

    @property
    def fields(self) -> tuple[str, ...]:
        return FIELDS[self.kind]

    @property
    def pending(self) -> str | None:
        """The next question to ask, or None when every field is answered or skipped."""
        if self.status != "active":
            return None
        done = set(self.answers) | set(self.skipped)
        return next((f for f in self.fields if f not in done), None)

    def marker(self) -> str:
        """The first line of an assistant turn for this state; the fold looks for it."""
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


def step(state: DraftState, text: str) -> DraftState:
    """Apply one user answer (or command) to the question that was pending."""
    pending = state.pending
    command = normalise_command(text)
    answers, skipped, asked = dict(state.answers), list(state.skipped), list(state.asked)
    update: dict[str, object] = {"changed": pending}
    if command == "cancel":
        update |= {"status": "cancelled", "event": "cancelled"}
    elif command == "done":
        update |= {"status": "done", "event": "done"}
    elif command == "back":
        if not asked:
            update |= {"event": "back_empty"}
        else:
            previous = asked.pop()
            answers.pop(previous, None)
            skipped = [f for f in skipped if f != previous]
            update |= {"event": "back", "changed": previous}
    elif command == "skip" and pending:
        skipped.append(pending)
        asked.append(pending)
        update |= {"event": "skipped"}
    elif pending:
        answers[pending] = text.strip()
        asked.append(pending)
        update |= {"event": "answered"}
    new = state.model_copy(update={**update, "answers": answers, "skipped": skipped,
                                   "asked": asked})
    if new.status == "active" and new.pending is None:
        new = new.model_copy(update={"status": "done"})
    return new


def advance(history: Sequence[ChatTurn], text: str, parse: OpeningParser) -> DraftState | None:
    """The state after `text`, or None when `text` is not part of a draft dialog."""
    state, awaiting = replay(history, parse)
    return _apply(state, awaiting, text, parse)[1]


def replay(history: Sequence[ChatTurn], parse: OpeningParser) -> tuple[DraftState | None, bool]:
    """Fold the history: the latest draft state, and whether its question is open right now."""
    state: DraftState | None = None
    awaiting = False
    for turn in history:
        if turn.role == "assistant":
            awaiting = _is_question_turn(state, turn.text)
            continue
        state = _apply(state, awaiting, turn.text, parse)[0]
        awaiting = False
    return state, awaiting


def _apply(
    state: DraftState | None, awaiting: bool, text: str, parse: OpeningParser
) -> tuple[DraftState | None, DraftState | None]:
    """(state to carry on with, state if this turn belongs to the dialog else None)."""
    if is_draft_request(text):
        # The language is always detected from the text, so a replay after a restart agrees.
        new = start(text, detect_language(text), parse)
        return new, new
    if state is None or state.status != "active":
        return state, None
    if awaiting and normalise_command(text) != "resume" and not looks_like_question(text):
        new = step(state, text)
        return new, new
    if normalise_command(text) == "resume":
        new = state.model_copy(update={"event": "resume", "changed": None})
        return new, new
    return state, None


def _is_question_turn(state: DraftState | None, text: str) -> bool:
    if state is None or state.status != "active" or state.pending is None:
        return False
    return text.lstrip().lstrip("#* ").startswith(state.marker())
