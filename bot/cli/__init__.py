"""The `laeringsbot` command: one Typer app, one module per command group."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="laeringsbot – kunnskapsbase og Teams-assistent for læringsnettverkene i barnevernet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from bot import cli_serve  # noqa: E402
from bot.cli import ask_cmd, draft_cmd, index_cmd, minutes_cmd  # noqa: E402  (each registers itself)

index_cmd.register(app)
cli_serve.register(app)
ask_cmd.register(app)
minutes_cmd.register(app)
draft_cmd.register(app)
