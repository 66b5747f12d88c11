"""GET /kilder/{token}: a cited document as a simple web page, the cited passage marked.

The token (bot.teams.source_links) is checked before anything is read. The document's text is
rebuilt from its stored chunks – the masked text the bot answers from, never the file on disk –
and an uploaded document is read from the conversation that holds it. Everything from the
document is HTML-escaped; the page loads nothing and runs no script. A restricted document
opens only while its link's scope still covers it, and only for the user the link was made for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Protocol

from aiohttp import web

from bot.core.signing import LinkRefused
from bot.i18n import format_date, t
from bot.teams.html import html_page
from bot.teams.proof import UserProof, code_page, redeem
from bot.teams.source_links import ANCHOR, SourceRef, SourceSigner
from bot.teams.uploads import UploadShelf
from indexer.access import PUBLIC, GroupDirectory
from indexer.minutes.text import rebuild_text
from indexer.models import Chunk, DocumentMeta
from indexer.store.visible import KnowledgeReader

_OPEN, _CLOSE = "\x00", "\x01"  # where the mark starts and ends, before escaping
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^\s*[-*•]\s+")
_BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")


@dataclass(frozen=True)
class SourceDocument:
    meta: DocumentMeta
    text: str
    chunks: list[Chunk]


class DocumentLibrary(Protocol):
    def document(self, doc_id: str) -> SourceDocument | None: ...


class StoreLibrary:
    """The knowledge base's documents, as the bot answers from them."""

    def __init__(self, store: KnowledgeReader) -> None:
        self._store = store

    def document(self, doc_id: str) -> SourceDocument | None:
        meta = next((m for m in self._store.documents() if m.doc_id == doc_id), None)
        if meta is None:
            return None
        chunks = sorted(self._store.document_chunks(doc_id), key=lambda c: (c.start, c.end))
        return SourceDocument(meta, rebuild_text(chunks), chunks)


def source_routes(
    signer: SourceSigner, library: DocumentLibrary | None, shelf: UploadShelf,
    proof: UserProof | None = None, groups: GroupDirectory | None = None,
) -> list[web.RouteDef]:
    """GET opens a link; POST takes the code a restricted document asks for (bot.teams.proof).
    A document the link's scope no longer covers is «gone», exactly like a deleted one."""

    def verified(request: web.Request) -> SourceRef | web.Response:
        try:
            return signer.verify(request.match_info["token"])
        except LinkRefused as exc:
            refused = t(f"teams.view.{exc.reason}", "nb")
            return html_page(refused, f"<p>{escape(refused)}</p>", 410 if exc.expired else 403)

    async def view(request: web.Request) -> web.Response:
        ref = verified(request)
        if isinstance(ref, web.Response):
            return ref
        found = _find(ref, library, shelf)
        shared = ref.conversation is not None  # an upload: its conversation is its scope
        if found is None or not (shared or ref.may_see(found.meta.access)):
            gone = t("teams.view.gone", "nb")
            return html_page(gone, f"<p>{escape(gone)}</p>", 404)
        if not shared and PUBLIC not in found.meta.access:
            refused = _unproven(request, ref, found.meta, proof, groups)
            if refused is not None:
                return refused
        return html_page(found.meta.title, render_document(found, ref))

    async def code(request: web.Request) -> web.Response:
        ref = verified(request)
        if isinstance(ref, web.Response):
            return ref
        if proof is None:
            return code_page(403, "teams.proof.wrong")
        return await redeem(request, proof, ref.user, groups)

    return [web.get("/kilder/{token}", view), web.post("/kilder/{token}", code)]


def _unproven(request: web.Request, ref: SourceRef, meta: DocumentMeta, proof: UserProof | None,
              groups: GroupDirectory | None) -> web.Response | None:  # fmt: skip
    """None when this browser has proven to be the link's user (or someone the group map lets
    see the document); else the code form."""
    holder = proof.holder(request) if proof is not None else None
    if holder is None:
        return code_page()
    if holder == ref.user or (groups is not None and groups.holder(holder).may_see(meta.access)):
        return None
    return code_page(403, "teams.proof.other")


def _find(ref: SourceRef, library: DocumentLibrary | None, shelf: UploadShelf
          ) -> SourceDocument | None:
    if ref.conversation:
        doc = shelf.get(ref.conversation, ref.doc_id)
        return SourceDocument(doc.meta, doc.text, doc.chunks()) if doc else None
    return library.document(ref.doc_id) if library else None


def render_document(doc: SourceDocument, ref: SourceRef) -> str:
    """The page body: title, what the document is, and its text with the passage marked."""
    meta = doc.meta
    about = [meta.doc_type.value] + ([format_date(meta.date, "nb")] if meta.date else [])
    if meta.url:
        about.append(f'<a href="{escape(meta.url)}">{escape(t("teams.view.original", "nb"))}</a>')
    header = (f"<header><h1>{escape(meta.title)}</h1>"
              f"<p class=\"meta\">{' · '.join(about)}</p></header>")
    span = locate(doc, ref)
    text = doc.text if span is None else (
        doc.text[: span[0]] + _OPEN + doc.text[span[0] : span[1]] + _CLOSE + doc.text[span[1] :])
    return header + "<main>" + _html(text) + "</main>"


def locate(doc: SourceDocument, ref: SourceRef) -> tuple[int, int] | None:
    """Where the cited snippet is: inside its chunk when that is known, else anywhere."""
    chunk = next((c for c in doc.chunks if c.chunk_id == ref.chunk_id), None)
    words = ref.snippet.replace("…", " ").split()[:80]
    if words:
        pattern = re.compile(r"[\s*_]+".join(re.escape(w) for w in words))
        lo, hi = (chunk.start, chunk.end) if chunk else (0, len(doc.text))
        found = pattern.search(doc.text, lo, hi) or pattern.search(doc.text)
        if found:
            return found.start(), found.end()
    return (chunk.start, chunk.end) if chunk else None


def _html(text: str) -> str:
    """Headings and paragraphs, escaped; the mark is closed and reopened at every line end."""
    out, inside, first = [], False, True
    for line in text.split("\n"):
        if not line.strip(_OPEN + _CLOSE + " \t"):  # a blank line may still open or close it
            inside = (inside or _OPEN in line) and _CLOSE not in line
            continue
        rest = line.lstrip(_OPEN + _CLOSE)
        lead = line[: len(line) - len(rest)]  # a mark that opens (or closes) right here
        heading = _HEADING.match(rest)
        body = _inline(lead + (heading.group(2) if heading else _ITEM.sub("• ", rest)))
        if inside:
            body, first = (f'<mark id="{ANCHOR}">' if first else "<mark>") + body, False
        if _OPEN in body:
            tag = f'<mark id="{ANCHOR}">' if first else "<mark>"
            body, first, inside = body.replace(_OPEN, tag), False, True
        if _CLOSE in body:
            body, inside = body.replace(_CLOSE, "</mark>"), False
        elif inside:
            body += "</mark>"
        tag = f"h{min(len(heading.group(1)) + 1, 6)}" if heading else "p"
        out.append(f"<{tag}>{body}</{tag}>")
    return "\n".join(out)


def _inline(text: str) -> str:
    """Escaped, with the documents' own **bold** kept as bold."""
    return _BOLD.sub(r"<strong>\1</strong>", escape(text))
