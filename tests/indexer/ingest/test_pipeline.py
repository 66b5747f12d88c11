"""The incremental, deletion-safe indexer over a real Chroma and BM25, with a fake embedder."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from indexer.store import KnowledgeStore
from indexer.wiring import open_store
from tests.conftest import KNOWLEDGE
from tests.fakes import FakeEmbeddings, fake_index_deps, fake_indexer

# what a change, a deletion or a rebuild needs (a referat, an utlysning, two sluttrapporter);
# `corpus` (every sample file) is for the tests that count every file
FEW = ("000_9cd953df84ef8b74.txt", "2022-06-30_sluttrapport_hamar-loten_kvalitetssystem.md",
       "2023-03-01_utlysning_rogaland_stimuleringsmidler.md",
       "2024-11-20_sluttrapport_rana-hemnes_foreldrestotte.md")


@pytest.fixture
def few(tmp_path: Path) -> Path:
    target = tmp_path / "few"
    target.mkdir()
    for name in FEW:
        shutil.copy(KNOWLEDGE / name, target / name)
    return target


def snapshot(settings: Settings) -> dict:
    """Everything a reader can see: ledger chunks, Chroma ids and the BM25 ids."""
    store = open_store(settings, with_vectors=True)
    chunks = [c for m in store.documents() for c in store.document_chunks(m.doc_id)]
    chroma = store.vectors._collection.get(include=[])["ids"]  # noqa: SLF001
    return {
        "ledger": sorted((c.chunk_id, c.text) for c in chunks),
        "chroma": sorted(chroma),
        "lexical": sorted(store.lexical().chunk_ids),
        "docs": sorted(m.source for m in store.documents()),
    }


def test_first_run_indexes_every_sample_file(settings, corpus, gazetteer):
    report = index_paths([corpus], fake_index_deps(settings, gazetteer))
    assert report.errors == []
    assert report.files_indexed == 17
    snap = snapshot(settings)
    assert len(snap["docs"]) == 17
    assert snap["chroma"] == [cid for cid, _ in snap["ledger"]] == snap["lexical"]


def test_second_run_changes_nothing_and_loads_no_model(settings, few, gazetteer):
    index_paths([few], fake_index_deps(settings, gazetteer))
    before = snapshot(settings)
    embeddings = FakeEmbeddings()
    report = index_paths([few], fake_index_deps(settings, gazetteer, embeddings))
    assert (report.files_indexed, report.skipped_unchanged) == (0, len(FEW))
    assert embeddings.calls == 0
    assert snapshot(settings) == before


def test_changed_file_replaces_its_old_chunks(settings, few, gazetteer):
    index_paths([few], fake_index_deps(settings, gazetteer))
    target = few / "2023-03-01_utlysning_rogaland_stimuleringsmidler.md"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "inntil 400 000 kr", "inntil 450 000 kr"), encoding="utf-8")
    report = index_paths([few], fake_index_deps(settings, gazetteer))
    assert (report.files_indexed, report.skipped_unchanged) == (1, len(FEW) - 1)
    texts = " ".join(text for _, text in snapshot(settings)["ledger"])
    assert "450 000" in texts and "inntil 400 000" not in texts


def test_deleted_file_disappears_from_both_indexes(settings, few, gazetteer):
    index_paths([few], fake_index_deps(settings, gazetteer))
    (few / "2022-06-30_sluttrapport_hamar-loten_kvalitetssystem.md").unlink()
    report = index_paths([few], fake_index_deps(settings, gazetteer))
    assert report.removed == 1
    snap = snapshot(settings)
    assert "2022-06-30_sluttrapport_hamar-loten_kvalitetssystem.md" not in snap["docs"]
    store = open_store(settings)
    assert store.lexical().search("kvalitetshåndbok Løten", 5) == []
    assert snap["chroma"] == snap["lexical"]


def test_corrupt_file_among_good_ones_is_reported_and_the_rest_indexed(settings, corpus, gazetteer):
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    report = index_paths([corpus], fake_index_deps(settings, gazetteer))
    assert report.files_indexed == 17
    assert sorted(Path(e.path).name for e in report.errors) == ["broken.docx", "empty.txt"]
    assert all(e.reason for e in report.errors)
    assert not report.failed_completely


def test_only_bad_files_means_failure(settings, tmp_path, gazetteer):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4 garbage")
    report = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert report.failed_completely


def test_fodselsnummer_is_never_stored(settings, tmp_path, gazetteer):
    folder = tmp_path / "k"
    folder.mkdir()
    fnr = _valid_fnr("010190", "123")
    (folder / "referat.txt").write_text(
        f"Referat fra møte 01.02.2024\n\nSak 1) Barnet med fnr {fnr} ble drøftet. "
        "Kontonummer 12345678901 er uendret.", encoding="utf-8")
    report = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert report.redactions == {"referat.txt": 1}
    snap = snapshot(settings)
    stored = " ".join(t for _, t in snap["ledger"])
    assert fnr not in stored and "12345678901" in stored
    chroma_docs = open_store(settings, with_vectors=True).vectors._collection.get()["documents"]  # noqa: SLF001
    assert all(fnr not in d for d in chroma_docs)


def test_fodselsnummer_in_a_file_name_or_grouped_6_3_2_is_stored_nowhere(
    settings, tmp_path, gazetteer
):
    folder = tmp_path / "k"
    folder.mkdir()
    fnr, other = _valid_fnr("241283", "400"), _valid_fnr("010190", "200")
    (folder / f"{fnr}_notat.txt").write_text(
        f"Barnet med fnr {other[:6]} {other[6:9]} {other[9:]} ble drøftet i møtet.",
        encoding="utf-8")
    shown: list[str] = []
    report = index_paths([folder], fake_index_deps(settings, gazetteer),
                         progress=lambda path, _status: shown.append(path))
    assert report.files_indexed == 1 and sum(report.redactions.values()) == 2
    meta = open_store(settings).documents()[0]
    assert meta.source == "[fødselsnummer fjernet]_notat.txt"
    assert fnr not in meta.title and fnr not in meta.path and fnr not in " ".join(shown)
    for name in (fnr, other, f"{other[:6]} {other[6:9]}"):
        for path in settings.data_dir.rglob("*"):
            if path.is_file():
                assert name.encode() not in path.read_bytes(), (name, path)


def test_model_change_rebuilds_everything(settings, few, gazetteer):
    index_paths([few], fake_index_deps(settings, gazetteer))
    other = FakeEmbeddings(dim=64)
    report = index_paths([few], fake_index_deps(settings, gazetteer, other))
    assert report.files_indexed == len(FEW)
    snap = snapshot(settings)
    assert snap["chroma"] == snap["lexical"]


def _run_indexer(data: Path, corpus: Path, delay: float) -> subprocess.Popen:
    return fake_indexer(data, corpus, delay)


@pytest.mark.slow  # real processes and a full disk: seconds, not milliseconds
def test_sigkill_mid_run_then_rerun_equals_one_clean_run(tmp_path, corpus, gazetteer):
    killed = Settings(data_dir=tmp_path / "killed", _env_file=None)
    clean = Settings(data_dir=tmp_path / "clean", _env_file=None)
    proc = _run_indexer(killed.data_dir, corpus, delay=0.3)
    deadline = time.time() + 60
    while time.time() < deadline:
        if killed.state_db_path.exists():
            store = KnowledgeStore.open(killed.state_db_path, killed.lexical_dir)
            done = len(store.documents())
            store.close()
            if done >= 4:
                break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert _run_indexer(killed.data_dir, corpus, delay=0).wait() == 0
    assert _run_indexer(clean.data_dir, corpus, delay=0).wait() == 0
    assert snapshot(killed) == snapshot(clean)


def _valid_fnr(birth: str, first_individual: str) -> str:
    """The first valid fødselsnummer for `birth` from `first_individual` upwards."""
    for individual in range(int(first_individual), 1000):
        digits = [int(c) for c in f"{birth}{individual:03d}"]
        k1 = (11 - sum(d * w for d, w in zip(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2], strict=True))) % 11
        k2 = (11 - sum(d * w for d, w in zip([*digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=True))) % 11
        if k1 < 10 and k2 < 10:
            return "".join(map(str, digits)) + f"{k1}{k2}"
    raise AssertionError("no valid number")


def test_status_json_lists_every_file_with_type_and_date(settings, corpus, gazetteer):
    from bot.cli.index_cmd import status_payload

    index_paths([corpus], fake_index_deps(settings, gazetteer))
    payload = status_payload(open_store(settings))
    assert len(payload["documents"]) == 17
    assert payload["last_indexed_at"]
    json.dumps(payload)
    by_source = {d["source"]: d for d in payload["documents"]}
    assert by_source["000_9cd953df84ef8b74.txt"]["doc_type"] == "referat"
    assert by_source["000_9cd953df84ef8b74.txt"]["date"] == "2024-01-31"


class RecordingEnricher:
    """A second enricher beside the catalogue: sees every document, writes inside its commit."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.enriched: list[str] = []
        self.removed: list[str] = []
        self.fail_on = fail_on

    def enrich(self, doc, meta, chunks):  # type: ignore[no-untyped-def]
        def write(tx) -> None:  # type: ignore[no-untyped-def]
            if meta.source == self.fail_on:
                raise RuntimeError("enricher failed")
            self.enriched.append(meta.source)

        return write

    def remove(self, doc_id):  # type: ignore[no-untyped-def]
        return lambda tx: self.removed.append(doc_id)


def test_every_enricher_writes_with_its_document_and_hears_of_removals(settings, few, gazetteer):
    deps = fake_index_deps(settings, gazetteer)
    recorder = RecordingEnricher()
    deps.enrichers.append(recorder)
    index_paths([few], deps)
    assert len(recorder.enriched) == len(FEW)
    gone = few / "2024-11-20_sluttrapport_rana-hemnes_foreldrestotte.md"
    gone.unlink()
    index_paths([few], deps)
    assert len(recorder.enriched) == len(FEW) and len(recorder.removed) == 1
    assert gone.name not in snapshot(settings)["docs"]


def test_a_failing_enricher_leaves_its_document_unseen_until_the_next_run(
    settings, few, gazetteer
):
    first = sorted(p.name for p in few.iterdir())[0]
    deps = fake_index_deps(settings, gazetteer)
    deps.enrichers.append(RecordingEnricher(fail_on=first))
    with pytest.raises(RuntimeError, match="enricher failed"):
        index_paths([few], deps)
    snap = snapshot(settings)  # its vectors are in Chroma, but the ledger never said `done`
    assert (snap["docs"], snap["ledger"]) == ([], []) and snap["chroma"]
    healthy = RecordingEnricher()
    deps = fake_index_deps(settings, gazetteer)
    deps.enrichers.append(healthy)
    index_paths([few], deps)
    assert len(healthy.removed) == 1 and first in healthy.enriched  # cleaned, then indexed again
    assert len(snapshot(settings)["docs"]) == len(FEW)


def test_a_document_whose_vectors_went_missing_is_embedded_again(settings, few, gazetteer):
    index_paths([few], fake_index_deps(settings, gazetteer))
    store = open_store(settings, with_vectors=True)
    lost = store.documents()[3]
    store.vectors.delete_document(lost.doc_id)  # as a Chroma that lost part of its data
    embeddings = FakeEmbeddings()
    report = index_paths([few], fake_index_deps(settings, gazetteer, embeddings))
    assert (report.vectors_repaired, report.files_indexed, report.skipped_unchanged) == (1, 1, len(FEW) - 1)
    assert embeddings.texts == len(store.document_chunks(lost.doc_id))
    snap = snapshot(settings)
    assert snap["chroma"] == [cid for cid, _ in snap["ledger"]]
    assert open_store(settings, with_vectors=True).health().consistent
