"""Rules read out of a call (utlysning) or guideline (retningslinje) by generic text patterns.

Nothing here knows a particular call: "minst to kommuner", "inntil 400 000 kr per prosjekt",
"Søknadsfrist: 15. april 2023", a numbered list after "… med følgende deler:" are recognised
wherever they are written, and each rule keeps the character span it was read from, so it can be
cited. A rule's scope says whether it governs the project plan, the final report, or both, from
the words around it (a list under "Sluttrapport" is the report's outline), and its year the
year the sentence ties it to ("For de nye stimuleringsmidlene i 2019 …", "… per prosjekt for
2023"), if it names one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from bot.drafting.parsing import amounts, find_theme, number_word
from indexer.ingest.structure import find_sections
from indexer.models import DocType
from indexer.text.dates import find_dates
from indexer.text.patterns import stems, words
from indexer.text.sentences import split_sentences

Scope = Literal["plan", "report", "any"]
RuleKind = Literal["sections", "min_municipalities", "anchoring", "participants", "competence",
                   "competence_exempt", "own_share", "max_period", "max_amount", "deadline",
                   "report_deadline", "max_pages"]


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    scope: Scope
    text: str  # the sentence (or list) as the document writes it
    start: int  # character span in the document text
    end: int
    value: float | None = None
    date: dt.date | None = None
    items: tuple[str, ...] = ()
    theme: str | None = None  # competence_exempt: the theme the exemption is for
    year: int | None = None  # the one year the rule is for, when the sentence says so


_MIN_MUNIS = re.compile(r"\b(?:minst|minimum|at least)\s+(\w+)\s+(?:kommuner|kommunar|"
                        r"municipalities)", re.I)
_ANCHOR = stems(r"forank\w*", r"anchor\w*")
_LEADERS = stems(r"leder\w*", r"leiar\w*", r"ledelse\w*", r"leiing\w*", r"kommunedirektør\w*",
                 r"rådmann\w*", "management")
_PERSONS = re.compile(r"\b(?:to|2|two)\s+(?:personer|personar|representantar|representanter|"
                      r"persons|people)", re.I)
_COMPETENCE = stems(r"kompetansemiljø\w*", r"competence (?:centre|environment)\w*")
# The applicant must cooperate ("Nettverket skal samarbeide med …"), not the county governor.
_MUST_COOPERATE = re.compile(r"\b(?:skal|må|bør)\s+(?:\w+\s+){0,2}samarbeid\w*|\bkrav\b|"
                             r"\bmust\s+(?:\w+\s+)?(?:cooperate|work)", re.I)
_NOT_REQUIRED = stems(r"ikke\s+(?:et\s+)?krav", r"ikkje\s+(?:eit\s+)?krav",
                      r"not (?:a )?requir\w*")
_SHARE = re.compile(r"\bminst\s+(\d{1,3})\s*(?:prosent|%)|at least (\d{1,3})\s*(?:%|per ?cent)",
                    re.I)
_OWN_WORDS = stems("egenandel", "eigendel", "eigeninnsats", "egeninnsats", "dekke", "dekkje",
                   "own share")
_PERIOD = re.compile(r"(?:prosjektperiode\w*|varighet\w*|vare\w*|lasting)\b[^.]*?\b(?:maksimalt|"
                     r"maks\.?|inntil|høyst|opptil|at most|up to)\s+(\w+)\s+(år|years?)", re.I)
_MAX_AMOUNT = re.compile(r"\b(?:inntil|maksimalt|maks\.?|opptil|høyst|up to)\s+\d", re.I)
_PER_PROJECT = stems(r"søk\w*", "per prosjekt", r"tildel\w*", "apply", "per project")
_DEADLINE = stems(r"søknadsfrist\w*", "frist for å søke", "application deadline")
_REPORT_WORDS = stems(r"sluttrapport\w*", "final report")
_BY = words("innen", "senest", "seinast", "within", "by")
_PAGES = re.compile(r"(?:lengre enn|høyst|maks(?:imalt)?\.?|inntil|opptil|more than|at most)\s+"
                    r"(\d{1,3})\s+(?:sider|sidor|pages)", re.I)
_LIST_INTRO = re.compile(r"\b(?:del(?:er|ene|ar|ane)?|punkt\w*|overskrift\w*|innhold\w*|"
                         r"inneholde|sections?|parts?|headings?)\b[^:\n]*:\s*$", re.I)
_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+(.+?)\s*$")
# «i 2019», «for 2023»: a year the rule is for; not a date («15. april 2023») or a span.
_YEAR = re.compile(r"\b(?:i|for|in|during)\s+((?:19|20)\d{2})\b(?!\s*[–-]\s*\d)", re.I)
_DATED_KINDS = frozenset({"deadline", "report_deadline"})  # their own date says when


def extract_rules(text: str, doc_type: DocType) -> list[Rule]:
    """Every rule the text states, in document order."""
    headings = [(s.start, s.end, " ".join(s.heading_path)) for s in find_sections(text, doc_type)]
    rules = _section_lists(text, headings)
    previous = ""
    for sentence in split_sentences(text):
        heading = next((h for s, e, h in headings if s <= sentence.start < e), "")
        rules.extend(_sentence_rules(sentence.text, sentence.start, sentence.end, heading,
                                     previous))
        previous = sentence.text
    return sorted(rules, key=lambda r: r.start)


def _sentence_rules(text: str, start: int, end: int, heading: str, previous: str) -> list[Rule]:
    scope = _scope(text, heading)
    found: list[Rule] = []

    shown = text.replace("**", "")
    year = _year(text)

    def add(kind: RuleKind, **values: object) -> None:
        values.setdefault("year", None if kind in _DATED_KINDS else year)
        found.append(Rule(kind, values.pop("scope", scope), shown, start, end, **values))  # type: ignore[arg-type]

    if (m := _MIN_MUNIS.search(text)) and (n := number_word(m.group(1))):
        add("min_municipalities", value=float(n), scope="any")
    if _ANCHOR.search(text) and _LEADERS.search(text):
        add("anchoring", scope="any")
    if _PERSONS.search(text) and _LEADERS.search(text):
        add("participants", scope="any")
    if _NOT_REQUIRED.search(text) and (_COMPETENCE.search(text) or _COMPETENCE.search(previous)):
        theme = find_theme(text)
        add("competence_exempt", theme=theme.key if theme else None, scope="any")
    elif _COMPETENCE.search(text) and _MUST_COOPERATE.search(text):
        add("competence", scope="any")
    if (m := _SHARE.search(text)) and (_OWN_WORDS.search(text) or _OWN_WORDS.search(heading)):
        add("own_share", value=float(m.group(1) or m.group(2)), scope="any")
    if (m := _PERIOD.search(text)) and (n := number_word(m.group(1))):
        add("max_period", value=float(n), scope="any")
    if _MAX_AMOUNT.search(text) and _PER_PROJECT.search(text) and (money := amounts(text)):
        add("max_amount", value=float(money[0][0]), scope="plan")
    if _DEADLINE.search(text) and (dates := find_dates(text)):
        add("deadline", date=dates[0].date, scope="plan")
    if (_REPORT_WORDS.search(text) or _REPORT_WORDS.search(heading)) and _BY.search(text) \
            and "rapport" in text.lower():
        add("report_deadline", scope="report")
    if m := _PAGES.search(text):
        add("max_pages", value=float(m.group(1)))
    return found


def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _section_lists(text: str, headings: list[tuple[int, int, str]]) -> list[Rule]:
    """A numbered or bulleted list of short headings after a line like '… følgende deler:'."""
    rules: list[Rule] = []
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    for i, line in enumerate(lines):
        if not _LIST_INTRO.search(line.strip()):
            continue
        items, end = _items_after(lines, offsets, i + 1)
        if len(items) < 2:
            continue
        heading = next((h for s, e, h in headings if s <= offsets[i] < e), "")
        scope = _scope(line, heading)
        shown = text[offsets[i]:end].strip().replace("**", "")
        rules.append(Rule("sections", scope, shown, offsets[i], end, items=tuple(items)))
    return rules


def _items_after(lines: list[str], offsets: list[int], first: int) -> tuple[list[str], int]:
    items: list[str] = []
    end = offsets[first] if first < len(offsets) else offsets[-1]
    for j in range(first, len(lines)):
        content = lines[j].strip()
        if not content:
            if items:
                break
            continue
        match = _ITEM.match(content)
        if not match:
            break
        item = match.group(1).strip("*_ ").rstrip(";,")
        if len(item) > 80 or item.endswith("."):
            break
        items.append(item)
        end = offsets[j + 1]
    return items, end


def _scope(text: str, heading: str) -> Scope:
    words = f"{heading} {text}".lower()
    if re.search(r"prosjektplan|søknad|søkje|project plan|application", text.lower()):
        return "plan"
    if "rapport" in words or "report" in words:
        return "report"
    if re.search(r"prosjektplan|søknad|project plan|application", words):
        return "plan"
    return "any"
