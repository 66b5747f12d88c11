"""Reading what an applicant writes: is it a draft request, and which facts does it give?

Pure text rules (plus the gazetteer for places): the opening request may already name the
municipalities, theme, amount, period or the call it answers, and those questions are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.core.models import Language
from bot.drafting.texts import DraftKind
from bot.i18n import format_date
from indexer.models import MunicipalityMention
from indexer.text import themes
from indexer.text.dates import MONTH_NUMBERS, find_dates
from indexer.text.patterns import NUMBER_WORDS, stems
from indexer.text.places import Gazetteer

_REPORT = re.compile(r"sluttrapport\w*|final report|\brapport(?:en)?\b", re.I)
_QUOTED = re.compile(r"[«\"“]([^»\"”]{2,80})[»\"”]")
_CALL_WORDS = re.compile(r"utlys\w*|invitasjon\w*|\bcall\b", re.I)

@dataclass(frozen=True)
class Theme:
    """A theme of the shared vocabulary (indexer.text.themes), with a query that finds it by BM25."""

    key: str
    query: str

    def label(self, language: Language) -> str:
        return themes.label(self.key, language)


_AMOUNT = re.compile(  # «300 000 kr», «1,2 mill. kroner», and «NOK 300 000», «kr 300 000»
    r"(?<![\d,.])(?P<n>\d{1,3}(?:[  .]\d{3})+|\d+)(?P<d>,\d+)?\s*"
    r"(?P<m>mill(?:ioner|ion)?\.?\s*)?(?:kr\b|kroner|nok\b|,-)"
    r"|\b(?:nok|kr\.?)\s?(?P<n2>\d{1,3}(?:[  .]\d{3})+|\d+)(?P<d2>,\d+)?(?![\d.]\d)"
    r"(?P<m2>\s*mill(?:ioner|ion)?)?", re.I)
_PERCENT = re.compile(r"(\d{1,3})\s*(?:%|prosent|per cent|percent)", re.I)
_YEAR_RANGE = re.compile(r"\b(20\d{2})\s*(?:[–—-]|til|to)\s*(20\d{2})\b", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
                         + r")\.?\s+(20\d{2})\b", re.I)
_DURATION = re.compile(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s+(år|years?|måneder|"
                       r"månader|months?)\b", re.I)
_APPLIED = stems(r"søk\w*", "apply", "applied", r"tildel\w*", r"stimuleringsmid\w*", "granted")
_OWN = stems(r"egenandel\w*", r"eigendel\w*", r"eigeninnsats\w*", r"egeninnsats\w*", "own share",
             "kommunene dekker", "kommunane dekkjer")
_TOTAL = stems(r"\bsum\b", "samlet", "samla", r"total\w*", r"budsjett\w*", r"kostnad\w*",
               r"forbruk\w*", r"cost\w*", "spent")


def number_word(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def draft_kind(text: str) -> DraftKind:
    return "report" if _REPORT.search(text) and "prosjektplan" not in text.lower() else "plan"


def find_theme(text: str) -> Theme | None:
    """The first theme the text names ("fosterhjemsprosjekt", "foster care" → fosterhjem)."""
    keys = themes.themes_in(text)
    if not keys:
        return None
    terms = themes.BY_KEY[keys[0]].terms
    return Theme(keys[0], " ".join(dict.fromkeys(t.lstrip("*") for t in terms)))


def project_name(text: str) -> str | None:
    match = _QUOTED.search(text)
    return match.group(1).strip() if match else None


def find_places(text: str, gazetteer: Gazetteer) -> list[MunicipalityMention]:
    """Municipalities in an answer to "which municipalities?"; a bare "hå og time" counts.

    The gazetteer rightly doubts a lone "Time" in running text; as the answer to this question
    it is a place, so the answer is read as if it followed "i".
    """
    if not text.strip():
        return []
    titled = re.sub(r"\b(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), text)
    titled = re.sub(r"\b(Og|And|Samt|Eller)\b", lambda m: m.group(1).lower(), titled)
    tail = titled.rsplit(":", 1)[-1]
    for candidate in (text, f"i {text}", f"i {titled}", f"i {tail}"):
        if found := gazetteer.find_municipalities(candidate, lenient=True):
            return found
    return []


def join_names(names: list[str], language: Language) -> str:
    if len(names) <= 1:
        return "".join(names)
    word = " and " if language == "en" else " og "
    return ", ".join(names[:-1]) + word + names[-1]


# -- amounts and periods ----------------------------------------------------------------------


@dataclass(frozen=True)
class Budget:
    total: int | None = None
    applied: int | None = None
    own: int | None = None
    own_percent: float | None = None

    @property
    def share(self) -> float | None:
        """Own share in percent of the total, when the numbers allow it."""
        if self.own_percent is not None:
            return self.own_percent
        total = self.total or (self.applied + self.own if self.applied and self.own else None)
        return 100.0 * self.own / total if self.own is not None and total else None


def amounts(text: str) -> list[tuple[int, int, int]]:
    """(value in kr, start, end) for every amount of money in the text."""
    found = []
    for match in _AMOUNT.finditer(text):
        whole = re.sub(r"\D", "", match["n"] or match["n2"])
        fraction = (match["d"] or match["d2"] or "").lstrip(",")
        value = float(f"{whole}.{fraction or 0}")
        scale = 1_000_000 if match["m"] or match["m2"] else 1
        found.append((round(value * scale), match.start(), match.end()))
    return found


def parse_budget(text: str) -> Budget:
    """Which amount is the total, the applied sum and the own share, from the words before it."""
    total = applied = own = None
    previous_end = 0
    found = amounts(text)
    for value, start, end in found:
        window = text[max(previous_end, start - 60):start]
        previous_end = end
        if _OWN.search(window):
            own = own or value
        elif _APPLIED.search(window):
            applied = applied or value
        elif _TOTAL.search(window):
            total = total or value
    if len(found) == 1 and total is None and applied is None and own is None:
        applied = found[0][0]  # one bare amount: what they ask for
    percent = None
    if (m := _PERCENT.search(text)) and _OWN.search(text[max(0, m.start() - 60):m.end() + 30]):
        percent = float(m.group(1))
    return Budget(total, applied, own, percent)


@dataclass(frozen=True)
class Period:
    start: dt.date | None = None
    end: dt.date | None = None
    years: float | None = None


def parse_period(text: str) -> Period | None:
    dates = [d.date for d in find_dates(text)]
    if len(dates) >= 2:
        return _span(dates[0], dates[-1])
    if m := _YEAR_RANGE.search(text):
        return _span(dt.date(int(m.group(1)), 1, 1), dt.date(int(m.group(2)), 12, 31))
    months = [(MONTH_NUMBERS[m.group(1).lower()], int(m.group(2)))
              for m in _MONTH_YEAR.finditer(text)]
    if len(months) >= 2:
        (m1, y1), (m2, y2) = months[0], months[-1]
        end = dt.date(y2 + m2 // 12, m2 % 12 + 1, 1) - dt.timedelta(days=1)
        return _span(dt.date(y1, m1, 1), end)
    if m := _DURATION.search(text):
        count = number_word(m.group(1))
        if count:
            unit = m.group(2).lower()
            return Period(years=count if unit.startswith(("år", "year")) else count / 12)
    return None


def _span(start: dt.date, end: dt.date) -> Period | None:
    if end < start:
        return None
    return Period(start, end, round(((end - start).days + 1) / 365.25, 2))


# -- the opening request ---------------------------------------------------------------------


@dataclass
class Opening:
    kind: DraftKind
    answers: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)  # name, county, call_date (ISO)


def parse_opening(text: str, language: Language, gazetteer: Gazetteer) -> Opening:
    """What the first message already tells: those questions are not asked again."""
    body = re.sub(r"^\s*/\w+", "", text).strip()  # the /utkast command itself
    opening = Opening(kind=draft_kind(body))
    places = gazetteer.find_municipalities(body, lenient=True)
    if places:
        opening.answers["municipalities"] = join_names([p.name for p in places], language)
    if theme := find_theme(body):
        opening.answers["theme"] = theme.label(language)
    if found := amounts(body):
        opening.answers["budget"] = "; ".join(_words_before(body, s, e) for _, s, e in found)
    period = parse_period(_without_call_date(body))
    if period and period.start and period.end:
        start, end = format_date(period.start, "nb"), format_date(period.end, "nb")
        opening.answers["period"] = f"{start} – {end}"
    if name := project_name(body):
        opening.hints["name"] = name
    if counties := gazetteer.find_counties(body):
        opening.hints["county"] = counties[0]
    if _CALL_WORDS.search(body) and (dates := find_dates(body)):
        opening.hints["call_date"] = dates[0].date.isoformat()
    return opening


def _words_before(text: str, start: int, end: int) -> str:
    """An amount with the few words that say what it is ("søker om 300 000 kr")."""
    window = text[max(0, start - 40):end]
    return window.split(" ", 1)[1] if start > 40 and " " in window else window


def _without_call_date(text: str) -> str:
    """The date that names a call ("utlysningen … av 1. mars 2023") is no project period."""
    if not _CALL_WORDS.search(text):
        return text
    for match in find_dates(text):
        text = text.replace(match.text, " ")
    return text
