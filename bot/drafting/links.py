"""Signed, expiring download links for drafts (bot.core.signing, with a salt of their own).

A token carries one draft id, the user it was made for and its expiry time, signed with
`settings.download_secret` (or the process's random secret). The user id is stored only as a
hash, so a link does not leak a Teams id.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass

from bot.core.signing import LinkRefused, LinkSigner, link_secret
from indexer.access import id_hash as user_hash
from indexer.settings import Settings

DEFAULT_TTL_S = 24 * 3600
_DRAFT_ID = re.compile(r"^[0-9a-f]{8,64}$")
_SALT = "laeringsbot.draft-download"


@dataclass(frozen=True)
class LinkClaims:
    draft_id: str
    user_hash: str
    expires_at: int
    restricted: bool = False  # drawn from documents not everyone may see: opens for its user only


class DownloadSigner:
    def __init__(self, secret: bytes, ttl_s: int = DEFAULT_TTL_S) -> None:
        self._signer = LinkSigner(secret, _SALT, ttl_s)
        self.ttl_s = ttl_s

    @classmethod
    def from_settings(cls, settings: Settings, ttl_s: int = DEFAULT_TTL_S) -> DownloadSigner:
        return cls(link_secret(settings), ttl_s)

    def sign(self, draft_id: str, user_id: str, now: float | None = None,
             restricted: bool = False) -> str:  # fmt: skip
        if not _DRAFT_ID.match(draft_id):
            raise ValueError(f"ugyldig utkast-id: {draft_id!r}")
        fields: dict[str, object] = {"d": draft_id, "u": user_hash(user_id)}
        if restricted:
            fields["r"] = 1
        return self._signer.dumps(fields, now)

    def verify(
        self, token: str, user_id: str | None = None, now: float | None = None
    ) -> LinkClaims:
        """The claims of a valid token; LinkRefused for a bad signature, expiry or another user."""
        fields = self._signer.load(token, now)
        try:
            claims = LinkClaims(str(fields["d"]), str(fields["u"]), int(fields["e"]),
                                bool(fields.get("r")))  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            raise LinkRefused("invalid") from exc
        if not _DRAFT_ID.match(claims.draft_id):
            raise LinkRefused("invalid")
        if user_id is not None and not hmac.compare_digest(claims.user_hash, user_hash(user_id)):
            raise LinkRefused("other")
        return claims


def download_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/downloads/{token}"
