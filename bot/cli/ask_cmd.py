"""`laeringsbot ask` and `laeringsbot eval`: the answer core from the terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from bot.cli.common import (
    AsGroupOption,
    DataDirOption,
    console,
    err_console,
    reading_as,
    reading_settings,
    user_errors,
)

if TYPE_CHECKING:
    from bot.evaluation import EvalReport, Scores


def register(app: typer.Typer) -> None:
    app.command("ask")(ask)
    app.command("eval")(run_eval)


def ask(
    question: Annotated[str, typer.Argument(help="Spørsmålet, på bokmål, nynorsk eller engelsk")],
    as_json: Annotated[bool, typer.Option("--json", help="Stabil JSON-kontrakt")] = False,
    as_group: AsGroupOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Still et spørsmål til kunnskapsbasen og få et svar med kilder."""
    from bot.engine import build_core

    settings, viewer = reading_as(data_dir, as_group)
    with user_errors():
        answer = build_core(settings).answer(question, viewer=viewer)
    if as_json:
        typer.echo(json.dumps(answer.contract(), ensure_ascii=False, indent=2))
        return
    console.print(answer.answer)
    if answer.citations:
        console.print("\n[bold]Kilder[/]")
        for c in answer.citations:
            where = f" – {c.section}" if c.section else ""
            console.print(f"[{c.n}] {c.title}{where} ({c.source})")


def run_eval(
    questions: Annotated[Path, typer.Argument(help="JSONL-fil med spørsmål (se shared/eval)")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    min_must_contain: Annotated[float, typer.Option(help="Minste andel med alle nøkkelord")] = 0.0,
    min_recall: Annotated[float, typer.Option(help="Minste kilde-recall@5")] = 0.0,
    min_refusal: Annotated[float, typer.Option(help="Minste treffsikkerhet på avslag")] = 0.0,
    min_precision: Annotated[float, typer.Option(help="Minste sitatpresisjon")] = 0.0,
    max_violations: Annotated[int, typer.Option(help="Flest brudd på must_not_contain")] = 1000,
    data_dir: DataDirOption = None,
) -> None:
    """Mål svarkvaliteten på et sett med fasitspørsmål; feiler under tersklene."""
    from bot.engine import build_core
    from bot.evaluation import evaluate, load_questions, report_json

    settings = reading_settings(data_dir)
    if not questions.is_file():
        err_console.print(f"[bold red]Feil:[/] finner ikke {questions}")
        raise typer.Exit(2)
    with user_errors():
        core = build_core(settings)
        store = core.ctx.store

        def chunk_text(chunk_id: str) -> str | None:
            chunk = store.chunks([chunk_id]).get(chunk_id)
            return chunk.text if chunk else None

        report = evaluate(core, load_questions(questions), chunk_text)
    if as_json:
        typer.echo(report_json(report))
    else:
        _print(report)
    failures = _below(report.overall, min_must_contain, min_recall, min_refusal, min_precision,
                      max_violations)
    for failure in failures:
        err_console.print(f"[bold red]Under terskel:[/] {failure}")
    if failures:
        raise typer.Exit(1)


def _print(report: EvalReport) -> None:
    table = Table(title="Evaluering")
    for column in ("Type", "Antall", "Nøkkelord", "Brudd", "Recall@5", "Avslag", "Presisjon",
                   "p50 ms", "p95 ms"):
        table.add_column(column, justify="right")
    rows = [*report.by_kind.items(), ("totalt", report.overall)]
    for kind, s in rows:
        table.add_row(kind, str(s.questions), f"{s.must_contain_rate:.2f}",
                      str(s.must_not_contain_violations), f"{s.source_recall_at_5:.2f}",
                      f"{s.refusal_accuracy:.2f}", f"{s.citation_precision:.2f}",
                      f"{s.latency_p50_ms:.0f}", f"{s.latency_p95_ms:.0f}")
    console.print(table)
    for result in report.results:
        if not result.passed:
            console.print(f"[yellow]{result.id}[/] ({result.kind}) mangler {result.missing}, "
                          f"avslag={result.refused}, recall={result.source_recall}")


def _below(s: Scores, must: float, recall: float, refusal: float, precision: float,
           violations: int) -> list[str]:
    checks = [
        (s.must_contain_rate < must, f"nøkkelord {s.must_contain_rate:.2f} < {must}"),
        (s.source_recall_at_5 < recall, f"recall@5 {s.source_recall_at_5:.2f} < {recall}"),
        (s.refusal_accuracy < refusal, f"avslag {s.refusal_accuracy:.2f} < {refusal}"),
        (s.citation_precision < precision, f"presisjon {s.citation_precision:.2f} < {precision}"),
        (s.must_not_contain_violations > violations,
         f"brudd {s.must_not_contain_violations} > {violations}"),
    ]
    return [message for failed, message in checks if failed]
