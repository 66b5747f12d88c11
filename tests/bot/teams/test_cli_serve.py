"""`laeringsbot serve` refuses an unsafe setup before it loads anything."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from bot.cli.serve_cmd import register


def test_serve_without_app_id_refuses_a_public_address(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.delenv("LAERINGSBOT_APP_ID", raising=False)
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "uten autentisering" in result.output and "127.0.0.1" in result.output
