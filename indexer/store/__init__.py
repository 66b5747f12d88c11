"""The knowledge store and the conversation store: the only code that speaks SQL, Chroma or BM25.

Everything else asks `KnowledgeStore` (documents, chunks, catalogue, status) or
`ConversationStore` (the Teams face's state) through typed methods.
"""

from indexer.store.conversations import ConversationStore, FeedbackRecord, StateConflict
from indexer.store.health import StoreHealth
from indexer.store.knowledge import KnowledgeStore
from indexer.store.ledger import Writer
from indexer.store.lock import IndexLocked
from indexer.store.status import DocumentStatus, StoreStatus

__all__ = [
    "ConversationStore", "DocumentStatus", "FeedbackRecord", "IndexLocked", "KnowledgeStore",
    "StateConflict", "StoreHealth", "StoreStatus", "Writer",
]  # fmt: skip
