"""A conversation with the core as a test has it: each question asked after the ones before."""

from __future__ import annotations

from bot.core.models import Answer, ChatTurn
from bot.engine import Core


def ask(core: Core, *texts: str) -> Answer:
    """The answer to the last text, the earlier ones (and their answers) its history."""
    history: list[ChatTurn] = []
    answer = None
    for text in texts:
        answer = core.answer(text, history)
        history += [ChatTurn(role="user", text=text), answer.turn()]
    assert answer is not None
    return answer
