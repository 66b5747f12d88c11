"""Which rule of each kind governs a draft, and where and when it comes from.

The governing documents (`Grounding.governing`) are read newest first, so a newer call wins
over an older guideline; an exemption holds only in the year it names («For de nye
stimuleringsmidlene i 2019 … er det ikke et krav»), while a requirement tied to a year is still
shown, labelled with that year. The year a draft is for is its period's start, else the year of
the call it answers, else this year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.core.cite import CitationBook
from bot.core.models import Language
from bot.drafting.facts import Facts
from bot.drafting.grounding import Grounding, SourceDoc
from bot.drafting.rules import Rule, RuleKind
from bot.drafting.texts import DraftKind
from bot.i18n import t

EXEMPTIONS = frozenset({"competence_exempt"})


@dataclass(frozen=True)
class Located:
    rule: Rule
    doc: SourceDoc


def cite_rule(book: CitationBook, located: Located) -> int:
    return book.cite(located.doc.chunk_at(located.rule.start), located.doc.meta, located.rule.text)


def select_rules(grounding: Grounding, kind: DraftKind, year: int) -> dict[str, Located]:
    """The governing rule of each kind for a draft for `year`: the newest document's first."""
    chosen: dict[str, Located] = {}
    for doc in _newest_first(grounding.governing(kind)):
        ranked = sorted(doc.rules, key=lambda r: "prosjekt" not in r.text.lower())
        for rule in ranked:
            if rule.scope in {kind, "any"} and rule.kind not in chosen and in_force(rule, year):
                chosen[rule.kind] = Located(rule, doc)
    return chosen


def in_force(rule: Rule, year: int) -> bool:
    """An exemption holds only in the year it names; a requirement is shown with its year."""
    return rule.kind not in EXEMPTIONS or rule.year is None or rule.year == year


def lapsed(grounding: Grounding, kind: DraftKind, rule_kind: RuleKind,
           year: int) -> Located | None:
    """An exemption of `rule_kind` that was given for another year than `year`."""
    for doc in _newest_first(grounding.governing(kind)):
        for rule in doc.rules:
            if rule.kind == rule_kind and not in_force(rule, year):
                return Located(rule, doc)
    return None


def draft_year(facts: Facts, today: dt.date) -> int:
    """The year a draft is for: its period's start, else the call it answers, else this year."""
    if facts.period and facts.period.start:
        return facts.period.start.year
    return facts.call_date.year if facts.call_date else today.year


def provenance(located: Located, language: Language) -> str:
    """«gjelder 2019» for a rule tied to a year, else «utlysning 2023»; "" when undated."""
    if located.rule.year is not None:
        return t("drafting.rule_year", language, year=located.rule.year)
    meta = located.doc.meta
    if meta.date is None:
        return ""
    return t(f"drafting.doc_type.{meta.doc_type.value}", language) + f" {meta.date.year}"


def _newest_first(docs: list[SourceDoc]) -> list[SourceDoc]:
    """Stable: documents of the same date keep the governing order."""
    return sorted(docs, key=lambda d: d.meta.date or dt.date.min, reverse=True)
