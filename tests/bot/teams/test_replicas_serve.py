"""Many replicas, one knowledge base, in the production shape: a real PostgreSQL, a real
`chroma run`, the indexer and two `laeringsbot serve` processes on their own ports.

Nothing is shared on disk: the indexer and each replica have a data dir of their own, as on
separate machines. The database holds the ledger, the catalogue and the conversations; Chroma
the vectors; each replica rebuilds its BM25 index from the database when the generation moves.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.bot.teams.conftest import activity
from tests.bot.teams.fakes import ConnectorStub
from tests.bot.teams.test_drafting_teams import OPENING, PUBLIC_URL, download_link, text_of
from tests.conftest import KNOWLEDGE
from tests.servers import free_port, running
from tests.servers.chroma import chroma_command
from tests.servers.replica import Replica, run_cli

pytestmark = pytest.mark.slow

NEW_MINUTES = """# Referat fra nettverkssamling i Nordland, 20.01.2025

---
type: referat
dato: 2025-01-20
fylke: Nordland
kommuner: Bodø, Saltdal
---

### Sak 1/2025 Neste samling

Neste samling i læringsnettverket i Nordland holdes i Bodø 14. mai 2025.

Vedtak: Bodø kommune er vertskommune for samlingen.
"""


@dataclass
class Deployment:
    a: Replica
    b: Replica
    settings: dict[str, str]  # all but the data dir, which is each process's own
    corpus: Path
    workdir: Path


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory, postgres_cluster: Any
               ) -> Iterator[Deployment]:  # fmt: skip
    root = tmp_path_factory.mktemp("replicas")
    chroma_port = free_port()
    command = chroma_command(root / "chroma", chroma_port)
    if command is None:
        pytest.skip("the chroma CLI is not installed in this environment")
    corpus = root / "knowledge"
    shutil.copytree(KNOWLEDGE, corpus)
    settings = {
        "chroma_host": "127.0.0.1",
        "chroma_port": str(chroma_port), "database_url": postgres_cluster.database(),
        "public_base_url": PUBLIC_URL, "download_secret": "one-secret-for-every-replica",
        "turn_lease_s": "2",  # a killed replica's turns are taken over within seconds
    }
    replicas: list[Replica] = []
    with running(command, chroma_port, timeout=30, log=root / "chroma.log"):
        try:
            indexed = run_cli(["index", str(corpus)], settings, root / "indexer")
            assert indexed.returncode == 0, indexed.stdout + indexed.stderr
            replicas = [Replica(name, settings, root / name) for name in ("a", "b")]
            for replica in replicas:
                replica.wait_ready()
            yield Deployment(replicas[0], replicas[1], settings, corpus, root)
        finally:
            for replica in replicas:
                replica.stop()


async def say(replica: Replica, connector: ConnectorStub, text: str, conversation: str
              ) -> list[dict[str, Any]]:  # fmt: skip
    """Send a personal-chat message to one replica; the final messages that answer it."""
    body = activity(connector, text, conversation_id=conversation)
    async with aiohttp.ClientSession() as http, http.post(
            f"{replica.url}/api/messages", json=body) as response:
        assert response.status == 202, await response.text()

    def answers() -> list[dict[str, Any]]:
        return [m for m in connector.messages(conversation) if m.get("replyToId") == body["id"]]

    # not final_counts: a draft's card carries a «Vis flere» button, which the stub reads as
    # the prompt after a page rather than an answer
    await connector.wait_for(answers, timeout=120)
    await asyncio.sleep(0.5)  # the rest of a long answer
    return answers()


async def test_a_follow_up_asked_on_b_reads_the_conversation_begun_on_a(
    deployment: Deployment, connector: ConnectorStub
) -> None:
    await say(deployment.a, connector, "Hva skjedde på læringsnettverkssamlingen i Hordaland "
              "i 2018?", "conv-follow-up")
    reply = await say(deployment.b, connector, "og når er neste samling?", "conv-follow-up")
    assert "12. februar 2019" in text_of(reply)


async def test_a_draft_begun_on_a_goes_on_and_downloads_on_b(
    deployment: Deployment, connector: ConnectorStub
) -> None:
    await say(deployment.a, connector, OPENING, "conv-draft")
    reply = await say(deployment.b, connector, "Fosterforeldre", "conv-draft")
    assert "spørsmål 4 av 10" in text_of(reply)  # B went on from A's step 3
    final = await say(deployment.a, connector, "ferdig", "conv-draft")
    path = download_link(final).removeprefix(PUBLIC_URL)
    async with aiohttp.ClientSession() as http, http.get(deployment.b.url + path) as response:
        assert response.status == 200 and (await response.read()).startswith(b"PK")


async def test_an_activity_posted_to_both_replicas_is_answered_once(
    deployment: Deployment, connector: ConnectorStub
) -> None:
    body = activity(connector, "Når er neste samling?", conversation_id="conv-twice")
    async with aiohttp.ClientSession() as http:
        statuses = []
        for replica in (deployment.a, deployment.b, deployment.a):
            async with http.post(f"{replica.url}/api/messages", json=body) as response:
                statuses.append(response.status)
    assert statuses == [202, 200, 200]
    await connector.wait_for(lambda: connector.final_counts[body["id"]] >= 1, timeout=120)
    await asyncio.sleep(1.0)  # time for a second answer, were one coming
    assert connector.final_counts[body["id"]] == 1


async def test_an_index_run_while_both_serve_is_seen_by_both_without_a_restart(
    deployment: Deployment, connector: ConnectorStub
) -> None:
    (deployment.corpus / "2025-01-20_referat_nettverkssamling_nordland.md").write_text(
        NEW_MINUTES, encoding="utf-8")
    indexed = run_cli(["index", str(deployment.corpus)], deployment.settings,
                      deployment.workdir / "indexer")
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    for n, replica in enumerate((deployment.a, deployment.b)):
        assert "nettverkssamling i Nordland" in await listed_sources(replica, connector, n)
        answer = await say(replica, connector, "Når er neste samling i Nordland?", f"conv-new-{n}")
        assert "14. mai 2025" in text_of(answer)


async def test_killing_a_replica_mid_load_loses_no_acknowledged_reply(
    deployment: Deployment, connector: ConnectorStub
) -> None:
    """Six conversations ask four questions each, alternating between a third replica and B;
    the third is SIGKILLed right after it has acknowledged three turns (the conversations'
    first questions, asked at once), before it has answered them all. B takes those turns over; every acknowledged activity gets one answer."""
    doomed = Replica("doomed", deployment.settings, deployment.workdir / "doomed")
    doomed.wait_ready()
    load = KillLoad(doomed, deployment.b, connector, kill_after=3)
    try:
        await asyncio.gather(*(load.conversation(n, messages=4) for n in range(6)))
    finally:
        doomed.stop()
    assert load.orphans, "the replica was killed with nothing left to take over"
    await asyncio.sleep(1.0)  # time for a second answer, were one coming
    counts = {i: connector.final_counts[i] for i in load.acknowledged}
    assert len(counts) == 24 and set(counts.values()) == {1}, counts


@dataclass
class KillLoad:
    """Posts that go to `first` or `second` by turn, and to `second` once `first` is gone."""

    first: Replica
    second: Replica
    connector: ConnectorStub
    kill_after: int
    acknowledged: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # acknowledged by `first`, unanswered
    by_first: list[str] = field(default_factory=list)

    async def conversation(self, n: int, messages: int) -> None:
        async with aiohttp.ClientSession() as http:
            for m in range(messages):
                body = activity(self.connector, f"Når er neste samling? ({m})",
                                conversation_id=f"conv-kill-{n}")
                await self.post(http, body, self.first if (n + m) % 2 == 0 else self.second)
                await self.connector.wait_for(
                    lambda i=body["id"]: self.connector.final_counts[i], timeout=180)

    async def post(self, http: aiohttp.ClientSession, body: dict[str, Any],
                   replica: Replica) -> None:  # fmt: skip
        if replica is self.first and self.first.proc.poll() is not None:
            replica = self.second  # the proxy's health check took it out
        try:
            async with http.post(f"{replica.url}/api/messages", json=body) as response:
                assert response.status in (200, 202), await response.text()
        except aiohttp.ClientError:  # killed while this was on its way: Teams retries
            return await self.post(http, body, self.second)
        self.acknowledged.append(body["id"])
        if replica is self.first:
            self.by_first.append(body["id"])
            if len(self.by_first) == self.kill_after:
                self.first.proc.kill()
                self.orphans = [i for i in self.by_first if not self.connector.final_counts[i]]


async def listed_sources(replica: Replica, connector: ConnectorStub, n: int) -> str:
    """The text of every page of `/kilder` («vis flere» until no page waits)."""
    conversation = f"conv-sources-{n}"
    pages = [await say(replica, connector, "/kilder", conversation)]
    while len(pages) < 5 and any(m.get("attachments") and not m.get("text") for m in pages[-1]):
        pages.append(await say(replica, connector, "vis flere", conversation))
    return " ".join(m.get("text") or "" for page in pages for m in page)
