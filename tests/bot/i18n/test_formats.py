"""Dates and amounts as each language writes them (Babel), and what the indexer can read back."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.i18n import format_amount, format_date, format_month, format_number
from indexer.text.dates import parse_date

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nb", "31. januar 2024"), ("nn", "31. januar 2024"), ("en", "31 January 2024")],
)
def test_dates_are_written_out_in_the_answer_language(language: str, expected: str) -> None:
    assert format_date(dt.date(2024, 1, 31), language) == expected  # type: ignore[arg-type]


def test_a_day_is_not_zero_padded() -> None:
    assert format_date(dt.date(2018, 6, 7), "nb") == "7. juni 2018"
    assert format_date(dt.date(2018, 6, 7), "en") == "7 June 2018"


def test_a_written_out_date_reads_back_as_the_same_date() -> None:
    for language in ("nb", "nn", "en"):
        day = dt.date(2022, 12, 15)
        assert parse_date(format_date(day, language)) == day  # type: ignore[arg-type]


def test_months_are_named_in_the_answer_language() -> None:
    assert format_month(2022, 9, "nb") == "september 2022"
    assert format_month(2022, 9, "nn") == "september 2022"
    assert format_month(2022, 9, "en") == "September 2022"


def test_amounts_are_whole_kroner_with_no_break_spaces() -> None:
    assert format_amount(1_240_000, "nb") == f"1{NBSP}240{NBSP}000{NBSP}kr"
    assert format_amount(1_240_000, "nn") == f"1{NBSP}240{NBSP}000{NBSP}kr"
    assert format_amount(900, "en") == f"900{NBSP}kr"  # English as used in Norway


def test_numbers_are_grouped_like_the_documents_group_them() -> None:
    assert format_number(400_000, "nb") == f"400{NBSP}000"
    assert format_number(400_000, "en") == f"400{NBSP}000"
