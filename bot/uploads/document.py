"""A file from a chat as a document the read side understands: loaded by the indexer's own
loaders, personal numbers masked, its metadata read by the same rules as an indexed file, and
its chunks cut the same way, so the minutes summariser and the citations work unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from pydantic import BaseModel

from indexer.ingest.chunking import split_document
from indexer.ingest.loaders import load_bytes
from indexer.ingest.metadata import extract_metadata
from indexer.ingest.privacy import redact_document
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.text.places import Gazetteer

UPLOAD_PREFIX = "upload-"  # doc ids of uploaded documents; source links sign them per chat
CHUNK_SIZE, CHUNK_OVERLAP = 1200, 150


class UploadedDocument(BaseModel):
    """What a conversation keeps of a file: its text (capped) and what was read from it."""

    meta: DocumentMeta
    text: str
    truncated: bool = False
    received: dt.datetime

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id

    @property
    def is_minutes(self) -> bool:
        return self.meta.doc_type == DocType.REFERAT

    def chunks(self) -> list[Chunk]:
        return split_document(self.text, self.doc_id, self.meta.doc_type, CHUNK_SIZE,
                              CHUNK_OVERLAP)


def read_upload(
    name: str, data: bytes, gazetteer: Gazetteer, *, max_chars: int, url: str | None = None,
    now: dt.datetime | None = None,
) -> UploadedDocument:
    """Load, mask and describe one file; DocumentError (with a Bokmål reason) when unusable."""
    loaded, _ = redact_document(load_bytes(data, name))
    text = loaded.text
    truncated = len(text) > max_chars
    if truncated:
        text = text[:max_chars].rsplit("\n", 1)[0] or text[:max_chars]
    loaded = loaded.model_copy(update={"text": text})
    doc_id = UPLOAD_PREFIX + hashlib.sha256(data).hexdigest()[:16]
    meta = extract_metadata(loaded, doc_id, gazetteer)
    if url and url.lower().startswith("https://"):
        meta = meta.model_copy(update={"url": url})
    return UploadedDocument(meta=meta, text=text, truncated=truncated,
                            received=now or dt.datetime.now(dt.UTC))
