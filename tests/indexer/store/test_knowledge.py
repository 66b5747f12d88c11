"""KnowledgeStore's typed reads and its write protocol, on real SQLite, Chroma and BM25 files."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from indexer.catalogue import Evidence, ProjectQuery, ProjectRecord, Tag, YearEdge
from indexer.errors import StoreError
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.settings import Settings
from indexer.store import KnowledgeStore, Writer
from indexer.store.catalogue import remove_writer, replace_writer
from indexer.wiring import open_store


def _meta(doc_id: str, doc_type: DocType = DocType.REFERAT, county: str | None = None
          ) -> DocumentMeta:  # fmt: skip
    return DocumentMeta(doc_id=doc_id, source=f"{doc_id}.md", path=f"{doc_id}.md",
                        title=f"Dokument {doc_id}", doc_type=doc_type, date=dt.date(2023, 3, 1),
                        current_county=county)  # fmt: skip


def _chunks(doc_id: str, *texts: str) -> list[Chunk]:
    return [Chunk(chunk_id=f"{doc_id}:{i:04d}", doc_id=doc_id, position=i, text=text,
                  heading_path=["Sak 1"], start=0, end=len(text))
            for i, text in enumerate(texts)]  # fmt: skip


def _write(store: KnowledgeStore, meta: DocumentMeta, chunks: list[Chunk], redactions: int = 0,
           writers: list[Writer] | None = None) -> None:  # fmt: skip
    vectors = np.eye(len(chunks), 4, dtype=np.float32) + 0.1
    store.replace_document(meta, "root", f"hash-{meta.doc_id}", chunks, vectors, redactions,
                           writers or [])  # fmt: skip


def _project(doc_id: str) -> ProjectRecord:
    ev = Evidence(doc_id=doc_id, source=f"{doc_id}.md", title="Fosterhjem i vest", start=0,
                  end=10, quote="«Fosterhjem i vest»", doc_type=DocType.PROSJEKTBESKRIVELSE)
    return ProjectRecord(project_id=f"{doc_id}:0", title="Fosterhjem i vest", title_evidence=ev,
                         themes=[Tag(value="fosterhjem", evidence=ev)], start_year=2019,
                         end_year=2021, period_evidence=ev, sources=[ev], primary=True)


@pytest.fixture
def store(settings: Settings) -> KnowledgeStore:
    return open_store(settings, with_vectors=True)


def test_an_empty_store_answers_every_read(store: KnowledgeStore) -> None:
    assert (store.generation(), store.signature(), store.last_indexed_at()) == ("0", None, None)
    assert store.documents() == [] and store.chunks(["x:0000"]) == {}
    assert store.find_projects(ProjectQuery()) == []
    assert store.coverage().documents == 0 and store.coverage().last_indexed is None
    assert store.status().documents == [] and store.status().chunks == 0


def test_a_written_document_reads_back_through_typed_methods(store: KnowledgeStore) -> None:
    meta, chunks = _meta("a"), _chunks("a", "Første bit.", "Andre bit.")
    _write(store, meta, chunks)
    assert store.documents() == [meta]
    assert store.document_chunks("a") == chunks
    assert list(store.chunks(["a:0001", "b:0000"])) == ["a:0001"]
    assert store.document_hashes("root") == {"a": ("hash-a", "done")}
    assert store.generation() == "1"
    store.mark_indexed_now()
    assert store.coverage().last_indexed == dt.date.fromisoformat(store.last_indexed_at()[:10])


def test_status_counts_documents_by_type_and_county(store: KnowledgeStore) -> None:
    _write(store, _meta("a", DocType.REFERAT, "Vestland"), _chunks("a", "x", "y"), redactions=2)
    _write(store, _meta("b", DocType.UTLYSNING), _chunks("b", "z"))
    _write(store, _meta("c", DocType.REFERAT, "Vestland"), _chunks("c", "w"))
    store.reset_if_signature_changed("model|1200|150")  # first signature: nothing is reset
    status = store.status()
    assert [d.meta.doc_id for d in status.documents] == ["a", "b", "c"]
    assert (status.chunks, status.documents[0].redactions) == (4, 2)
    assert status.by_type() == {"referat": 2, "utlysning": 1}
    assert status.by_county() == {"Vestland": 2, "ukjent": 1}
    assert status.signature == store.signature() == "model|1200|150"


def test_a_failing_writer_rolls_back_the_document_and_its_catalogue_rows(
    store: KnowledgeStore,
) -> None:
    def broken(_tx: object) -> None:
        raise RuntimeError("enricher failed")

    with pytest.raises(RuntimeError):
        _write(store, _meta("a"), _chunks("a", "x"), writers=[replace_writer("a", [_project("a")]),
                                                             broken])  # fmt: skip
    assert store.documents() == [] and store.chunks(["a:0000"]) == {}
    assert store.find_projects(ProjectQuery()) == []
    assert store.unfinished() == ["a"]
    cleaned: list[str] = []
    assert store.recover(lambda doc_id: [remove_writer(doc_id), lambda _tx: cleaned.append(doc_id)]) == 1
    assert (store.unfinished(), cleaned, store.vectors.count()) == ([], ["a"], 0)


def test_catalogue_rows_commit_with_the_document_and_leave_with_it(store: KnowledgeStore) -> None:
    _write(store, _meta("a"), _chunks("a", "x"), writers=[replace_writer("a", [_project("a")])])
    [found] = store.find_projects(ProjectQuery(themes=frozenset({"fosterhjem"})))
    assert found.title == "Fosterhjem i vest" and found.years() == (2019, 2021)
    assert store.find_projects(ProjectQuery(themes=frozenset({"ettervern"}))) == []
    assert store.rebuild_catalogue() == 1
    store.remove_document("a", [remove_writer("a")])
    assert store.find_projects(ProjectQuery()) == [] and store.documents() == []


@pytest.mark.parametrize(("years", "edge", "found"), [
    ((2020, 2020), YearEdge.RAN, True),  # ran in 2020
    ((2020, 9999), YearEdge.STARTED, False),  # started in 2019
    ((0, 2019), YearEdge.STARTED, True),
    ((2021, 2021), YearEdge.ENDED, True),
    ((0, 2020), YearEdge.ENDED, False),  # ended in 2021
])  # fmt: skip
def test_a_project_is_found_by_the_year_it_ran_started_or_ended(
        store: KnowledgeStore, years: tuple[int, int], edge: YearEdge, found: bool) -> None:
    _write(store, _meta("a"), _chunks("a", "x"), writers=[replace_writer("a", [_project("a")])])
    query = ProjectQuery(years=years, years_edge=edge)
    assert [p.title for p in store.find_projects(query)] == (["Fosterhjem i vest"] if found else [])


@pytest.mark.parametrize("edge", [YearEdge.STARTED, YearEdge.ENDED])
def test_a_project_only_mentioned_in_a_year_neither_started_nor_ended_then(
        store: KnowledgeStore, edge: YearEdge) -> None:
    """«Hvilke prosjekter startet etter 2021?»: a minute of 2023 that mentions a project says
    nothing of when it started; it ran then, so the ran-in list keeps it."""
    mentioned = _project("a").model_copy(update={"start_year": None, "end_year": None,
                                                 "period_evidence": None, "active_years": [2023]})
    _write(store, _meta("a"), _chunks("a", "x"), writers=[replace_writer("a", [mentioned])])
    assert store.find_projects(ProjectQuery(years=(2022, 9999), years_edge=edge)) == []
    ran = store.find_projects(ProjectQuery(years=(2023, 2023), years_edge=YearEdge.RAN))
    assert [p.title for p in ran] == ["Fosterhjem i vest"]


def test_refresh_lexical_rebuilds_only_when_the_ledger_moved(store: KnowledgeStore) -> None:
    assert store.refresh_lexical() is True  # nothing saved yet
    assert store.refresh_lexical() is False
    _write(store, _meta("a"), _chunks("a", "fosterhjem i Bergen"))
    assert store.refresh_lexical() is True
    assert store.lexical().chunk_ids == ["a:0000"] and store.refresh_lexical() is False


def test_an_unreadable_catalogue_is_a_store_error(store: KnowledgeStore) -> None:
    store.close()
    with pytest.raises(StoreError):
        store.find_projects(ProjectQuery())


def test_the_vector_index_searches_its_graph_widely_once_opened(settings: Settings) -> None:
    """At Chroma's default search width a store reindexed many times missed a question's
    nearest chunk in some processes; a store opened here searches at SEARCH_EF, also one made
    before the setting existed."""
    from indexer.store.vectors import SEARCH_EF

    store = open_store(settings, with_vectors=True)
    assert store.vectors._collection.configuration["hnsw"]["ef_search"] == SEARCH_EF  # type: ignore[attr-defined]
    _write(store, _meta("a"), _chunks("a", "første", "andre"))
    again = open_store(settings, with_vectors=True)
    assert again.vectors._collection.configuration["hnsw"]["ef_search"] == SEARCH_EF  # type: ignore[attr-defined]
    assert again.vectors.query(np.eye(2, 4, dtype=np.float32)[0] + 0.1, 1)[0][0] == "a:0000"
