"""The knowledge store and the conversation store: the only code that speaks SQL, Chroma or BM25.

Everything else asks `KnowledgeStore` (documents, chunks, catalogue, status) or
`ConversationStore` (the Teams face's state) through typed methods.
"""

from indexer.store.conversations import ConversationStore, FeedbackRecord, StateConflict
from indexer.store.knowledge import KnowledgeStore
from indexer.store.ledger import Writer
from indexer.store.status import DocumentStatus, StoreStatus

__all__ = [
    "ConversationStore", "DocumentStatus", "FeedbackRecord", "KnowledgeStore", "StateConflict",
    "StoreStatus", "Writer",
]  # fmt: skip
