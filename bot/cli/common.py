"""What every command needs: settings from flags/env, a data dir that holds a knowledge base,
and errors shown as one Norwegian line and a non-zero exit instead of a traceback.

Settings (pydantic) and access rules load when a command asks for them, so `--help` does not
wait for them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from indexer.errors import LaeringsbotError
from indexer.text.dates import MONTH_NUMBERS

if TYPE_CHECKING:
    from indexer.access import Viewer
    from indexer.settings import Settings

console = Console()
err_console = Console(stderr=True)

DataDirOption = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Datamappe (standard ./.laeringsbot, LAERINGSBOT_DATA_DIR)"),
]
AsGroupOption = Annotated[
    list[str] | None,
    typer.Option("--as-group", help="Svar som medlem av denne gruppen (team-id, Entra-gruppe-id "
                 "eller nettverksnavn); kan gjentas. Uten: bare offentlige dokumenter"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Maskinlesbar utskrift")]
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b")
_WORDED_DATE = re.compile(
    r"\b(\d{1,2})\.?\s*(" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    + r")\.?\s+(\d{4})\b", re.I)


class DataDirError(LaeringsbotError):
    """The data dir is missing or holds no knowledge base."""


def settings_from(data_dir: Path | None = None, **overrides: object) -> Settings:
    from indexer.settings import load_settings

    with user_errors():
        return load_settings(data_dir=data_dir, **overrides)


def reading_settings(data_dir: Path | None = None, **overrides: object) -> Settings:
    """Settings for a command that reads the knowledge base: the data dir must hold one."""
    settings = settings_from(data_dir, **overrides)
    with user_errors():
        require_index(settings)
    return settings


def reading_as(data_dir: Path | None, groups: list[str] | None) -> tuple[Settings, Viewer]:
    """What a reading command starts from: its settings (the data dir must hold a knowledge
    base) and who it asks as (`--as-group`)."""
    settings = reading_settings(data_dir)
    with user_errors():
        return settings, viewer_from(settings, groups)


def viewer_from(settings: Settings, groups: list[str] | None) -> Viewer:
    """Who the command asks as: these groups (networks added by the group map), else public."""
    from indexer.access import GroupDirectory

    return GroupDirectory(settings.group_map, settings.group_map_ttl_s).viewer(groups or [])


def require_index(settings: Settings) -> None:
    """Stop with a clear message rather than create an empty data dir and answer from nothing."""
    if settings.database_url:  # the knowledge base is in the database; the data dir is a cache
        return
    data = settings.data_dir
    hint = f"Kjør «laeringsbot index --data-dir {data}» først, eller oppgi riktig --data-dir."
    if not data.exists():
        raise DataDirError(f"Fant ikke datamappen {data}. {hint}")
    if not data.is_dir():
        raise DataDirError(f"{data} er en fil, ikke en datamappe.")
    if not settings.state_db_path.is_file():
        raise DataDirError(f"Datamappen {data} har ingen kunnskapsbase. {hint}")


def impossible_date(text: str) -> str | None:
    """The first date in `text` that no calendar has («32.13.2024», «30. februar 2024»)."""
    found = [(m.group(0), int(m.group(1)), int(m.group(2)), m.group(3))
             for m in _NUMERIC_DATE.finditer(text)]
    found += [(m.group(0), int(m.group(1)), MONTH_NUMBERS[m.group(2).lower()], m.group(3))
              for m in _WORDED_DATE.finditer(text)]
    for written, day, month, year in found:
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        try:
            dt.date(full_year, month, day)
        except ValueError:
            return written
    return None


def refuse_impossible_date(text: str) -> None:
    """Exit 2 with a Norwegian message when `text` names a date that does not exist."""
    if (written := impossible_date(text)) is not None:
        err_console.print(f"[bold red]Feil:[/] Datoen «{written}» finnes ikke. Skriv den for "
                          "eksempel som 31.01.2024 eller 31. januar 2024.")
        raise typer.Exit(2)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn our named errors into one red line and exit code 2."""
    try:
        yield
    except LaeringsbotError as exc:
        err_console.print(f"[bold red]Feil:[/] {exc}")
        raise typer.Exit(2) from exc
