"""The read side's boundary models: what every face (CLI, Teams, eval) gets from the core."""

from __future__ import annotations

from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

from indexer.text.language import Language

AnswerKind = Literal["fact", "list", "summary", "draft", "refusal", "help", "clarify", "error"]


class ChatTurn(BaseModel):
    role: Literal["user", "assistant"]
    text: str


class Citation(BaseModel):
    """One numbered source; `n` is the marker `[n]` in the answer text."""

    n: int
    source: str  # file name
    title: str
    section: str | None = None
    date: str | None = None  # YYYY-MM-DD
    snippet: str
    chunk_id: str | None = None
    doc_id: str | None = None


class AnswerSentence(BaseModel):
    """Citations are data: each sentence knows which citation numbers it rests on."""

    text: str
    citations: list[int] = []


class Answer(BaseModel):
    """The one result type of the core. `answer` is the rendered text with [n] markers.

    `data` carries structured content for faces that can show more than text (Adaptive Cards):
    e.g. {"table": {...}} for catalogue lists, {"summary": {...}} for minutes, {"draft": {...}}.
    """

    question: str
    answer: str
    language: Language = "nb"
    refused: bool = False
    kind: AnswerKind = "fact"
    sentences: list[AnswerSentence] = []
    citations: list[Citation] = []
    timings_ms: dict[str, float] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict)

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
    """What the faces call. The real one lives in bot.core.engine; tests use fakes."""

    def answer(self, question: str, history: list[ChatTurn] | None = None) -> Answer: ...
