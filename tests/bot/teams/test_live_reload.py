"""A running `serve` answers from what a separate `index` process just wrote, without a restart.

Both are real processes over the real model: the served Chroma handle and BM25 index must follow
the ledger's generation (embedded Chroma keeps its vectors in memory per process). The store-level
test (tests/indexer/store/test_live_reload.py) shows the stale handle itself; this one is the
whole path a user sees.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import free_port, running

REPO = Path(__file__).parents[3]
SETESDAL = REPO / "knowledge" / "2023-05-10_referat_styringsgruppe_setesdal.md"
NEW_DOC = """# Referat fra møte i styringsgruppen for Lofoten, 05.02.2024

---
type: referat
dato: 2024-02-05
fylke: Nordland
kommuner: Vågan, Vestvågøy
---

### Sak 3/2024 Fagdag om samtaleverktøyet Kvitfjell

Styringsgruppen drøftet opplæring i samtaleverktøyet Kvitfjell for alle barnevernstjenestene.

Vedtak: Fagdagen om samtaleverktøyet Kvitfjell holdes 14. mars 2024 i Svolvær.
"""
QUESTION = "Når holdes fagdagen om samtaleverktøyet Kvitfjell i Nordland?"

pytestmark = pytest.mark.slow


def _env(tmp: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("LAERINGSBOT_")}
    return {**keep, "PYTHONPATH": str(REPO), "HOME": str(tmp)}


def _cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=tmp, env=_env(tmp),
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """(bot URL, corpus, data dir): the corpus indexed once, then `serve` started on it."""
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    corpus.mkdir()
    shutil.copy(SETESDAL, corpus / SETESDAL.name)
    assert _cli(tmp_path, "index", str(corpus), "--data-dir", str(data)).returncode == 0
    port = free_port()
    command = [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--data-dir",
               str(data)]
    with running(command, port, timeout=120, log=tmp_path / "serve.log", stop_timeout=30,
                 env=_env(tmp_path), cwd=tmp_path):
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/readyz") as resp:
                if resp.status == 200:
                    break
            time.sleep(0.3)
        yield url, corpus, data


def _ask(url: str, text: str) -> str:
    """One turn with `expectReplies`: the bot's message text comes back in the HTTP body."""
    body = {
        "type": "message", "id": str(uuid.uuid4()), "channelId": "msteams",
        "serviceUrl": "http://127.0.0.1:9/", "deliveryMode": "expectReplies",
        "from": {"id": "29:user-1", "name": "Kari"}, "recipient": {"id": "28:bot", "name": "Bot"},
        "conversation": {"id": str(uuid.uuid4()), "conversationType": "personal"},
        "text": text,
    }
    request = urllib.request.Request(f"{url}/api/messages", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as resp:
        replies = json.loads(resp.read())["activities"]
    return "\n".join(a.get("text") or "" for a in replies if a["type"] == "message")


def _answers_within(url: str, seconds: float, wanted: bool) -> str:
    deadline = time.time() + seconds
    while True:
        text = _ask(url, QUESTION)
        if ("14. mars 2024" in text) == wanted or time.time() > deadline:
            return text
        time.sleep(0.5)


def test_serve_answers_from_a_document_indexed_after_it_started_and_forgets_a_deleted_one(
    served: tuple[str, Path, Path], tmp_path: Path
) -> None:
    url, corpus, data = served
    assert "14. mars 2024" not in _ask(url, QUESTION)
    (corpus / "2024-02-05_referat_styringsgruppe_lofoten.md").write_text(NEW_DOC, encoding="utf-8")
    indexed = _cli(tmp_path, "index", str(corpus), "--data-dir", str(data))
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    answer = _answers_within(url, 5, wanted=True)
    assert "14. mars 2024" in answer and "noe gikk galt" not in answer, answer
    (corpus / "2024-02-05_referat_styringsgruppe_lofoten.md").unlink()
    assert _cli(tmp_path, "index", str(corpus), "--data-dir", str(data)).returncode == 0
    answer = _answers_within(url, 5, wanted=False)
    assert "14. mars 2024" not in answer and "noe gikk galt" not in answer, answer
