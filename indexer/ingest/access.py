"""A document's access list at index time: its own front matter (`access: [...]`), else the
nearest `.access.yaml` in its folder or above (inside the indexed root), else – when the text
is marked «KONFIDENSIELT» or «unntatt offentlighet» – nobody, else public.

A marking is read only where markings stand: a short line near the top or the very end, or a
front matter value (`gradering: Unntatt offentlighet`). A guideline that *talks about* what is
exempt from public access mid-text is not marked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from indexer.access import NOBODY, PUBLIC, parse_access
from indexer.models import DocumentMeta

ACCESS_FILE = ".access.yaml"
_MARKING = re.compile(
    r"^[\W_]*(?:strengt\s+)?(?:konfidensiel\w*|fortrolig\w*|unntatt\s+(?:fra\s+)?offentlighet\w*"
    r"|u\.\s?off\.?)(?=\W|$)",
    re.IGNORECASE,
)
_HEAD_LINES, _TAIL_LINES, _SHORT = 15, 3, 160


def is_marked(text: str, front_matter: Mapping[str, str] | None = None) -> bool:
    """Whether the document carries a confidentiality marking where markings are written."""
    if any(_MARKING.match(value.strip()) for value in (front_matter or {}).values()):
        return True
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    near = lines[:_HEAD_LINES] + lines[-_TAIL_LINES:]
    return any(len(line) <= _SHORT and _MARKING.match(line) for line in near)


def resolve(declared: tuple[str, ...] | None, folder: tuple[str, ...] | None,
            marked: bool) -> tuple[str, ...]:  # fmt: skip
    """The effective access list: an explicit list wins; a marked document without one is
    visible to nobody; everything else is public."""
    if declared is not None:
        return declared
    if folder is not None:
        return folder
    return NOBODY if marked else (PUBLIC,)


def declared_access(front_matter: Mapping[str, str]) -> tuple[str, ...] | None:
    front = {key.strip().casefold(): value for key, value in front_matter.items()}
    return parse_access(front.get("access", front.get("tilgang")))


class FolderAccess:
    """`.access.yaml` files under one indexed root, each read once per run; a file inherits the
    nearest one in its folder or above."""

    def __init__(self, root: Path) -> None:
        self._root = root if root.is_dir() else root.parent
        self._found: dict[Path, tuple[str, ...] | None] = {}
        self.problems: list[tuple[str, str]] = []  # (file, reason) of unreadable scope files

    def of(self, path: Path) -> tuple[str, ...] | None:
        folder = path.parent
        while True:
            if folder not in self._found:
                self._found[folder] = self._read(folder / ACCESS_FILE)
            if self._found[folder] is not None or folder == self._root:
                return self._found[folder]
            if self._root not in folder.parents:
                return None
            folder = folder.parent

    def _read(self, path: Path) -> tuple[str, ...] | None:
        if not path.is_file():
            return None
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            # a broken scope file must never make its folder public: it restricts to nobody
            self.problems.append((str(path), f"kan ikke leses ({type(exc).__name__})"))
            return NOBODY
        listed = data.get("access", data.get("tilgang")) if isinstance(data, dict) else data
        access = parse_access(listed)
        return NOBODY if access is None else access


def with_access(meta: DocumentMeta, front_matter: Mapping[str, str], text: str,
                folder: tuple[str, ...] | None) -> DocumentMeta:  # fmt: skip
    """The document's meta with its access list, declaration and marking filled in."""
    declared, marked = declared_access(front_matter), is_marked(text, front_matter)
    return meta.model_copy(update={
        "access": list(resolve(declared, folder, marked)),
        "declared_access": None if declared is None else list(declared),
        "marked": marked,
    })  # fmt: skip


def new_access(meta: DocumentMeta, folder: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """An unchanged file's access list when its folder's scope file changed it, else None."""
    declared = None if meta.declared_access is None else tuple(meta.declared_access)
    access = resolve(declared, folder, meta.marked)
    return None if sorted(access) == sorted(meta.access) else access
