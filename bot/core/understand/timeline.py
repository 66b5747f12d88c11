"""Projects ranked by time: «Hvilket prosjekt startet først, og hvilket er det siste som
avsluttes?», «Kva er det eldste prosjektet?», «Which project lasted longest?». Read once by
`understand`; the catalogue route ranks the projects by their stated periods.
"""

from __future__ import annotations

import re

from bot.core.question import TimeRank
from bot.core.question_values import DurationBound
from bot.core.understand.project_lists import PROJECT_WORD
from indexer.text.patterns import NUMBER_WORDS, words

# «hvilket prosjekt», «kva for prosjekt», «which of the projects», «det eldste prosjektet»
_WHICH = words(r"hvilke[nt]?", "kva", "hva", "which", "what", "det", "den", "the")
_FIRST = words("først", "fyrst", "tidligst", "tidlegast", "first", "earliest", "eldste", "oldest")
_LAST = words("sist", "siste", "senest", "seinast", "last", "latest", "nyeste", "nyaste", "newest",
              r"most recent(?:ly)?")
_STARTS = re.compile(r"\b(?:start\w*|begynt\w*|byrja\w*|begun|began|begin\w*|oppstart\w*)", re.I)
_ENDS = words(r"avslutt\w*", r"slutt(?!rapport)\w*", r"ferdig\w*", r"end(?:s|ed)?", r"finish\w*",
              r"complet\w*")
_AGE = words("eldste", "oldest", "nyeste", "nyaste", "newest")
_LONGEST = words("lengst", "lengste", "longest", "lasted longest")
_SHORTEST = words("kortest", "korteste", "shortest")
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|(?<!\w)'[^']*'(?!\w)")
_CLAUSE = re.compile(r",|;|\?|\bog\b|\band\b", re.I)
_NEAR = 40  # characters between «først» and the «startet» it ranks by


def time_ranks(text: str) -> tuple[TimeRank, ...]:
    """The rankings asked, in the question's order; none unless a project is asked of. A
    quoted title is a name, not a ranking («'Samtalen først'»)."""
    text = _QUOTED.sub(" ", text)
    if not (PROJECT_WORD.search(text) and _WHICH.search(text)):
        return ()
    found: list[tuple[int, TimeRank]] = []
    for clause in _clauses(text):
        start, piece = clause
        for m in _FIRST.finditer(piece):
            found.append((start + m.start(), _edge(piece, m.start(), TimeRank.STARTED_FIRST,
                                                   TimeRank.ENDED_FIRST)))
        for m in _LAST.finditer(piece):
            found.append((start + m.start(), _edge(piece, m.start(), TimeRank.STARTED_LAST,
                                                   TimeRank.ENDED_LAST)))
        found += [(start + m.start(), TimeRank.LONGEST) for m in _LONGEST.finditer(piece)]
        found += [(start + m.start(), TimeRank.SHORTEST) for m in _SHORTEST.finditer(piece)]
    edges = tuple(dict.fromkeys(rank for _, rank in sorted(found)))
    timed = _STARTS.search(text) or _ENDS.search(text) or _AGE.search(text) or any(
        rank in (TimeRank.LONGEST, TimeRank.SHORTEST) for rank in edges)
    return edges if timed else ()


def _clauses(text: str) -> list[tuple[int, str]]:
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(text)), len(text)]
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _edge(piece: str, at: int, started: TimeRank, ended: TimeRank) -> TimeRank:
    """By the start or the end, whichever word stands nearest; a start where none does."""
    def distance(pattern: re.Pattern[str]) -> int:
        return min((abs(m.start() - at) for m in pattern.finditer(piece)), default=10**6)
    starts, ends = distance(_STARTS), distance(_ENDS)
    return ended if ends < starts and ends <= _NEAR else started


_NUMBERS: dict[str, float] = {**NUMBER_WORDS, "a": 1, "halvannet": 1.5, "halvanna": 1.5,
                              "atten": 18, "eighteen": 18}
# «varte lenger enn to år», «over 18 månader», «ran for more than two years», «kortere enn ett
# år»: the bound, its unit, and which side of it
_LASTING = re.compile(
    r"\b(?:(?P<over>lenger|lengre|meir|mer|more|longer|over)|(?P<under>kortere|kortare|mindre|"
    r"less|shorter|under))(?:\s+(?:enn|than))?\s+(?P<n>\d+(?:,5)?|"
    + "|".join(_NUMBERS) + r")\s+(?P<unit>år|years?|måneder|månader|months?)\b", re.I)
# … said of how long something ran, not of an amount or an age
_RAN = re.compile(r"\b(?:varte|varer|vart|varigheit|varighet|gikk|gjekk|pågikk|pågjekk|ran|run|"
                  r"running|lasted|lasting|lasts|long|lang|periode\w*|period|duration)\b", re.I)


# «samtidig med», «parallelt med», «overlapped in time with», «at the same time as»
_ALONGSIDE = re.compile(
    r"\b(?:samtidig|parallelt\s+med|på\s+same?\s+tid\s+som|i\s+same?\s+periode\s+som|"
    r"overlapp\w*|overlap\w*|at\s+the\s+same\s+time\s+as|concurrent(?:ly)?\s+with|"
    r"in\s+parallel\s+with)\b", re.I)


def alongside(text: str) -> bool:
    """«Hvilke prosjekter pågikk samtidig med ettervernsprosjektet i Vinje og Tokke?»: the
    projects whose period overlaps the one the question names."""
    return bool(PROJECT_WORD.search(text) and _WHICH.search(text) and _ALONGSIDE.search(text))


def lasting(text: str) -> DurationBound | None:
    """The bound on a project's length the question asks, if it asks one of projects."""
    if not PROJECT_WORD.search(text) or not _RAN.search(text):
        return None
    m = _LASTING.search(text)
    if m is None:
        return None
    written = m["n"].casefold()
    number = float(written.replace(",", ".")) if written[0].isdigit() else _NUMBERS[written]
    months = round(number * 12) if m["unit"].casefold().startswith(("år", "year")) else round(
        number)
    return DurationBound(months, above=m["over"] is not None)
