"""Proof that whoever opens a bound link is the user it was made for.

A link opened in a browser carries no Teams identity, so a restricted document's page (and a
restricted draft's download) asks for a short code the bot gives in a 1:1 chat (`/kode`). The
code is an HMAC of the user's hashed id and a ten-minute window: nothing is stored, any replica
can check it, and one user's code opens nothing made for another. A right code leaves a signed
cookie naming the user (by hash), so their next links open at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable
from html import escape
from typing import Any

from aiohttp import web
from botbuilder.schema import Activity
from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot.core.signing import link_secret
from bot.i18n import t
from bot.teams.html import html_page
from bot.teams.render import notice
from bot.teams.viewers import user_of
from indexer.access import GroupDirectory, id_hash
from indexer.settings import Settings
from indexer.text.language import detect_language

COOKIE = "laeringsbot_bruker"
CODE_COMMAND = "/kode"
_SALT = "laeringsbot.user-proof"


class UserProof:
    def __init__(self, secret: bytes, *, window_s: int = 600, cookie_ttl_s: int = 12 * 3600,
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self._secret, self._window, self._clock = secret, window_s, clock
        self._cookies = URLSafeTimedSerializer(secret, salt=_SALT)
        self.cookie_ttl_s = cookie_ttl_s

    @classmethod
    def from_settings(cls, settings: Settings) -> UserProof:
        return cls(link_secret(settings))

    def code(self, user_id: str) -> str:
        """The code the bot tells this user in their 1:1 chat."""
        return self._code(id_hash(user_id), int(self._clock() // self._window))

    def check(self, hashed: str, code: str) -> bool:
        """Whether `code` is this user's, now or in the window before (it may be typed late)."""
        given = "".join(code.split()).upper()
        now = int(self._clock() // self._window)
        return any(hmac.compare_digest(given, self._code(hashed, w)) for w in (now, now - 1))

    def cookie(self, hashed: str) -> str:
        return self._cookies.dumps(hashed)

    def holder(self, request: web.Request) -> str | None:
        """The hashed id this browser has proven, or None."""
        value = request.cookies.get(COOKIE)
        if not value:
            return None
        try:
            return str(self._cookies.loads(value, max_age=self.cookie_ttl_s))
        except (BadSignature, TypeError, ValueError):
            return None

    def _code(self, hashed: str, window: int) -> str:
        digest = hmac.new(self._secret, f"code|{hashed}|{window}".encode(), hashlib.sha256)
        return base64.b32encode(digest.digest()).decode()[:8]


def code_reply(proof: UserProof, activity: Activity) -> dict[str, Any]:
    """`/kode`: the code that opens this user's restricted links, told in a 1:1 chat only."""
    language, user = detect_language(activity.text or ""), user_of(activity)
    kind = activity.conversation.conversation_type if activity.conversation else None
    if user is None or kind != "personal":
        return notice(t("teams.proof.personal_only", language, command=CODE_COMMAND))
    return notice(t("teams.proof.code", language, code=proof.code(user)))


async def redeem(request: web.Request, proof: UserProof, hashed: str | None,
                 directory: GroupDirectory | None = None) -> web.Response:  # fmt: skip
    """POST of the code form: a right code leaves the cookie and goes back to the link."""
    form = await request.post()
    code = str(form.get("kode", ""))[:32]
    holder = hashed if hashed and proof.check(hashed, code) else None
    if holder is None and directory is not None:  # someone the group map lets see it
        holder = next((id_hash(user) for user in directory.current().users
                       if proof.check(id_hash(user), code)), None)
    if holder is None:
        return code_page(403, "teams.proof.wrong")
    response = web.HTTPSeeOther(location=request.path)
    response.set_cookie(COOKIE, proof.cookie(holder), max_age=proof.cookie_ttl_s, httponly=True,
                        samesite="Lax", secure=request.secure, path="/")
    return response


def code_page(status: int = 401, key: str = "teams.proof.ask") -> web.Response:
    """The form asking for the code; it names no document (the link may be someone else's)."""
    title = t("teams.proof.title", "nb")
    body = (f"<h1>{escape(title)}</h1><p>{escape(t(key, 'nb', command=CODE_COMMAND))}</p>"
            f'<form method="post"><input name="kode" autocomplete="one-time-code" '
            f'maxlength="16" required> <button>{escape(t("teams.proof.open", "nb"))}</button>'
            "</form>")
    return html_page(title, body, status)
