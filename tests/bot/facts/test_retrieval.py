"""Hybrid retrieval: fusion, filters from the question, and committed-only results."""

from __future__ import annotations

from bot.core.ranking import reciprocal_rank_fusion
from bot.core.understand import Kit, understand
from bot.facts.filters import Filters, allowed_documents, filters_of
from bot.facts.retrieval import HybridRetriever
from indexer.models import DocType


def test_rrf_rewards_agreement_between_rankings():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert max(fused, key=fused.get) == "b"
    assert fused["b"] > fused["a"] > 0


def test_rrf_item_in_one_list_still_counts():
    fused = reciprocal_rank_fusion([["a"], ["b"]])
    assert set(fused) == {"a", "b"}


def test_filters_read_type_county_year_and_place(gazetteer):
    f = read_filters("Hva sto i referatet fra 2018 om Fjell i Vestland?", gazetteer)
    assert f.doc_types == {DocType.REFERAT}
    assert f.counties == {"Vestland"}
    assert f.years == {2018} and f.years_hard
    assert "4626" in f.municipalities  # Fjell is today's Øygarden


def test_bare_year_is_only_a_soft_filter(gazetteer):
    f = read_filters("Hvor mange saker fant de i 2018?", gazetteer)
    assert f.years == {2018} and not f.years_hard and f.empty


def test_vestland_includes_hordaland_documents(sample_context):
    ctx = sample_context
    f = read_filters("Hvilke møter har vært i Vestland?", ctx.gazetteer)
    kept = {m.source for m in allowed_documents(f, ctx.store.documents(), ctx.gazetteer)}
    assert "001_16f217685acad70e.txt" in kept  # Hordaland 2018
    assert "2021-10-26_referat_nettverkssamling_trondelag.md" not in kept


def test_today_name_finds_former_municipality(sample_context):
    ctx = sample_context
    f = read_filters("Hva har Øygarden kommune gjort?", ctx.gazetteer)
    kept = {m.source for m in allowed_documents(f, ctx.store.documents(), ctx.gazetteer)}
    assert "2019-03-15_prosjektbeskrivelse_fjell-sund-oygarden_fosterhjem.md" in kept
    assert "001_16f217685acad70e.txt" in kept  # names Fjell (2018)


def test_place_without_documents_filters_everything_out(sample_context):
    ctx = sample_context
    f = read_filters("Hva skjedde i Finnmark?", ctx.gazetteer)
    assert allowed_documents(f, ctx.store.documents(), ctx.gazetteer) == []


def test_hybrid_search_returns_only_committed_chunks(sample_context):
    ctx = sample_context
    retriever = HybridRetriever(ctx.store, ctx.embeddings)
    hits = retriever.search("søknadsfrist stimuleringsmidler Rogaland", k=5)
    assert hits and all(h.chunk.doc_id == h.meta.doc_id for h in hits)
    assert hits[0].meta.source == "2023-03-01_utlysning_rogaland_stimuleringsmidler.md"


def test_empty_allowed_set_means_no_evidence(sample_context):
    retriever = HybridRetriever(sample_context.store, sample_context.embeddings)
    assert retriever.search("fosterhjem", documents=[]) == []


def test_document_type_filters_only_when_the_question_points_at_a_document(gazetteer):
    assert read_filters("Hva står i retningslinjene om egenandel?", gazetteer).doc_types == {
        DocType.RETNINGSLINJE}
    topic = read_filters("Når skal utkastet til retningslinjer sendes ut?", gazetteer)
    assert topic.doc_types == set()


def read_filters(text: str, gazetteer) -> Filters:  # type: ignore[no-untyped-def]
    return filters_of(understand(text, [], Kit(gazetteer)))
