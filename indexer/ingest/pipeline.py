"""index(paths): walk → hash → load → redact → enrich → chunk → embed → store, then report.

Re-runnable by design: unchanged files are skipped by content hash, changed files replace their
old chunks (re-embedding only the chunks whose text changed), vanished files are removed, a run
killed half-way is repaired by the next one, and so is a vector store that lost documents.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from indexer.errors import DocumentError
from indexer.ingest.access import FolderAccess, new_access, with_access
from indexer.ingest.chunking import embedding_text, split_document
from indexer.ingest.discovery import discover, safe_name
from indexer.ingest.embedding import embed_texts
from indexer.ingest.enrichers import Enricher, enrichments, removals
from indexer.ingest.loaders import SUPPORTED_SUFFIXES, load_bytes
from indexer.ingest.metadata import extract_metadata
from indexer.ingest.privacy import redact_document, redact_personal_numbers
from indexer.models import DocumentMeta, FileError, IndexReport
from indexer.store.knowledge import KnowledgeStore
from indexer.text.places import Gazetteer

if TYPE_CHECKING:  # the embedding stack (LangChain, numpy) loads when a model is built
    from indexer.embeddings import VectorEmbeddings

# Part of every content hash: raise it when what indexing extracts changes, so unchanged files
# are read again (2: catalogue themes from what a project is about, spent amounts; 3: documents
# keep their front-matter url; 4: answer units, label values joined, embedded at index time;
# 5: meeting records — agenda items, decisions, participants and roles — read from each referat;
# 6: access lists and confidentiality markings; 7: PDF lines wrapped at the page edge joined;
# 8: an office with a hyphen in its name keeps its people in the attendance; 9: a final
# report's amounts win over the plan's when a project's documents are merged;
# 10: inspection reports («tilsynsrapport», «Rapport frå tilsyn med …») are a document type,
# a table of every county governor names no county of the document, and «Statsforvalteren i
# Oslo og Viken» names no municipality, and both its counties; «jf. fvl. § 17» and «§ 2-1.»
# split sentences where they end); 11: answer units: a line left open above a list leads it
# in, a list ends where its marker kind changes, items lose their trailing commas (the stored
# unit vectors are keyed by the unit's text); 17: a document dated only by its year
# («date: "2021"», a file «2021_…») keeps that year; 19: dates typed as «24/10-19» are dates;
# 20: substance abuse («rus») is a theme of its own, no longer violence's «abuse»; 21: a period
# line's end is its own second day, not a third one it names («forlenget fra 31. desember 2020»).
# 22: every document keeps the people it names, for «Hvem går igjen i flere dokumenter?»;
# 23: a project's period is its final report's where it has one (extended past the plan's).
# 24: every document keeps who issued it (front matter `publisher:`), shown beside its title.
# 25: a project keeps its leader (the «Prosjektleder:» line), a document the language it is in.
PIPELINE_VERSION = "25"

FileStatus = Literal["indexed", "unchanged", "error", "removed"]
ProgressCallback = Callable[[str, FileStatus], None]
ChunkProgress = Callable[[str, int, int], None]  # file, chunks embedded so far, chunks to embed


@dataclass
class IndexDeps:
    store: KnowledgeStore
    embedder_factory: Callable[[], VectorEmbeddings]  # lazy: no model load when nothing changed
    gazetteer: Gazetteer
    open_vectors: Callable[[], object]  # opens Chroma (every run checks it), the VectorIndex
    signature: str
    chunk_size: int = 1200
    chunk_overlap: int = 150
    enrichers: list[Enricher] = field(default_factory=list)  # the catalogue, and the like
    max_file_bytes: int = 20 * 1024 * 1024  # LAERINGSBOT_MAX_FILE_MB
    embed_batch: int = 64  # chunks per embedding call: progress inside a large file
    _embedder: VectorEmbeddings | None = None

    def embedder(self) -> VectorEmbeddings:
        if self._embedder is None:
            self._embedder = self.embedder_factory()
        return self._embedder


def index_paths(
    paths: Iterable[Path], deps: IndexDeps, progress: ProgressCallback | None = None,
    on_chunks: ChunkProgress | None = None,
) -> IndexReport:
    """Index every file under `paths`; one index run per data dir at a time (IndexLocked)."""
    started = time.perf_counter()
    report = IndexReport()
    store = deps.store
    notify = progress or (lambda _path, _status: None)
    with store.writing():
        _prepare(deps)
        gaps = _vector_gaps(deps)
        for root, files, rejected in discover(paths):
            report.errors += rejected
            if not root.exists():
                report.errors.append(FileError(path=str(root), reason="finnes ikke"))
                continue
            known = store.document_hashes(str(root))
            scopes = FolderAccess(root)
            committed = cache(lambda: {m.doc_id: m for m in store.documents()})  # once a root
            seen: set[str] = set()
            for path in files:
                report.files_seen += 1
                doc_id = document_id(path)
                seen.add(doc_id)
                previous = None if doc_id in gaps else known.get(doc_id)
                status = _index_file(path, root, doc_id, previous, deps, report, on_chunks,
                                     scopes.of(path), committed)
                if doc_id in gaps and status == "indexed":
                    report.vectors_repaired += 1
                notify(_display(path), status)
            report.errors += [FileError(path=_display(Path(p)), reason=r)
                              for p, r in scopes.problems]
            if root.is_dir():
                for doc_id in sorted(set(known) - seen):
                    store.remove_document(doc_id, removals(deps.enrichers, doc_id))
                    report.removed += 1
                    notify(doc_id, "removed")
        store.refresh_lexical()
        store.mark_indexed_now()
    report.seconds = time.perf_counter() - started
    return report


def document_id(path: Path) -> str:
    """Stable identity of a file: its resolved path (content changes keep the id)."""
    return hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:16]


def content_hash(data: bytes, deps: IndexDeps) -> str:
    """Content plus everything that shapes its chunks, so a settings change re-indexes."""
    digest = hashlib.sha256(data)
    digest.update(f"|{PIPELINE_VERSION}|{deps.chunk_size}|{deps.chunk_overlap}".encode())
    return digest.hexdigest()


def _index_file(
    path: Path, root: Path, doc_id: str, known: tuple[str, str] | None, deps: IndexDeps,
    report: IndexReport, on_chunks: ChunkProgress | None = None,
    folder_access: tuple[str, ...] | None = None,
    committed: Callable[[], dict[str, DocumentMeta]] = dict,  # the ledger's, read lazily
) -> FileStatus:
    display = _display(path)
    try:
        data = _read(path, deps.max_file_bytes)
    except (OSError, DocumentError) as exc:
        report.errors.append(FileError(path=display, reason=_reason(exc)))
        return "error"
    digest = content_hash(data, deps)
    if known is not None and known == (digest, "done"):
        _refresh_access(doc_id, folder_access, committed().get(doc_id), deps)
        report.skipped_unchanged += 1
        return "unchanged"
    try:
        loaded = load_bytes(data, path.name, display)
    except DocumentError as exc:
        report.errors.append(FileError(path=display, reason=str(exc)))
        return "error"
    loaded, redactions = redact_document(loaded)
    if redactions:
        report.redactions[loaded.source] = redactions
    meta = with_access(extract_metadata(loaded, doc_id, deps.gazetteer), loaded.front_matter,
                       loaded.text, folder_access)
    chunks = split_document(loaded.text, doc_id, meta.doc_type, deps.chunk_size,
                            deps.chunk_overlap)
    if not chunks:
        report.errors.append(FileError(path=display, reason="ingen tekst å indeksere"))
        return "error"
    t0 = time.perf_counter()
    texts = [embedding_text(c, meta.title) for c in chunks]
    stored = deps.store.stored_vectors(doc_id) if known is not None else {}
    shown = (lambda done, total: on_chunks(display, done, total)) if on_chunks else None
    embedded = embed_texts(texts, stored, deps.embedder, deps.embed_batch, shown)
    report.embed_seconds += time.perf_counter() - t0
    report.chunks_embedded += embedded.fresh
    writers = enrichments(deps.enrichers, loaded, meta, chunks)
    deps.store.replace_document(meta, str(root), digest, chunks, embedded.vectors, redactions,
                                writers)
    report.files_indexed += 1
    report.chunks_written += len(chunks)
    return "indexed"


def _refresh_access(doc_id: str, folder_access: tuple[str, ...] | None,
                    meta: DocumentMeta | None, deps: IndexDeps) -> None:  # fmt: skip
    """A scope file changed, the document did not: write the new access list, nothing else."""
    access = new_access(meta, folder_access) if meta is not None else None
    if access is not None:
        deps.store.set_access(doc_id, access)


def _read(path: Path, max_bytes: int) -> bytes:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"filtypen {path.suffix or '(ingen)'} støttes ikke")
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentError(
            f"for stor ({_megabytes(size)} MB; grensen er {_megabytes(max_bytes)} MB, "
            "LAERINGSBOT_MAX_FILE_MB)"
        )
    return path.read_bytes()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")


def _prepare(deps: IndexDeps) -> None:
    """Repair a killed run and honour a model change before looking at any file."""
    store = deps.store
    if not store.has_vectors:
        store.attach_vectors(deps.open_vectors())  # type: ignore[arg-type]
    store.reset_if_signature_changed(deps.signature)
    store.recover(lambda doc_id: removals(deps.enrichers, doc_id))


def _vector_gaps(deps: IndexDeps) -> set[str]:
    """Documents whose vectors are missing (a Chroma that came back empty): indexed again."""
    return set(deps.store.check_vectors())


def _display(path: Path) -> str:
    """How a file is shown and stored: relative where possible, never a personal number."""
    try:
        shown = str(path.relative_to(Path.cwd()))
    except ValueError:
        shown = str(path)
    return redact_personal_numbers(safe_name(shown))[0]


def _reason(exc: Exception) -> str:
    if isinstance(exc, PermissionError):
        return "mangler lesetilgang"
    if isinstance(exc, OSError):
        return f"kan ikke leses ({exc.strerror or exc})"
    return str(exc)
