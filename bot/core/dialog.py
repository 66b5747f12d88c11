"""A guided dialog's state, carried from turn to turn in the history the faces already keep.

The drafting dialog puts its state on its answer (`Answer.dialog`); a face stores it with the
assistant turn (`Answer.turn()` → `ChatTurn.dialog`) and hands the history back. The next turn
reads the state of the last assistant turn instead of re-reading the whole conversation, and a
restart loses nothing that the history keeps. When another route answers a question asked in
the middle of the dialog, `carry` keeps the state on that answer too and says that the draft
is waiting, so «fortsett» or «avbryt» afterwards still reach it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from bot.i18n import t
from indexer.text.language import Language

if TYPE_CHECKING:
    from bot.core.models import Answer, ChatTurn

DialogStatus = Literal["active", "done", "cancelled"]
MAX_SIDE_TURNS = 6  # answers by other routes a waiting draft survives, then it is let go


class DraftDialog(BaseModel):
    """What the drafting dialog knows between turns (owned by `bot.drafting.dialog`)."""

    kind: Literal["plan", "report"]
    language: Language
    opening: str
    answers: dict[str, str] = {}
    skipped: list[str] = []
    asked: list[str] = []  # fields answered or skipped in the dialog, newest last («tilbake»)
    hints: dict[str, str] = {}  # project name, county, call date named in the opening
    status: DialogStatus = "active"
    focus: str | None = None  # a field being changed («endre budsjett»), asked before the rest
    choosing: bool = False  # «endre del» asked which part to change
    doubted: str | None = None  # the field whose last answer got an ask-back
    side_turns: int = 0  # answers by other routes since the dialog last spoke


def last_dialog(history: Sequence[ChatTurn]) -> DraftDialog | None:
    """The dialog state of the last assistant turn, if that turn carries one."""
    for turn in reversed(history):
        if turn.role == "assistant":
            return turn.dialog
    return None


def carry(history: Sequence[ChatTurn], answer: Answer) -> Answer:
    """An answer from another route keeps an open dialog alive and says the draft waits."""
    dialog = last_dialog(history)
    if answer.dialog is not None or dialog is None or dialog.status != "active":
        return answer
    if dialog.side_turns >= MAX_SIDE_TURNS:
        return answer
    note = t("drafting.waiting", answer.language)
    waiting = dialog.model_copy(update={"side_turns": dialog.side_turns + 1})
    return answer.model_copy(update={"answer": f"{answer.answer}\n\n{note}", "dialog": waiting})
