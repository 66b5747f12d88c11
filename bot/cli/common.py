"""What every command needs: settings from flags/env, and errors shown without a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from indexer.errors import LaeringsbotError
from indexer.settings import Settings, load_settings

console = Console()
err_console = Console(stderr=True)

DataDirOption = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Datamappe (standard ./.laeringsbot, LAERINGSBOT_DATA_DIR)"),
]


def settings_from(data_dir: Path | None = None, **overrides: object) -> Settings:
    with user_errors():
        return load_settings(data_dir=data_dir, **overrides)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn our named errors into one red line and exit code 2."""
    try:
        yield
    except LaeringsbotError as exc:
        err_console.print(f"[bold red]Feil:[/] {exc}")
        raise typer.Exit(2) from exc
