"""/readyz says ready only after the warm-up, and only while the vector store and the databases
answer."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.context import CoreContext
from bot.engine import Core
from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from indexer.wiring import open_store
from tests.bot.teams.conftest import Service, serving
from tests.bot.teams.fakes import FakeCore
from tests.conftest import KNOWLEDGE
from tests.fakes import FakeEmbeddings, fake_index_deps
from tests.indexer.store.test_chroma_server import CHROMA, ChromaServer


class SlowStart(FakeCore):
    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.go = threading.Event()
        self.fail_warm_up = fail

    def warm_up(self) -> None:
        self.go.wait(10)
        if self.fail_warm_up:
            raise RuntimeError("the model would not load")


async def readyz(service: Service) -> tuple[int, dict[str, bool]]:
    status, text = await service.get("/readyz")
    return status, json.loads(text)


async def wait_status(service: Service, wanted: int, timeout: float = 10) -> dict[str, bool]:
    for _ in range(int(timeout / 0.05)):
        status, body = await readyz(service)
        if status == wanted:
            return body
        await asyncio.sleep(0.05)
    raise AssertionError(f"/readyz never became {wanted}: {body}")


async def test_ready_only_after_the_warm_up(teams_settings: Settings) -> None:
    core = SlowStart()
    async with serving(teams_settings, core) as service:
        assert (await service.get("/healthz"))[0] == 200  # alive while it warms up
        assert await readyz(service) == (503, {"ready": False, "warm": False, "store": True,
                                               "database": True})
        core.go.set()
        assert (await wait_status(service, 200))["warm"] is True


async def test_a_failed_warm_up_stays_unready(teams_settings: Settings) -> None:
    core = SlowStart(fail=True)
    core.go.set()
    async with serving(teams_settings, core) as service:
        await asyncio.sleep(0.3)
        assert (await readyz(service))[0] == 503


async def test_a_deleted_conversation_database_makes_it_unready(
    service: Service, teams_settings: Settings
) -> None:
    await wait_status(service, 200)
    (teams_settings.data_dir / "teams.sqlite").unlink()
    assert (await wait_status(service, 503))["database"] is False


def test_the_real_core_warm_up_embeds_a_query(sample_context: CoreContext) -> None:  # type: ignore[no-untyped-def]
    embeddings = sample_context.embeddings
    assert isinstance(embeddings, FakeEmbeddings)
    before = embeddings.calls
    Core(sample_context).warm_up()
    assert embeddings.calls > before


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    if not CHROMA.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    server = ChromaServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.mark.slow  # a real `chroma run`
async def test_a_lost_chroma_server_makes_it_unready(
    tmp_path: Path, gazetteer, chroma: ChromaServer  # type: ignore[no-untyped-def]
) -> None:
    settings = Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1",
                        chroma_port=chroma.port, _env_file=None)  # type: ignore[call-arg]
    report = index_paths([KNOWLEDGE], fake_index_deps(settings, gazetteer))
    assert not report.errors
    ctx = CoreContext(settings=settings, store=open_store(settings, with_vectors=True),
                      embeddings=FakeEmbeddings(), gazetteer=gazetteer)
    async with serving(settings, Core(ctx)) as service:
        assert (await wait_status(service, 200, timeout=30))["store"] is True
        chroma.stop()
        body = await wait_status(service, 503)
        assert body["store"] is False and body["warm"] is True
