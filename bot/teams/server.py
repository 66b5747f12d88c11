"""The aiohttp service: POST /api/messages; GET /healthz, /readyz, /downloads/…, /kilder/….

`create_app` builds it once from settings; the message endpoint (authentication, admission,
the turn kept until answered) is `endpoint.py`. Two botbuilder 4.17.1 defects are handled
there: a malformed bearer token (the SDK answers 500) gets 401, and `deliveryMode:
expectReplies` (the SDK fails serialising) gets its replies in the response body. Beside the
service run its chores: the warm-up, the retention pass and the take-over of turns other
replicas left (`takeover.py`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botframework.connector.auth import BotFrameworkAuthentication

from bot.core.models import AnswerCore
from bot.drafting.links import DownloadSigner
from bot.teams import render
from bot.teams.downloads import download_routes
from bot.teams.endpoint import MessagesEndpoint, error_response, turn_error
from bot.teams.handler import TeamsBot
from bot.teams.health import Readiness, health_routes
from bot.teams.intake import host_allowed, is_loopback
from bot.teams.retention import DAY_S, Retention
from bot.teams.source_view import DocumentLibrary
from bot.teams.storage import ConversationHistory, StateStorage
from bot.teams.takeover import TakeOver, turn_key
from bot.teams.turns import DaemonPool, Turns
from bot.teams.wiring import face_parts
from indexer.errors import ConfigError
from indexer.settings import Settings
from indexer.store.conversations import ConversationStore
from indexer.store.turn_queue import TurnQueue

log = logging.getLogger(__name__)
DB_FILE = "teams.sqlite"


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


def host_check(settings: Settings) -> Any:
    """In anonymous mode, only requests that name a loopback host (or the public URL's) are
    served: a web page elsewhere cannot reach the local bot through a name of its own."""
    public = urlsplit(settings.public_base_url or "").hostname
    extra = frozenset([public] if public else [])

    @web.middleware
    async def middleware(request: web.Request, handler: Any) -> web.StreamResponse:
        if not host_allowed(request.headers.get("Host"), extra):
            return error_response(403, "Unknown Host for a local bot")
        return await handler(request)

    return middleware


def public_base_url(settings: Settings) -> str:
    """Where users reach this service (download links): the configured URL, else host:port."""
    if settings.public_base_url:
        return settings.public_base_url.rstrip("/")
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}"


TURNS_KEY = web.AppKey("turns", Turns)
CONVERSATIONS_KEY = web.AppKey("conversations", ConversationStore)
SIGNER_KEY = web.AppKey("signer", DownloadSigner)
READINESS_KEY = web.AppKey("readiness", Readiness)


def create_app(
    settings: Settings,
    core: AnswerCore,
    *,
    auth: BotFrameworkAuthentication | None = None,
    stream_interval: float = 1.0,
    core_workers: int | None = None,
    library: DocumentLibrary | None = None,
    prune_every_s: float = DAY_S,
) -> web.Application:
    """Build the service (refusing anonymous mode on a public address, as `serve` does).

    `auth` defaults to the SDK's validation for `settings`; tests pass one with their own keys.
    `core_workers` bounds concurrent core calls: one per CPU for the CPU-bound extractive core,
    more when answers wait on a remote LLM. `library` serves cited documents at /kilder/…
    (by default the real core's store). The retention pass runs at start and every
    `prune_every_s`.
    """
    check_auth_settings(settings)
    anonymous = not settings.app_id
    conversations = ConversationStore(settings.database_url or settings.data_dir / DB_FILE)
    cpus = os.cpu_count() or 1
    workers = core_workers or (cpus if settings.llm_provider == "none" else max(8, cpus))
    core_pool = DaemonPool(workers, thread_name_prefix="core")
    signer = DownloadSigner.from_settings(settings)  # signs the cards' links, checks downloads
    parts = face_parts(settings, core, conversations, public_base_url(settings), core_pool,
                       library)
    queue = TurnQueue(conversations.engine, lease_s=settings.turn_lease_s)
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
        drafts=conversations,
        groups=parts.groups,
        proof=parts.proof,
        answered=lambda activity: queue.finish(turn_key(activity)),
    )
    auth = auth or sdk_auth(settings)
    adapter = CloudAdapter(auth)
    adapter.on_turn_error = turn_error
    turns = Turns(settings.max_pending_turns)
    readiness = Readiness(core, conversations.healthy)
    retention = Retention.from_settings(settings, conversations, prune_every_s)
    takeover = TakeOver(queue, turns, lambda result, activity: adapter.process_activity(
        result, activity, bot.on_turn), auth, lambda: readiness.warm)
    chores: list[asyncio.Task[None]] = []

    async def startup(app: web.Application) -> None:
        chores.append(asyncio.create_task(readiness.warm_up(core_pool)))
        chores.append(asyncio.create_task(retention.run()))
        chores.append(asyncio.create_task(takeover.run()))

    async def shutdown(app: web.Application) -> None:
        await turns.close(settings.shutdown_grace_s)
        for chore in chores:
            chore.cancel()
        core_pool.shutdown(wait=False, cancel_futures=True)
        readiness.close()
        conversations.close()

    app = web.Application(middlewares=[host_check(settings)] if anonymous else [])
    app[TURNS_KEY], app[CONVERSATIONS_KEY], app[SIGNER_KEY] = turns, conversations, signer
    app[READINESS_KEY] = readiness
    app.router.add_post("/api/messages", MessagesEndpoint(auth, adapter, bot, conversations,
                                                          queue, turns, anonymous))
    app.router.add_routes(health_routes(readiness))
    # .docx drafts behind signed links, from the store every replica shares
    app.router.add_routes(download_routes(settings, signer, parts.proof, conversations))
    app.router.add_routes(parts.routes)  # /kilder/{token}: a cited document, passage marked
    app.on_startup.append(startup)
    app.on_shutdown.append(shutdown)
    return app


def serve(settings: Settings, core: AnswerCore) -> None:
    """Run until SIGTERM or Ctrl+C; then stop within seconds (see `Turns.close`)."""
    check_auth_settings(settings)
    mode = "med autentisering" if settings.app_id else "uten autentisering (lokal utvikling)"
    log.info(
        "Læringsbot lytter på http://%s:%s/api/messages %s", settings.host, settings.port, mode
    )

    web.run_app(create_app(settings, core), host=settings.host, port=settings.port, print=None,
                shutdown_timeout=0.5)
    _leave_without_joining_threads()


def _leave_without_joining_threads() -> None:
    """botbuilder sends replies with blocking `requests` calls on the default thread pool, and
    the interpreter joins those threads at exit: one waiting on a connector that does not
    answer kept a stopped service alive for minutes. Everything that keeps data is closed by
    now (the turns ended, the databases closed), so the process ends here."""
    waiting = [t for t in threading.enumerate()
               if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if waiting:
        log.info("avslutter uten å vente på %d tråd(er)", len(waiting))
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
