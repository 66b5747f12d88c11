"""Signed, expiring download links for drafts (itsdangerous, HMAC-SHA256).

A token carries one draft id, the user it was made for and its expiry time, signed with
`settings.download_secret`. With no secret configured, a random secret is made once per process:
links then stop working at a restart, which is the safe failure. The user id is stored only as a
hash, so a link does not leak a Teams id. The expiry is a field of the token (not itsdangerous'
issue timestamp), so a link keeps the lifetime it was given when the setting changes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache

from itsdangerous import BadSignature, URLSafeSerializer

from indexer.access import id_hash as user_hash
from indexer.settings import Settings

DEFAULT_TTL_S = 24 * 3600
_DRAFT_ID = re.compile(r"^[0-9a-f]{8,64}$")
_SALT = "laeringsbot.draft-download"


class LinkError(ValueError):
    """A download token that must be refused; `reason` is shown to the user."""

    def __init__(self, reason: str, expired: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.expired = expired


@dataclass(frozen=True)
class LinkClaims:
    draft_id: str
    user_hash: str
    expires_at: int
    restricted: bool = False  # drawn from documents not everyone may see: opens for its user only


class DownloadSigner:
    def __init__(self, secret: bytes, ttl_s: int = DEFAULT_TTL_S) -> None:
        if not secret:
            raise ValueError("secret must not be empty")
        self._serializer = URLSafeSerializer(
            secret, salt=_SALT, signer_kwargs={"digest_method": hashlib.sha256}
        )
        self.ttl_s = ttl_s

    @classmethod
    def from_settings(cls, settings: Settings, ttl_s: int = DEFAULT_TTL_S) -> DownloadSigner:
        configured = settings.download_secret
        return cls(configured.encode() if configured else process_secret(), ttl_s)

    def sign(self, draft_id: str, user_id: str, now: float | None = None,
             restricted: bool = False) -> str:  # fmt: skip
        if not _DRAFT_ID.match(draft_id):
            raise ValueError(f"ugyldig utkast-id: {draft_id!r}")
        expires = int((time.time() if now is None else now) + self.ttl_s)
        data: dict[str, object] = {"d": draft_id, "u": user_hash(user_id), "e": expires}
        if restricted:
            data["r"] = 1
        return self._serializer.dumps(data)

    def verify(
        self, token: str, user_id: str | None = None, now: float | None = None
    ) -> LinkClaims:
        """The claims of a valid token; LinkError for a bad signature, expiry or another user."""
        try:
            data = self._serializer.loads(token)
            claims = LinkClaims(str(data["d"]), str(data["u"]), int(data["e"]), bool(data.get("r")))
        except (BadSignature, KeyError, TypeError, ValueError, OverflowError) as exc:
            # signed by us but not as we sign (an expiry of Infinity): refused like a forgery
            raise LinkError("Ugyldig nedlastingslenke.") from exc
        if not _DRAFT_ID.match(claims.draft_id):
            raise LinkError("Ugyldig nedlastingslenke.")
        if claims.expires_at < (time.time() if now is None else now):
            raise LinkError("Nedlastingslenken er utløpt. Be om utkastet på nytt.", expired=True)
        if user_id is not None and not hmac.compare_digest(claims.user_hash, user_hash(user_id)):
            raise LinkError("Denne lenken ble laget for en annen bruker.")
        return claims


def download_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/downloads/{token}"


@lru_cache(maxsize=1)
def process_secret() -> bytes:
    """One random secret per process, shared by whoever signs and whoever verifies."""
    return secrets.token_bytes(32)
