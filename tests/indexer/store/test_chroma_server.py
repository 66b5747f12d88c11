"""The production shape: the indexer talking to a real `chroma run` server over HTTP."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from indexer.wiring import open_store
from tests.fakes import fake_index_deps

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma CLI is not installed in this environment")
    port = _free_port()
    proc = subprocess.Popen(
        [str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path", str(tmp_path / "server"),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield port
    proc.terminate()
    proc.wait(timeout=10)


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

    settings = Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=_free_port(),
                        _env_file=None)
    with pytest.raises(ConfigError, match="LAERINGSBOT_CHROMA_HOST"):
        open_chroma(settings)
