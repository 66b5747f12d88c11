"""The knowledge store on a real PostgreSQL answers exactly as on SQLite: the sample corpus
indexed into both, then every kind of read compared (documents, chunks, catalogue lists with
every filter, pages, meeting records, the BM25 index rebuilt from the database), and a removal
and a killed run's repair on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from indexer.catalogue.models import ProjectQuery, YearEdge
from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from indexer.store.knowledge import KnowledgeStore
from indexer.store.lock import IndexLocked
from indexer.wiring import open_store
from tests.conftest import KNOWLEDGE
from tests.fakes import fake_index_deps

QUERIES = [
    ProjectQuery(),
    ProjectQuery(themes=frozenset({"fosterhjem"})),
    ProjectQuery(current_counties=frozenset({"Vestland"})),
    ProjectQuery(counties=frozenset({"Hordaland"}), area=frozenset({"4621", "4622"})),
    ProjectQuery(title="FOSTERHJEM"),
    ProjectQuery(years=(2019, 2021)),
    ProjectQuery(years=(2020, 9999), years_edge=YearEdge.STARTED),
    ProjectQuery(years=(0, 2021), years_edge=YearEdge.ENDED),
    ProjectQuery(doc_types=frozenset({"prosjektbeskrivelse"})),  # type: ignore[arg-type]
    ProjectQuery(doc_types=frozenset({"prosjektbeskrivelse", "sluttrapport"}),  # type: ignore[arg-type]
                 every_doc_type=True),
    ProjectQuery(themes=frozenset({"ettervern"}), within=ProjectQuery(years=(2020, 2024))),
]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, postgres_cluster: Any, gazetteer: Any
           ) -> tuple[KnowledgeStore, KnowledgeStore, Settings]:  # fmt: skip
    """(SQLite store, PostgreSQL store, the PostgreSQL settings), both of the sample corpus."""
    root = tmp_path_factory.mktemp("backends")
    lite = Settings(data_dir=root / "sqlite", _env_file=None)  # type: ignore[call-arg]
    pg = Settings(data_dir=root / "pg", database_url=postgres_cluster.database(),
                  _env_file=None)  # type: ignore[call-arg]
    for settings in (lite, pg):
        report = index_paths([KNOWLEDGE], fake_index_deps(settings, gazetteer))
        assert not report.errors and report.files_indexed > 10
    return open_store(lite, with_vectors=True), open_store(pg, with_vectors=True), pg


def test_documents_chunks_and_status_are_the_same(stores: Any) -> None:
    lite, pg, _ = stores
    assert pg.documents() == lite.documents()
    assert pg.status().documents == lite.status().documents  # and its own last_indexed_at
    assert pg.coverage().documents == lite.coverage().documents
    some = [c.chunk_id for d in lite.documents()[:3] for c in lite.document_chunks(d.doc_id)]
    assert pg.chunks(some) == lite.chunks(some) and len(some) > 3
    assert pg.generation() == lite.generation() != "0"
    assert pg.unfinished() == [] and pg.meetings() == lite.meetings()


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_every_catalogue_list_is_the_same_in_the_same_order(stores: Any, query: ProjectQuery
                                                            ) -> None:  # fmt: skip
    lite, pg, _ = stores
    assert pg.find_projects(query) == lite.find_projects(query)
    assert pg.project_places(query) == lite.project_places(query)
    assert pg.project_page(query, 1, 2) == lite.project_page(query, 1, 2)


def test_the_catalogue_is_not_empty_where_it_is_compared(stores: Any) -> None:
    lite, _, _ = stores
    assert len(lite.find_projects(QUERIES[0])) >= 5
    assert all(lite.find_projects(q) for q in QUERIES[1:3])


def test_the_bm25_index_is_rebuilt_from_the_database(stores: Any) -> None:
    lite, pg, _ = stores
    ranked = pg.lexical().search("fosterhjem rekruttering", 5)
    assert ranked == lite.lexical().search("fosterhjem rekruttering", 5) and ranked


def test_unit_vectors_are_found_by_their_text(stores: Any) -> None:
    lite, pg, _ = stores
    signature = lite.signature().split("|")[0]
    keys = [k for k in _unit_keys(lite)][:20]
    found_lite, found_pg = lite.unit_vectors(keys, signature), pg.unit_vectors(keys, signature)
    assert found_lite and found_pg.keys() == found_lite.keys()
    assert all((found_pg[k] == found_lite[k]).all() for k in found_lite)


def test_a_removed_document_and_a_killed_run_on_postgresql(stores: Any) -> None:
    _, pg, _ = stores
    victim, half_written = [d.doc_id for d in pg.documents()[:2]]
    before = pg.generation()
    pg.remove_document(victim)
    assert victim not in {d.doc_id for d in pg.documents()} and pg.generation() != before
    pg._mark(half_written, "writing")  # noqa: SLF001  (what a run killed mid-document leaves)
    assert pg.unfinished() == [half_written]
    assert pg.recover() == 1 and pg.unfinished() == []
    assert not pg.chunks([c.chunk_id for c in pg.document_chunks(half_written)])


def _unit_keys(store: KnowledgeStore) -> list[str]:
    rows = store._conn.execute("SELECT key FROM unit_vectors ORDER BY key LIMIT 50")  # noqa: SLF001
    return [r["key"] for r in rows]


def test_one_index_run_at_a_time_across_machines(stores: Any, tmp_path: Path) -> None:
    """Two stores on one database, with nothing on disk in common: the lock is the database's."""
    _, pg, settings = stores
    elsewhere = KnowledgeStore.open(settings.database_url, tmp_path / "lexical")
    assert not elsewhere._lock.held()  # noqa: SLF001
    with pg.writing():
        assert elsewhere._lock.held()  # noqa: SLF001  (a reader keeps its BM25 index meanwhile)
        with pytest.raises(IndexLocked), elsewhere.writing():
            pass
    with elsewhere.writing():
        assert pg._lock.held()  # noqa: SLF001
