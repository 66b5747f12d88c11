"""Files dropped in a chat, in Teams: fetch, read, keep in the conversation, answer about them.

A turn is about an upload when it brings a file, or when it asks about the conversation's latest
file («hva sier dokumentet om …»); everything else goes to the core as before. Documents are kept
in the conversation store under the conversation's own key (the last few, text capped), never
in the knowledge base.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from functools import partial

import aiohttp
from botbuilder.schema import Activity
from pydantic import TypeAdapter, ValidationError

from bot.core.chat_model import ChatModel
from bot.core.models import Answer, Language
from bot.teams.files import FileOffer, FilePolicy, FileRefused, fetch
from bot.teams.pager import conversation_key
from bot.teams.storage import StateStore
from bot.uploads.answer import answer_about, first_reply, is_about
from bot.uploads.document import UploadedDocument, read_upload
from indexer.errors import DocumentError
from indexer.text.places import Gazetteer

KEEP = 3  # documents kept per conversation
FETCH_TIMEOUT_S = 60
_DOCUMENTS = TypeAdapter(list[UploadedDocument])


def shelf_key(activity: Activity) -> str:
    return conversation_key(activity, "uploads")


class UploadShelf:
    """The documents dropped in each conversation, newest last."""

    def __init__(self, store: StateStore) -> None:
        self._store = store

    def documents(self, key: str) -> list[UploadedDocument]:
        stored = self._store.read_state(key)
        try:
            return _DOCUMENTS.validate_python(stored[0].get("documents", [])) if stored else []
        except ValidationError:
            return []  # kept by an older version: forget it rather than fail the turn

    def put(self, key: str, doc: UploadedDocument) -> None:
        kept = [d for d in self.documents(key) if d.doc_id != doc.doc_id][-(KEEP - 1) :]
        self._store.write_state(key, {"documents": _DOCUMENTS.dump_python([*kept, doc],
                                                                          mode="json")})

    def get(self, key: str, doc_id: str) -> UploadedDocument | None:
        return next((d for d in self.documents(key) if d.doc_id == doc_id), None)


class UploadDesk:
    def __init__(
        self, shelf: UploadShelf, policy: FilePolicy, gazetteer: Callable[[], Gazetteer], *,
        max_chars: int, chat_model: ChatModel | None = None, executor: Executor | None = None,
    ) -> None:
        self.shelf, self._policy, self._gazetteer = shelf, policy, gazetteer
        self._max_chars, self._chat_model, self._executor = max_chars, chat_model, executor

    async def answer(
        self, activity: Activity, question: str, offers: list[FileOffer], language: Language
    ) -> Answer | None:
        """The answer about a file this turn brings or names; None when the turn is not one."""
        key = shelf_key(activity)
        if offers:
            doc = await self._receive(offers[0])
            self.shelf.put(key, doc)
            work = partial(first_reply, doc, question, language, self._chat_model)
        else:
            latest = self.shelf.documents(key)[-1:] if question else []
            if not latest or not is_about(question, latest[0]):
                return None
            work = partial(answer_about, latest[0], question, language, self._chat_model)
        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    async def _receive(self, offer: FileOffer) -> UploadedDocument:
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT_S)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            data = await fetch(offer, self._policy, session)
        def read() -> UploadedDocument:  # the gazetteer loads on first use, off the event loop
            return read_upload(offer.name, data, self._gazetteer(), max_chars=self._max_chars,
                               url=offer.content_url)

        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, read)
        except DocumentError as exc:
            raise FileRefused("unreadable", name=offer.name, reason=str(exc)) from exc
