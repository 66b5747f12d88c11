"""A list counted group by group: «Hvor mange prosjekter er det per fylke?» gets «Fordelt på
fylke: Innlandet 3, Nordland 2, …» above its rows, «Hvilket tema har flest
sluttrapporter?» the leading group with its members, each cited, and «Hvilke kommuner har vært
med i mer enn ett prosjekt?» the groups that reach the count, with theirs. A project or document counts
in every group it belongs to (a project on two themes, a report from two counties)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bot.core.models import AnswerSentence
from bot.core.phrases import join
from bot.core.question import Question, Tally
from bot.i18n import format_number, t
from bot.lists import rows
from bot.lists.document_filter import own_municipalities, today_counties_of
from indexer.catalogue import ProjectRecord
from indexer.models import DocumentMeta
from indexer.text.language import Language
from indexer.text.places import Gazetteer
from indexer.text.themes import label

Row = TypeVar("Row")


def project_groups(projects: list[ProjectRecord], by: Tally, lang: Language
                   ) -> dict[str, list[ProjectRecord]]:  # fmt: skip
    """Each group's projects, in the list's order."""
    groups: dict[str, list[ProjectRecord]] = {}
    for project in projects:
        for key in _project_keys(project, by, lang) or [_unplaced(by, lang)]:
            groups.setdefault(key, []).append(project)
    return groups


def project_name(project: ProjectRecord, lang: Language) -> str:
    """«Videre sammen» (Narvik, Hamarøy og Tysfjord): the project and where it ran."""
    places = [m.name for m in rows.shown_places(project)]
    return f"{rows.title_of(project)} ({join(places, lang)})" if places else rows.title_of(project)


def _project_keys(project: ProjectRecord, by: Tally, lang: Language) -> list[str]:
    if by == Tally.THEME:
        return [label(k, lang) for k in project.theme_keys]
    if by == Tally.COUNTY:
        county = rows.home_county(project)  # the county the rows are filed under
        return [county] if county else []
    if by == Tally.YEAR:
        years = project.years()
        return [str(years[0])] if years else []
    if by == Tally.MUNICIPALITY:
        return list(dict.fromkeys(name.strip() for m in rows.shown_places(project)
                                  for name in (m.current_name or m.name).split(",")))
    return []  # a project has no document type


def document_groups(documents: list[DocumentMeta], by: Tally, gazetteer: Gazetteer,
                    lang: Language) -> dict[str, list[DocumentMeta]]:
    """Each group's documents, in the list's order."""
    groups: dict[str, list[DocumentMeta]] = {}
    for meta in documents:
        for key in sorted(_document_keys(meta, by, gazetteer, lang)) or [_unplaced(by, lang)]:
            groups.setdefault(key, []).append(meta)
    return groups


def _document_keys(meta: DocumentMeta, by: Tally, gazetteer: Gazetteer, lang: Language
                   ) -> set[str]:  # fmt: skip
    if by == Tally.COUNTY:
        return today_counties_of(meta, gazetteer)
    if by == Tally.YEAR:
        return {str(meta.known_year)} if meta.known_year else set()
    if by == Tally.TYPE:
        return {t(f"lists.type_{meta.doc_type.value}", lang)}
    if by == Tally.MUNICIPALITY:
        return {name.strip() for m in own_municipalities(meta)
                for name in (m.current_name or m.name).split(",")}  # «Narvik, Hamarøy»
    if by == Tally.PERSON:
        return set(meta.people)
    return set()  # themes are the projects': a theme question is counted over them


def counted(question: Question, groups: dict[str, list[Row]], kind: str,
            name: Callable[[Row], str], cite: Callable[[Row], int]) -> list[AnswerSentence]:
    """The leading (or last) groups with their members, cited, when the question asks which
    group has the most (or fewest); then every group's count, largest first."""
    lang, by = question.language, question.tally
    if by is None or not groups:
        return []
    unplaced = _unplaced(by, lang)
    ordered = sorted(groups.items(), key=lambda item: (item[0] == unplaced, -len(item[1]),
                                                       item[0]))
    placed = [(key, members) for key, members in ordered if key != unplaced]
    if question.tally_at_least:  # «mer enn ett prosjekt»: the groups that reach the count
        return [_reaching(question.tally_at_least, placed, by, kind, name, cite, lang)]
    sentences = []
    if question.tally_extreme and placed:
        edge = len(placed[0][1]) if question.tally_extreme == "most" else len(placed[-1][1])
        leaders = [(key, members) for key, members in placed if len(members) == edge]
        sentences.append(AnswerSentence(text=t(
            f"lists.tally_{question.tally_extreme}", lang, kind=kind,
            count=format_number(edge, lang), names=_members(leaders, name, cite, lang))))
    if by == Tally.YEAR:  # «per år»: in the order of the years
        ordered = sorted(placed, key=lambda item: item[0]) + ordered[len(placed):]
    counts = ", ".join(f"{key} {format_number(len(members), lang)}" for key, members in ordered)
    sentences.append(AnswerSentence(text=t("lists.tally", lang, group=_group_word(by, lang),
                                           counts=counts)))
    return sentences


def _reaching(count: int, placed: list[tuple[str, list[Row]]], by: Tally, kind: str,
              name: Callable[[Row], str], cite: Callable[[Row], int], lang: Language
              ) -> AnswerSentence:  # fmt: skip
    """«Med minst 2 prosjekter hver: Kvam – A [1], B [2]; …», or that no group reaches it."""
    reaching = [(key, members) for key, members in placed if len(members) >= count]
    number = format_number(count, lang)
    if not reaching:
        return AnswerSentence(text=t("lists.tally_at_least_none", lang, group=_group_word(
            by, lang), count=number, kind=kind))
    return AnswerSentence(text=t("lists.tally_at_least", lang, count=number, kind=kind,
                                 names=_members(reaching, name, cite, lang)))


def _members(groups: list[tuple[str, list[Row]]], name: Callable[[Row], str],
             cite: Callable[[Row], int], lang: Language) -> str:
    """«Kvam – A [1] og B [2]; Øygarden – …»: each group with its members, cited."""
    return "; ".join(f"{key} – {join([f'{name(m)} [{cite(m)}]' for m in members], lang)}"
                     for key, members in groups)


def _group_word(by: Tally, lang: Language) -> str:
    return t(f"lists.group_{by.value}", lang)  # «fylke», «tema», «year»


def _unplaced(by: Tally, lang: Language) -> str:
    """«uten fylke»: the group of the rows that belong to none."""
    return t("lists.no_group", lang, group=_group_word(by, lang))
