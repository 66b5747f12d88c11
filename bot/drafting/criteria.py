"""The checklist: each rule of the governing documents against what the applicant has told.

Every item is met, missing (not told yet) or in conflict, and carries the citation of the rule it
checks. Where several documents state the same kind of rule, the newest document wins, then
the most authoritative one (see `Grounding.governing`). A theme-specific exemption ("For
fosterhjemsprosjekter er dette ikke et krav") turns a requirement off for that theme, but only
in the year it was given for: the 2019 exemption in Bufdir's guidelines does not excuse a 2024
project, and the checklist then says the requirement stands. Every item names where its rule
comes from and its year («utlysning 2023», «gjelder 2019»), so nothing reads as timeless that
is not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.cite import CitationBook
from bot.core.models import Language
from bot.core.payloads import CheckItem, CheckStatus
from bot.drafting.facts import Facts, project_period
from bot.drafting.grounding import Grounding
from bot.drafting.parsing import join_names, number_word
from bot.drafting.rules import Rule
from bot.drafting.selection import Located, cite_rule, draft_year, lapsed, provenance, select_rules
from bot.drafting.texts import DraftKind
from bot.i18n import format_date, format_number, t
from indexer.text.dates import MONTH_NUMBERS

PLAN_CHECKS = ("min_municipalities", "participants", "anchoring", "competence", "own_share",
               "max_amount", "max_period", "deadline", "max_pages")
REPORT_CHECKS = ("report_deadline", "max_pages", "own_share")
WORDS_PER_PAGE = 450


def checklist(
    facts: Facts, grounding: Grounding, kind: DraftKind, today: dt.date, language: Language,
    book: CitationBook, draft_words: int,
) -> list[CheckItem]:
    year = draft_year(facts, today)
    rules = select_rules(grounding, kind, year)
    items: list[CheckItem] = []
    ctx = _Ctx(facts, grounding, rules, today, language, book, draft_words, kind, year)
    for key in PLAN_CHECKS if kind == "plan" else REPORT_CHECKS:
        located = rules.get(key)
        if located is None:
            continue
        status, detail, extra = _CHECKS[key](located.rule, ctx)
        shown = _exemption(key, ctx) or located  # an exemption that holds is the rule shown
        items.append(CheckItem(
            key=key, label=_label(key, shown, language), status=status, detail=detail,
            rule=shown.rule.text, source=shown.doc.meta.source,
            citations=list(dict.fromkeys([cite_rule(book, shown), *extra])),
        ))
    return items


@dataclass(frozen=True)
class _Ctx:
    facts: Facts
    grounding: Grounding
    rules: dict[str, Located]
    today: dt.date
    language: Language
    book: CitationBook
    draft_words: int
    kind: DraftKind
    year: int

    def detail(self, key: str, **values: object) -> str:
        """What an outcome says, in the draft's language (drafting.toml, [detail.*])."""
        return t(f"drafting.detail.{key}", self.language, **values)


Result = tuple[CheckStatus, str, list[int]]


def _municipalities(rule: Rule, ctx: _Ctx) -> Result:
    names = [m.name for m in ctx.facts.municipalities]
    if not names:
        return "missing", ctx.detail("munis_missing"), []
    joined = join_names(names, ctx.language)
    if len(names) < (rule.value or 0):
        return "conflict", ctx.detail("munis_few", count=len(names), names=joined), []
    return "met", f"{joined}.", []


def _participants(rule: Rule, ctx: _Ctx) -> Result:
    told = " ".join(ctx.facts.answers.values())
    if re.search(r"\b(?:to|2|two)\s+(?:personer|deltak\w*|representant\w*|persons|people)", told,
                 re.I):
        return "met", ctx.detail("described"), []
    return "missing", ctx.detail("participants_missing"), []


def _anchoring(rule: Rule, ctx: _Ctx) -> Result:
    anchored = ctx.facts.anchoring
    if anchored is None:
        return "missing", ctx.detail("anchoring_missing"), []
    return ("met", ctx.detail("described"), []) if anchored else (
        "conflict", ctx.detail("anchoring_no"), [])


def _competence(rule: Rule, ctx: _Ctx) -> Result:
    theme = ctx.facts.theme
    if _exemption("competence", ctx) and theme:
        return "met", ctx.detail("competence_exempt", theme=theme.label(ctx.language)), []
    partner = ctx.facts.answer("partner")
    if partner and not ctx.facts.partner_declined:
        return "met", f"{partner.rstrip('.')}.", []
    status: CheckStatus = "conflict" if ctx.facts.partner_declined else "missing"
    detail = ctx.detail("competence_no" if status == "conflict" else "competence_missing")
    old = lapsed(ctx.grounding, ctx.kind, "competence_exempt", ctx.year)
    if old is None or theme is None or old.rule.theme != theme.key:
        return status, detail, []
    # The theme had an exemption once: say that it no longer holds, rather than stay silent.
    note = ctx.detail("exempt_lapsed", theme=theme.label(ctx.language), year=old.rule.year)
    return status, f"{detail} {note}", [cite_rule(ctx.book, old)]


def _exemption(key: str, ctx: _Ctx) -> Located | None:
    """The exemption from requirement `key` that holds for this draft's theme and year."""
    exempt = ctx.rules.get("competence_exempt") if key == "competence" else None
    theme = ctx.facts.theme
    if exempt and theme and exempt.rule.theme == theme.key:
        return exempt
    return None


def _own_share(rule: Rule, ctx: _Ctx) -> Result:
    share = ctx.facts.budget.share
    if share is None:
        return "missing", ctx.detail("share_missing"), []
    status: CheckStatus = "conflict" if share + 1e-9 < (rule.value or 0) else "met"
    return status, ctx.detail("share", share=f"{share:.0f}"), []


def _max_amount(rule: Rule, ctx: _Ctx) -> Result:
    applied = ctx.facts.budget.applied
    if applied is None:
        return "missing", ctx.detail("amount_missing"), []
    if applied > (rule.value or 0):
        return "conflict", ctx.detail("amount_high", amount=kroner(applied, ctx.language),
                                      max=kroner(rule.value or 0, ctx.language)), []
    return "met", ctx.detail("amount", amount=kroner(applied, ctx.language)), []


def _max_period(rule: Rule, ctx: _Ctx) -> Result:
    period = ctx.facts.period
    if period is None or period.years is None:
        return "missing", ctx.detail("period_missing"), []
    years = f"{period.years:.1f}".rstrip("0").rstrip(".")
    status: CheckStatus = "conflict" if period.years > (rule.value or 0) + 0.05 else "met"
    return status, ctx.detail("period", years=years), []


def _deadline(rule: Rule, ctx: _Ctx) -> Result:
    if rule.date is None:
        return "missing", rule.text, []
    if rule.date < ctx.today:
        passed = format_date(rule.date, ctx.language)
        return "conflict", ctx.detail("deadline_passed", date=passed), []
    return "met", ctx.detail("deadline_left", days=(rule.date - ctx.today).days), []


def _report_deadline(rule: Rule, ctx: _Ctx) -> Result:
    end, extra = _project_end(ctx)
    due = report_due(rule.text, end) if end else None
    if end is None or due is None:
        return "missing", ctx.detail("report_rule", rule=rule.text), extra
    values = {"rule": rule.text, "end": format_date(end, ctx.language),
              "due": format_date(due, ctx.language)}
    if due < ctx.today:
        return "conflict", ctx.detail("report_passed", **values), extra
    return "met", ctx.detail("report_due", **values), extra


def _max_pages(rule: Rule, ctx: _Ctx) -> Result:
    pages = max(1, round(ctx.draft_words / WORDS_PER_PAGE))
    status: CheckStatus = "conflict" if pages > (rule.value or 0) else "met"
    return status, ctx.detail("pages", pages=pages), []


_CHECKS = {
    "min_municipalities": _municipalities, "participants": _participants,
    "anchoring": _anchoring, "competence": _competence, "own_share": _own_share,
    "max_amount": _max_amount, "max_period": _max_period, "deadline": _deadline,
    "report_deadline": _report_deadline, "max_pages": _max_pages,
}


def _project_end(ctx: _Ctx) -> tuple[dt.date | None, list[int]]:
    """The project's end: as told, else as its own project description states it (cited)."""
    if ctx.facts.period and ctx.facts.period.end:
        return ctx.facts.period.end, []
    own = ctx.grounding.own_project
    if own is None or (found := project_period(own.text)) is None:
        return None, []
    period, start, end = found
    n = ctx.book.cite(own.chunk_at(start), own.meta, own.text[start:end].replace("**", ""))
    return period.end, [n]


_RELATIVE_MONTHS = re.compile(r"(\w+)\s+(?:måneder|månader|months)\s+etter", re.I)
_NEXT_YEAR = re.compile(r"(\d{1,2})\.\s*(" + "|".join(MONTH_NUMBERS)
                        + r")\w*\s+(?:året|the year)\s+(?:etter|after)", re.I)


def report_due(rule_text: str, end: dt.date) -> dt.date | None:
    """'innen 1. mars året etter' or 'senest tre måneder etter prosjektslutt', from the end date."""
    if m := _NEXT_YEAR.search(rule_text):
        try:
            return dt.date(end.year + 1, MONTH_NUMBERS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    if (m := _RELATIVE_MONTHS.search(rule_text)) and (months := number_word(m.group(1))):
        month = end.month - 1 + months
        year, month = end.year + month // 12, month % 12 + 1
        day = min(end.day, 28)
        return dt.date(year, month, day)
    return None


def kroner(value: float, language: Language) -> str:
    """Whole kroner without the unit; the checklist's sentences place "kr" or "NOK" themselves."""
    return format_number(int(value), language)


def _label(key: str, located: Located, language: Language) -> str:
    """«Inntil 400 000 kr per prosjekt (utlysning 2023)»: what, and from where and when."""
    rule = located.rule
    value = rule.value or 0
    date = format_date(rule.date, language) if rule.date else ""
    label = t(f"drafting.check.{key}", language, n=f"{value:g}", amount=kroner(value, language),
              date=date)
    where = provenance(located, language)
    return f"{label} ({where})" if where else label
