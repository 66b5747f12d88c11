"""`laeringsbot projects`: the project catalogue as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.common import (
    AsGroupOption,
    DataDirOption,
    JsonOption,
    console,
    reading_as,
    user_errors,
)
from indexer.errors import LaeringsbotError

if TYPE_CHECKING:  # the catalogue and the answer core load when `projects` runs
    from indexer.catalogue import ProjectQuery, ProjectRecord
    from indexer.text.places import Gazetteer

COLUMNS = ("prosjekt", "kommuner", "fylke", "fylke_i_dag", "periode", "tema", "budsjett",
           "stimuleringsmidler", "partnere", "kilder")  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command("projects")(projects)


def projects(
    tema: Annotated[str | None, typer.Option("--tema", help="Tema, f.eks. fosterhjem")] = None,
    fylke: Annotated[str | None, typer.Option(
        "--fylke", help="Fylke; dagens fylke tar med forgjengerne (Vestland → Hordaland)",
    )] = None,
    kommune: Annotated[str | None, typer.Option(
        "--kommune", help="Kommune; tar med tidligere kommuner (Øygarden → Fjell, Sund)")] = None,
    fra_ar: Annotated[int | None, typer.Option("--fra-år", help="Prosjekter fra og med år")] = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV til standard ut")] = False,
    as_group: AsGroupOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """List prosjektene i katalogen med kommuner, periode, tema, beløp og kilder."""
    from indexer.store.visible import VisibleStore
    from indexer.text.places import Gazetteer
    from indexer.wiring import open_store

    settings, viewer = reading_as(data_dir, as_group)
    with user_errors():
        gazetteer = Gazetteer.load()
        query = build_query(gazetteer, tema, fylke, kommune, fra_ar)
        found = VisibleStore(open_store(settings), viewer).find_projects(query)
    rows = [project_row(p) for p in found]
    if as_json:
        typer.echo(json.dumps([p.model_dump(mode="json") for p in found], ensure_ascii=False,
                              indent=2))  # fmt: skip
    elif as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(COLUMNS)
        writer.writerows([row[c] for c in COLUMNS] for row in rows)
    else:
        _print_table(found)
    if not found:
        raise typer.Exit(1)


def build_query(
    gazetteer: Gazetteer, tema: str | None, fylke: str | None, kommune: str | None,
    fra_ar: int | None,
) -> ProjectQuery:
    """Flags to a catalogue query; a name the gazetteer or theme list does not know is an error."""
    from indexer.catalogue import ProjectQuery
    from indexer.text.themes import BY_KEY, THEMES, themes_in

    themes: set[str] = set()
    if tema:
        themes = {tema} if tema in BY_KEY else set(themes_in(tema))
        if not themes:
            known = ", ".join(t.nb for t in THEMES)
            raise LaeringsbotError(f"Ukjent tema «{tema}». Kjente tema: {known}.")
    current: set[str] = set()
    historic: set[str] = set()
    if fylke:
        county = gazetteer.county_at(fylke)
        if county is None:
            raise LaeringsbotError(f"Ukjent fylke «{fylke}».")
        (current if gazetteer.current_county(county.name) == county.name else historic).add(
            county.name
        )
    numbers: set[str] = set()
    if kommune:
        numbers = set(gazetteer.current_municipality_numbers(kommune))
        if not numbers:
            raise LaeringsbotError(f"Ukjent kommune «{kommune}».")
    return ProjectQuery(
        themes=frozenset(themes), municipalities=frozenset(numbers),
        current_counties=frozenset(current), counties=frozenset(historic),
        years=(fra_ar, 9999) if fra_ar else None,
    )  # fmt: skip


def project_row(project: ProjectRecord) -> dict[str, str]:
    from bot.lists.rows import period_label, place_labels

    budget = project.amount("budsjett")
    funds = project.amount("tildelt", "søkt")
    return {
        "prosjekt": f"«{project.title}»" if project.quoted else project.title,
        "kommuner": place_labels(project, "nb"),
        "fylke": ", ".join(project.counties or [project.county or ""]),
        "fylke_i_dag": ", ".join(project.current_counties or [project.current_county or ""]),
        "periode": period_label(project, "nb"),
        "tema": _themes(project),
        "budsjett": str(budget.nok) if budget else "",
        "stimuleringsmidler": f"{funds.nok} ({funds.kind})" if funds else "",
        "partnere": ", ".join(t.value for t in project.partners),
        "kilder": ", ".join(s.source for s in project.sources),
    }  # fmt: skip


def _print_table(found: list[ProjectRecord]) -> None:
    """Four columns that fit an 80-column terminal; places under the title, amounts in kroner.

    Sources and partners are in --csv and --json, which keep every field.
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from bot.lists.rows import period_label, place_labels, title_of

    if not found:
        console.print("[yellow]Ingen prosjekter i katalogen passer.[/]")
        return
    table = Table(title=f"Prosjekter ({len(found)})", box=box.SIMPLE_HEAD, expand=False,
                  pad_edge=False, title_justify="left", show_lines=True)
    table.add_column("Prosjekt og kommuner", ratio=1, overflow="fold")
    table.add_column("Periode", no_wrap=True)
    table.add_column("Tema", max_width=14)
    table.add_column("Beløp", justify="right", no_wrap=True)
    for project in found:
        places = Text(place_labels(project, "nb"), style="dim")
        title = Text(title_of(project), style="bold")
        table.add_row(Text("\n").join([title, places]), period_label(project, "nb"),
                      _themes(project), _amounts(project))
    console.print(table)
    console.print("[dim]Kilder og partnere: bruk --csv eller --json.[/]")


def _themes(project: ProjectRecord) -> str:
    from indexer.text.themes import BY_KEY

    return ", ".join(BY_KEY[k].nb if k in BY_KEY else k for k in project.theme_keys)


def _amounts(project: ProjectRecord) -> str:
    """«1 240 000 kr» budget, then «900 000 kr tildelt» (or «søkt») below it."""
    from bot.i18n import format_amount

    lines = []
    if budget := project.amount("budsjett"):
        lines.append(format_amount(budget.nok, "nb"))
    if funds := project.amount("tildelt", "søkt"):
        lines.append(f"{format_amount(funds.nok, 'nb')} {funds.kind}")
    return "\n".join(lines)
