"""Does an answer fit the part it was asked for? A budget needs an amount, a period dates.

An answer that clearly belongs to another part («Vi søker om 400 000 kr» asked for the target
group, «1. august 2024 – 31. juli 2026» asked for the measures) is filed there, so one answer
given a step early does not shift every later section. An answer that fits nowhere gets an
ask-back that says what is missing; the same field answered a second time is taken as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.drafting.parsing import find_places, parse_budget, parse_period
from indexer.text.dates import find_dates
from indexer.text.places import Gazetteer

# Words that make an amount a budget rather than a number in a goal («spare 200 000 kr»).
_BUDGET_WORDS = re.compile(r"søk\w*|søkj\w*|egenandel\w*|eigendel\w*|eigeninnsats\w*|"
                           r"budsjett\w*|kostnad\w*|totalt|samlet|samla|sum\b|tildel\w*|"
                           r"regnskap\w*|rekneskap\w*|forbruk\w*|apply|budget|cost\w*|total",
                           re.I)
_LETTERS = re.compile(r"[^\W\d_]")
_CONNECTORS = re.compile(r"\b(?:og|and|samt|med|kommune\w*|herad|i)\b|[,;.&]", re.I)
_FREE_TEXT = ("theme", "target_group", "goals", "measures", "partner", "anchoring",
              "experiences", "continuation")
SHORT_WORDS = 12  # a dated answer longer than this is a text that mentions dates, not a period


@dataclass(frozen=True)
class Fit:
    """The verdict: fits, belongs to `elsewhere`, or is unclear for `reason` (an ask-back)."""

    ok: bool
    elsewhere: str | None = None
    reason: str | None = None


FITS = Fit(ok=True)


def check(field: str, text: str, gazetteer: Gazetteer) -> Fit:
    """How `text` fits `field` of the dialog."""
    if field == "municipalities":
        return FITS if find_places(text, gazetteer) else _other(text, gazetteer, field) or Fit(
            ok=False, reason="municipalities")
    if field == "budget":
        return FITS if _has_amount(text) else _other(
            text, gazetteer, field) or Fit(ok=False, reason="budget")
    if field == "period":
        return FITS if _is_period(text) else _other(text, gazetteer, field) or Fit(
            ok=False, reason="period")
    if moved := _other(text, gazetteer, field):
        return moved
    if len(_LETTERS.findall(text)) < 2:
        return Fit(ok=False, reason="short")
    if field == "contact" and not re.search(r"[A-ZÆØÅ]\w+|@", text):
        return Fit(ok=False, reason="contact")
    return FITS


def _other(text: str, gazetteer: Gazetteer, field: str) -> Fit | None:
    """The part an answer plainly belongs to, when that is not `field`."""
    if field != "budget" and _has_amount(text) and _BUDGET_WORDS.search(text):
        return Fit(ok=False, elsewhere="budget")
    if field != "period" and _is_period(text) and len(text.split()) <= SHORT_WORDS \
            and len(find_dates(text)) >= 2:
        return Fit(ok=False, elsewhere="period")
    if field in _FREE_TEXT and _only_places(text, gazetteer):
        return Fit(ok=False, elsewhere="municipalities")
    return None


def _has_amount(text: str) -> bool:
    budget = parse_budget(text)
    return any(v is not None for v in (budget.total, budget.applied, budget.own,
                                        budget.own_percent))


def _is_period(text: str) -> bool:
    period = parse_period(text)
    return period is not None and (period.end is not None or period.years is not None)


def _only_places(text: str, gazetteer: Gazetteer) -> bool:
    """«Kvam og Voss»: nothing but municipality names and the words between them."""
    places = find_places(text, gazetteer)
    if not places:
        return False
    rest = text
    for place in places:
        rest = re.sub(re.escape(place.name), " ", rest, flags=re.I)
    return not _LETTERS.search(_CONNECTORS.sub(" ", rest))
