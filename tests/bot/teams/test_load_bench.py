"""bench/bot_load.py's burst: every turn acknowledged (after 503s that were asked for), none
lost, none answered twice, no other 5xx."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_a_burst_past_the_bound_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    out = tmp_path / "burst.json"
    env = {**os.environ, "PYTHONPATH": str(REPO), "LAERINGSBOT_MAX_PENDING_TURNS": "10"}
    subprocess.run([sys.executable, "bench/bot_load.py", "--burst", "60", "--core-delay", "0.05",
                    "--json", str(out)], cwd=REPO, env=env, check=True, timeout=600,
                   capture_output=True)
    figures = json.loads(out.read_text())
    assert figures["acknowledged"] == 60 and figures["busy_503"] > 0
    assert figures["other_5xx"] == figures["replies_lost"] == figures["duplicate_replies"] == 0
