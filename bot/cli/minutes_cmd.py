"""`laeringsbot summarize`, `decisions` and `participants`: minutes from the terminal."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.text import Text

from bot.cli.common import (
    AsGroupOption,
    DataDirOption,
    JsonOption,
    console,
    err_console,
    reading_as,
    refuse_impossible_date,
    user_errors,
)

if TYPE_CHECKING:
    from bot.core.models import Answer

LangOption = Annotated[
    Literal["nb", "nn", "en"], typer.Option("--lang", help="Språk i svaret: nb, nn eller en")
]


def register(app: typer.Typer) -> None:
    app.command("summarize")(summarize)
    app.command("decisions")(decisions)
    app.command("participants")(participants)


def summarize(
    meeting: Annotated[str, typer.Argument(
        help="Møtet: dato, måned eller navn, f.eks. 31.01.2024 eller «REKOM september 2022»")],
    as_json: JsonOption = False,
    lang: LangOption = "nb",
    as_group: AsGroupOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Oppsummer et referat: saker, vedtak, oppfølgingspunkter og neste møte."""
    from bot.core.understand.meeting import meeting_ref
    from bot.engine import build_context
    from bot.minutes.route import answer_minutes

    refuse_impossible_date(meeting)  # «32.13.2024» must not summarise some other meeting
    settings, viewer = reading_as(data_dir, as_group)
    with user_errors():
        ctx = build_context(settings).seen_by(viewer)
        answer = answer_minutes(meeting_ref(meeting), ctx, lang, meeting)
    if as_json:
        data = answer.payload.model_dump(mode="json") if answer.payload else {}
        payload = {**answer.contract(), "kind": answer.kind, "data": data}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print_answer(answer)
    if answer.refused:
        raise typer.Exit(1)


def decisions(
    nettverk: Annotated[str | None, typer.Option(
        "--nettverk", help="Bare møter i dette nettverket/fylket, f.eks. Vestland")] = None,
    siden: Annotated[str | None, typer.Option(
        "--siden", help="Bare møter fra og med denne datoen, f.eks. 01.01.2022")] = None,
    as_json: JsonOption = False,
    as_group: AsGroupOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """List vedtak og åpne oppfølgingspunkter fra alle referater, nyeste først."""
    from bot.engine import build_context
    from bot.minutes.decisions import format_decision, list_decisions
    from indexer.text.dates import parse_date

    if siden:
        refuse_impossible_date(siden)
    since = parse_date(siden) if siden else None
    if siden and since is None:
        err_console.print(f"[bold red]Feil:[/] Forstår ikke datoen «{siden}». "
                          "Skriv den for eksempel som 01.01.2022 eller 1. januar 2022.")
        raise typer.Exit(2)
    settings, viewer = reading_as(data_dir, as_group)
    with user_errors():
        ctx = build_context(settings).seen_by(viewer)
        found = list_decisions(ctx, nettverk, since)
    if as_json:
        typer.echo(json.dumps([d.model_dump(mode="json") for d in found], ensure_ascii=False,
                              indent=2))
        return
    if not found:
        console.print("Fant ingen vedtak eller åpne oppfølgingspunkter i referatene.")
        return
    meeting = None
    for decision in found:
        if decision.source != meeting:
            meeting = decision.source
            console.print(Text(f"\n{decision.meeting_title} – {decision.source}", style="bold"))
        console.print(Text(f"{format_decision(decision, 'nb')} [{decision.citation.n}]"))


def participants(
    dato: Annotated[str | None, typer.Option(
        "--dato", help="Møtets dato, måned eller år, f.eks. 31.01.2024 eller 2020")] = None,
    nettverk: Annotated[str | None, typer.Option(
        "--nettverk", help="Bare møter i dette nettverket/fylket, f.eks. Setesdal")] = None,
    kommune: Annotated[str | None, typer.Option(
        "--kommune", help="Bare deltakere fra denne kommunen (også tidligere navn) eller "
                          "organisasjonen, f.eks. Kristiansand eller Bufdir")] = None,
    as_json: JsonOption = False,
    lang: LangOption = "nb",
    as_group: AsGroupOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """List hvem som deltok på møtene, eller hvilke møter en kommune var med på."""
    from bot.core.question import Intent, Question
    from bot.core.question_values import MeetingRef
    from bot.core.understand.attendee import from_words
    from bot.core.understand.meeting import meeting_ref
    from bot.engine import build_context
    from bot.minutes.route import try_answer

    if dato:
        refuse_impossible_date(dato)
    named = " ".join(filter(None, (dato, nettverk)))
    settings, viewer = reading_as(data_dir, as_group)
    with user_errors():
        ctx = build_context(settings).seen_by(viewer)
        attendee = from_words(kommune, ctx.gazetteer) if kommune else None
        if kommune and attendee is None:
            err_console.print(f"[bold red]Feil:[/] Kjenner ikke «{kommune}».")
            raise typer.Exit(2)
        text = " ".join(filter(None, ("participants", named, kommune)))
        question = Question(
            text=text, language=lang, intent=Intent.PARTICIPANTS, standalone=text,
            today=ctx.today(), meeting=meeting_ref(named, ctx.today()) if named else MeetingRef(
                every=True), attendee=attendee, meetings_asked=attendee is not None)
        answer = try_answer(question, ctx)
    if answer is None:
        console.print("Fant ingen referater med deltakerlister som passer.")
        raise typer.Exit(1)
    if as_json:
        data = answer.payload.model_dump(mode="json") if answer.payload else {}
        typer.echo(json.dumps({**answer.contract(), "kind": answer.kind, "data": data},
                              ensure_ascii=False, indent=2))
    else:
        print_answer(answer)
    if answer.refused:
        raise typer.Exit(1)


def print_answer(answer: Answer) -> None:
    """The answer text with bold headings, then its numbered sources."""
    for line in answer.answer.splitlines():
        if line.strip().startswith("**"):
            console.print(Text(line.replace("**", ""), style="bold"))
        else:
            console.print(Text(line))
    if answer.citations:
        console.print(Text("\nKilder:", style="bold"))
    for c in answer.citations:
        where = f" › {c.section}" if c.section else ""
        console.print(Text(f"[{c.n}] {c.source}{where}: «{c.snippet[:120]}»", style="dim"))
