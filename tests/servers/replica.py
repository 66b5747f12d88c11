"""`laeringsbot serve` and `laeringsbot index` as their own processes, on this checkout's code.

Each runs with an environment of its own (only the LAERINGSBOT_* settings a test gives) in an
empty working directory, so no developer `.env` leaks in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.servers import free_port

REPO = Path(__file__).resolve().parents[2]


def environment(settings: dict[str, str], workdir: Path) -> dict[str, str]:
    """Only these settings; the data dir is the process's own (`workdir/data`) unless given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAERINGSBOT_")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    settings = {"data_dir": str(workdir / "data"), **settings}
    return {**env, **{f"LAERINGSBOT_{k.upper()}": v for k, v in settings.items()}}


def run_cli(args: list[str], settings: dict[str, str], workdir: Path, timeout: float = 600
            ) -> subprocess.CompletedProcess[str]:  # fmt: skip
    workdir.mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=workdir, text=True,
                          env=environment(settings, workdir), capture_output=True, timeout=timeout)


class Replica:
    """One bot replica on its own port; `stop()` ends it as a container runtime would."""

    def __init__(self, name: str, settings: dict[str, str], workdir: Path) -> None:
        self.name, self.port = name, free_port()
        workdir.mkdir(parents=True, exist_ok=True)
        self.log = workdir / f"{name}.log"
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1",
                 "--port", str(self.port)],
                cwd=workdir, env=environment(settings, workdir), stdout=log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} never became ready: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
