"""A newcomer chats with the bot in a browser: Microsoft 365 Agents Playground + headless chromium.

The bot runs in this process on 127.0.0.1 with the real core (bot.engine.build_core on the
sample corpus, indexed into a temp dir) when it can be built, else with the fake core from
tests/bot/teams/fakes.py; LAERINGSBOT_E2E_CORE=real|fake forces one. Which one ran is printed
and recorded as the test property `core`. The fake core has no documents behind its citations,
so the list, source-page, summary and referat steps are checked with the real core only.

The browser's screenshots go to LAERINGSBOT_SCREENSHOTS when set (`make screenshots` sets it to
docs/screenshots), else next to the test's temp files.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.core.models import Answer, AnswerCore, ChatTurn
from bot.i18n import t
from bot.teams.commands import suggested_prompts
from bot.teams.render import claim
from bot.teams.source_view import StoreLibrary
from indexer.access import PUBLIC_VIEWER, Viewer
from indexer.settings import Settings
from tests.bot.teams.conftest import Service, serving
from tests.bot.teams.fakes import FakeCore
from tests.bot.teams.files_stub import REFERAT_NAME, FileHost, file_attachment, referat_docx
from tests.servers import free_port, wait_until_up

# a browser, the Playground and the real core (real embedding model): minutes, not seconds
pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
PLAYGROUND = REPO / "node_modules" / ".bin" / "agentsplayground"
DRIVER = Path(__file__).with_name("playground_chat.mjs")
QUESTION = "Når er neste samling i Hordaland?"
LIST_QUESTION = "Hvilke kommuner har hatt fosterhjemsprosjekter?"
SUMMARY = "Oppsummer referatet fra 31.01.2024"


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


CHROMIUM = find_chromium()
if CHROMIUM is None:
    pytest.skip(
        "chromium not found (apt-get install -y chromium, or set CHROMIUM)", allow_module_level=True
    )


class RecordingCore:
    """Passes through to the core and keeps each answer, to compare with what the browser shows."""

    def __init__(self, core: AnswerCore) -> None:
        self.core = core
        self.answers: list[Answer] = []

    def answer(self, question: str, history: list[ChatTurn] | None = None,
               viewer: Viewer = PUBLIC_VIEWER) -> Answer:
        result = self.core.answer(question, history, viewer)
        self.answers.append(result)
        return result


def real_core(data_dir: Path) -> AnswerCore:
    """The real core on the sample corpus (real embedding model), indexed into `data_dir`."""
    from bot.engine import build_core
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import index_deps, open_store

    settings = Settings(data_dir=data_dir, knowledge_paths=[REPO / "knowledge"], _env_file=None)  # type: ignore[call-arg]
    report = index_paths([REPO / "knowledge"], index_deps(settings, open_store(settings)))
    assert not report.errors, report.errors
    return build_core(settings)


def choose_core(data_dir: Path) -> tuple[AnswerCore, str]:
    wanted = os.environ.get("LAERINGSBOT_E2E_CORE", "auto")
    if wanted == "fake":
        return FakeCore(), "fake (LAERINGSBOT_E2E_CORE=fake)"
    try:
        return real_core(data_dir), "real (bot.engine.build_core on knowledge/)"
    except Exception as exc:
        if wanted == "real":
            raise
        return FakeCore(), f"fake (real core unavailable: {type(exc).__name__}: {exc})"


@pytest.fixture
async def files() -> AsyncIterator[FileHost]:
    """Stands in for SharePoint: the bot may fetch from it (file_hosts), as from Teams' URLs."""
    host = await FileHost({"referat.docx": referat_docx()}).start()
    yield host
    await host.close()


@pytest.fixture
async def bot(
    tmp_path: Path, files: FileHost
) -> AsyncIterator[tuple[Service, RecordingCore, str]]:
    core, which = await asyncio.to_thread(choose_core, tmp_path / "index")
    print(f"\ne2e core: {which}")
    recorder = RecordingCore(core)
    port = free_port()  # known before start: the citation links name it
    settings = Settings(data_dir=tmp_path / "bot", public_base_url=f"http://127.0.0.1:{port}",  # type: ignore[call-arg]
                        file_hosts=["127.0.0.1"], _env_file=None)
    store = getattr(getattr(core, "ctx", None), "store", None)
    library = StoreLibrary(store) if store is not None else None
    async with serving(settings, recorder, stream_interval=1.0, port=port,
                       library=library) as service:  # fmt: skip
        yield service, recorder, which


@pytest.fixture
async def playground(bot: tuple[Service, RecordingCore, str], tmp_path: Path) -> AsyncIterator[str]:
    assert PLAYGROUND.exists(), "node_modules is missing: run `npm ci` in the repository root"
    port = free_port()
    process = subprocess.Popen(  # its devTools/ log folder lands in tmp_path
        [
            str(PLAYGROUND),
            "-e",
            f"{bot[0].url}/api/messages",
            "-c",
            "msteams",
            "-p",
            str(port),
            "--disable-telemetry",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_until_up(f"{url}/_internal/v1/testConfig")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def screenshot_dir(tmp_path: Path) -> Path:
    wanted = os.environ.get("LAERINGSBOT_SCREENSHOTS")
    folder = (REPO / wanted) if wanted and not Path(wanted).is_absolute() else Path(
        wanted or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def drive_browser(url: str, scenario: dict[str, Any], shots: Path) -> dict[str, Any]:
    scenario_file = shots.parent / f"{shots.name}-scenario.json"
    scenario_file.write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    node = await asyncio.create_subprocess_exec(
        "node",
        str(DRIVER),
        url,
        str(scenario_file),
        str(shots),
        cwd=REPO,
        env={**os.environ, "CHROMIUM": str(CHROMIUM)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(node.communicate(), timeout=600)
    scenario_file.unlink(missing_ok=True)
    assert node.returncode == 0, err.decode()[-2000:]
    return json.loads(out.decode().strip().splitlines()[-1])


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def scenario(files: FileHost, real: bool) -> dict[str, Any]:
    return {
        "real": real, "question": QUESTION, "list": LIST_QUESTION, "summary": SUMMARY,
        "promptTitles": [title for title, _ in suggested_prompts("nb")],
        "attachment": file_attachment(REFERAT_NAME, f"{files.url}/files/referat.docx"),
    }


async def test_newcomer_asks_in_the_playground_and_sees_a_cited_answer(
    bot: tuple[Service, RecordingCore, str], playground: str, files: FileHost, tmp_path: Path,
    record_property: Any,
) -> None:
    _, recorder, which = bot
    record_property("core", which)
    shots = screenshot_dir(tmp_path)
    seen = await drive_browser(playground, scenario(files, which.startswith("real")), shots)
    print(f"screenshots: {shots}")
    assert "error" not in seen, seen.get("error")
    assert seen["welcome"], "the welcome card never appeared"
    assert seen["promptsCut"] == [], f"suggestion buttons cut off: {seen['promptsCut']}"
    [answer] = [a for a in recorder.answers if a.question == QUESTION]
    assert answer.citations, f"the core ({which}) answered without citations: {answer.answer!r}"
    assert seen["citationButtons"] >= 1, (
        f"no citation marker was rendered for {answer.answer!r}; see {shots}"
    )
    shown = squash(seen["answerText"] or "")
    expected = squash(re.sub(r"\[\d+\]|^\s*- ", "", answer.answer, flags=re.M))[:80]
    assert expected in shown, (expected, shown)
    names = [claim(c)["appearance"]["name"] for c in answer.citations]
    popped = [n for n in names if n in seen["afterHover"] and n not in seen["beforeHover"]]
    assert popped, f"hovering a citation showed none of {names}"
    if which.startswith("real"):
        check_the_real_cores_steps(seen)


def check_the_real_cores_steps(seen: dict[str, Any]) -> None:
    """One message per answer, every marker a citation, the passage, paging, a dropped referat."""
    assert seen["listMessages"] == 1, "the list answer came as more than one message"
    listed = seen["list"]
    assert listed["citations"] >= 3 and not re.search(r"\[\d+\]", listed["text"]), listed
    assert "/kilder/" in seen["listSourceUrl"]  # the list's citations link to their sources
    assert seen["sourceStatus"] == 200 and len(seen["marked"]) > 20, seen.get("marked")
    first, second = seen["summaryFirst"], seen["summarySecond"]
    assert "Sak 1)" in first["text"] and 1 <= first["citations"] <= 10
    assert second["citations"] >= 1 and "Sak" in second["text"]
    assert not re.search(r"\[\d+\]", first["text"] + second["text"])
    referat = seen["referat"]["text"]
    assert seen["uploadStatus"] == 200
    assert "Vedtak: Styringsgruppen går inn for en felles fosterhjemstjeneste" in referat
    assert "Ingrid Haugen" in referat and "Neste møte: 12. juni 2024" in referat
    assert t("uploads.kept_here", "nb") in referat
