"""What the answer core needs, built once at the edge and passed inward."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.chat_model import ChatModel
from bot.core.question import Question
from bot.core.understand import Kit
from indexer.settings import Settings
from indexer.store.knowledge import KnowledgeStore
from indexer.text.places import Gazetteer
from indexer.text.spelling import Speller

__all__ = ["CoreContext", "Question"]

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
    _speller: tuple[str, Speller] | None = field(default=None, repr=False)

    def kit(self) -> Kit:
        """Understanding's tools; the speller follows the corpus (rebuilt per generation)."""
        return Kit(self.gazetteer, self.speller(), self.today())

    def speller(self) -> Speller:
        generation = self.store.generation()
        if self._speller is None or self._speller[0] != generation:
            texts = [meta.title for meta in self.store.documents()]
            texts += [chunk.text for meta in self.store.documents()
                      for chunk in self.store.document_chunks(meta.doc_id)]
            protected = self.gazetteer.municipality_names | self.gazetteer.county_names
            self._speller = (generation, Speller.from_texts(texts, protected))
        return self._speller[1]
