"""A real `chroma run` server for tests: the production shape of the vector store."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.servers import HOST

CHROMA = Path(sys.executable).parent / "chroma"


def chroma_command(path: Path, port: int) -> list[str] | None:
    """The command that serves `path` on `port`, or None where the chroma CLI is missing."""
    cli = str(CHROMA) if CHROMA.exists() else shutil.which("chroma")
    if cli is None:
        return None
    return [cli, "run", "--path", str(path), "--host", HOST, "--port", str(port)]
