"""The SSB KLASS 131/104 tables (see data/SOURCES.md) as dated records, read from their CSV copies.

Every record knows when it was valid, so a name can be resolved at the date a document speaks of.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from indexer.errors import ConfigError

_Dated = TypeVar("_Dated", "Municipality", "County")


@dataclass(frozen=True)
class County:
    number: str
    name: str
    valid_from: dt.date | None  # None: before 2018, not recorded
    valid_to: dt.date | None  # None: still valid
    replaced_by: tuple[str, ...]
    alt_names: tuple[str, ...]

    def distance(self, on: dt.date) -> int:
        """Days between `on` and this county's validity; 0 when valid on that day."""
        return _distance(self.valid_from or dt.date.min, self.valid_to, on)


@dataclass(frozen=True)
class Municipality:
    number: str
    name: str
    county: str  # the county while this number was valid
    county_number: str
    valid_from: dt.date
    valid_to: dt.date | None  # None: still valid
    replaced_by: tuple[str, ...]
    alt_names: tuple[str, ...]
    current_numbers: tuple[str, ...]
    ssb_name: str

    def distance(self, on: dt.date) -> int:
        return _distance(self.valid_from, self.valid_to, on)


def _distance(start: dt.date, end: dt.date | None, on: dt.date) -> int:
    if on < start:
        return (start - on).days
    if end is not None and on > end:
        return (on - end).days
    return 0


def nearest(candidates: list[_Dated], on: dt.date) -> list[_Dated]:
    """The candidates valid on `on`, else those nearest in time, so an old name still resolves."""
    if not candidates:
        return []
    best = min(c.distance(on) for c in candidates)
    return sorted((c for c in candidates if c.distance(on) == best), key=lambda c: c.number)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split("|") if part)


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise ConfigError(f"Fant ikke stedsdata (SSB-tabell) i {path}: {exc.strerror}") from exc


def read_municipalities(path: Path) -> list[Municipality]:
    return [
        Municipality(
            number=row["kommunenummer"],
            name=row["navn"],
            county=row["fylke"],
            county_number=row["fylkesnummer"],
            valid_from=dt.date.fromisoformat(row["gyldig_fra"]),
            valid_to=_date(row["gyldig_til"]),
            replaced_by=_split(row["erstattet_av"]),
            alt_names=_split(row["navn_alternativ"]),
            current_numbers=_split(row["gjeldende_kommunenummer"]),
            ssb_name=row["ssb_navn"],
        )
        for row in _rows(path)
    ]


def read_counties(path: Path) -> list[County]:
    return [
        County(
            number=row["fylkesnummer"],
            name=row["navn"],
            valid_from=_date(row["gyldig_fra"]),
            valid_to=_date(row["gyldig_til"]),
            replaced_by=_split(row["erstattet_av"]),
            alt_names=_split(row["navn_alternativ"]),
        )
        for row in _rows(path)
    ]
