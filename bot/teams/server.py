"""The aiohttp service: POST /api/messages; GET /healthz, /readyz, /downloads/…, /kilder/….

Requests are authenticated with the SDK (ConfigurationBotFrameworkAuthentication) before any
work; messages are acknowledged at once and answered in the background, because Teams retries
an activity that is not acknowledged within ~15 s. Two botbuilder 4.17.1 defects are handled
here: a malformed bearer token (the SDK answers 500) gets 401, and `deliveryMode: expectReplies`
(the SDK fails serialising) gets its replies in the response body.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import jwt
import requests
from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.core.invoke_response import InvokeResponse  # what CloudAdapter returns
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, DeliveryModes
from botframework.connector.auth import BotFrameworkAuthentication
from msrest.serialization import Model

from bot.core.models import AnswerCore
from bot.drafting.links import DownloadSigner
from bot.teams import render
from bot.teams.activity import to_activity
from bot.teams.downloads import download_routes
from bot.teams.handler import TeamsBot, error_reference, language_of
from bot.teams.source_view import DocumentLibrary
from bot.teams.storage import ActivityLedger, ConversationHistory, StateStorage
from bot.teams.wiring import face_parts
from indexer.errors import ConfigError
from indexer.settings import Settings
from indexer.store.conversations import ConversationStore

log = logging.getLogger(__name__)
DB_FILE = "teams.sqlite"
_LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() in _LOOPBACK_NAMES


def check_auth_settings(settings: Settings) -> None:
    """Anonymous mode (no app id) is for local development only: refuse it on a public address."""
    if settings.app_id and not settings.app_password:
        raise ConfigError("app_password (LAERINGSBOT_APP_PASSWORD) mangler for app_id.")
    if not settings.app_id and not is_loopback(settings.host):
        raise ConfigError(
            f"Uten app_id (LAERINGSBOT_APP_ID) kjører boten uten autentisering, og da kan den bare "
            f"lytte på en lokal adresse (127.0.0.1), ikke {settings.host!r}. Sett app_id og "
            "app_password, eller bruk --host 127.0.0.1."
        )


def sdk_auth(settings: Settings, **sdk_config: str) -> ConfigurationBotFrameworkAuthentication:
    """The SDK's JWT validation; `sdk_config` adds SDK keys (e.g. an OpenID metadata URL)."""
    single_tenant = bool(settings.app_id and settings.app_tenant_id)
    config = SimpleNamespace(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password,
        APP_TYPE="SingleTenant" if single_tenant else "MultiTenant",
        APP_TENANTID=settings.app_tenant_id,
        **sdk_config,
    )
    return ConfigurationBotFrameworkAuthentication(config)


@dataclass
class BackgroundTurns:
    """Turns still running after their HTTP request was acknowledged."""

    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def drain(self, timeout: float = 30.0) -> None:
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout)


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def read_activity(request: web.Request) -> Activity:
    """Parse and check the body; bad input is a 4xx, never a crash."""
    if "json" not in request.content_type:
        raise web.HTTPUnsupportedMediaType(text="Content-Type must be application/json")
    try:
        body = json.loads(await request.text())
    except ValueError as exc:
        raise web.HTTPBadRequest(text="Body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="Body must be a JSON object (an Activity)")
    missing = [k for k in ("type", "serviceUrl", "channelId") if not isinstance(body.get(k), str)]
    if not isinstance(body.get("conversation"), dict) or not body["conversation"].get("id"):
        missing.append("conversation.id")
    if missing:
        raise web.HTTPBadRequest(text=f"Activity is missing {', '.join(missing)}")
    try:
        return Activity().deserialize(body)
    except Exception as exc:  # msrest raises several kinds on wrongly typed fields
        raise web.HTTPBadRequest(text="Activity has fields of the wrong type") from exc


def _invoke_http(response: InvokeResponse | None) -> web.Response:
    if response is None:
        return web.Response(status=200)
    body = response.body
    if isinstance(body, Model):
        body = body.serialize()
    status = int(response.status or 200)
    return web.Response(status=status) if body is None else web.json_response(body, status=status)


async def _turn_error(ctx: TurnContext, error: Exception) -> None:
    reference = error_reference(f"turn failed: {error!r}")
    try:
        await ctx.send_activity(to_activity(render.error(reference, language_of(ctx.activity))))
    except Exception:
        log.warning("could not tell the user about error %s", reference, exc_info=True)


class MessagesEndpoint:
    def __init__(
        self,
        auth: BotFrameworkAuthentication,
        adapter: CloudAdapter,
        bot: TeamsBot,
        ledger: ActivityLedger,
        turns: BackgroundTurns,
    ) -> None:
        self._auth, self._adapter, self._bot = auth, adapter, bot
        self._ledger, self._turns = ledger, turns

    async def __call__(self, request: web.Request) -> web.Response:
        activity = await read_activity(request)
        try:
            result = await self._auth.authenticate_request(
                activity, request.headers.get("Authorization", "")
            )
        except (PermissionError, jwt.PyJWTError) as exc:
            log.info("rejected request: %s", exc)
            return _error(401, "Unauthorized")
        except requests.RequestException:
            log.warning("could not fetch token signing keys", exc_info=True)
            return _error(503, "Cannot verify the token right now")
        except Exception:
            log.warning("token validation failed", exc_info=True)
            return _error(401, "Unauthorized")
        conversation_id = activity.conversation.id if activity.conversation else None
        key = f"{activity.channel_id}|{conversation_id}|{activity.id}"
        if activity.id and not self._ledger.claim(key):
            log.info("duplicate activity %s ignored", key)
            return web.Response(status=200)
        run = self._adapter.process_activity(result, activity, self._bot.on_turn)
        if activity.type == "invoke" or activity.delivery_mode == DeliveryModes.expect_replies:
            return _invoke_http(await run)
        self._turns.spawn(run)
        return web.Response(status=202)


def _core_ready(core: AnswerCore) -> bool:
    ready = getattr(core, "ready", None)
    if not callable(ready):
        return True
    try:
        return bool(ready())
    except Exception:
        log.warning("core.ready() failed", exc_info=True)
        return False


def health_routes(core: AnswerCore) -> list[web.RouteDef]:
    """Liveness (the process answers) and readiness (the core and its index are loaded)."""

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(_: web.Request) -> web.Response:
        ok = _core_ready(core)
        return web.json_response({"ready": ok}, status=200 if ok else 503)

    return [web.get("/healthz", healthz), web.get("/readyz", readyz)]


def public_base_url(settings: Settings) -> str:
    """Where users reach this service (download links): the configured URL, else host:port."""
    if settings.public_base_url:
        return settings.public_base_url.rstrip("/")
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}"


TURNS_KEY = web.AppKey("turns", BackgroundTurns)
CONVERSATIONS_KEY = web.AppKey("conversations", ConversationStore)
SIGNER_KEY = web.AppKey("signer", DownloadSigner)


def create_app(
    settings: Settings,
    core: AnswerCore,
    *,
    auth: BotFrameworkAuthentication | None = None,
    stream_interval: float = 1.0,
    core_workers: int | None = None,
    library: DocumentLibrary | None = None,
) -> web.Application:
    """Build the service (refusing anonymous mode on a public address, as `serve` does).

    `auth` defaults to the SDK's validation for `settings`; tests pass one with their own keys.
    `core_workers` bounds concurrent core calls: one per CPU for the CPU-bound extractive core,
    more when answers wait on a remote LLM. `library` serves cited documents at /kilder/…
    (by default the real core's store).
    """
    check_auth_settings(settings)
    conversations = ConversationStore(settings.data_dir / DB_FILE)
    cpus = os.cpu_count() or 1
    workers = core_workers or (cpus if settings.llm_provider == "none" else max(8, cpus))
    core_pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="core")
    signer = DownloadSigner.from_settings(settings)  # signs the cards' links, checks downloads
    parts = face_parts(settings, core, conversations, public_base_url(settings), core_pool,
                       library)
    bot = TeamsBot(
        core,
        ConversationHistory(StateStorage(conversations)),
        conversations,
        max_message_chars=settings.max_message_chars,
        allowed_tenants=settings.allowed_tenants,
        stream_interval=stream_interval,
        executor=core_pool,
        draft_links=render.DraftLinks(signer, public_base_url(settings)),
        source_links=parts.source_links,
        pages=parts.pages,
        uploads=parts.uploads,
        groups=parts.groups,
        proof=parts.proof,
    )
    auth = auth or sdk_auth(settings)
    adapter = CloudAdapter(auth)
    adapter.on_turn_error = _turn_error
    turns = BackgroundTurns()

    async def shutdown(app: web.Application) -> None:
        await app[TURNS_KEY].drain()
        core_pool.shutdown(wait=False, cancel_futures=True)
        app[CONVERSATIONS_KEY].close()

    app = web.Application()
    app[TURNS_KEY], app[CONVERSATIONS_KEY], app[SIGNER_KEY] = turns, conversations, signer
    app.router.add_post("/api/messages",
                        MessagesEndpoint(auth, adapter, bot, conversations, turns))
    app.router.add_routes(health_routes(core))
    app.router.add_routes(download_routes(settings, signer, parts.proof))  # .docx drafts behind signed links
    app.router.add_routes(parts.routes)  # /kilder/{token}: a cited document, passage marked
    app.on_shutdown.append(shutdown)
    return app


def serve(settings: Settings, core: AnswerCore) -> None:
    check_auth_settings(settings)
    mode = "med autentisering" if settings.app_id else "uten autentisering (lokal utvikling)"
    log.info(
        "Læringsbot lytter på http://%s:%s/api/messages %s", settings.host, settings.port, mode
    )
    web.run_app(create_app(settings, core), host=settings.host, port=settings.port, print=None)
