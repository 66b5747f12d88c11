"""`laeringsbot serve` (the Teams bot) and `laeringsbot manifest` (the Teams app package)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import DataDirOption, console, settings_from, user_errors


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("manifest")(manifest)


def serve(
    host: Annotated[str | None, typer.Option(help="Adresse å lytte på (LAERINGSBOT_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (LAERINGSBOT_PORT, standard 3978)")] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Start Teams-boten: POST /api/messages, GET /healthz og /readyz."""
    from bot.teams.server import check_auth_settings
    from bot.teams.server import serve as run_server

    settings = settings_from(data_dir, host=host, port=port)
    configure_logging()
    quiet_openmp()
    with user_errors():
        check_auth_settings(settings)  # before loading models: fail fast on a bad setup
        from bot.engine import build_core

        core = build_core(settings)
        run_server(settings, core)


def quiet_openmp() -> None:
    """OpenMP threads (the embedder's) sleep between queries instead of spinning: on a busy
    host a spinning wait made query embedding 30-60 times slower (docs/BENCHMARKS.md). OpenMP
    reads this once, when the model's library loads, so it is set before the core is built; an
    operator's own value wins."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def configure_logging() -> None:
    """Our own log lines at INFO; aiohttp's line per request stays out of the console (a Teams
    chat polls and streams, so it would drown everything else). Errors still show. No line keeps
    a personal number a user wrote."""
    from bot.teams.logs import redact_logs

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for handler in logging.getLogger().handlers:
        redact_logs(handler)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


def manifest(
    app_id: Annotated[str, typer.Option("--app-id", help="Botens Microsoft App ID (GUID)")],
    out: Annotated[Path, typer.Option("--out", help="Zip-filen som skal lages")] = Path("app.zip"),
    domain: Annotated[
        str | None, typer.Option("--domain", help="Domenet boten kjører på (validDomains)")
    ] = None,
) -> None:
    """Lag Teams-apppakken (manifest.json + ikoner) for opplasting i Teams."""
    from bot.teams.manifest import write_package

    with user_errors():
        written = write_package(out, app_id, domain)
    console.print(f"Skrev {out} (manifest {written['manifestVersion']}, app-id {app_id}).")
    if not domain:
        console.print(
            "[yellow]Merk:[/] uten --domain peker utvikler-lenkene (nettside, personvern, vilkår) "
            "på eksempeladresser i manifest/manifest.json. Rett dem før appen publiseres."
        )
