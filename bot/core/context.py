"""What the answer core needs, built once at the edge and passed inward."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.chat_model import ChatModel
from bot.core.models import ChatTurn, Language
from indexer.settings import Settings
from indexer.store.knowledge import KnowledgeStore
from indexer.text.language import detect_language
from indexer.text.places import Gazetteer

if TYPE_CHECKING:
    from indexer.embeddings import VectorEmbeddings


@dataclass
class CoreContext:
    settings: Settings
    store: KnowledgeStore
    embeddings: VectorEmbeddings
    gazetteer: Gazetteer
    chat_model: ChatModel | None = None  # None: extractive answers, no generation
    today: Callable[[], dt.date] = dt.date.today


@dataclass
class Question:
    """A user's question as the core sees it: text, language, and conversation so far."""

    text: str
    language: Language
    history: list[ChatTurn] = field(default_factory=list)
    standalone: str = ""  # the question rewritten to stand alone (follow-ups), else == text

    @classmethod
    def of(cls, text: str, history: list[ChatTurn] | None = None) -> Question:
        return cls(text=text, language=detect_language(text), history=list(history or []),
                   standalone=text)
