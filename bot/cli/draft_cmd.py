"""`laeringsbot draft`: the drafting dialog in the terminal, interactive or from a script.

The same core route as in Teams runs here; the CLI only keeps the history between turns and
copies the finished .docx to `--out`. With `--answers FILE.json` no prompt is shown:

    {"request": "Hjelp meg å skrive en prosjektplan for … i Kvam og Voss",
     "answers": {"target_group": "Fosterforeldre", "budget": "Vi søker om 300 000 kr", …}}

`answers` may also be a list, answered in the order the questions come. A question without an
answer is skipped, and the draft is finished when the answers run out.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer
from pydantic import BaseModel, TypeAdapter, ValidationError

from bot.cli.common import (
    AsGroupOption,
    DataDirOption,
    console,
    err_console,
    reading_as,
    user_errors,
)
from bot.core.models import ChatTurn
from bot.core.payloads import DraftPayload
from indexer.errors import LaeringsbotError
from indexer.settings import Settings

if TYPE_CHECKING:  # the core (store, numpy) loads when a draft is made, not at CLI start
    from bot.core.context import CoreContext

ContextFactory: TypeAlias = "Callable[[Settings], CoreContext]"
MAX_TURNS = 50  # a dialog has a dozen questions; this only guards against a loop


class AnswersFileError(LaeringsbotError):
    """The --answers file cannot be used."""


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
        settings, viewer = reading_as(data_dir, as_group)
        with user_errors():
            script = _Script.load(answers) if answers else None
            ctx = (context_factory or _build_context)(settings).seen_by(viewer)
        opening = request or (script.request if script else None) or typer.prompt(
            "Hva vil du ha hjelp til å skrive")
        _run(_as_request(opening), ctx, script, out)

    app.command("draft")(draft)


def _run(opening: str, ctx: CoreContext, script: _Script | None, out: Path | None) -> None:
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


class _ScriptFile(BaseModel):
    request: str | None = None
    answers: dict[str, str] | list[str] = {}


_SCRIPT_FILE: TypeAdapter[_ScriptFile | list[str]] = TypeAdapter(_ScriptFile | list[str])


class _Script:
    """Answers read from a JSON file, handed out by field or in order."""

    def __init__(self, request: str | None, answers: dict[str, str] | list[str]) -> None:
        self.request = request
        self._by_field = dict(answers) if isinstance(answers, dict) else None
        self._queue = list(answers) if isinstance(answers, list) else []

    @classmethod
    def load(cls, path: Path) -> _Script:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise AnswersFileError(f"Kan ikke lese svarfilen {path}: {exc.strerror}") from exc
        except ValueError as exc:
            raise AnswersFileError(f"Svarfilen {path} er ikke gyldig JSON: {exc}") from exc
        try:
            parsed = _SCRIPT_FILE.validate_python(data)
        except ValidationError:
            parsed = None
        if isinstance(parsed, _ScriptFile):
            return cls(parsed.request, parsed.answers)
        if parsed:
            return cls(parsed[0], parsed[1:])
        raise AnswersFileError(
            f"Svarfilen {path} må være {{\"request\": tekst, \"answers\": {{felt: tekst}} "
            "eller [tekst, …]}, eller en liste med tekster.")

    def answer(self, field: str | None) -> str:
        """The answer to `field`; "hopp over" for a field the file leaves out, "ferdig" at end."""
        if self._by_field is None:
            return self._queue.pop(0) if self._queue else "ferdig"
        if not self._by_field:
            return "ferdig"
        return self._by_field.pop(field or "", "hopp over")
