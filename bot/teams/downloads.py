"""GET /downloads/{token}: a draft's .docx behind a signed, expiring link.

The token (see bot.drafting.links) names the draft and is checked before any file is touched;
the draft id inside it is plain hex, so it can never point outside the drafts folder. A draft
made by someone who may see restricted documents downloads only for them (bot.teams.proof).
The draft comes from the shared store (`bot.teams.drafts`) when one is given, so any replica
can serve it; else, or for a draft from before the store kept them, from this replica's folder.
"""

from __future__ import annotations

from aiohttp import web

from bot.core.signing import LinkRefused
from bot.drafting.export import download_name, draft_path
from bot.drafting.links import DownloadSigner, LinkClaims
from bot.i18n import t
from bot.teams.drafts import DraftFiles
from bot.teams.proof import UserProof, code_page, redeem
from indexer.settings import Settings

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download_routes(
    settings: Settings, signer: DownloadSigner | None = None, proof: UserProof | None = None,
    drafts: DraftFiles | None = None,
) -> list[web.RouteDef]:
    """Routes to add to the bot's aiohttp app; pass the same signer the cards sign with."""
    signer = signer or DownloadSigner.from_settings(settings)
    proof = proof or UserProof.from_settings(settings)

    def verified(request: web.Request) -> LinkClaims:
        try:
            return signer.verify(request.match_info["token"])
        except LinkRefused as exc:
            status = web.HTTPGone if exc.expired else web.HTTPForbidden
            raise status(text=t(f"teams.download_link.{exc.reason}", "nb")) from exc

    async def code(request: web.Request) -> web.Response:
        return await redeem(request, proof, verified(request).user_hash)

    async def download(request: web.Request) -> web.StreamResponse:
        claims = verified(request)
        if claims.restricted and proof.holder(request) != claims.user_hash:
            return code_page() if proof.holder(request) is None else code_page(
                403, "teams.proof.other")
        stored = drafts.draft(claims.draft_id) if drafts is not None else None
        if stored is not None:
            return web.Response(body=stored.content, headers=_headers(stored.file_name))
        path = draft_path(settings.data_dir, claims.draft_id)
        if not path.is_file():
            raise web.HTTPNotFound(text=t("teams.download_gone", "nb"))
        return web.FileResponse(path, headers=_headers(download_name(path)))

    return [web.get("/downloads/{token}", download), web.post("/downloads/{token}", code)]


def _headers(file_name: str) -> dict[str, str]:
    return {
        "Content-Type": DOCX,
        "Content-Disposition": f'attachment; filename="{file_name}"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
