"""Acknowledged turns outlive the replica that acknowledged them (`indexer.store.turn_queue`).

What is kept of a turn is what `CloudAdapter.process_activity` needs to run it again: the
activity (its text without personal numbers) and the result of authenticating it: claims,
audience and caller id, never the token. Another replica rebuilds the connector from those
claims with its own credentials, as the SDK does for a proactive message, and runs the turn
through the same handler.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.schema import Activity
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
)
from pydantic import BaseModel

from bot.teams.turns import Turns
from indexer.errors import StoreError
from indexer.ingest.privacy import redact_personal_numbers
from indexer.store.turn_queue import FAILED, TurnQueue

log = logging.getLogger(__name__)
Run = Callable[[AuthenticateRequestResult, Activity], Awaitable[Any]]


class TurnRecord(BaseModel):
    activity: dict[str, Any]
    claims: dict[str, Any]
    authentication_type: str | None = None
    audience: str | None = None
    caller_id: str | None = None


def turn_key(activity: Activity) -> str:
    """The key an activity is claimed and kept under."""
    conversation_id = activity.conversation.id if activity.conversation else None
    return f"{activity.channel_id}|{conversation_id}|{activity.id}"


def turn_record(activity: Activity, result: AuthenticateRequestResult) -> dict[str, Any]:
    body: dict[str, Any] = activity.serialize()
    if isinstance(body.get("text"), str):
        body["text"] = redact_personal_numbers(body["text"])[0]
    identity = result.claims_identity
    return TurnRecord(activity=body, claims=dict(identity.claims or {}),
                      authentication_type=identity.authentication_type,
                      audience=result.audience, caller_id=result.caller_id).model_dump(mode="json")


def restore(record: Any, auth: BotFrameworkAuthentication
            ) -> tuple[AuthenticateRequestResult, Activity]:  # fmt: skip
    """The turn as it arrived, authenticated as it was, with a connector of this replica's."""
    kept = TurnRecord.model_validate(record)
    # the SDK annotates these `str` but defaults them to None, as an anonymous request has them
    identity = ClaimsIdentity(kept.claims, True, kept.authentication_type)  # pyright: ignore
    result = AuthenticateRequestResult()
    result.claims_identity = identity
    result.audience, result.caller_id = kept.audience, kept.caller_id  # pyright: ignore
    result.connector_factory = auth.create_connector_factory(identity)
    return result, Activity().deserialize(kept.activity)


async def until_answered(queue: TurnQueue, key: str, run: Awaitable[Any]) -> None:
    """Run a kept turn; done once it has replied. Cancelled (a stop), it is handed over."""
    try:
        await run
    except asyncio.CancelledError:
        _quietly(queue.release, [key])
        raise
    except Exception:  # the SDK's on_turn_error has told the user what it could
        log.exception("turn %s failed outside the handler", key)
        _quietly(queue.finish, key, FAILED)
        return
    _quietly(queue.finish, key)


def _quietly(call: Callable[..., Any], *args: Any) -> None:
    try:
        call(*args)
    except StoreError:
        log.exception("the turn queue could not be written (%s)", call.__name__)


class TakeOver:
    """Every `lease_s / 3` seconds: renew this replica's leases, then take over turns whose
    lease ran out (as many as there is room for), once this replica is warm."""

    def __init__(self, queue: TurnQueue, turns: Turns, run: Run,
                 auth: BotFrameworkAuthentication, ready: Callable[[], bool]) -> None:
        self.queue, self._turns, self._run, self._auth, self._ready = queue, turns, run, auth, ready

    async def once(self) -> int:
        """One pass; how many turns were taken over."""
        await asyncio.to_thread(self.queue.renew)
        room = self._turns.limit - self._turns.pending
        if not (self._ready() and self._turns.accepting and room > 0):
            return 0
        taken = await asyncio.to_thread(self.queue.take_over, room)
        for turn in taken:
            try:
                result, activity = restore(turn.record, self._auth)
            except Exception:
                log.exception("turn %s cannot be read back; given up", turn.key)
                _quietly(self.queue.finish, turn.key, FAILED)
                continue
            log.warning("took over turn %s (attempt %d)", turn.key, turn.attempt)
            self._turns.spawn(until_answered(self.queue, turn.key, self._run(result, activity)))
        return len(taken)

    async def run(self) -> None:
        """Until cancelled (at shutdown)."""
        while True:
            try:
                await self.once()
            except Exception:
                log.exception("the look for turns to take over failed")
            await asyncio.sleep(self.queue.lease_s / 3)
