"""Which files an index run reads: every file under the given roots, and nothing outside them.

One bad path never stops a run: a name that is not valid UTF-8 (it could not be stored or shown)
and a link to a file outside the indexed roots (it could expose, say, a password file) are
reported and skipped. A link to a file inside the roots is skipped silently: the file itself is
indexed where it lies, once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from indexer.models import FileError

SKIPPED_NAMES = frozenset({"readme.md", "readme.txt"})  # a folder's note about itself


class Root(NamedTuple):
    path: Path
    files: list[Path]  # indexable, sorted
    rejected: list[FileError]  # reported, never read


def discover(paths: Iterable[Path]) -> list[Root]:
    """Each root with the indexable files under it (hidden files and README notes left out)."""
    roots = [Path(os.path.realpath(raw)) for raw in paths]
    found: list[Root] = []
    for root in roots:
        if not root.is_dir():
            bad = safe_name(root) != str(root)
            found.append(Root(root, [] if bad else [root], [_undecodable(root)] if bad else []))
            continue
        files: list[Path] = []
        rejected: list[FileError] = []
        for folder, dirs, names in os.walk(root):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if _keep(here / d, root, roots, rejected, folder=True))
            files += [here / n for n in names if _keep(here / n, root, roots, rejected)]
        found.append(Root(root, sorted(files), rejected))
    return found


def safe_name(path: Path | str) -> str:
    """A path as text that can be stored and printed: undecodable bytes become «�»."""
    return os.fsencode(path).decode("utf-8", "replace")


def _keep(path: Path, root: Path, roots: list[Path], rejected: list[FileError],
          folder: bool = False) -> bool:  # fmt: skip
    relative = path.relative_to(root)
    if any(part.startswith((".", "~$")) for part in relative.parts):
        return False
    if not folder and path.name.lower() in SKIPPED_NAMES:
        return False
    if safe_name(path.name) != path.name:
        rejected.append(_undecodable(path))
        return False
    if not path.is_symlink():
        return folder or path.is_file()
    target = Path(os.path.realpath(path))
    if not any(target.is_relative_to(r) for r in roots):
        rejected.append(FileError(path=str(path),
                                  reason="lenker til noe utenfor mappene som indekseres"))
    return False  # a link inside the roots: its target is indexed where it lies


def _undecodable(path: Path) -> FileError:
    return FileError(path=safe_name(path), reason="navnet er ikke gyldig UTF-8")
