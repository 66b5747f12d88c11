"""Nothing users wrote is kept longer than the retention settings say: a pruning pass at start
and then daily (conversation state, replies and feedback after `retention_days`, draft files
after `draft_retention_days`)."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from bot.drafting.export import prune_drafts
from indexer.settings import Settings
from indexer.store.conversations import ConversationStore

log = logging.getLogger(__name__)
DAY_S = 24 * 3600.0


@dataclass
class Retention:
    conversations: ConversationStore
    data_dir: Path
    keep_s: float
    drafts_keep_s: float
    interval_s: float = DAY_S

    @classmethod
    def from_settings(cls, settings: Settings, conversations: ConversationStore,
                      interval_s: float = DAY_S) -> Retention:
        return cls(conversations, settings.data_dir, settings.retention_days * DAY_S,
                   settings.draft_retention_days * DAY_S, interval_s)

    def prune_once(self, now: float | None = None) -> tuple[int, int]:
        """Rows and draft files removed."""
        now = time.time() if now is None else now
        rows = self.conversations.prune(now - self.keep_s)
        drafts = prune_drafts(self.data_dir, self.drafts_keep_s)
        if rows or drafts:
            log.info("oppbevaringstid: slettet %d rader og %d utkast", rows, drafts)
        return rows, drafts

    async def run(self) -> None:
        """Prune now, then every `interval_s`, until cancelled (at shutdown)."""
        while True:
            try:
                await asyncio.to_thread(self.prune_once)
            except Exception:
                log.exception("the pruning pass failed; it runs again in %.0f s", self.interval_s)
            await asyncio.sleep(self.interval_s)
