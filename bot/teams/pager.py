"""The pages of a long answer that wait for «Vis flere», one queue per conversation.

Kept in the conversation store (like the history), so a restart loses no page; a new answer
replaces the queue, so «Vis flere» always goes on with the latest answer.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from botbuilder.schema import Activity

from bot.core.models import Language
from bot.teams.storage import StateStore

Message = dict[str, Any]


class Waiting(NamedTuple):
    page: Message
    number: int  # 1-based, of `total`
    total: int
    language: Language


def conversation_key(activity: Activity, area: str) -> str:
    conversation = activity.conversation.id if activity.conversation else ""
    return f"{area}/{activity.channel_id}/{conversation}"


class PageQueue:
    def __init__(self, store: StateStore) -> None:
        self._store = store

    def hold(self, activity: Activity, pages: list[Message], total: int,
             language: Language) -> None:
        """Keep `pages`, the last of an answer of `total` pages, for «Vis flere»."""
        key = conversation_key(activity, "pages")
        if pages:
            self._store.write_state(key, {"pages": pages, "total": total, "language": language})
        elif self._store.read_state(key) is not None:
            self._store.delete_state(key)

    def next(self, activity: Activity) -> Waiting | None:
        """The next waiting page, taken off the queue; None when there is none."""
        stored = self._store.read_state(conversation_key(activity, "pages"))
        value = stored[0] if stored else {}
        pages, total = list(value.get("pages") or []), int(value.get("total") or 0)
        if not pages:
            return None
        language = value.get("language", "nb")
        self.hold(activity, pages[1:], total, language)
        return Waiting(pages[0], total - len(pages) + 1, total, language)
