"""The framing of a list answer: what it was filtered on, how place history widened it, what it
covers, and where a long list continues. Every word comes from the i18n catalogue.
"""

from __future__ import annotations

from bot.core.models import AnswerSentence
from bot.core.phrases import join
from bot.core.question_values import Place, YearSpan
from bot.i18n import format_date, format_number, t
from indexer.catalogue import Coverage, YearEdge
from indexer.models import DocType
from indexer.text.language import Language
from indexer.text.themes import label

PAGE = 25  # rows per page of a long list


def filters(themes: frozenset[str], places: list[str], years: tuple[int, int] | None,
            lang: Language, title: str | None = None,
            edge: YearEdge = YearEdge.RAN,
            documents: frozenset[DocType] = frozenset(),
            every_document: bool = False) -> str:  # fmt: skip
    """« om fosterhjem i Vestland fra 2020», « … som startet fra 2022», « med sluttrapport»:
    what a list is limited to."""
    parts: list[str] = []
    if themes:
        parts.append(t("lists.theme", lang, x=join(theme_names(themes, lang), lang, "or")))
    if places:
        parts.append(t("lists.place", lang, x=join(places, lang, "or")))
    if title:
        parts.append(t("lists.title", lang, x=title))
    if years:
        if edge != YearEdge.RAN:
            parts.append(t(f"lists.{edge.value}", lang))
        first, last = years
        if last >= 9999:
            parts.append(t("lists.from", lang, x=first))
        elif first <= 0:
            parts.append(t("lists.before", lang, x=last + 1))
        else:
            parts.append(t("lists.years", lang, x=first if first == last else f"{first}–{last}"))
    if documents:  # «Hvilke prosjekter har levert sluttrapport?»
        parts.append(t("lists.with_document", lang, x=join(
            [t(f"lists.type_{d.value}", lang) for d in sorted(documents)], lang,
            "and" if every_document else "or")))
    return "".join(parts)


def theme_names(themes: frozenset[str], lang: Language) -> list[str]:
    """«ettervern», «foster homes»: the themes as a reader names them, in a fixed order."""
    return [label(k, lang) for k in sorted(themes)]


def left_out(places: list[str], years: YearSpan | None, lang: Language) -> str:
    """« utenom Karmøy», « utanom 2022», « except 2020–2021»: what a list leaves out."""
    named = places + ([str(years.first) if years.single else f"{years.first}–{years.last}"]
                      if years is not None else [])
    return t("lists.left_out", lang, places=join(named, lang)) if named else ""


def place_notes(places: tuple[Place, ...], lang: Language) -> list[AnswerSentence]:
    """How history widened the list: «Øygarden omfatter også tidligere Fjell og Sund.»,
    «Søgne er nå en del av Kristiansand; …»."""
    notes: list[AnswerSentence] = []
    for place in places:
        if place.is_current and place.former_names:
            whole = sorted(set(place.former_names) - set(place.former_in_part))
            if whole:
                notes.append(AnswerSentence(text=t("lists.includes", lang, name=place.name,
                                                   former=join(whole, lang))))
            if not place.former_in_part:
                continue
            text = t("lists.includes_part", lang, name=place.name,
                     former=join(list(place.former_in_part), lang))
        elif not place.is_current:
            split = len(place.current_names) > 1  # Vestfold og Telemark → Vestfold, Telemark
            key = {("municipality", False): "lists.now_part", ("municipality", True):
                   "lists.now_split", ("county", False): "lists.county_now_part",
                   ("county", True): "lists.county_now_split"}[(place.kind, split)]
            text = t(key, lang, name=place.name, current=join(list(place.current_names), lang))
        else:
            continue
        notes.append(AnswerSentence(text=text))
    return notes


def coverage(covered: Coverage, lang: Language) -> AnswerSentence:
    date = format_date(covered.last_indexed, lang) if covered.last_indexed else "?"
    return AnswerSentence(text=t("lists.coverage", lang, count=covered.documents, date=date))


def page_note(page: int, shown: int, total: int, lang: Language) -> list[AnswerSentence]:
    """«Viser 26–50 av 1 177. Skriv «vis flere» for neste side.»; nothing for a short list."""
    first = (page - 1) * PAGE + 1
    if total <= PAGE and page == 1:
        return []
    if shown == 0:
        return [AnswerSentence(text=t("lists.past_end", lang, total=format_number(total, lang)))]
    last = first + shown - 1
    key = "lists.page" if last < total else "lists.last_page"
    return [AnswerSentence(text=t(key, lang, first=format_number(first, lang),
                                  last=format_number(last, lang),
                                  total=format_number(total, lang)))]  # fmt: skip


_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})


def norwegian(text: str) -> str:
    """A sort key in Norwegian alphabetical order (… x y z æ ø å)."""
    return text.casefold().translate(_ORDER)
