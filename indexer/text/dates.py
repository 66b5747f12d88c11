"""Dates as Norwegians (and the odd English text) write them, for documents and for questions.

The indexer uses this to date documents; the bot uses the same code to find "the minutes of
31.01.2024" in a question, so both sides agree on what a date looks like.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MONTHS_NB = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip
_MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# Bokmål and Nynorsk share month names; abbreviations cover both languages.
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip
MONTH_NUMBERS: dict[str, int] = {
    **_ABBREVIATIONS,
    **{name: i for i, name in enumerate(_MONTHS_EN, 1)},
    **{name: i for i, name in enumerate(MONTHS_NB, 1)},
}
_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_YEAR = r"(?P<year>\d{4})(?!\d)"
_ORDINAL = r"(?:st|nd|rd|th)?"

_PATTERNS = (
    # 31.01.2024, 7.6.2018, 31.03.22 (but not a version number or 1.2.3.4)
    re.compile(
        r"(?<![\d.])(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4}|\d{2})(?!\.?\d)"
    ),
    # 24/10-19, 17/9-2019, 24/10/2019: as dates are typed in a hurry (not «sak 10/22»)
    re.compile(r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})[-/](?P<year>\d{4}|\d{2})(?![\d/-])"),
    # 2019-03-15
    re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])"),
    # 13.september 2018, 13. september 2018, 31 January 2024, 1st of May 2024
    re.compile(
        rf"(?<![\d.])(?P<day>\d{{1,2}}){_ORDINAL}\.?\s*(?:of\s+)?(?P<mname>{_MONTH})\b\.?,?\s+{_YEAR}",
        re.IGNORECASE,
    ),
    # January 31, 2024
    re.compile(
        rf"\b(?P<mname>{_MONTH})\b\.?\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+{_YEAR}", re.IGNORECASE
    ),
)
# 15. november (no year): only when the caller supplies the year.
_YEARLESS = re.compile(
    rf"(?<![\d.])(?P<day>\d{{1,2}})\.\s*(?P<mname>{_MONTH})\b\.?(?!\.?,?\s+\d{{4}})",
    re.IGNORECASE,
)


class DateMatch(NamedTuple):
    date: dt.date
    start: int
    end: int
    text: str


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every full date in `text`, in order; impossible dates (31.02.2024) are left out.

    With `default_year`, day-and-month forms such as "15. november" count too.
    """
    found: list[DateMatch] = []
    patterns: list[re.Pattern[str]] = list(_PATTERNS)
    if default_year is not None:
        patterns.append(_YEARLESS)
    for pattern in patterns:
        for match in pattern.finditer(text):
            date = _to_date(match, default_year)
            if date is not None:
                found.append(DateMatch(date, match.start(), match.end(), match.group()))
    return _without_overlaps(found)


def parse_date(text: str) -> dt.date | None:
    """The first date in a short expression or question, or None when it names no full date."""
    matches = find_dates(text.strip())
    return matches[0].date if matches else None


def _to_date(match: re.Match[str], default_year: int | None) -> dt.date | None:
    parts = match.groupdict()
    year_text = parts.get("year")
    year = int(year_text) if year_text else default_year
    if year is None:
        return None
    if year_text is not None and len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    mname = parts.get("mname")
    month = MONTH_NUMBERS[mname.lower()] if mname else int(parts["month"])
    try:
        return dt.date(year, month, int(parts["day"]))
    except ValueError:
        return None


def _without_overlaps(found: list[DateMatch]) -> list[DateMatch]:
    """Keep the earliest, then longest, of overlapping matches."""
    kept: list[DateMatch] = []
    for match in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept
