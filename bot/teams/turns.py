"""The turns a process is working on: bounded (backpressure), and ended in time at shutdown.

Teams retries an activity that gets a 503 (after Retry-After), so refusing a turn past the
bound costs the user a few seconds; accepting it costs every queued user a longer wait (a probe
saw one call wait 57 s behind 200 others). At shutdown the turns get a short grace to finish;
those still waiting (a connector that does not answer, a core call that hangs) are cancelled,
so the process exits within seconds.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRY_AFTER_S = 5  # seconds Teams is told to wait before it retries a refused turn
CANCEL_WAIT_S = 0.5  # of the grace, kept for cancelled turns to unwind


class Turns:
    """At most `limit` turns at once, acknowledged (202) or answered in the response body."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.accepting = True
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def has_room(self) -> bool:
        return self.accepting and self.pending < self.limit

    def spawn(self, coro: Awaitable[Any]) -> asyncio.Task[Any]:
        """Run a turn in the background (its request was acknowledged)."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def run(self, coro: Awaitable[T]) -> T:
        """Run a turn whose result the request waits for (invokes, expectReplies)."""
        return await self.spawn(coro)

    async def drain(self, timeout: float = 30.0) -> None:
        """Wait for the turns in progress, at most `timeout` seconds."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    async def close(self, grace: float) -> None:
        """Refuse new turns; within `grace` seconds, let those in progress finish and cancel
        the rest."""
        self.accepting = False
        await self.drain(max(0.0, grace - CANCEL_WAIT_S))
        left = set(self._tasks)
        if left:
            log.warning("%d turn(s) still running at shutdown were cancelled", len(left))
            for task in left:
                task.cancel()
            await asyncio.wait(left, timeout=CANCEL_WAIT_S)


class DaemonPool(Executor):
    """A thread pool whose threads never hold up the process's exit.

    `ThreadPoolExecutor` joins its threads when the interpreter exits, so one core call that
    hangs (a remote model, a lost Chroma server) would keep a stopped service alive. The core
    only reads, and every store write is atomic, so leaving a call behind at exit is safe.
    """

    def __init__(self, max_workers: int, thread_name_prefix: str = "pool") -> None:
        self._work: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue())
        self._closed = False
        self._threads = [
            threading.Thread(target=self._worker, name=f"{thread_name_prefix}-{i}", daemon=True)
            for i in range(max_workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        if self._closed:
            raise RuntimeError("cannot schedule new work after shutdown")
        future: Future[T] = Future()
        self._work.put((future, lambda: fn(*args, **kwargs)))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._closed = True
        if cancel_futures:
            while True:
                try:
                    item = self._work.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item[0].cancel()
        for _ in self._threads:
            self._work.put(None)
        if wait:
            for thread in self._threads:
                thread.join()

    def _worker(self) -> None:
        while (item := self._work.get()) is not None:
            future, call = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to whoever awaits the future
                future.set_exception(exc)
