"""The pages of a long answer that wait for «Vis flere», one queue per conversation.

Kept in the conversation store (like the history), so a restart loses no page; a new answer
replaces the queue, so «Vis flere» always goes on with the latest answer.
"""

from __future__ import annotations

from typing import Any

from botbuilder.schema import Activity

from bot.teams.storage import StateStore

Message = dict[str, Any]


def conversation_key(activity: Activity, area: str) -> str:
    conversation = activity.conversation.id if activity.conversation else ""
    return f"{area}/{activity.channel_id}/{conversation}"


class PageQueue:
    def __init__(self, store: StateStore) -> None:
        self._store = store

    def hold(self, activity: Activity, pages: list[Message]) -> None:
        key = conversation_key(activity, "pages")
        if pages:
            self._store.write_state(key, {"pages": pages})
        elif self._store.read_state(key) is not None:
            self._store.delete_state(key)

    def next(self, activity: Activity) -> Message | None:
        """The next waiting page, taken off the queue; None when there is none."""
        stored = self._store.read_state(conversation_key(activity, "pages"))
        pages = list(stored[0].get("pages") or []) if stored else []
        if not pages:
            return None
        self.hold(activity, pages[1:])
        return pages[0]
