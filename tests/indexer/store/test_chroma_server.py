"""The production shape: the indexer talking to a real `chroma run` server over HTTP."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from indexer.wiring import open_store
from tests.fakes import fake_index_deps
from tests.servers import HOST, free_port, running

CHROMA = Path(sys.executable).parent / "chroma"


@pytest.fixture
def chroma_server(tmp_path):
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma CLI is not installed in this environment")
    port = free_port()
    command = [str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path",
               str(tmp_path / "server"), "--host", HOST, "--port", str(port)]
    with running(command, port, timeout=30):
        yield port


def test_index_into_chroma_server_and_delete_from_it(tmp_path, corpus, gazetteer, chroma_server):
    settings = Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1",
                        chroma_port=chroma_server, _env_file=None)
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
