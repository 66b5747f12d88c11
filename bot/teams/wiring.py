"""What the Teams face adds around the core, built once from settings: citation links and the
page they open, the «Vis flere» queue, the desk for files dropped in a chat, and who may see
what (the group map and the codes that prove a link's user)."""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass
from functools import cache

from aiohttp import web

from bot.core.models import AnswerCore
from bot.teams.files import FilePolicy
from bot.teams.pager import PageQueue
from bot.teams.proof import UserProof
from bot.teams.source_links import SourceLinks, SourceSigner
from bot.teams.source_view import DocumentLibrary, StoreLibrary, source_routes
from bot.teams.storage import StateStore
from bot.teams.uploads import UploadDesk, UploadShelf
from indexer.access import GroupDirectory
from indexer.settings import Settings
from indexer.text.places import Gazetteer


@dataclass(frozen=True)
class FaceParts:
    source_links: SourceLinks
    pages: PageQueue
    uploads: UploadDesk
    routes: list[web.RouteDef]
    groups: GroupDirectory  # who may see restricted documents (LAERINGSBOT_GROUP_MAP)
    proof: UserProof  # the `/kode` codes that open a user's restricted links


def face_parts(
    settings: Settings, core: AnswerCore, state: StateStore, base_url: str,
    executor: Executor | None = None, library: DocumentLibrary | None = None,
) -> FaceParts:
    """`library` serves the cited documents; by default the real core's own store."""
    signer = SourceSigner.from_settings(settings)
    shelf = UploadShelf(state)
    context = getattr(core, "ctx", None)  # the real core (bot.engine.Core) has one
    gazetteer = getattr(context, "gazetteer", None)
    desk = UploadDesk(shelf, FilePolicy.from_settings(settings),
                      (lambda: gazetteer) if gazetteer else cache(Gazetteer.load),
                      max_chars=settings.file_max_chars,
                      chat_model=getattr(context, "chat_model", None), executor=executor)
    if library is None and getattr(context, "store", None) is not None:
        library = StoreLibrary(context.store)  # type: ignore[union-attr]
    groups = GroupDirectory(settings.group_map, settings.group_map_ttl_s)
    proof = UserProof.from_settings(settings)
    return FaceParts(SourceLinks(signer, base_url), PageQueue(state), desk,
                     source_routes(signer, library, shelf, proof, groups), groups, proof)
