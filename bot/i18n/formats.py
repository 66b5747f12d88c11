"""Dates, months and amounts as each language writes them, by Babel (CLDR) rather than by hand.

English uses the CLDR locale "English as used in Norway" (en_NO): dates read «31 January 2024»
and amounts keep the Norwegian «1 240 000 kr» that the quoted documents use.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.numbers import format_currency, format_decimal

from indexer.text.language import Language

_LOCALES: dict[Language, str] = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_NO"}


@cache
def _locale(language: Language) -> Locale:
    return Locale.parse(_LOCALES[language])


def format_date(date: dt.date, language: Language) -> str:
    """«31. januar 2024», «31 January 2024»."""
    return _babel_date(date, "long", locale=_locale(language))


def format_month(year: int, month: int, language: Language) -> str:
    """«september 2022», «September 2022»."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=_locale(language))


def format_amount(nok: int, language: Language) -> str:
    """Whole kroner as the locale writes money, without øre: «1 240 000 kr»."""
    locale = _locale(language)
    whole = locale.currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(nok, "NOK", format=whole, locale=locale, currency_digits=False)


def format_number(value: float, language: Language) -> str:
    """«1 240 000», «12,5»."""
    return format_decimal(value, locale=_locale(language))
