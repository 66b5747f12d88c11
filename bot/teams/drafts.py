"""A draft's .docx where every replica can serve it.

The core writes the file beside itself (`bot.drafting.export`); before the answer with its
download link goes out, the face copies it into the conversation store, which replicas share
(LAERINGSBOT_DATABASE_URL). A download then works on whichever replica the link reaches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from bot.core.models import Answer
from bot.core.payloads import DraftPayload
from bot.drafting.export import download_name
from indexer.store.conversations import StoredDraft


class DraftFiles(Protocol):
    def put_draft(self, draft_id: str, file_name: str, content: bytes) -> None: ...
    def draft(self, draft_id: str) -> StoredDraft | None: ...
    def prune_drafts(self, max_age_s: float) -> int: ...


def publish(answer: Answer, store: DraftFiles) -> bool:
    """Keep the answer's draft in the shared store; True when there was one to keep."""
    payload = answer.payload
    if not isinstance(payload, DraftPayload) or not payload.docx_path:
        return False
    path = Path(payload.docx_path)
    if not path.is_file():
        return False
    store.put_draft(payload.draft_id, download_name(path), path.read_bytes())
    return True  # the retention pass (bot.teams.retention) removes it when its time is up
