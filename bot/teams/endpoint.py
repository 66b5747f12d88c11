"""POST /api/messages: check, authenticate, admit, then answer.

A message is acknowledged (202) at once and answered in the background, because Teams retries
an activity that is not acknowledged within ~15 s; before the 202 its turn is written to the
shared database (`TurnQueue.admit`, which is also the claim of its id), so a replica that dies
after acknowledging it leaves it for another to answer. An invoke or an `expectReplies`
activity is answered in the response: its caller waits, and retries if this replica dies.
"""

from __future__ import annotations

import logging
import time

import jwt
import requests
from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.core.invoke_response import InvokeResponse  # what CloudAdapter returns
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, DeliveryModes
from botframework.connector.auth import AuthenticateRequestResult, BotFrameworkAuthentication
from msrest.serialization import Model

from bot.teams import render
from bot.teams.activity import to_activity
from bot.teams.handler import TeamsBot, error_reference
from bot.teams.intake import loopback_service_url, read_activity
from bot.teams.reading import language_of
from bot.teams.storage import ActivityLedger
from bot.teams.takeover import turn_key, turn_record, until_answered
from bot.teams.turns import RETRY_AFTER_S, Turns
from indexer.errors import StoreError
from indexer.store.turn_queue import TurnQueue

log = logging.getLogger(__name__)


def error_response(status: int, message: str, **headers: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers)


def _invoke_http(response: InvokeResponse | None) -> web.Response:
    if response is None:
        return web.Response(status=200)
    body = response.body
    if isinstance(body, Model):
        body = body.serialize()
    status = int(response.status or 200)
    return web.Response(status=status) if body is None else web.json_response(body, status=status)


async def turn_error(ctx: TurnContext, error: Exception) -> None:
    reference = error_reference(f"turn failed: {error!r}")
    try:
        await ctx.send_activity(to_activity(render.error(reference, language_of(ctx.activity))))
    except Exception:
        log.warning("could not tell the user about error %s", reference, exc_info=True)


def answered_in_response(activity: Activity) -> bool:
    return activity.type == "invoke" or activity.delivery_mode == DeliveryModes.expect_replies


class MessagesEndpoint:
    """POST /api/messages (see the module's docstring)."""

    def __init__(
        self,
        auth: BotFrameworkAuthentication,
        adapter: CloudAdapter,
        bot: TeamsBot,
        ledger: ActivityLedger,
        queue: TurnQueue,
        turns: Turns,
        anonymous: bool,
    ) -> None:
        self._auth, self._adapter, self._bot = auth, adapter, bot
        self._ledger, self._queue, self._turns, self._anonymous = ledger, queue, turns, anonymous
        self._busy_since: float | None = None  # one log line per busy spell, not per 503

    async def __call__(self, request: web.Request) -> web.Response:
        activity = await read_activity(request)
        if self._anonymous and not loopback_service_url(activity.service_url):
            # checked before anything connects anywhere: no token vouches for this address
            log.warning("refused a reply address that is not loopback in anonymous mode")
            return error_response(403, "Without an app id, replies go to a loopback serviceUrl "
                                  "only")
        try:
            result = await self._auth.authenticate_request(
                activity, request.headers.get("Authorization", "")
            )
        except (PermissionError, jwt.PyJWTError) as exc:
            log.info("rejected request: %s", exc)
            return error_response(401, "Unauthorized")
        except requests.RequestException:
            log.warning("could not fetch token signing keys", exc_info=True)
            return error_response(503, "Cannot verify the token right now")
        except Exception:
            log.warning("token validation failed", exc_info=True)
            return error_response(401, "Unauthorized")
        if not self._turns.has_room():  # before the id is claimed, so the retry is answered
            if self._busy_since is None:
                self._busy_since = time.monotonic()
                log.warning("busy: %d turns pending; Teams is asked to retry", self._turns.pending)
            return error_response(503, "Busy, retry later", **{"Retry-After": str(RETRY_AFTER_S)})
        if self._busy_since is not None:
            log.info("no longer busy after %.0f s", time.monotonic() - self._busy_since)
            self._busy_since = None
        return await self._admit(activity, result)

    async def _admit(self, activity: Activity, result: AuthenticateRequestResult) -> web.Response:
        key = turn_key(activity)
        in_response = answered_in_response(activity)
        try:
            if not activity.id:
                claimed = True
            elif in_response:
                claimed = self._ledger.claim(key)
            else:  # kept until answered, by this replica or another
                claimed = self._queue.admit(key, turn_record(activity, result))
        except StoreError:  # a full disk or a lost file: Teams retries later
            log.exception("the conversation database cannot be written")
            return error_response(503, "Storage unavailable, retry later",
                                  **{"Retry-After": str(RETRY_AFTER_S)})
        if not claimed:
            log.info("duplicate activity %s ignored", key)
            return web.Response(status=200)
        run = self._adapter.process_activity(result, activity, self._bot.on_turn)
        if in_response:
            return _invoke_http(await self._turns.run(run))
        self._turns.spawn(until_answered(self._queue, key, run) if activity.id else run)
        return web.Response(status=202)
