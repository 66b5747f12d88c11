"""Amounts of a list: applied for, granted, spent, budget and own share kept apart — never added
across kinds — every amount cited, and each sum shown with its parts:
«Til sammen 1 090 000 kr søkt: «Fosterhjem i vest» 450 000 kr + «…» 640 000 kr.»
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.models import AnswerSentence
from bot.core.payloads import AmountColumn
from bot.core.phrases import join
from bot.core.question import ListAsk
from bot.core.question_values import AmountBound
from bot.i18n import format_amount, format_number, t
from bot.lists import rows
from bot.lists.words import PAGE
from indexer.catalogue import Evidence, ProjectRecord
from indexer.catalogue.models import Amount, AmountKind
from indexer.text.language import Language
from indexer.text.sentences import split_sentences

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

KINDS: tuple[AmountKind, ...] = ("budsjett", "søkt", "tildelt", "forbruk", "egenandel")
COLUMNS: dict[AmountKind, AmountColumn] = {
    "budsjett": "budget", "søkt": "applied", "tildelt": "granted", "forbruk": "spent",
    "egenandel": "own_share"}  # fmt: skip
ASKS = {ListAsk.AMOUNTS, ListAsk.COMPARE}  # the list asks whose rows show amounts
LABELS = {"budsjett": "lists.budget", "søkt": "lists.applied", "tildelt": "lists.granted",
          "forbruk": "lists.spent", "egenandel": "lists.own_share"}  # fmt: skip


def kinds_shown(asked: frozenset[str], projects: list[ProjectRecord]) -> list[AmountKind]:
    """The kinds asked for; none named: budget, applied, granted and spent where any is known."""
    if asked:
        return [k for k in KINDS if k in asked]
    present = {a.kind for p in projects for a in p.amounts}
    return [k for k in KINDS[:4] if k in present]


def label(kind: AmountKind, lang: Language) -> str:
    return t(LABELS[kind], lang)


def line(project: ProjectRecord, places: str, kinds: list[AmountKind], lang: Language,
         yearly: bool = False) -> str:
    """«Fosterhjem i vest» (Fjell, Sund og Øygarden; 2019–2020): budsjett 780 000 kr, søkt …;
    `yearly` («fordelt på år»): an amount whose sentence splits it by year quotes it."""
    parts = [f"{label(k, lang)} {format_amount(a.nok, lang)}" + (
             f" («{said}»)" if yearly and (said := _by_year(a)) else "")
             for k in kinds if (a := project.amount(k))]  # fmt: skip
    period = rows.period_label(project, lang)
    head = f"{rows.title_of(project)} ({places}{'; ' + period if period else ''})"
    return f"{head}: {', '.join(parts)}" if parts else head


def _by_year(amount: Amount) -> str:
    """The sentence of the amount's quote that splits it by year («Prosjektet fikk 900 000 kr
    … (300 000 kr i 2020, 350 000 kr i 2021 og 250 000 kr i 2022).»), or ""."""
    for sentence in split_sentences(amount.evidence.quote):
        if len(set(_YEAR.findall(sentence.text))) >= 2:
            return sentence.text.strip()
    return ""


def evidence(project: ProjectRecord, kinds: list[AmountKind]) -> list[Evidence]:
    return [a.evidence for k in kinds if (a := project.amount(k))]


def within(project: ProjectRecord, kinds: list[AmountKind], bound: AmountBound) -> bool:
    """The project's amount of the first kind shown that it states lies past the bound."""
    amount = next((a for k in kinds if (a := project.amount(k))), None)
    return amount is not None and bound.admits(amount.nok)


def priced(project: ProjectRecord, kinds: list[AmountKind]) -> bool:
    return any(project.amount(k) for k in kinds)


def sums(
    projects: list[ProjectRecord], kinds: list[AmountKind], cite: Callable[[Evidence], int],
    lang: Language, averaged: bool = False,
) -> list[AnswerSentence]:
    """One sum per kind, with its parts (each cited) while they fit on a page, and its mean
    when asked; then the projects whose sources give none of the amounts."""
    sentences: list[AnswerSentence] = []
    for kind in kinds:
        found = [(p, a) for p in projects if (a := p.amount(kind))]
        summed = sum(a.nok for _, a in found)
        total = format_amount(summed, lang)
        if len(found) > PAGE:
            text = t("lists.sum_many", lang, total=total, kind=label(kind, lang),
                     count=format_number(len(found), lang))  # fmt: skip
            sentences.append(AnswerSentence(text=text))
        elif len(found) > 1:
            parts = " + ".join(f"{rows.title_of(p)} {format_amount(a.nok, lang)}" for p, a in found)
            text = t("lists.sum", lang, total=total, kind=label(kind, lang), parts=parts)
            sentences.append(AnswerSentence(text=text,
                                            citations=[cite(a.evidence) for _, a in found]))
        if averaged and found:
            mean = format_amount(round(summed / len(found)), lang)
            sentences.append(AnswerSentence(text=t(
                "lists.mean", lang, mean=mean, kind=label(kind, lang),
                count=format_number(len(found), lang))))
    missing = [p for p in projects if not priced(p, kinds)]
    if len(missing) > PAGE:
        names = format_number(len(missing), lang)
        sentences.append(AnswerSentence(text=t("lists.no_amounts", lang, names=names)))
    elif missing:  # each with its municipalities and a source, like the rows above
        names = join([_with_places(p, lang) for p in missing], lang)
        cited = [cite(found[0]) for p in missing if (found := rows.evidence(p))]
        sentences.append(AnswerSentence(text=t("lists.no_amounts", lang, names=names),
                                        citations=list(dict.fromkeys(cited))))
    return sentences


def _with_places(project: ProjectRecord, lang: Language) -> str:
    places = rows.place_labels(project, lang)
    return f"{rows.title_of(project)} ({places})" if places else rows.title_of(project)


def extremes(
    projects: list[ProjectRecord], kinds: list[AmountKind], cite: Callable[[Evidence], int],
    lang: Language,
) -> list[AnswerSentence]:
    """«Høyest budsjett: «Neste steg» 1 050 000 kr; lavest: «Barnet i midten» 610 000 kr.»,
    one line per kind that two or more projects state, every amount cited."""
    sentences: list[AnswerSentence] = []
    for kind in kinds:
        found = sorted(((p, a) for p in projects if (a := p.amount(kind))),
                       key=lambda pair: -pair[1].nok)
        if len(found) < 2:
            continue
        top = [pair for pair in found if pair[1].nok == found[0][1].nok]
        bottom = [pair for pair in found if pair[1].nok == found[-1][1].nok]
        text = t("lists.extremes", lang, kind=label(kind, lang), top=_named(top, lang),
                 bottom=_named(bottom, lang))
        sentences.append(AnswerSentence(text=text, citations=[
            cite(a.evidence) for _, a in [*top, *bottom]]))
    return sentences


def _named(pairs: list[tuple[ProjectRecord, Amount]], lang: Language) -> str:
    """«Neste steg» 1 050 000 kr; projects tied at the same amount share it."""
    return f"{join([rows.title_of(p) for p, _ in pairs], lang)} {format_amount(pairs[0][1].nok, lang)}"


def by_size(projects: list[ProjectRecord], kinds: list[AmountKind]) -> list[ProjectRecord]:
    """Largest first by the first kind shown; projects without it last, in their order."""
    if not kinds:
        return projects
    return sorted(projects, key=lambda p: -(a.nok if (a := p.amount(kinds[0])) else -1))


def difference(project: ProjectRecord, kinds: tuple[str, str], cite: Callable[[Evidence], int],
               lang: Language) -> AnswerSentence | None:
    """«Søkt 420 000 kr − tildelt 380 000 kr = 40 000 kr.»: the two amounts the catalogue holds
    for the project, each cited, and what lies between them; None when one is missing."""
    found = [a for kind in kinds if kind in KINDS and (a := project.amount(kind))]  # type: ignore[arg-type]
    if len(found) != 2:
        return None
    high, low = sorted(found, key=lambda a: -a.nok)
    text = t("lists.difference", lang, title=rows.title_of(project),
             high=f"{label(high.kind, lang)} {format_amount(high.nok, lang)}",
             low=f"{label(low.kind, lang)} {format_amount(low.nok, lang)}",
             gap=format_amount(high.nok - low.nok, lang))
    return AnswerSentence(text=text, citations=[cite(high.evidence), cite(low.evidence)])
