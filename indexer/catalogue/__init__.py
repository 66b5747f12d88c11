"""The project catalogue: which municipalities ran which projects, read from the documents.

Index time: `CatalogueEnricher` (catalogue/enricher.py) turns each document into project mentions
(rules by default, a chat model when one is configured) and the store writes them in the
document's own ledger transaction. Read time: `KnowledgeStore.find_projects(ProjectQuery)`.
"""

from __future__ import annotations

import logging

from indexer.catalogue.extract import PRIMARY_TYPES, extract_projects
from indexer.catalogue.llm import LlmExtractionError, extract_with_model
from indexer.catalogue.models import (
    Amount,
    Coverage,
    Evidence,
    Leader,
    ProjectMunicipality,
    ProjectPage,
    ProjectQuery,
    ProjectRecord,
    Tag,
    YearEdge,
)
from indexer.catalogue.view import DocView
from indexer.chat_model import ChatModel
from indexer.models import Chunk, DocumentMeta, LoadedDocument
from indexer.text.places import Gazetteer

__all__ = [
    "Amount", "Coverage", "Evidence", "Leader", "ProjectMunicipality", "ProjectPage", "ProjectQuery",
    "ProjectRecord",
    "Tag", "YearEdge", "extract",
]  # fmt: skip

log = logging.getLogger(__name__)


def extract(
    doc: LoadedDocument,
    meta: DocumentMeta,
    chunks: list[Chunk],
    gazetteer: Gazetteer,
    chat_model: ChatModel | None = None,
) -> list[ProjectRecord]:
    """Project mentions of one document; a chat model's answer is checked, else rules decide."""
    if chat_model is not None:
        view = DocView(doc, meta, chunks, gazetteer)
        try:
            found = extract_with_model(view, chat_model, meta.doc_type in PRIMARY_TYPES)
            return [r.model_copy(update={"project_id": f"{meta.doc_id}:{i}"})
                    for i, r in enumerate(found)]  # fmt: skip
        except LlmExtractionError as exc:
            log.warning("Katalog: språkmodellens svar for %s kunne ikke leses (%s); bruker regler",
                        meta.source, exc)  # fmt: skip
    return extract_projects(doc, meta, chunks, gazetteer)
