"""One way to sign link tokens: itsdangerous with SHA-256, a salt per kind of link, so a draft
download token never opens a source page and the reverse.

Every link carries its own expiry (`e`), not itsdangerous' issue time, so a link keeps the
lifetime it was given when the setting changes. With no secret configured, one random secret
is made per process: links then stop working at a restart, which is the safe failure.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from functools import lru_cache
from typing import Any, Literal

from itsdangerous import BadSignature, URLSafeSerializer

from indexer.settings import Settings

Refusal = Literal["invalid", "expired", "other"]


class LinkRefused(ValueError):
    """A link that is not honoured; `reason` picks the face's message (invalid, expired, or
    made for another user)."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason)
        self.reason: Refusal = reason

    @property
    def expired(self) -> bool:
        return self.reason == "expired"


class LinkSigner:
    """Signs a token's fields with an expiry; `load` gives them back from a valid token only."""

    def __init__(self, secret: bytes, salt: str, ttl_s: int) -> None:
        self._serializer = link_serializer(secret, salt)
        self.ttl_s = ttl_s

    def dumps(self, fields: dict[str, object], now: float | None = None) -> str:
        expires = int((time.time() if now is None else now) + self.ttl_s)
        return self._serializer.dumps({**fields, "e": expires})

    def load(self, token: str, now: float | None = None) -> dict[str, Any]:
        """The fields (with `e`); a forged, malformed or expired token is a LinkRefused."""
        try:
            fields = self._serializer.loads(token)
            expires = int(fields["e"])
        except (BadSignature, KeyError, TypeError, ValueError, OverflowError) as exc:
            # signed by us but not as we sign (an expiry of Infinity): refused like a forgery
            raise LinkRefused("invalid") from exc
        if expires < (time.time() if now is None else now):
            raise LinkRefused("expired")
        return fields


def link_serializer(secret: bytes, salt: str) -> URLSafeSerializer:
    if not secret:
        raise ValueError("secret must not be empty")
    return URLSafeSerializer(secret, salt=salt, signer_kwargs={"digest_method": hashlib.sha256})


def link_secret(settings: Settings) -> bytes:
    """The configured secret (links survive restarts), else this process's random one."""
    return settings.download_secret.encode() or process_secret()


@lru_cache(maxsize=1)
def process_secret() -> bytes:
    """One random secret per process, shared by whoever signs and whoever verifies."""
    return secrets.token_bytes(32)
