"""Reading single fields out of text: sentences, amounts, periods, partners, roles, titles.

Every reader returns character offsets, so each value can be cited by the exact span it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from indexer.catalogue.models import AmountKind, Role
from indexer.text.dates import find_dates

PROJECT_WORD = re.compile(r"prosjekt|\bproject", re.IGNORECASE)
QUOTED = re.compile(r"«([^«»\n]{3,80})»")
# "prosjektet om fosterhjem i slekt og nettverk (2019–2020), som …" → the subject, which ends at
# a bracket or punctuation, a relative clause, or the network it belongs to
_SUBJECT_ENDS = r"[(),.;:\n–]", r"\s+som\s", r"\s+der\s", r"\s+i\s+læringsnettverk", "$"
_ABOUT = re.compile(
    rf"\bprosjekt(?:et|a)?\s+om\s+(?P<about>[^(),.;:\n–]{{6,90}}?)(?=\s*(?:{'|'.join(_SUBJECT_ENDS)}))",
    re.IGNORECASE,
)
_NAMED_PROJECT = re.compile(r"\b[A-ZÆØÅ][\w]+s?-prosjekt\w*")
_HEADING_NOISE = re.compile(
    r"^(?:status\s+(?:i|for|frå|fra)\s+|erfaringer\s+fr[aå]\s+|erfaringar\s+fr[aå]\s+|"
    r"søknad\s+om\s+stimuleringsmid\w*\s*(?:\d{4})?\s*[–-]?\s*)",
    re.IGNORECASE,
)
# A place name right after these words is part of an organisation or address, not a partner
# municipality: "Universitetet i Stavanger", "Korus Bergen", "Statens hus, Bergen".
ORGANISATION_BEFORE = re.compile(
    r"(?:universitet\w*|høgskole\w*|høgskule\w*|statsforvalter\w*|statsforvaltar\w*|"
    r"fylkesmann\w*|statens hus|campus|korus|rkbu|rvts|nav|bufetat(?: region)?|"
    r"familiesenter\w*|familievernkontor\w*|barnehus\w*|politi\w*|uis|kommunen)"
    r"\s*(?:i|på|,)?\s*$",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(?<![\d,.])(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+|\d{4,})(?:,-)?\s*(?:kr\b|kroner|NOK)"
    r"|(?:kr\.?|NOK)\s*(?P<num2>\d{1,3}(?:[ \u00a0.]\d{3})+|\d{4,})"
    r"|(?P<mill>\d+(?:,\d+)?)\s*mill(?:ionar|ioner|\.)?\s*(?:kr\b|kroner)",
    re.IGNORECASE,
)
_DASH_KRONER = re.compile(r"\d(?:[ \u00a0.]?\d)*,-")  # «3.000.000,-»: whole kroner
# «kr 18,24 mill.», «NOK 2 million», «2,1 mrd.» (the sector's budgets are in kroner)
_MILLIONS = re.compile(r"(?:\bkr\.?|\bNOK)\s*\d+(?:,\d+)?\s*mill|\d(?:,\d+)?\s*(?:mrd\b|milliard)",
                       re.IGNORECASE)
_AFTER_KIND: tuple[tuple[re.Pattern[str], AmountKind], ...] = (
    (re.compile(r"^\W{0,3}\s*(?:i|som)\s+(?:egenandel|eigenandel|eigeninnsats)", re.I),
     "egenandel"),
    (re.compile(r"^\W{0,3}\s*i\s+stimuleringsmid", re.I), "søkt"),
)
_BEFORE_KIND: tuple[tuple[re.Pattern[str], AmountKind], ...] = (
    (re.compile(r"forbruk|regnskap|rekneskap|\bbrukt(?:e)?\b|\bspent\b", re.I), "forbruk"),
    (re.compile(r"egenandel|eigenandel|eigeninnsats|\bdekk(?:er|et|ar|jer|te)\b", re.I),
     "egenandel"),
    (re.compile(r"\b(?:fikk|fekk|tildelt|tildelte|innvilget|innvilga|har fått|fått)\b", re.I),
     "tildelt"),
    (re.compile(r"\bsøk(?:es|er|t|te|ast|jer|je)?\b|\bsøknad", re.I), "søkt"),
    (re.compile(r"budsjett|\bsum\b|\btotal|\bramme\b|\brammen\b|\bbudget", re.I), "budsjett"),
    (re.compile(r"stimuleringsmid", re.I), "søkt"),
)
_HOST = re.compile(
    r"^\W{0,2}\s*(?:kommune|herad|herred)?\s*\(?\s*(?:har\s+)?(?:er\s+|som\s+|var\s+|vore\s+)?"
    r"(?:tidlegare\s+|tidligere\s+)?(?:vore\s+|vært\s+)?vertskommune",
    re.IGNORECASE,
)
_FIELD = re.compile(r"^[\s*_]*(?P<field>[A-Za-zÆØÅæøå ]{3,30}?)[\s*_]*:")
_YEARS = re.compile(r"(?<!\d)(?P<a>20\d\d|19\d\d)\s*(?:[–—-]|til|to)\s*(?P<b>20\d\d|19\d\d)(?!\d)")
_PERIOD_FIELD = re.compile(r"prosjektperiode|periode|varigheit|varighet|project period", re.I)

PARTNERS: tuple[tuple[str, str], ...] = (
    (r"RKBU\s+(?:Vest|Midt-Norge|Nord)|RKBU(?:/NORCE)?|NORCE", "RKBU"),
    (r"RVTS(?:\s+(?:Vest|Sør|Øst|Midt|Nord))?", "RVTS"),
    (r"Høgskulen på Vestlandet|Høgskolen på Vestlandet|\bHVL\b|hvl\.no", "Høgskulen på Vestlandet"),
    (r"Universitetet i Stavanger|\bUiS\b", "Universitetet i Stavanger (UiS)"),
    (r"Universitetet i Agder|\bUiA\b", "Universitetet i Agder"),
    (r"Universitetet i Bergen|\bUiB\b", "Universitetet i Bergen"),
    (r"\bNTNU\b", "NTNU"),
    (r"UiT Norges arktiske universitet|\bUiT\b", "UiT Norges arktiske universitet"),
    (r"Nord universitet", "Nord universitet"),
    (r"Høgskolen i Innlandet|Høgskulen i Innlandet", "Høgskolen i Innlandet"),
    (r"OsloMet", "OsloMet"),
    (r"Bufetat(?:\s+region\s+(?:vest|sør|øst|nord|Midt-Norge))?", "Bufetat"),
    (r"\bNUBU\b", "NUBU"),
    (r"\bKorus\b|\bKoRus\b", "Korus"),
    (r"\bKS\b", "KS"),
    (r"familievernkontor\w*|familievernet", "familievernet"),
    (r"\bDMMH\b", "DMMH"),
)
_PARTNER_PATTERNS = tuple((re.compile(p), name) for p, name in PARTNERS)


class Span(NamedTuple):
    start: int
    end: int
    text: str


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Lines, then sentences within lines; "13. september" and "kl. 10.00" stay whole."""
    stop = len(text) if end is None else end
    found: list[Span] = []
    for line in re.finditer(r"[^\n]+", text[start:stop]):
        offset = start + line.start()
        piece = line.group()
        cut = 0
        for boundary in re.finditer(r"(?<=[.!?])\s+(?=[«\"A-ZÆØÅ])", piece):
            before = piece[: boundary.start()]
            if re.search(r"(?:\b\d{1,2}|\b[a-zæøå]{1,4})\.$", before) and not before.endswith(
                ("kr.", "mill.")
            ):
                continue  # "1. Formål", "bl.a. Kvam", "ca. 120"
            _add(found, piece, offset, cut, boundary.start())
            cut = boundary.end()
        _add(found, piece, offset, cut, len(piece))
    return found


def _add(found: list[Span], piece: str, offset: int, a: int, b: int) -> None:
    chunk = piece[a:b]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        found.append(Span(offset + a + lead, offset + a + lead + len(stripped), stripped))


def states_money(text: str) -> bool:
    """A sum of money in kroner («650 000 kr», «kr 1 200 000», «4,2 mill. kr», «900.000,-»,
    «kr 18,24 mill.», «2,1 mrd.»)."""
    return bool(_AMOUNT.search(text) or _DASH_KRONER.search(text) or _MILLIONS.search(text))


def amounts(sentence: Span, final_report: bool) -> list[tuple[AmountKind, int]]:
    """Classified amounts in one sentence; breakdowns in parentheses and unlabelled rows skipped."""
    text = sentence.text
    result: list[tuple[AmountKind, int]] = []
    previous_end = 0
    for match in _AMOUNT.finditer(text):
        if text[: match.start()].count("(") > text[: match.start()].count(")"):
            previous_end = match.end()
            continue  # "(350 000 kr i 2021 og …)" repeats the total by year
        after, before = text[match.end() : match.end() + 40], text[previous_end : match.start()]
        kind = _amount_kind(after, before)
        previous_end = match.end()
        if kind is None:
            continue
        if kind == "søkt" and final_report and not re.search(r"\bsøk", text, re.I):
            kind = "tildelt"  # a final report's "stimuleringsmidler" were granted, not applied for
        result.append((kind, _nok(match)))
    return result


def _amount_kind(after: str, before: str) -> AmountKind | None:
    for pattern, kind in _AFTER_KIND:
        if pattern.search(after):
            if kind == "søkt" and re.search(r"\b(?:fikk|fekk|tildelt|innvilg)", before, re.I):
                return "tildelt"
            return kind
    hits: list[tuple[int, AmountKind]] = [
        (m.end(), kind) for pattern, kind in _BEFORE_KIND for m in pattern.finditer(before)
    ]
    return max(hits)[1] if hits else None


def _nok(match: re.Match[str]) -> int:
    if match.group("mill"):
        return round(float(match.group("mill").replace(",", ".")) * 1_000_000)
    digits = match.group("num") or match.group("num2")
    return int(re.sub(r"\D", "", digits))


def period(text: str) -> tuple[int, int] | None:
    """Start and end year: "Prosjektperiode: 1. april 2019 – 31. desember 2020", "2019–2020"."""
    days = period_days(text)
    if days is not None:
        return days[0].year, days[1].year
    years = _YEARS.search(text)
    if years:
        return int(years.group("a")), int(years.group("b"))
    return None


def period_days(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a period line writes as dates: its own two days; a third tells
    an earlier plan («1. januar 2019 – 31. mars 2021 (forlenget fra 31. desember 2020)»)."""
    dates = find_dates(text)
    return (dates[0].date, dates[1].date) if len(dates) >= 2 else None


def is_period_line(text: str) -> bool:
    return bool(_PERIOD_FIELD.search(field_name(text) or ""))


def partners(text: str) -> list[tuple[str, int, int]]:
    """Known competence centres and agencies named in `text`: (canonical name, start, end)."""
    found: list[tuple[str, int, int]] = []
    for pattern, name in _PARTNER_PATTERNS:
        for match in pattern.finditer(text):
            found.append((name, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def field_name(line: str) -> str | None:
    """The label of a "**Vertskommune:** Klepp kommune" line, lower-cased."""
    match = _FIELD.match(line)
    return match.group("field").strip().casefold() if match else None


def role_of(text: str, name_end: int, first: bool) -> Role:
    """Vertskommune when the line says so: "Vertskommune: Klepp", "Kvam (Vertskommune)".

    A "Søker:" or "Vertskommune:" label names the first municipality on its line only.
    """
    if _HOST.match(text[name_end : name_end + 60]):
        return "vertskommune"
    field = field_name(text) or ""
    if first and ("vertskommune" in field or field in {"søker", "søkjar"}):
        return "vertskommune"
    if first and "samarbeidskommune" in field:
        return "samarbeidskommune"
    return "deltaker"


def is_organisation(text: str, name_start: int) -> bool:
    return bool(ORGANISATION_BEFORE.search(text[max(0, name_start - 40) : name_start]))


def title_in(text: str) -> tuple[str, int, int, bool] | None:
    """A project's name in a heading or sentence: «quoted» first, then "prosjektet om …"."""
    quoted = QUOTED.search(text)
    if quoted:
        return quoted.group(1).strip(), quoted.start(), quoted.end(), True
    about = _ABOUT.search(text)
    if about:
        value = about.group("about").strip()
        return value[:1].upper() + value[1:], about.start("about"), about.end("about"), False
    named = _NAMED_PROJECT.search(text)
    if named:
        return named.group(), named.start(), named.end(), False
    return None


def clean_heading(heading: str) -> str:
    text = re.sub(r"^(?:sak\s+\d+(?:/\d+)?\)?[.:]?\s*)", "", heading.strip(), flags=re.I)
    text = text.replace("**", "").strip(" #*–-")
    stripped = _HEADING_NOISE.sub("", text).strip()
    return (stripped[:1].upper() + stripped[1:]) if stripped else text
