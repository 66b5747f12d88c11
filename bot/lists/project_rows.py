"""The rows of a project list: under today's county (with the county its documents named, where
that was another), or in the order ranked; each project's line with its period, places and
themes, or its amounts, cited, and its row of the typed table.
"""

from __future__ import annotations

from collections import defaultdict

from bot.core.models import AnswerSentence
from bot.core.payloads import ProjectRow
from bot.core.phrases import join
from bot.i18n import t
from bot.lists import leaders, money, rows
from bot.lists.routing import ListRequest
from bot.lists.words import norwegian
from indexer.catalogue import ProjectRecord
from indexer.catalogue.models import AmountKind, YearEdge
from indexer.text.language import Language


def listed_rows(
    request: ListRequest, projects: list[ProjectRecord], kinds: list[AmountKind],
    cite: rows.Citer, lang: Language,
) -> tuple[list[AnswerSentence], list[ProjectRow]]:
    sentences: list[AnswerSentence] = []
    table: list[ProjectRow] = []
    in_money = request.ask in money.ASKS
    ranking = request.ranked or request.time_ranks or request.alongside_of  # in their order
    groups = [("", projects)] if ranking else _by_county(projects, lang)
    for county, group in groups:
        if county:
            sentences.append(AnswerSentence(text=f"**{_county_heading(county, group, lang)}**"))
        for project in group:
            places = [rows.as_place(m) for m in rows.shown_places(project)]
            where = rows.place_labels(project, lang)
            spans = money.evidence(project, kinds) if in_money else None
            numbers = [cite(e) for e in rows.evidence(project, spans)]
            text = (money.line(project, where, kinds, lang, request.per_year) if in_money
                    else _line(project, where, lang, days=_on_an_edge(request)))  # fmt: skip
            if request.leaders:  # «Hvem er prosjektlederne?», «… ledes av en fagleder?»
                text += leaders.said(project, lang)
                numbers += [cite(e) for e in leaders.evidence(project)]
            sentences.append(AnswerSentence(text=f"- {text}", citations=numbers))
            table.append(rows.table_row(project, places, numbers))
    return sentences, table


def _on_an_edge(request: ListRequest) -> bool:
    """«startet etter 2021», «avsluttet i 2023», «pågår nå», «varte lenger enn to år»: the day
    each started or ended is the answer."""
    return request.lasting is not None or bool(request.alongside_of) or (
        request.query.years is not None) and (
        request.query.years_edge != YearEdge.RAN or request.ongoing)


def _line(project: ProjectRecord, places: str, lang: Language, days: bool = False) -> str:
    period = rows.period_label(project, lang, days)
    line = f"{rows.title_of(project)}{f' ({period})' if period else ''}: {places}"
    themes = rows.themes_of(project, lang)
    return f"{line} – {themes}" if themes else line


def _county_heading(county: str, group: list[ProjectRecord], lang: Language) -> str:
    """«Vestland (tidligere Hordaland)»: the county the group's documents were written in, where
    that was another — a reader who knows the projects by the old county finds them."""
    former = sorted({m.county for p in group for m in p.municipalities
                     if m.county and m.county != m.current_county and m.current_county == county},
                    key=norwegian)
    return t("lists.county_formerly", lang, county=county, former=join(former, lang)) \
        if former else county


def _by_county(projects: list[ProjectRecord], lang: Language
               ) -> list[tuple[str, list[ProjectRecord]]]:  # fmt: skip
    """Rows under today's county, in the store's order (a page keeps the list's order)."""
    groups: dict[str, list[ProjectRecord]] = defaultdict(list)
    for project in projects:
        groups[rows.home_county(project) or t("lists.unknown_county", lang)].append(project)
    return list(groups.items())
