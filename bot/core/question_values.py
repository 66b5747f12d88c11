"""The values a `Question` holds beside its words: the places it names (with their history),
spans of years, bounds on an amount or a period, which meeting and which agenda item it means,
whose attendance it asks, and the words it read as others. Plain frozen values, read by every
route; the question itself and what kind of answer it asks are in `bot.core.question`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from indexer.catalogue import YearEdge


@dataclass(frozen=True)
class Place:
    """A municipality or county the question names, with its history both ways."""

    name: str  # as the question wrote it (SSB spelling)
    kind: str  # "municipality" | "county"
    current_names: tuple[str, ...]  # today's name(s): Fjell → Øygarden
    former_names: tuple[str, ...]  # every name it or its successor had: Øygarden → Fjell, Sund …
    # Today's kommunenummer it covers: a municipality's own, or every one lying (wholly or in
    # part) where a county lies or lay: Hordaland → Kvam 4622, Øygarden 4626 …
    numbers: tuple[str, ...] = ()
    own_numbers: tuple[str, ...] = ()  # the numbers this name itself has had: Søgne → 1018
    counties: tuple[str, ...] = ()  # the counties a municipality lies or lay in
    # Former counties of which this county holds only a part: Buskerud ← part of Viken
    former_in_part: tuple[str, ...] = ()

    @property
    def is_current(self) -> bool:
        return self.name in self.current_names

    @property
    def all_names(self) -> frozenset[str]:
        return frozenset({self.name, *self.current_names, *self.former_names})


@dataclass(frozen=True)
class AmountBound:
    """«over 500 000 kr», «less than 500k», «minst en halv million»: a bound on a project's
    amount of the kind asked."""

    nok: int
    above: bool  # over the bound (else under it)
    inclusive: bool = False  # «minst», «inntil»: the bound itself is inside

    def admits(self, nok: int) -> bool:
        if nok == self.nok:
            return self.inclusive
        return nok > self.nok if self.above else nok < self.nok


@dataclass(frozen=True)
class DurationBound:
    """«varte lenger enn to år», «ran for less than 18 months»: a bound on a project's stated
    period, in months."""

    months: int
    above: bool  # longer than the bound (else shorter)

    def admits(self, months: int) -> bool:
        return months > self.months if self.above else months < self.months


@dataclass(frozen=True)
class YearSpan:
    first: int  # 0: open start
    last: int  # 9999: open end
    edge: YearEdge = YearEdge.RAN

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.first <= year <= self.last

    @property
    def single(self) -> int | None:
        return self.first if self.first == self.last else None


@dataclass(frozen=True)
class AgendaPick:
    """«første sak», «sak 23/2026», «the last item on the agenda»: one Sak of a meeting, or
    every one of them («hvor mange saker var på lista?»)."""

    position: int | None = None  # 1-based; -1 the last
    number: str | None = None  # as written: «23/2026», «3» (a Sak's number, else its position)
    every: bool = False  # «Hvor mange saker var på møtet?», «What was on the agenda?»: them all


@dataclass(frozen=True)
class MeetingRef:
    """Which meeting the question means: a date, a month, a year, words of its name, or the
    latest one («siste møte»)."""

    date: dt.date | None = None
    month: tuple[int, int] | None = None  # (year, month)
    year: int | None = None
    words: tuple[str, ...] = ()  # stems that should match the meeting's title/network/county
    latest: bool = False
    period: tuple[dt.date, dt.date] | None = None  # «i fjor», «i vår», «siden 2022»: first, last
    every: bool = False  # «på møtene vi har referat fra»: all of those that fit, not one
    month_of_year: int | None = None  # «møtet i november»: that month of any year
    day_of_year: tuple[int, int] | None = None  # «møtet 10. februar»: (month, day) of any year

    @property
    def empty(self) -> bool:
        return not (self.date or self.month or self.year or self.words or self.latest
                    or self.period or self.month_of_year or self.day_of_year)

    @property
    def dated(self) -> bool:
        """Whether it names a time (a date, month, year or period) rather than only words."""
        return bool(self.date or self.month or self.year or self.period or self.month_of_year
                    or self.day_of_year)


@dataclass(frozen=True)
class Attendee:
    """Whom a participants question is about: «Hvem møtte fra Bufdir?», «Hvilke møter har Valle
    deltatt på?». A person matches by a municipality (with its history) or by every word of an
    organisation («Statsforvalteren i Rogaland» → statsforvalter, rogaland)."""

    written: str  # as the question wrote it: «Bufdir», «Valle», «Statsforvalteren i Rogaland»
    places: tuple[Place, ...] = ()
    org_words: tuple[str, ...] = ()  # lower-case, synonyms folded («fylkesmannen» → statsforvalter)


@dataclass(frozen=True)
class Correction:
    """A word read as another, shown with the answer: a typo as the corpus word it almost is
    («fosterhejm» → «fosterhjem»), a part of the country as its counties («Nord-Norge» →
    «Nordland, Troms, Finnmark»)."""

    written: str
    read: str
