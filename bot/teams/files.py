"""Files dropped in a chat: which the activity offers, and fetching one safely.

In a 1:1 chat Teams sends a `file.download.info` attachment with a short-lived, pre-authorised
`downloadUrl` (the manifest's `supportsFiles` lets users attach files). In channels and group
chats the file stays in SharePoint and the message only links to it; such a link is fetched the
same way, which works only where SharePoint allows it without a sign-in.

Only https URLs on the configured Microsoft hosts are fetched (a loopback host only when listed
explicitly, for tests), redirects are followed only to such hosts, and a file is read up to a
size limit; every refusal is a `FileRefused` naming the message to show.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import aiohttp
from botbuilder.schema import Activity

from indexer.settings import Settings

FILE_INFO = "application/vnd.microsoft.teams.file.download.info"
FILE_SUFFIXES = (".docx", ".pdf", ".txt", ".md")
_HREF = re.compile(r"""<a\s[^>]*href=["']([^"']+)["'][^>]*>(.*?)</a>""", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_MAX_REDIRECTS = 3


class FileRefused(Exception):
    """A file that will not be read; `key` names its message in the catalogue (teams.file.*)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class FileOffer:
    name: str
    download_url: str
    content_url: str | None = None  # where the file lives (OneDrive/SharePoint)
    linked: bool = False  # a link in a channel message, not a 1:1 attachment


@dataclass(frozen=True)
class FilePolicy:
    hosts: tuple[str, ...]
    max_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> FilePolicy:
        hosts = tuple(h.lower().strip(".") for h in settings.file_hosts)
        return cls(hosts, settings.file_max_bytes)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme == "http":  # only a loopback stub, and only when listed by name
            return _loopback(host) and host in self.hosts
        listed = any(host == h or host.endswith("." + h) for h in self.hosts)
        return parts.scheme == "https" and listed


def offers(activity: Activity) -> list[FileOffer]:
    """The files an activity brings: 1:1 attachments, else file links in the message."""
    found: list[FileOffer] = []
    for attachment in activity.attachments or []:
        if attachment.content_type == FILE_INFO and isinstance(attachment.content, dict):
            url = attachment.content.get("downloadUrl")
            if isinstance(url, str) and url:
                found.append(FileOffer(attachment.name or _name_of(url), url,
                                       attachment.content_url))
    if found:
        return found
    html = [a.content for a in activity.attachments or []
            if a.content_type == "text/html" and isinstance(a.content, str)]
    return [o for o in (_linked(href, label) for source in [activity.text or "", *html]
                        for href, label in _HREF.findall(source)) if o is not None]


def _linked(href: str, label: str) -> FileOffer | None:
    label = " ".join(_TAG.sub("", label).split())
    name = label if _suffix(label) in FILE_SUFFIXES else _name_of(href)
    if _suffix(name) not in FILE_SUFFIXES or not href.lower().startswith(("https://", "http://")):
        return None
    return FileOffer(name, href, href, linked=True)


async def fetch(offer: FileOffer, policy: FilePolicy, session: aiohttp.ClientSession) -> bytes:
    """The file's bytes, or FileRefused: wrong type, host not allowed, too big, unreachable."""
    if _suffix(offer.name) not in FILE_SUFFIXES:
        raise FileRefused("type", name=offer.name, allowed=", ".join(FILE_SUFFIXES))
    url = offer.download_url
    for hop in range(_MAX_REDIRECTS + 1):
        if not policy.allows(url):  # a link sent on to a sign-in page is one we may not read
            raise FileRefused("signin" if hop and offer.linked else "host", name=offer.name)
        try:
            async with session.get(url, allow_redirects=False) as response:
                if response.status in (301, 302, 303, 307, 308) and "Location" in response.headers:
                    url = urljoin(url, response.headers["Location"])
                    continue
                return await _read(response, offer, policy)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise FileRefused("unreachable", name=offer.name) from exc
    raise FileRefused("unreachable", name=offer.name)


async def _read(response: Any, offer: FileOffer, policy: FilePolicy) -> bytes:
    if response.status in (401, 403):
        raise FileRefused("signin" if offer.linked else "unreachable", name=offer.name)
    if response.status != 200:
        raise FileRefused("unreachable", name=offer.name)
    limit = policy.max_bytes
    if (response.content_length or 0) > limit:
        raise FileRefused("too_big", name=offer.name, limit_mb=limit // 1_000_000 or 1)
    data = bytearray()
    async for block in response.content.iter_chunked(64 * 1024):
        data += block
        if len(data) > limit:
            raise FileRefused("too_big", name=offer.name, limit_mb=limit // 1_000_000 or 1)
    return bytes(data)


def _name_of(url: str) -> str:
    return unquote(PurePosixPath(urlsplit(url).path).name)


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
