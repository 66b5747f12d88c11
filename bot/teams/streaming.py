"""Teams streaming in 1:1 chats, and running the synchronous core off the event loop.

Protocol (Teams "Stream bot messages"): an `informative` typing activity at once, `streaming`
typing activities with the text so far at most about once a second, then the `final` message,
all tied together by the id Teams returned for the first one (`streamId`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Executor
from functools import partial
from typing import Any, Protocol, runtime_checkable

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ResourceResponse

from bot.core.models import Answer, AnswerCore, ChatTurn
from bot.teams.activity import to_activity
from indexer.access import PUBLIC_VIEWER, Viewer

log = logging.getLogger(__name__)


@runtime_checkable
class StreamingAnswerCore(Protocol):
    """Optional extension of AnswerCore: yields the answer text so far, then the Answer."""

    def answer_stream(self, question: str, history: list[ChatTurn], viewer: Viewer = PUBLIC_VIEWER
                      ) -> Iterator[str | Answer]: ...  # fmt: skip


def _stream_info(stream_type: str, sequence: int | None, stream_id: str | None) -> dict[str, Any]:
    info: dict[str, Any] = {"streamType": stream_type}
    if sequence is not None:
        info["streamSequence"] = sequence
    if stream_id:
        info["streamId"] = stream_id
    return info


class StreamSession:
    """One reply. With streaming off it only shows a typing indicator before the final message."""

    def __init__(
        self,
        ctx: TurnContext,
        *,
        enabled: bool,
        interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ctx = ctx
        self._enabled = enabled
        self._interval = interval
        self._clock = clock
        self._sequence = 0
        self._last_sent = float("-inf")
        self.stream_id: str | None = None

    async def _send_update(self, stream_type: str, text: str) -> ResourceResponse | None:
        self._sequence += 1
        info = _stream_info(stream_type, self._sequence, self.stream_id)
        payload = {
            "type": "typing",
            "text": text,
            "entities": [{"type": "streaminfo", **info}],
            "channelData": dict(info),
        }
        response = await self._ctx.send_activity(to_activity(payload))
        self._last_sent = self._clock()
        return response

    async def start(self, text: str) -> None:
        """Show at once that we are working: an informative update, or a typing indicator."""
        if self._enabled:
            try:
                response = await self._send_update("informative", text)
                self.stream_id = response.id if response and response.id else None
            except Exception:  # a client without streaming: fall back to a plain reply
                log.warning("streaming refused by the channel; replying without it", exc_info=True)
            if self.stream_id:
                return
            self._enabled = False
        await self._ctx.send_activity(Activity(type="typing"))

    async def update(self, text: str) -> None:
        """Send the text so far, unless the last update was under `interval` seconds ago."""
        if not self.stream_id or not text or self._clock() - self._last_sent < self._interval:
            return
        await self._send_update("streaming", text)

    async def finish(self, payload: dict[str, Any]) -> list[str]:
        """Send the final message; returns the ids that may later be rated (stream and message)."""
        payload = dict(payload)
        if self.stream_id:
            info = _stream_info("final", None, self.stream_id)
            payload["entities"] = [*payload.get("entities", []), {"type": "streaminfo", **info}]
            payload["channelData"] = {**payload.get("channelData", {}), **info}
        response = await self._ctx.send_activity(to_activity(payload))
        ids = [self.stream_id, response.id if response else None]
        return list(dict.fromkeys(i for i in ids if i))


_END = object()


async def run_core(
    core: AnswerCore,
    question: str,
    history: list[ChatTurn],
    on_text: Callable[[str], Awaitable[None]],
    executor: Executor | None = None,
    viewer: Viewer = PUBLIC_VIEWER,
) -> Answer:
    """Run the CPU-bound core in a worker thread; relay streamed text when the core offers it.

    A dedicated `executor` keeps busy cores from starving the default pool, which botbuilder's
    connector also uses to send replies (typing indicators must not wait behind answers).
    """
    loop = asyncio.get_running_loop()
    if not isinstance(core, StreamingAnswerCore):
        return await loop.run_in_executor(executor, partial(core.answer, question, history, viewer))
    queue: asyncio.Queue[Any] = asyncio.Queue()

    def pump() -> None:
        try:
            for item in core.answer_stream(question, history, viewer):
                loop.call_soon_threadsafe(queue.put_nowait, item)
            loop.call_soon_threadsafe(queue.put_nowait, _END)
        except BaseException as exc:  # re-raised on the event loop below
            loop.call_soon_threadsafe(queue.put_nowait, exc)

    worker = loop.run_in_executor(executor, pump)
    answer: Answer | None = None
    while (item := await queue.get()) is not _END:
        if isinstance(item, BaseException):
            raise item
        if isinstance(item, Answer):
            answer = item
        else:
            await on_text(str(item))
    await worker
    if answer is None:
        raise RuntimeError("answer_stream ended without an Answer")
    return answer
