"""Answer units are embedded once, at index time, and answering embeds no sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from bot.core.context import CoreContext
from bot.engine import Core
from indexer.ingest.pipeline import index_paths
from indexer.text.units import answer_units
from indexer.wiring import open_store
from tests.conftest import KNOWLEDGE
from tests.fakes import FakeEmbeddings, fake_index_deps


class CountingEmbeddings(FakeEmbeddings):
    def __init__(self) -> None:
        super().__init__()
        self.passages = 0

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        self.passages += len(texts)
        return super().embed_passages(texts)

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        return np.vstack([self._vector(t) for t in texts])


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("2023-03-01_utlysning_rogaland_stimuleringsmidler.md",
                 "2020-02-11_referat_styringsgruppe_vestland.md"):
        shutil.copy(KNOWLEDGE / name, folder / name)
    return folder


def test_units_split_a_lead_in_with_its_list_and_keep_label_lines():
    units = answer_units("Søknadsfrist: 15. april 2023\n\nMidlene kan brukes til:\n"
                         "- frikjøp av ansatte\n- opplæring\n\nAndre ting.")
    texts = [u.text for u in units]
    assert any(u.is_label and u.text.startswith("Søknadsfrist") for u in units)
    assert "Midlene kan brukes til: frikjøp av ansatte; opplæring." in texts


def test_answering_embeds_no_sentence_when_the_indexer_stored_them(tmp_path, settings, gazetteer):
    embeddings = CountingEmbeddings()
    index_paths([_corpus(tmp_path)], fake_index_deps(settings, gazetteer, embeddings))
    ctx = CoreContext(settings=settings, store=open_store(settings, with_vectors=True),
                      embeddings=embeddings, gazetteer=gazetteer)
    embeddings.passages = 0
    Core(ctx).answer("Hva er søknadsfristen for stimuleringsmidler i Rogaland?")
    assert embeddings.passages == 0


def test_an_unchanged_sentence_keeps_its_vector_on_reindex(tmp_path, settings, gazetteer):
    folder = _corpus(tmp_path)
    embeddings = CountingEmbeddings()
    index_paths([folder], fake_index_deps(settings, gazetteer, embeddings))
    path = folder / "2023-03-01_utlysning_rogaland_stimuleringsmidler.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEn ny setning om noe helt annet.\n",
                    encoding="utf-8")
    embeddings.passages = 0
    index_paths([folder], fake_index_deps(settings, gazetteer, embeddings))
    chunks = open_store(settings).document_chunks(
        next(m.doc_id for m in open_store(settings).documents() if m.source == path.name))
    all_units = {u.text for c in chunks for u in answer_units(c.text)}
    # the chunks are embedded again (their own vectors), but of the units only the new ones
    assert embeddings.passages <= len(chunks) + len(all_units) // 2
