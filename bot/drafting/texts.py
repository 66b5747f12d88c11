"""The fields the drafting dialog asks for, in order, and the question it asks for each.

The words themselves live in the catalogue (bot/i18n/drafting.toml); section headings that come
from a call or guideline are quoted as the document writes them.
"""

from __future__ import annotations

from typing import Literal

from bot.core.models import Language
from bot.i18n import messages, t

DraftKind = Literal["plan", "report"]

# The order in which the dialog asks; a field the opening request already answered is skipped.
FIELDS: dict[DraftKind, tuple[str, ...]] = {
    "plan": ("municipalities", "theme", "target_group", "goals", "measures", "partner",
             "anchoring", "period", "budget", "contact"),
    "report": ("municipalities", "theme", "period", "goals", "measures", "budget",
               "experiences", "continuation", "contact"),
}
ALL_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(f for fields in FIELDS.values() for f in fields))


def question(field: str, kind: DraftKind, language: Language) -> str:
    """A report asks some fields differently ("Hvilke tiltak ble gjennomført?")."""
    key = f"drafting.report_question.{field}"
    if kind != "report" or key not in messages():
        key = f"drafting.question.{field}"
    return t(key, language)


def title(kind: DraftKind, language: Language) -> str:
    return t(f"drafting.title_{kind}", language)
