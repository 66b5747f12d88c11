"""GET /healthz (the process answers) and /readyz (it can answer a question well, now).

Ready means: the warm-up is done (the model loaded, the indexes open, one query embedded, so
the first user does not wait seconds for it), the knowledge store answers (the core's `ready`:
the ledger and the vector store), and the conversation database is there. The checks run in a
thread of their own with a deadline: a vector server that hangs makes the service unready, not
the probe.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.core.models import AnswerCore
from bot.teams.turns import DaemonPool

log = logging.getLogger(__name__)
CHECK_TIMEOUT_S = 2.0


def _call(check: Callable[[], Any], name: str) -> bool:
    try:
        return bool(check())
    except Exception:
        log.warning("readiness check %s failed", name, exc_info=True)
        return False


@dataclass
class Readiness:
    """What /readyz reports; `warm_up` runs once, in the background, after the service starts."""

    core: AnswerCore
    database: Callable[[], bool]
    warm: bool = False
    _pool: DaemonPool = field(default_factory=lambda: DaemonPool(1, "readiness"))

    async def warm_up(self, executor: Any) -> None:
        warm = getattr(self.core, "warm_up", None)
        try:
            if callable(warm):
                await asyncio.get_running_loop().run_in_executor(executor, warm)
        except Exception:
            log.exception("warm-up failed; /readyz stays unready")
            return
        self.warm = True
        log.info("klar: modell lastet, indekser åpne")

    def _checks(self) -> dict[str, bool]:
        ready = getattr(self.core, "ready", None)  # the knowledge store: ledger and vectors
        store = _call(ready, "store") if callable(ready) else True
        return {"store": store, "database": _call(self.database, "database")}

    async def report(self) -> dict[str, bool]:
        loop = asyncio.get_running_loop()
        try:
            checks = await asyncio.wait_for(
                loop.run_in_executor(self._pool, self._checks), CHECK_TIMEOUT_S)
        except (TimeoutError, RuntimeError):
            checks = {"store": False, "database": False}
        return {"warm": self.warm, **checks}

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def health_routes(readiness: Readiness) -> list[web.RouteDef]:
    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(_: web.Request) -> web.Response:
        checks = await readiness.report()
        ok = all(checks.values())
        return web.json_response({"ready": ok, **checks}, status=200 if ok else 503)

    return [web.get("/healthz", healthz), web.get("/readyz", readyz)]
