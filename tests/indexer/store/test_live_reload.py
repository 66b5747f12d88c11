"""A reading store follows what another process indexes: new chunks are found, filtered
searches keep working and deleted chunks are gone, without reopening the store.

Embedded Chroma keeps its vector index in memory per process; a reader that never reconnects
misses the new chunks and fails on ids it cannot find («Error finding id»).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.settings import Settings
from indexer.wiring import open_store
from tests.fakes import FakeEmbeddings, fake_indexer

pytestmark = pytest.mark.slow  # index runs in processes of their own

NEW = "# Fagdag\n\nFagdagen om samtaleverktøyet Kvitfjell holdes i Svolvær.\n"


def _sak(i: int) -> str:
    return f"### Sak {i}/2024 Tema {i}\n\nNotat {i} om opplæring i kommunen.\n\n{'Tekst. ' * 150}\n\n"


def _index(settings: Settings, corpus: Path) -> None:
    assert fake_indexer(settings.data_dir, corpus).wait(timeout=120) == 0


def test_a_reader_sees_what_another_process_indexed_and_deleted(settings: Settings, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "referat.md").write_text("# Referat\n\n" + "".join(map(_sak, range(30))),
                                       encoding="utf-8")
    _index(settings, corpus)
    reader = open_store(settings, with_vectors=True)
    query = FakeEmbeddings().embed_queries(["Fagdagen om samtaleverktøyet Kvitfjell i Svolvær"])[0]
    assert reader.vectors.query(query, 5)  # the reader has loaded its index

    (corpus / "fagdag.md").write_text(NEW, encoding="utf-8")
    _index(settings, corpus)
    new_doc = next(m.doc_id for m in reader.documents() if m.source == "fagdag.md")
    assert reader.vectors.query(query, 3)[0][0].startswith(new_doc)
    everything = [m.doc_id for m in reader.documents()]
    assert reader.vectors.query(query, 3, everything)[0][0].startswith(new_doc)

    (corpus / "fagdag.md").unlink()
    _index(settings, corpus)
    found = reader.vectors.query(query, 50, [m.doc_id for m in reader.documents()])
    assert found and not any(cid.startswith(new_doc) for cid, _ in found)


def test_a_reader_keeps_its_bm25_index_while_another_process_indexes(
    settings: Settings, corpus: Path, gazetteer
) -> None:
    from indexer.ingest.pipeline import index_paths
    from indexer.store.lexical import LexicalIndex
    from indexer.store.lock import exclusive
    from tests.fakes import fake_index_deps

    index_paths([corpus], fake_index_deps(settings, gazetteer))
    reader = open_store(settings)
    before = reader.lexical()
    writer = open_store(settings, with_vectors=True)
    with exclusive(settings.data_dir / "index.lock"):  # as an index run holds it
        writer.remove_document(reader.documents()[0].doc_id)
        assert reader.lexical() is before  # no rebuild per commit, no race with the run's save
        assert LexicalIndex.saved_generation(settings.lexical_dir) == before.generation
    assert reader.lexical().generation == reader.generation() != before.generation
