"""Hybrid retrieval: fusion, the documents a question names, and committed-only results."""

from __future__ import annotations

from bot.core.ranking import reciprocal_rank_fusion
from bot.core.understand import Kit, understand
from bot.facts.named_documents import titled_documents
from bot.facts.retrieval import HybridRetriever
from indexer.models import DocType


def test_rrf_rewards_agreement_between_rankings():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert max(fused, key=fused.get) == "b"
    assert fused["b"] > fused["a"] > 0


def test_rrf_item_in_one_list_still_counts():
    fused = reciprocal_rank_fusion([["a"], ["b"]])
    assert set(fused) == {"a", "b"}


def test_a_document_type_is_named_only_when_the_question_points_at_a_document(gazetteer):
    named = understand("Hva står i retningslinjene om egenandel?", [], Kit(gazetteer))
    assert named.doc_types_named == {DocType.RETNINGSLINJE}
    topic = understand("Når skal utkastet til retningslinjer sendes ut?", [], Kit(gazetteer))
    assert not topic.doc_types_named


def test_a_question_saying_a_documents_whole_title_asks_of_that_document(sample_context):
    documents = sample_context.store.documents()
    titled = next(m for m in documents if len(m.title.split()) >= 4)
    asked = understand(f"Hva er fristen i {titled.title.lower()} i 2031?", [],
                       Kit(sample_context.gazetteer))
    assert [m.doc_id for m in titled_documents(asked, documents)] == [titled.doc_id]
    vague = understand("Hva er fristen?", [], Kit(sample_context.gazetteer))
    assert titled_documents(vague, documents) == []


def test_hybrid_search_returns_only_committed_chunks(sample_context):
    ctx = sample_context
    retriever = HybridRetriever(ctx.store, ctx.embeddings)
    hits = retriever.search("søknadsfrist stimuleringsmidler Rogaland", k=5)
    assert hits and all(h.chunk.doc_id == h.meta.doc_id for h in hits)
    assert hits[0].meta.source == "2023-03-01_utlysning_rogaland_stimuleringsmidler.md"


def test_empty_allowed_set_means_no_evidence(sample_context):
    retriever = HybridRetriever(sample_context.store, sample_context.embeddings)
    assert retriever.search("fosterhjem", documents=[]) == []
