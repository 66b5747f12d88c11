"""Re-indexing an edited document embeds only the chunks whose text changed."""

from __future__ import annotations

import numpy as np

from indexer.ingest.chunking import embedding_text
from indexer.ingest.pipeline import index_paths
from indexer.wiring import open_store
from tests.conftest import KNOWLEDGE
from tests.fakes import FakeEmbeddings, fake_index_deps

SOURCE = "2023-05-10_referat_styringsgruppe_setesdal.md"


def test_a_one_word_edit_embeds_one_chunk_and_keeps_the_other_vectors(
    settings, tmp_path, gazetteer
):
    folder = tmp_path / "k"
    folder.mkdir()
    target = folder / SOURCE
    target.write_text((KNOWLEDGE / SOURCE).read_text(encoding="utf-8"), encoding="utf-8")
    first = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert first.chunks_embedded == first.chunks_written >= 5

    target.write_text(target.read_text(encoding="utf-8").replace("Barnevernsvakt\n",
                      "Barnevernsvakta\n"), encoding="utf-8")  # fmt: skip
    embeddings = FakeEmbeddings()
    deps = fake_index_deps(settings, gazetteer, embeddings)
    units = deps.enrichers[-1]
    report = index_paths([folder], deps)
    assert (report.files_indexed, report.chunks_written) == (1, first.chunks_written)
    assert report.chunks_embedded == 1
    assert embeddings.texts == 1 + units.embedded  # type: ignore[attr-defined]

    store = open_store(settings, with_vectors=True)
    meta = store.documents()[0]
    stored = store.vectors._collection.get(include=["embeddings"])  # noqa: SLF001
    by_id = dict(zip(stored["ids"], stored["embeddings"], strict=True))
    for chunk in store.document_chunks(meta.doc_id):
        fresh = FakeEmbeddings().embed_passages([embedding_text(chunk, meta.title)])[0]
        assert np.allclose(by_id[chunk.chunk_id], fresh, atol=1e-6), chunk.chunk_id
