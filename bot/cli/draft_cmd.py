"""`laeringsbot draft`: the drafting dialog in the terminal, interactive or from a script.

The same core route as in Teams runs here; the CLI only keeps the history between turns and
copies the finished .docx to `--out`. With `--answers FILE.json` no prompt is shown:

    {"request": "Hjelp meg å skrive en prosjektplan for … i Kvam og Voss",
     "answers": {"target_group": "Fosterforeldre", "budget": "Vi søker om 300 000 kr", …}}

`answers` may also be a list, answered in the order the questions come. A question without an
answer is skipped, and the draft is finished when the answers run out.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer

from bot.cli.common import (
    AsGroupOption,
    DataDirOption,
    console,
    err_console,
    reading_as,
    user_errors,
)

if TYPE_CHECKING:  # the core (store, numpy) loads when a draft is made, not at CLI start
    from bot.cli.draft_script import Script
    from bot.core.context import CoreContext
    from bot.core.payloads import DraftPayload
    from indexer.settings import Settings

ContextFactory: TypeAlias = "Callable[[Settings], CoreContext]"
MAX_TURNS = 50  # a dialog has a dozen questions; this only guards against a loop


def register(app: typer.Typer, context_factory: ContextFactory | None = None) -> None:
    """Add `draft`; tests pass a factory that returns a ready context."""

    def draft(
        request: Annotated[str | None, typer.Argument(
            help="Hva du vil ha hjelp til, f.eks. \"prosjektplan for fosterhjem i Kvam og Voss\""
        )] = None,
        answers: Annotated[Path | None, typer.Option(
            "--answers", help="JSON-fil med svar (ingen spørsmål i terminalen)")] = None,
        out: Annotated[Path | None, typer.Option(
            "--out", help="Hvor .docx-filen skal lagres (standard: et navn etter prosjektet)",
        )] = None,
        as_group: AsGroupOption = None,
        data_dir: DataDirOption = None,
    ) -> None:
        """Skriv et utkast til prosjektplan eller sluttrapport, sjekket mot utlysningen."""
        from bot.cli.draft_script import Script

        settings, viewer = reading_as(data_dir, as_group)
        with user_errors():
            script = Script.load(answers) if answers else None
            ctx = (context_factory or _build_context)(settings).seen_by(viewer)
        opening = request or (script.request if script else None) or typer.prompt(
            "Hva vil du ha hjelp til å skrive")
        _run(_as_request(opening), ctx, script, out)

    app.command("draft")(draft)


def _run(opening: str, ctx: CoreContext, script: Script | None, out: Path | None) -> None:
    from bot.core.models import ChatTurn
    from bot.core.payloads import DraftPayload
    from bot.core.understand import understand
    from bot.drafting import try_answer

    history: list[ChatTurn] = []
    text = opening
    for _ in range(MAX_TURNS):
        answer = try_answer(understand(text, history, ctx.kit()), ctx)
        if answer is None:
            err_console.print("[bold red]Feil:[/] Forstod ikke dette som en utkastforespørsel.")
            raise typer.Exit(2)
        console.print(answer.answer, markup=False, highlight=False)
        history += [ChatTurn(role="user", text=text), answer.turn()]
        draft = answer.payload
        if not isinstance(draft, DraftPayload):  # DraftCancelled: the user said «avbryt»
            raise typer.Exit(1)
        if draft.done:
            _save(draft, out)
            return
        text = script.answer(draft.next_field) if script else typer.prompt(
            ">", default="hopp over", show_default=False)
    err_console.print("[bold red]Feil:[/] Dialogen ble ikke ferdig.")
    raise typer.Exit(2)


def _save(draft: DraftPayload, out: Path | None) -> None:
    source = draft.docx_path
    if not source:
        raise typer.Exit(1)
    out = out or Path(draft.file_name or "utkast.docx")
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, out)
    console.print(f"Utkastet er lagret i {out}", markup=False)


def _as_request(text: str) -> str:
    """A bare topic ("fosterhjem i Kvam og Voss") is read as a request for a draft."""
    from bot.core.understand.intent import is_draft_request

    return text if is_draft_request(text) else f"/utkast {text}"


def _build_context(settings: Settings) -> CoreContext:
    from bot.engine import build_context

    return build_context(settings)
