"""What comes in at POST /api/messages, checked before any work: a 4xx, never a crash.

The body is parsed and cleaned once here, so nothing further in (the SDK, the core, the store)
meets JSON nested too deep to walk, a lone surrogate no encoder accepts, or an entity without
the `type` every Bot Framework entity has. In anonymous mode (no app id, local development)
replies may only go to a loopback `serviceUrl`, and the request must name a loopback host:
without a token nothing else says who is asking, so an activity must not choose where the bot
connects to (a request-forgery primitive), and a page on another site must not reach the bot
through a name that resolves to 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import json
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from botbuilder.schema import Activity

from bot.core.text import clean_text

MAX_DEPTH = 64  # a Teams activity nests about ten levels; anything deeper is not one
_LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


class TooDeep(ValueError):
    """JSON nested deeper than MAX_DEPTH."""


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower().rstrip(".") in _LOOPBACK_NAMES


def clean_json(value: Any, max_depth: int = MAX_DEPTH) -> Any:
    """A copy with clean strings (keys too); TooDeep past `max_depth`. Iterative, so no depth of
    input can exhaust the stack here."""
    root: list[Any] = [None]
    work: list[tuple[Any, Any, Any, int]] = [(value, root, 0, 0)]
    while work:
        item, parent, slot, depth = work.pop()
        if depth > max_depth:
            raise TooDeep(f"nested deeper than {max_depth}")
        if isinstance(item, str):
            parent[slot] = clean_text(item)
        elif isinstance(item, dict):
            copy: dict[str, Any] = {}
            parent[slot] = copy
            for key, child in item.items():
                key = clean_text(str(key))
                copy[key] = None
                work.append((child, copy, key, depth + 1))
        elif isinstance(item, list):
            items: list[Any] = [None] * len(item)
            parent[slot] = items
            work.extend((child, items, i, depth + 1) for i, child in enumerate(item))
        else:
            parent[slot] = item
    return root[0]


def parse_body(text: str) -> Any:
    """JSON, cleaned; 400 for what is not JSON or nests too deep."""
    try:
        return clean_json(json.loads(text))
    except (ValueError, RecursionError) as exc:  # TooDeep is a ValueError
        raise web.HTTPBadRequest(text="Body is not valid JSON (or nests too deep)") from exc


_OBJECTS = ("from", "recipient", "conversation", "channelData", "relatesTo")
_LISTS = ("entities", "attachments", "membersAdded", "membersRemoved", "reactionsAdded",
          "reactionsRemoved")


def _schema_shapes(body: dict[str, Any]) -> list[str]:
    """Fields the Bot Framework schema makes objects or lists of objects, when they are not (the
    SDK and msrest would crash on them, or pass them on to crash later)."""
    wrong = [k for k in _OBJECTS if body.get(k) is not None and not isinstance(body[k], dict)]
    for key in _LISTS:
        items = body.get(key)
        if items is not None and not (isinstance(items, list)
                                      and all(isinstance(i, dict) for i in items)):
            wrong.append(key)
    return wrong


def _typed_entities(body: dict[str, Any]) -> None:
    """Entities without a string `type` are no entities; the SDK would crash reading their type
    (`entity.type.lower()`), so they are dropped here."""
    if isinstance(body.get("entities"), list):
        body["entities"] = [e for e in body["entities"] if isinstance(e.get("type"), str)]


async def read_activity(request: web.Request) -> Activity:
    """Parse and check the body; bad input is a 4xx, never a crash."""
    if "json" not in request.content_type:
        raise web.HTTPUnsupportedMediaType(text="Content-Type must be application/json")
    body = parse_body(await request.text())
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="Body must be a JSON object (an Activity)")
    missing = [k for k in ("type", "serviceUrl", "channelId") if not isinstance(body.get(k), str)]
    if not isinstance(body.get("conversation"), dict) or not body["conversation"].get("id"):
        missing.append("conversation.id")
    if missing:
        raise web.HTTPBadRequest(text=f"Activity is missing {', '.join(missing)}")
    if wrong := _schema_shapes(body):
        raise web.HTTPBadRequest(text=f"Activity has fields of the wrong type: {', '.join(wrong)}")
    _typed_entities(body)
    try:
        return Activity().deserialize(body)
    except Exception as exc:  # msrest raises several kinds on wrongly typed fields
        raise web.HTTPBadRequest(text="Activity has fields of the wrong type") from exc


def loopback_service_url(service_url: str | None) -> bool:
    """True for an http(s) URL whose host is a loopback address or name (no lookup is made)."""
    try:
        parts = urlsplit(service_url or "")
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError on a port out of range)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host) and is_loopback(host or "")


def host_allowed(host_header: str | None, extra_hosts: frozenset[str] = frozenset()) -> bool:
    """Whether an anonymous service should answer a request naming this Host: a loopback name
    or address, or the host of the configured public URL."""
    try:
        host = urlsplit(f"//{host_header or ''}").hostname
    except ValueError:
        return False
    return bool(host) and (is_loopback(host or "") or host in extra_hosts)
