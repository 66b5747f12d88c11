"""The read side's boundary models: what every face (CLI, Teams, eval) gets from the core."""

from __future__ import annotations

from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

from bot.core.citation import Citation
from bot.core.dialog import DraftDialog
from bot.core.payloads import Payload
from indexer.access import PUBLIC_VIEWER, Viewer
from indexer.text.language import Language

__all__ = ["Answer", "AnswerCore", "AnswerKind", "AnswerSentence", "ChatTurn", "Citation",
           "Language", "Payload"]

AnswerKind = Literal["fact", "list", "summary", "draft", "refusal", "help", "clarify", "error"]


class ChatTurn(BaseModel):
    role: Literal["user", "assistant"]
    text: str
    dialog: DraftDialog | None = None  # a guided dialog's state after this assistant turn


class AnswerSentence(BaseModel):
    """Citations are data: each sentence knows which citation numbers it rests on."""

    text: str
    citations: list[int] = []


class Answer(BaseModel):
    """The one result type of the core. `answer` is the rendered text with [n] markers.

    `payload` carries structured content for faces that can show more than text (Adaptive
    Cards, `--json`): one typed model from `bot.core.payloads`, told apart by its `kind`.
    """

    question: str
    answer: str
    language: Language = "nb"
    refused: bool = False
    kind: AnswerKind = "fact"
    sentences: list[AnswerSentence] = []
    citations: list[Citation] = []
    timings_ms: dict[str, float] = Field(default_factory=dict)
    payload: Payload | None = None
    dialog: DraftDialog | None = None  # an open draft dialog's state, for the next turn

    def turn(self) -> ChatTurn:
        """The assistant turn a face keeps in its history: the text and any dialog state."""
        return ChatTurn(role="assistant", text=self.answer, dialog=self.dialog)

    def contract(self) -> dict[str, Any]:
        """The stable `--json` contract of `laeringsbot ask`."""
        return {
            "question": self.question,
            "answer": self.answer,
            "language": self.language,
            "refused": self.refused,
            "citations": [
                c.model_dump(include={"n", "source", "title", "section", "date", "snippet"})
                for c in self.citations
            ],
            "timings_ms": self.timings_ms,
        }


class AnswerCore(Protocol):
    """What the faces call. The real one lives in bot.engine; tests use fakes."""

    def answer(self, question: str, history: list[ChatTurn] | None = None,
               viewer: Viewer = PUBLIC_VIEWER) -> Answer: ...
