"""Projects ranked by their stated periods: «Hvilket prosjekt startet først, og hvilket er det
siste som avsluttes?», «Which project lasted longest?».

A period is read from the sentence the catalogue took it from («Prosjektperiode: 1. januar 2019
– 31. desember 2020»), to the day where it is written to the day; within one year, a project
known only by its years ranks after one with a day written (its day may lie anywhere), and one
with no stated period is not ranked (the answer says how many were).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from bot.core.models import AnswerSentence
from bot.core.phrases import join
from bot.core.question import TimeRank
from bot.core.question_values import DurationBound
from bot.i18n import format_date, format_number, t
from bot.lists import rows
from indexer.catalogue import ProjectRecord
from indexer.catalogue.models import Evidence
from indexer.text.dates import find_dates
from indexer.text.language import Language


class Period(NamedTuple):
    start: dt.date  # the first day of the start year where no day is written
    end: dt.date  # the last day of the end year where no day is written
    start_day: bool  # written to the day
    end_day: bool

    def label(self, lang: Language) -> str:
        if self.start_day and self.end_day:
            return f"{format_date(self.start, lang)} – {format_date(self.end, lang)}"
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}–{self.end.year}"

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def period(project: ProjectRecord) -> Period | None:
    """The project's stated period, or None when no document states one."""
    first = project.start_year
    if first is None:
        return None
    last = project.end_year or first
    quote = project.period_evidence.quote if project.period_evidence else ""
    dates = [d.date for d in find_dates(quote)]
    start = next((d for d in dates if d.year == first), None)
    end = next((d for d in reversed(dates) if d.year == last and d != start), None)
    return Period(start or dt.date(first, 1, 1), end or dt.date(last, 12, 31),
                  start is not None, end is not None)


def by_start(projects: list[ProjectRecord]) -> list[ProjectRecord]:
    """Earliest start first (within a year, a day written before a bare year), those with no
    stated period last."""
    def key(project: ProjectRecord) -> tuple[int, int, bool, dt.date]:
        found = period(project)
        if found is None:
            return 1, 0, True, dt.date.max
        return 0, found.start.year, not found.start_day, found.start
    return sorted(projects, key=key)


def lasting(projects: list[ProjectRecord], bound: DurationBound) -> list[ProjectRecord]:
    """The projects whose stated period is past the bound, in their order; one with no stated
    period is not known to be."""
    return [p for p in projects if (found := period(p)) is not None and bound.admits(found.months)]


def alongside(projects: list[ProjectRecord], named: list[ProjectRecord]) -> list[ProjectRecord]:
    """The projects whose stated period overlaps a named one's, earliest start first; the named
    ones, and those with no stated period, are not among them. A period known only by its years
    spans them whole, so it overlaps whatever it may have."""
    spans = [found for p in named if (found := period(p)) is not None]
    own = {p.project_id for p in named}
    return by_start([p for p in projects if p.project_id not in own
                     and (found := period(p)) is not None
                     and any(found.start <= span.end and span.start <= found.end
                             for span in spans)])


def named_label(project: ProjectRecord, lang: Language) -> str:
    """«Vegen vidare» (Vinje og Tokke, 1. januar 2023 – 31. desember 2024)."""
    found = period(project)
    when = f", {found.label(lang)}" if found is not None else ""
    return f"{rows.title_of(project)} ({rows.place_labels(project, lang)}{when})"


def length_label(months: int, lang: Language) -> str:
    """«to år», «18 måneder»: a bound as the question wrote it, in whole years where it is."""
    if months % 12 == 0:
        return t("lists.length_years", lang, n=format_number(months // 12, lang))
    return t("lists.length_months", lang, n=format_number(months, lang))


_KEYS: dict[TimeRank, tuple[Callable[[Period], tuple[object, ...]], bool]] = {
    # the rank's key, and whether the largest key wins; within a year, a day written ranks
    # before (or after) a bare year, which may lie anywhere in it
    TimeRank.STARTED_FIRST: (lambda p: (p.start.year, not p.start_day, p.start), False),
    TimeRank.STARTED_LAST: (lambda p: (p.start.year, p.start_day, p.start), True),
    TimeRank.ENDED_FIRST: (lambda p: (p.end.year, not p.end_day, p.end), False),
    TimeRank.ENDED_LAST: (lambda p: (p.end.year, p.end_day, p.end), True),
    TimeRank.LONGEST: (lambda p: (p.months,), True),
    TimeRank.SHORTEST: (lambda p: (p.months,), False),
}


def extremes(projects: list[ProjectRecord], ranks: tuple[TimeRank, ...],
             cite: Callable[[Evidence], int], lang: Language) -> list[AnswerSentence]:
    """One line per ranking asked, the project (or those tied) with its period, cited; then
    how many of the projects state a period at all."""
    dated = [(p, found) for p in projects if (found := period(p)) is not None]
    if not dated:
        return []
    sentences: list[AnswerSentence] = []
    for rank in ranks:
        key, largest = _KEYS[rank]
        best = (max if largest else min)(key(found) for _, found in dated)
        top = [(p, found) for p, found in dated if key(found) == best]
        named = join([f"{rows.title_of(p)} ({rows.place_labels(p, lang)}, "
                      f"{found.label(lang)})" for p, found in top], lang)
        text = t(f"lists.time_{rank.value}", lang, projects=named, months=top[0][1].months)
        sentences.append(AnswerSentence(text=text, citations=[
            cite(p.period_evidence) for p, _ in top if p.period_evidence is not None]))
    sentences.append(AnswerSentence(text=t("lists.time_basis", lang, n=len(dated),
                                           total=len(projects))))
    return sentences
