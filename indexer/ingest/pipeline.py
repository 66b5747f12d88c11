"""index(paths): walk → hash → load → redact → enrich → chunk → embed → store, then report.

Re-runnable by design: unchanged files are skipped by content hash, changed files replace their
old chunks, vanished files are removed, and a run killed half-way is repaired by the next one.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from indexer.errors import DocumentError
from indexer.ingest.access import FolderAccess, new_access, with_access
from indexer.ingest.chunking import embedding_text, split_document
from indexer.ingest.enrichers import Enricher, enrichments, removals
from indexer.ingest.loaders import SUPPORTED_SUFFIXES, load_document
from indexer.ingest.metadata import extract_metadata
from indexer.ingest.privacy import redact_personal_numbers
from indexer.models import FileError, IndexReport
from indexer.store.knowledge import KnowledgeStore
from indexer.text.places import Gazetteer

if TYPE_CHECKING:  # the embedding stack (LangChain, numpy) loads when a model is built
    from indexer.embeddings import VectorEmbeddings

# Part of every content hash: raise it when what indexing extracts changes, so unchanged files
# are read again (2: catalogue themes from what a project is about, spent amounts; 3: documents
# keep their front-matter url; 4: answer units, label values joined, embedded at index time;
# 5: access lists and confidentiality markings).
PIPELINE_VERSION = "5"
SKIPPED_NAMES = frozenset({"readme.md", "readme.txt"})  # a folder's note about itself

FileStatus = Literal["indexed", "unchanged", "error", "removed"]
ProgressCallback = Callable[[str, FileStatus], None]


@dataclass
class IndexDeps:
    store: KnowledgeStore
    embedder_factory: Callable[[], VectorEmbeddings]  # lazy: no model load when nothing changed
    gazetteer: Gazetteer
    open_vectors: Callable[[], object]  # attaches Chroma lazily, returns the VectorIndex
    signature: str
    chunk_size: int = 1200
    chunk_overlap: int = 150
    enrichers: list[Enricher] = field(default_factory=list)  # the catalogue, and the like
    _embedder: VectorEmbeddings | None = None

    def embedder(self) -> VectorEmbeddings:
        if self._embedder is None:
            self._embedder = self.embedder_factory()
        return self._embedder


def discover(paths: Iterable[Path]) -> list[tuple[Path, list[Path]]]:
    """Each root with the indexable files under it (hidden files and README notes left out)."""
    roots: list[tuple[Path, list[Path]]] = []
    for raw in paths:
        root = raw.resolve()
        if root.is_dir():
            files = sorted(
                p for p in root.rglob("*")
                if p.is_file() and not _hidden(p.relative_to(root))
                and p.name.lower() not in SKIPPED_NAMES
            )
        else:
            files = [root]
        roots.append((root, files))
    return roots


def index_paths(
    paths: Iterable[Path], deps: IndexDeps, progress: ProgressCallback | None = None
) -> IndexReport:
    started = time.perf_counter()
    report = IndexReport()
    store = deps.store
    notify = progress or (lambda _path, _status: None)
    _prepare(deps)
    for root, files in discover(paths):
        if not root.exists():
            report.errors.append(FileError(path=str(root), reason="finnes ikke"))
            continue
        known = store.document_hashes(str(root))
        scopes = FolderAccess(root)
        seen: set[str] = set()
        for path in files:
            report.files_seen += 1
            doc_id = document_id(path)
            seen.add(doc_id)
            status = _index_file(path, root, doc_id, known.get(doc_id), deps, report,
                                 scopes.of(path))
            notify(_display(path), status)
        report.errors += [FileError(path=_display(Path(p)), reason=r) for p, r in scopes.problems]
        if root.is_dir():
            for doc_id in sorted(set(known) - seen):
                _ensure_vectors(deps)
                store.remove_document(doc_id, removals(deps.enrichers, doc_id))
                report.removed += 1
                notify(doc_id, "removed")
    store.refresh_lexical()
    store.mark_indexed_now()
    report.seconds = time.perf_counter() - started
    return report


def document_id(path: Path) -> str:
    """Stable identity of a file: its resolved path (content changes keep the id)."""
    return hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


def content_hash(data: bytes, deps: IndexDeps) -> str:
    """Content plus everything that shapes its chunks, so a settings change re-indexes."""
    digest = hashlib.sha256(data)
    digest.update(f"|{PIPELINE_VERSION}|{deps.chunk_size}|{deps.chunk_overlap}".encode())
    return digest.hexdigest()


def _index_file(
    path: Path, root: Path, doc_id: str, known: tuple[str, str] | None, deps: IndexDeps,
    report: IndexReport, folder_access: tuple[str, ...] | None = None,
) -> FileStatus:
    display = _display(path)
    try:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise DocumentError(f"filtypen {path.suffix or '(ingen)'} støttes ikke")
        data = path.read_bytes()
    except (OSError, DocumentError) as exc:
        report.errors.append(FileError(path=display, reason=_reason(exc)))
        return "error"
    digest = content_hash(data, deps)
    if known is not None and known == (digest, "done"):
        _refresh_access(doc_id, folder_access, deps)
        report.skipped_unchanged += 1
        return "unchanged"
    try:
        loaded = load_document(path, display_path=display)
    except DocumentError as exc:
        report.errors.append(FileError(path=display, reason=str(exc)))
        return "error"
    text, redactions = redact_personal_numbers(loaded.text)
    front_matter = {}
    for key, value in loaded.front_matter.items():
        front_matter[key], found = redact_personal_numbers(value)
        redactions += found
    loaded = loaded.model_copy(update={"text": text, "front_matter": front_matter})
    if redactions:
        report.redactions[loaded.source] = redactions
    meta = with_access(extract_metadata(loaded, doc_id, deps.gazetteer), loaded.front_matter,
                       text, folder_access)
    chunks = split_document(text, doc_id, meta.doc_type, deps.chunk_size, deps.chunk_overlap)
    if not chunks:
        report.errors.append(FileError(path=display, reason="ingen tekst å indeksere"))
        return "error"
    _ensure_vectors(deps)
    t0 = time.perf_counter()
    vectors = deps.embedder().embed_passages([embedding_text(c, meta.title) for c in chunks])
    report.embed_seconds += time.perf_counter() - t0
    writers = enrichments(deps.enrichers, loaded, meta, chunks)
    deps.store.replace_document(meta, str(root), digest, chunks, vectors, redactions, writers)
    report.files_indexed += 1
    report.chunks_written += len(chunks)
    return "indexed"


def _refresh_access(doc_id: str, folder_access: tuple[str, ...] | None, deps: IndexDeps) -> None:
    """A scope file changed, the document did not: write the new access list, nothing else."""
    meta = deps.store.document(doc_id)
    access = new_access(meta, folder_access) if meta is not None else None
    if access is not None:
        _ensure_vectors(deps)
        deps.store.set_access(doc_id, access)


def _prepare(deps: IndexDeps) -> None:
    """Repair a killed run and honour a model change before looking at any file."""
    store = deps.store
    if store.signature() != deps.signature or store.unfinished():
        _ensure_vectors(deps)
        store.reset_if_signature_changed(deps.signature)
        store.recover(lambda doc_id: removals(deps.enrichers, doc_id))


def _ensure_vectors(deps: IndexDeps) -> None:
    if not deps.store.has_vectors:
        deps.store.attach_vectors(deps.open_vectors())  # type: ignore[arg-type]


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _reason(exc: Exception) -> str:
    if isinstance(exc, PermissionError):
        return "mangler lesetilgang"
    if isinstance(exc, OSError):
        return f"kan ikke leses ({exc.strerror or exc})"
    return str(exc)
