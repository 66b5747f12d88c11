"""What the answer core needs, built once at the edge and passed inward."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.core.chat_model import ChatModel
from bot.core.question import Question
from bot.core.understand import Kit
from indexer.access import OPERATOR, Viewer
from indexer.settings import Settings
from indexer.store.knowledge import KnowledgeStore
from indexer.store.visible import KnowledgeReader, VisibleStore
from indexer.text.places import Gazetteer
from indexer.text.spelling import Speller

__all__ = ["CoreContext", "Question"]

if TYPE_CHECKING:
    from indexer.embeddings import VectorEmbeddings

_SPELLERS = 16  # viewers' spellers kept (most chats share a handful of scopes)


@dataclass
class CoreContext:
    settings: Settings
    store: KnowledgeReader
    embeddings: VectorEmbeddings
    gazetteer: Gazetteer
    chat_model: ChatModel | None = None  # None: extractive answers, no generation
    today: Callable[[], dt.date] = dt.date.today
    viewer: Viewer = OPERATOR  # who is asking; the store below is already trimmed to it
    _spellers: dict[tuple[str, str], Speller] = field(
        default_factory=dict[tuple[str, str], Speller], repr=False)

    def seen_by(self, viewer: Viewer) -> CoreContext:
        """This context for one asker: every route reads a store that holds only what they may
        see (caches stay shared)."""
        base = self.store.base if isinstance(self.store, VisibleStore) else self.store
        if not isinstance(base, KnowledgeStore):  # a test's own reader: nothing to trim
            return replace(self, viewer=viewer)
        store = base if viewer.everything else VisibleStore(base, viewer)
        return replace(self, store=store, viewer=viewer)

    def kit(self) -> Kit:
        """Understanding's tools; the speller follows the corpus (rebuilt per generation)."""
        return Kit(self.gazetteer, self.speller(), self.today())

    def speller(self) -> Speller:
        """Built from the documents this viewer may see, so a typo is never «corrected» into a
        word only a restricted document holds; viewers who see the same documents share one."""
        key = (self.store.generation(), ",".join(sorted(self.store.hidden())))
        speller = self._spellers.get(key)
        if speller is None:
            documents = self.store.documents()
            texts = [meta.title for meta in documents]
            texts += [chunk.text for meta in documents
                      for chunk in self.store.document_chunks(meta.doc_id)]
            protected = self.gazetteer.municipality_names | self.gazetteer.county_names
            speller = Speller.from_texts(texts, protected)
            if len(self._spellers) >= _SPELLERS:
                self._spellers.clear()
            self._spellers[key] = speller
        return speller
