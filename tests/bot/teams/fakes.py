"""Fakes for the Teams face: answer cores and a Bot Connector stub on 127.0.0.1.

Also used by bench/bot_load.py and the browser e2e test (when the real core is unavailable).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from aiohttp import web

from bot.core.models import Answer, ChatTurn, Citation, Payload
from indexer.access import PUBLIC_VIEWER, Viewer
from tests.servers import serve_app

SAMPLE_CITATION = Citation(
    n=1,
    source="2023-05-10_referat_styringsgruppe_setesdal.md",
    title="Referat fra styringsgruppemøte (testkilde)",
    section="Sak 3/23 Neste samling",
    date="2023-05-10",
    snippet="Neste samling holdes i Bergen. Dette er en testkilde fra den falske kjernen.",
)


class FakeCore:
    """Answers every question with one cited sentence and remembers what it was asked."""

    def __init__(
        self,
        *,
        delay: float = 0.0,
        fail: bool = False,
        payload: Payload | None = None,
        text: str | None = None,
        citations: list[Citation] | None = None,
    ) -> None:
        self.delay = delay
        self.fail = fail
        self.payload = payload
        self.text = text
        self.citations = [SAMPLE_CITATION] if citations is None else citations
        self.calls: list[tuple[str, list[ChatTurn]]] = []
        self.viewers: list[Viewer] = []  # who asked each question
        self.is_ready = True

    def ready(self) -> bool:
        return self.is_ready

    def answer(self, question: str, history: list[ChatTurn] | None = None,
               viewer: Viewer = PUBLIC_VIEWER) -> Answer:
        self.calls.append((question, list(history or [])))
        self.viewers.append(viewer)
        if self.delay:
            time.sleep(self.delay)
        if self.fail:
            raise RuntimeError("the fake core was told to fail")
        text = self.text or f"Testsvar fra den falske kjernen på «{question}» [1]."
        return Answer(question=question, answer=text, citations=self.citations,
                      payload=self.payload)


class StreamingFakeCore(FakeCore):
    """Yields the answer text word by word, `step` seconds apart, then the Answer."""

    def __init__(self, *, step: float = 0.1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.step = step

    def answer_stream(self, question: str, history: list[ChatTurn],
                      viewer: Viewer = PUBLIC_VIEWER) -> Iterator[str | Answer]:  # fmt: skip
        final = self.answer(question, history, viewer)
        words = final.answer.split()
        for i in range(1, len(words) + 1):
            time.sleep(self.step)
            yield " ".join(words[:i])
        yield final


class ConnectorStub:
    """Records what the bot sends to {serviceUrl}/v3/conversations/...; answers with new ids."""

    def __init__(self, *, fail_streaming: bool = False) -> None:
        self.sent: list[dict[str, Any]] = []
        # replyToId -> answers sent (the «Vis flere» card after a first page is not another one)
        self.final_counts: Counter[str] = Counter()
        self.fail_streaming = fail_streaming
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def _record(self, request: web.Request) -> web.Response:
        body = await request.json()
        body["_path"] = request.path
        body["_at"] = time.monotonic()
        body["_auth"] = request.headers.get("Authorization")
        self.sent.append(body)
        if body.get("type") == "message" and body.get("replyToId") and not _more_prompt(body):
            self.final_counts[body["replyToId"]] += 1
        infos = [e for e in body.get("entities") or [] if e.get("type") == "streaminfo"]
        if self.fail_streaming and infos:
            return web.json_response({"error": {"code": "BadSyntax"}}, status=400)
        return web.json_response({"id": f"reply-{next(self._ids)}"}, status=201)

    async def start(self) -> ConnectorStub:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._record)
        self._runner, base = await serve_app(app)
        self.url = f"{base}/"
        return self

    async def close(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def messages(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        return [
            a
            for a in self.sent
            if a.get("type") == "message"
            and (conversation_id is None or a["conversation"]["id"] == conversation_id)
        ]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if result := predicate():
                return result
            await asyncio.sleep(0.02)
        raise AssertionError(f"connector never saw the expected activity; got {self.sent!r}")


def _more_prompt(activity: dict[str, Any]) -> bool:
    return not activity.get("text") and '"laeringsbot": "more"' in json.dumps(
        activity.get("attachments") or [])
