"""`laeringsbot index` and `laeringsbot status`: the write side seen from the terminal."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.cli.common import (
    DataDirOption,
    JsonOption,
    console,
    reading_settings,
    settings_from,
    user_errors,
)

if TYPE_CHECKING:  # the write side loads when `index` runs: `--help` and `status` start fast
    from indexer.ingest.pipeline import IndexDeps
    from indexer.models import IndexReport
    from indexer.settings import Settings
    from indexer.store import KnowledgeStore


def register(app: typer.Typer) -> None:
    app.command("index")(index)
    app.command("status")(status)


def index(
    paths: Annotated[list[Path] | None, typer.Argument(help="Filer/mapper (standard: knowledge/)")] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Indekser dokumentene (txt, md, docx, pdf, html) inn i kunnskapsbasen."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from indexer.ingest.discovery import discover
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import open_store

    settings = settings_from(data_dir)
    targets = paths or settings.knowledge_paths
    total = sum(len(root.files) for root in discover(targets))
    with user_errors():
        store = open_store(settings)
        deps = index_deps(settings, store)
        with Progress(
            TextColumn("[bold]Indekserer"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
        ) as bar:
            task = bar.add_task("", total=total)

            def on_file(path: str, status: str) -> None:
                if status != "removed":
                    bar.update(task, advance=1, description=f"{status}: {Path(path).name}")

            def on_chunks(path: str, done: int, total: int) -> None:
                bar.update(task, description=f"{Path(path).name}: {done}/{total} biter")

            report = index_paths(targets, deps, progress=on_file, on_chunks=on_chunks)
    _print_report(report)
    if report.failed_completely or report.files_seen == 0:
        console.print("[bold red]Ingen filer kunne indekseres.[/]")
        raise typer.Exit(1)


def index_deps(settings: Settings, store: KnowledgeStore) -> IndexDeps:
    """The pipeline's parts for this run (a test puts fakes here)."""
    from indexer.wiring import index_deps as build

    return build(settings, store)


def _print_report(report: IndexReport) -> None:
    from rich.table import Table

    table = Table(title="Indeksering ferdig", show_header=True)
    for column in ("Filer", "Indeksert", "Biter", "Uendret", "Fjernet", "Feil", "Maskert", "Sek."):
        table.add_column(column, justify="right")
    table.add_row(
        str(report.files_seen), str(report.files_indexed), str(report.chunks_written),
        str(report.skipped_unchanged), str(report.removed), str(len(report.errors)),
        str(sum(report.redactions.values())), f"{report.seconds:.1f}",
    )
    console.print(table)
    for error in report.errors:
        console.print(f"[red]Feil[/] {error.path}: {error.reason}")
    if report.vectors_repaired:
        console.print(f"[yellow]Reparert[/] {report.vectors_repaired} dokument(er) som manglet "
                      "vektorer i Chroma.")
    for source, count in sorted(report.redactions.items()):
        console.print(f"[yellow]Maskert[/] {count} fødselsnummer i {source}")


def status(
    as_json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Vis hva kunnskapsbasen inneholder: dokumenter per type og fylke, og siste indeksering."""
    from rich.table import Table

    from indexer.wiring import open_store

    settings = reading_settings(data_dir)
    with user_errors():
        store = open_store(settings)
        payload = status_payload(store)
    if as_json:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    when = local_time(payload["last_indexed_at"]) if payload["last_indexed_at"] else "aldri"
    console.print(f"Dokumenter: {len(payload['documents'])}, biter: {payload['chunks']}, "
                  f"sist indeksert: {when}")
    for title, counts in (("Dokumenttype", payload["by_type"]), ("Fylke", payload["by_county"])):
        table = Table(title=title)
        table.add_column(title)
        table.add_column("Antall", justify="right")
        for key, value in counts.items():
            table.add_row(key, str(value))
        console.print(table)


def local_time(stamp: str, tz: dt.tzinfo | None = None) -> str:
    """«2. desember 2026 kl. 09:40» in the machine's time zone, from the store's UTC stamp."""
    from bot.i18n import format_date

    when = dt.datetime.fromisoformat(stamp)
    when = (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).astimezone(tz)
    return f"{format_date(when.date(), 'nb')} kl. {when:%H:%M}"


def status_payload(store: KnowledgeStore) -> dict[str, Any]:
    """The `status --json` contract: every committed document, counts, last run, model."""
    status = store.status()
    documents = []
    for entry in status.documents:
        meta = entry.meta
        documents.append({
            "source": meta.source, "path": meta.path, "title": meta.title,
            "doc_type": meta.doc_type.value, "date": meta.date.isoformat() if meta.date else None,
            "county": meta.county, "current_county": meta.current_county,
            "network": meta.network,
            "municipalities": [m.name for m in meta.municipalities],
            "chunks": entry.chunks, "redactions": entry.redactions,
        })
    return {
        "documents": documents,
        "chunks": status.chunks,
        "by_type": status.by_type(),
        "by_county": status.by_county(),
        "last_indexed_at": status.last_indexed_at,
        "embedding": status.signature,
    }
