"""Where a citation's link goes: the document's own web address when it has one, otherwise a
signed, expiring link to the bot's own page for the document with the cited passage marked.

The token (itsdangerous, HMAC-SHA256, like the draft downloads but with its own salt) names the
document, the cited chunk and the snippet to mark; an uploaded document also names the
conversation that holds it, so no one can read another conversation's uploads by guessing.
It is bound to who asked: their user id and the groups they asked with (both hashed, so a link
leaks no id). The page checks the document against that scope again when it is opened, and a
restricted document opens only for its user (bot.teams.proof).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.models import Citation
from bot.core.signing import LinkRefused, LinkSigner, link_secret
from bot.uploads.document import UPLOAD_PREFIX
from indexer.access import PUBLIC, PUBLIC_VIEWER, Viewer
from indexer.access import id_hash as user_hash
from indexer.settings import Settings

_SALT = "laeringsbot.source-view"
ANCHOR = "sitat"  # the marked passage's id, so the browser scrolls to it


@dataclass(frozen=True)
class SourceRef:
    """What a source link points at."""

    doc_id: str
    chunk_id: str | None
    snippet: str
    conversation: str | None = None  # the state key holding an uploaded document
    user: str | None = None  # hash of the asker's id: who the link was made for
    groups: frozenset[str] = frozenset()  # hashes of the groups they asked with

    def may_see(self, access: Sequence[str]) -> bool:
        """Whether the scope the link was made in still covers the document's access list."""
        return PUBLIC in access or not self.groups.isdisjoint(user_hash(a) for a in access)


class SourceSigner:
    def __init__(self, secret: bytes, ttl_s: int) -> None:
        self._signer = LinkSigner(secret, _SALT, ttl_s)
        self.ttl_s = ttl_s

    @classmethod
    def from_settings(cls, settings: Settings) -> SourceSigner:
        return cls(link_secret(settings), settings.source_link_days * 24 * 3600)

    def sign(self, ref: SourceRef, now: float | None = None) -> str:
        fields: dict[str, object] = {"d": ref.doc_id, "c": ref.chunk_id, "s": ref.snippet}
        if ref.conversation:
            fields["k"] = ref.conversation
        if ref.user:
            fields["u"] = ref.user
        if ref.groups:
            fields["g"] = sorted(ref.groups)
        return self._signer.dumps(fields, now)

    def verify(self, token: str, now: float | None = None) -> SourceRef:
        """What a valid token points at; LinkRefused for a forged, malformed or expired one."""
        data = self._signer.load(token, now)
        try:
            return SourceRef(str(data["d"]), data["c"] and str(data["c"]), str(data["s"]),
                             data.get("k") and str(data["k"]), data.get("u") and str(data["u"]),
                             frozenset(str(g) for g in data.get("g", ())))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise LinkRefused("invalid") from exc


@dataclass(frozen=True)
class SourceLinks:
    """Turns citations into links; `conversation` is the state key of this chat's uploads,
    `viewer` who asked (the link is bound to them)."""

    signer: SourceSigner
    base_url: str
    conversation: str | None = None
    viewer: Viewer = PUBLIC_VIEWER

    def url(self, citation: Citation) -> str | None:
        if citation.url:
            return citation.url
        if not citation.doc_id:
            return None
        uploaded = citation.doc_id.startswith(UPLOAD_PREFIX)
        if uploaded and not self.conversation:
            return None
        viewer = self.viewer
        ref = SourceRef(citation.doc_id, citation.chunk_id, citation.snippet,
                        self.conversation if uploaded else None,
                        user_hash(viewer.user) if viewer.user else None,
                        frozenset(user_hash(g) for g in viewer.groups))
        return f"{self.base_url.rstrip('/')}/kilder/{self.signer.sign(ref)}#{ANCHOR}"

    def within(self, conversation: str, viewer: Viewer = PUBLIC_VIEWER) -> SourceLinks:
        return SourceLinks(self.signer, self.base_url, conversation, viewer)
