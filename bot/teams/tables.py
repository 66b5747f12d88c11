"""Table cards for the typed tables: catalogue projects and knowledge-base documents.

Cells are written here, in the answer's language: column labels from the i18n catalogue, places
and periods by the same phrases as the answer's text, amounts and dates by Babel.
"""

from __future__ import annotations

from typing import Any

from bot.core.models import Language
from bot.core.payloads import DocumentRow, DocumentTable, ProjectRow, ProjectTable
from bot.core.phrases import period_label, places_label, quote_title
from bot.i18n import format_amount, format_date, t
from bot.teams.cards import table_card
from indexer.text.themes import label


def project_table_card(
    table: ProjectTable, max_bytes: int, language: Language
) -> dict[str, Any] | None:
    header = t("lists.columns", language).split("|")
    if table.money:
        header[-1:-1] = t("lists.money_columns", language).split("|")
    rows = [_project_cells(row, table.money, language) for row in table.rows]
    return table_card(table.title, header, rows, max_bytes, language)


def _project_cells(row: ProjectRow, money: bool, language: Language) -> list[str]:
    cells = [
        quote_title(row.title, row.quoted),
        places_label(row.places, language),
        row.county or t("lists.unknown_county", language),
        period_label(row.period, language),
        ", ".join(label(key, language) for key in row.themes),
    ]
    if money:
        funds = row.granted if row.granted is not None else row.applied
        cells += [_amount(row.budget, language), _amount(funds, language)]
    return [*cells, _markers(row.citations)]


def document_table_card(
    table: DocumentTable, max_bytes: int, language: Language
) -> dict[str, Any] | None:
    """Title, type, date, county (when any document has one) and file of every document."""
    with_county = any(row.county for row in table.rows)
    header = t("teams.document_columns", language).split("|")
    if not with_county:
        header.pop(3)
    rows = [_document_cells(row, with_county, language) for row in table.rows]
    return table_card(table.title, header, rows, max_bytes, language)


def _document_cells(row: DocumentRow, with_county: bool, language: Language) -> list[str]:
    date = format_date(row.date, language) if row.date else ""
    county = [row.county or ""] if with_county else []
    return [row.title, row.doc_type, date, *county, row.source]


def _amount(nok: int | None, language: Language) -> str:
    return format_amount(nok, language) if nok is not None else ""


def _markers(citations: list[int]) -> str:
    return "".join(f"[{n}]" for n in sorted(set(citations)))
