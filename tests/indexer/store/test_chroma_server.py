"""The production shape: the indexer talking to a real `chroma run` server over HTTP, and what
happens when that server goes away or comes back empty."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indexer.errors import StoreError
from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from indexer.wiring import open_store
from tests.fakes import FakeEmbeddings, fake_index_deps
from tests.servers import free_port, listens

pytestmark = pytest.mark.slow  # a real `chroma run`

CHROMA = Path(sys.executable).parent / "chroma"


class ChromaServer:
    """A `chroma run` on one port; it can be stopped and started again on another folder."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.folder = folder
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, name: str = "server") -> None:
        binary = str(CHROMA if CHROMA.exists() else "chroma")
        self.proc = subprocess.Popen(
            [binary, "run", "--path", str(self.folder / name), "--host", "127.0.0.1",
             "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        if not listens(self.port, timeout=30):
            self.stop()
            pytest.fail("chroma server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ChromaServer]:
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma CLI is not installed in this environment")
    running = ChromaServer(tmp_path)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def chroma_server(server: ChromaServer) -> int:
    return server.port


def _settings(tmp_path: Path, port: int) -> Settings:
    return Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=port,
                    _env_file=None)  # type: ignore[call-arg]


def test_index_into_chroma_server_and_delete_from_it(tmp_path, corpus, gazetteer, chroma_server):
    settings = _settings(tmp_path, chroma_server)
    report = index_paths([corpus], fake_index_deps(settings, gazetteer))
    assert report.files_indexed == 17 and not report.errors
    store = open_store(settings, with_vectors=True)
    ledger_chunks = store.status().chunks
    assert store.vectors.count() == ledger_chunks
    (corpus / "2024-11-20_sluttrapport_rana-hemnes_foreldrestotte.md").unlink()
    index_paths([corpus], fake_index_deps(settings, gazetteer))
    store = open_store(settings, with_vectors=True)
    remaining = store.status().chunks
    assert store.vectors.count() == remaining < ledger_chunks


def test_unreachable_server_is_a_clear_config_error(tmp_path):
    from indexer.errors import ConfigError
    from indexer.store.vectors import open_chroma

    settings = Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=free_port(),
                        _env_file=None)
    with pytest.raises(ConfigError, match="LAERINGSBOT_CHROMA_HOST"):
        open_chroma(settings)


def test_a_server_that_came_back_empty_is_filled_again_by_the_next_run(
    tmp_path, corpus, gazetteer, server
):
    settings = _settings(tmp_path, server.port)
    index_paths([corpus], fake_index_deps(settings, gazetteer))
    reader = open_store(settings, with_vectors=True)
    assert reader.health().consistent
    server.stop()
    server.start("empty")  # same address, no data
    assert not reader.health().consistent and reader.health().ready
    report = index_paths([corpus], fake_index_deps(settings, gazetteer))
    assert (report.vectors_repaired, report.files_indexed) == (17, 17)
    assert reader.health().consistent
    assert reader.vectors.count() == reader.status().chunks


class StopsTheServer(FakeEmbeddings):
    """Embeds, and after `after` calls the Chroma server is gone (mid-run, between files)."""

    def __init__(self, server: ChromaServer, after: int) -> None:
        super().__init__()
        self.server, self.after = server, after

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        if self.calls == self.after:
            self.server.stop()
        return super().embed_passages(texts)


def test_losing_the_server_mid_run_is_one_line_and_the_next_run_finishes(
    tmp_path, corpus, gazetteer, server, monkeypatch
):
    from bot.cli import app, index_cmd

    settings = _settings(tmp_path, server.port)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(index_cmd, "index_deps", lambda s, store: fake_index_deps(
        s, gazetteer, StopsTheServer(server, after=10)))
    monkeypatch.setenv("LAERINGSBOT_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("LAERINGSBOT_CHROMA_PORT", str(server.port))
    result = CliRunner().invoke(app, ["index", str(corpus), "--data-dir", str(settings.data_dir)])
    assert result.exit_code == 2, result.output
    assert f"Mistet kontakten med Chroma-serveren på 127.0.0.1:{server.port}" in result.output
    assert "Traceback" not in result.output and "httpx" not in result.output
    assert 0 < len(open_store(settings).documents()) < 17

    server.start()  # the same data as before it went away
    report = index_paths([corpus], fake_index_deps(settings, gazetteer))
    assert report.files_indexed + report.skipped_unchanged == 17 and not report.errors
    store = open_store(settings, with_vectors=True)
    assert len(store.documents()) == 17 and not store.unfinished()
    assert store.health().consistent


def test_health_says_which_part_is_down_and_never_raises(tmp_path, corpus, gazetteer, server):
    settings = _settings(tmp_path, server.port)
    index_paths([corpus], fake_index_deps(settings, gazetteer))
    store = open_store(settings, with_vectors=True)
    assert store.health().ready
    server.stop()
    health = store.health()
    assert (health.database, health.vectors, health.ready) == (True, False, False)
    assert "Chroma" in health.detail
    with pytest.raises(StoreError, match="Mistet kontakten"):
        store.vectors.count()
