"""`serve` with a fake core, for tests that need a real serving process (signals, exit time).

    python -m tests.bot.teams.serve_fake DATA_DIR PORT

A question with «sakte» takes the core a second; one with «henger» never finishes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.cli.serve_cmd import configure_logging, quiet_openmp
from bot.core.models import Answer, ChatTurn
from bot.teams.server import serve
from indexer.settings import Settings
from tests.bot.teams.fakes import FakeCore


class TimedCore(FakeCore):
    def answer(self, question: str, history: list[ChatTurn] | None = None) -> Answer:
        time.sleep(1.0 if "sakte" in question else 3600.0 if "henger" in question else 0.0)
        return super().answer(question, history)


if __name__ == "__main__":
    configure_logging()
    quiet_openmp()
    settings = Settings(data_dir=Path(sys.argv[1]), port=int(sys.argv[2]), _env_file=None)  # type: ignore[call-arg]
    serve(settings, TimedCore())
