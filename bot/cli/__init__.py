"""The `laeringsbot` command: one Typer app, one module per command group."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="laeringsbot – kunnskapsbase og Teams-assistent for læringsnettverkene i barnevernet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from bot.cli import (  # noqa: E402  (each module registers its own commands)
    ask_cmd,
    draft_cmd,
    index_cmd,
    minutes_cmd,
    projects_cmd,
    serve_cmd,
)

index_cmd.register(app)
serve_cmd.register(app)
projects_cmd.register(app)
ask_cmd.register(app)
minutes_cmd.register(app)
draft_cmd.register(app)
