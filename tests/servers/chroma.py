"""A real `chroma run` server for tests: the production shape of the vector store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chroma_cli() -> str | None:
    return str(CHROMA) if CHROMA.exists() else shutil.which("chroma")


def wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"nothing listened on port {port} within {timeout} s")


class ChromaServer:
    def __init__(self, cli: str, path: Path) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [cli, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.proc)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)
