"""Table cards for the typed tables: catalogue projects and knowledge-base documents.

Cells are written here, in the answer's language: column labels from the i18n catalogue, places
and periods by the same phrases as the answer's text, amounts and dates by Babel.
"""

from __future__ import annotations

from typing import Any

from bot.core.models import Language
from bot.core.payloads import (
    AmountColumn,
    DocumentRow,
    DocumentTable,
    Place,
    ProjectRow,
    ProjectTable,
)
from bot.core.phrases import period_label, place_label, places_label, quote_title
from bot.i18n import format_amount, format_date, t
from bot.teams.cards import table_card
from indexer.text.themes import label

_LABELS: dict[AmountColumn, str] = {
    "budget": "lists.budget", "applied": "lists.applied", "granted": "lists.granted",
    "spent": "lists.spent", "own_share": "lists.own_share"}  # fmt: skip
# A money question that named no amount: budget, applied for and granted, each its own column.
_MONEY: list[AmountColumn] = ["budget", "applied", "granted"]


def project_table_card(
    table: ProjectTable, max_bytes: int, language: Language
) -> dict[str, Any] | None:
    header = t("lists.columns", language).split("|")
    amounts = table.amounts or (_MONEY if table.money else [])
    header[-1:-1] = [t(_LABELS[a], language).capitalize() for a in amounts]
    rows = [_project_cells(row, amounts, language) for row in table.rows]
    return table_card(table.title, header, rows, max_bytes, language)


def _project_cells(row: ProjectRow, amounts: list[AmountColumn], language: Language) -> list[str]:
    cells = [
        quote_title(row.title, row.quoted),
        places_label(row.places, language),
        row.county or t("lists.unknown_county", language),
        period_label(row.period, language),
        ", ".join(label(key, language) for key in row.themes),
    ]
    cells += [_amount(getattr(row, column), language) for column in amounts]
    return [*cells, _markers(row.citations)]


def document_table_card(
    table: DocumentTable, max_bytes: int, language: Language
) -> dict[str, Any] | None:
    """Title, type, date, municipalities and county of every document, with its citation (the
    file name stays in the citation: a person reads titles)."""
    with_county = any(row.county for row in table.rows)
    header = t("teams.document_columns", language).split("|")
    if not with_county:
        header.pop(4)
    rows = [_document_cells(row, with_county, language) for row in table.rows]
    return table_card(table.title, header, rows, max_bytes, language)


def _document_cells(row: DocumentRow, with_county: bool, language: Language) -> list[str]:
    date = format_date(row.date, language) if row.date else ""
    places = places_label(row.places, language) if row.places else ""
    county = [place_label(Place(name=row.county, now=row.county_now), language)
              if row.county else ""] if with_county else []  # fmt: skip
    kind = t(f"lists.type_{row.doc_type}", language)
    return [row.title, kind, date, places, *county, _markers(row.citations)]


def _amount(nok: int | None, language: Language) -> str:
    return format_amount(nok, language) if nok is not None else ""


def _markers(citations: list[int]) -> str:
    return "".join(f"[{n}]" for n in sorted(set(citations)))
