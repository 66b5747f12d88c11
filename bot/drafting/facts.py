"""The applicant's answers read as facts the criteria can be checked against."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from bot.core.dialog import DraftDialog
from bot.drafting.parsing import (
    Budget,
    Period,
    Theme,
    find_places,
    find_theme,
    parse_budget,
    parse_period,
)
from indexer.models import MunicipalityMention
from indexer.text.places import Gazetteer

_DECLINED = re.compile(r"^\s*(?:nei|ingen|ikke|ikkje|none|no|nobody|n/a)\b", re.I)
_NEGATED_ANCHOR = re.compile(r"\b(?:ikke|ikkje|not)\s+(?:\w+\s+)?(?:forank\w*|anchor\w*)", re.I)
_ANCHORED = re.compile(r"forank\w*|anchor\w*|kommunedirektør\w*|rådmann\w*|kommuneledelse\w*|"
                       r"barnevern\w*lede\w*|barnevern\w*leiar\w*|ledergruppe\w*|leiargruppe\w*|"
                       r"styringsgrupp\w*|management", re.I)
_PERIOD_LINE = re.compile(r"prosjektperiode\w*\W+([^\n]+)", re.I)


@dataclass(frozen=True)
class Facts:
    answers: dict[str, str] = field(default_factory=dict)
    municipalities: list[MunicipalityMention] = field(default_factory=list)
    theme: Theme | None = None
    theme_text: str | None = None
    budget: Budget = Budget()
    period: Period | None = None
    name: str | None = None
    county: str | None = None  # today's county
    call_date: dt.date | None = None

    def answer(self, field_name: str) -> str | None:
        value = self.answers.get(field_name, "").strip()
        return value or None

    @property
    def partner_declined(self) -> bool:
        partner = self.answer("partner")
        return bool(partner and _DECLINED.match(partner))

    @property
    def anchoring(self) -> bool | None:
        """True: anchoring in management described; False: said not to be; None: not told."""
        text = " ".join(v for k, v in self.answers.items() if k in {"anchoring", "municipalities"})
        if _NEGATED_ANCHOR.search(text) or _DECLINED.match(self.answer("anchoring") or ""):
            return False
        return True if _ANCHORED.search(text) else None


def derive_facts(state: DraftDialog, gazetteer: Gazetteer) -> Facts:
    answers = dict(state.answers)
    places = find_places(answers.get("municipalities", ""), gazetteer)
    theme_text = answers.get("theme")
    theme = find_theme(theme_text or "") or find_theme(state.opening)
    county = None
    if hint := state.hints.get("county"):
        county = gazetteer.current_county(hint) or hint
    elif places:
        counts = Counter(c for p in places for c in p.current_county.split(", ") if c)
        county = counts.most_common(1)[0][0] if counts else None
    call_date = state.hints.get("call_date")
    return Facts(
        answers=answers,
        municipalities=places,
        theme=theme,
        theme_text=theme_text,
        budget=parse_budget(answers.get("budget", "")),
        period=parse_period(answers.get("period", "")),
        name=state.hints.get("name"),
        county=county,
        call_date=dt.date.fromisoformat(call_date) if call_date else None,
    )


def project_period(text: str) -> tuple[Period, int, int] | None:
    """The period a project description states ("Prosjektperiode: 1. mars 2021 – …")."""
    for match in _PERIOD_LINE.finditer(text):
        period = parse_period(match.group(1))
        if period and period.end:
            return period, match.start(), match.end()
    return None
