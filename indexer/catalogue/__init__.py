"""The project catalogue: which municipalities ran which projects, read from the documents.

Index time: `catalogue_enricher` turns each document into project mentions (rules by default,
a chat model when one is configured) and writes them in the document's own ledger transaction;
`catalogue_remover` takes a deleted document's mentions out again. Read time: `find_projects`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from indexer.catalogue.extract import PRIMARY_TYPES, extract_projects
from indexer.catalogue.llm import LlmExtractionError, extract_with_model
from indexer.catalogue.models import (
    Amount,
    Evidence,
    ProjectMunicipality,
    ProjectRecord,
    Tag,
)
from indexer.catalogue.query import Coverage, ProjectQuery, coverage, find_projects
from indexer.catalogue.view import DocView
from indexer.chat_model import ChatModel
from indexer.models import Chunk, DocumentMeta, LoadedDocument
from indexer.store.catalogue import rebuild, remove_writer, replace_writer
from indexer.store.knowledge import CatalogueWriter
from indexer.text.places import Gazetteer

__all__ = [
    "Amount", "Coverage", "Evidence", "ProjectMunicipality", "ProjectQuery", "ProjectRecord",
    "Tag", "catalogue_enricher", "catalogue_remover", "coverage", "extract", "find_projects",
    "rebuild",
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


def catalogue_enricher(
    gazetteer: Gazetteer, chat_model: ChatModel | None = None
) -> Callable[[LoadedDocument, DocumentMeta, list[Chunk]], CatalogueWriter]:
    """The pipeline hook: every indexed document replaces its own mentions (maybe with none)."""

    def enrich(doc: LoadedDocument, meta: DocumentMeta, chunks: list[Chunk]) -> CatalogueWriter:
        return replace_writer(meta.doc_id, extract(doc, meta, chunks, gazetteer, chat_model))

    return enrich


def catalogue_remover(doc_id: str) -> CatalogueWriter:
    return remove_writer(doc_id)
