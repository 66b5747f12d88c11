"""`laeringsbot ask` with bytes that are not UTF-8 answers; it never prints a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.slow  # the real model, in a process of its own
def test_ask_with_a_byte_that_is_not_utf8_answers_without_a_traceback(real_core) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(real_core.ctx.settings.data_dir).encode()
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", b"x\xff", "--json", "--data-dir", data_dir],
        cwd=REPO, capture_output=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"},
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")[-2000:]
    assert result.returncode == 0
    assert json.loads(result.stdout)["question"] == "x\ufffd"
