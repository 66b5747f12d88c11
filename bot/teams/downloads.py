"""GET /downloads/{token}: a draft's .docx behind a signed, expiring link.

The token (see bot.drafting.links) names the draft and is checked before any file is touched;
the draft id inside it is plain hex, so it can never point outside the drafts folder.
"""

from __future__ import annotations

from aiohttp import web

from bot.drafting.export import download_name, draft_path
from bot.drafting.links import DownloadSigner, LinkError
from bot.i18n import t
from indexer.settings import Settings

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download_routes(
    settings: Settings, signer: DownloadSigner | None = None
) -> list[web.RouteDef]:
    """Routes to add to the bot's aiohttp app; pass the same signer the cards sign with."""
    signer = signer or DownloadSigner.from_settings(settings)

    async def download(request: web.Request) -> web.StreamResponse:
        try:
            claims = signer.verify(request.match_info["token"])
        except LinkError as exc:
            status = web.HTTPGone if exc.expired else web.HTTPForbidden
            raise status(text=exc.reason) from exc
        path = draft_path(settings.data_dir, claims.draft_id)
        if not path.is_file():
            raise web.HTTPNotFound(text=t("teams.download_gone", "nb"))
        return web.FileResponse(path, headers={
            "Content-Type": DOCX,
            "Content-Disposition": f'attachment; filename="{download_name(path)}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        })

    return [web.get("/downloads/{token}", download)]
