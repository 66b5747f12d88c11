"""Project leaders on a list: «Hvem er prosjektlederne?» names each project's leader on its row
(cited to the «Prosjektleder:» line of its own document); «Hvilke prosjekter ledes av en
fagleder?» keeps the projects whose leader holds that position, in Bokmål, Nynorsk or English.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from bot.core.context import CoreContext
from bot.i18n import t
from bot.lists.routing import ListRequest
from indexer.catalogue import Evidence, ProjectRecord
from indexer.text.language import Language

_CLOSE = 85  # a Nynorsk or misspelt form of the same word («barnevernsfagleg»)
# the same position in Nynorsk or English, compared in Bokmål
_FOLD: dict[str, str] = {"leiar": "leder", "leader": "leder", "manager": "leder", "rådgjevar": "rådgiver",
         "adviser": "rådgiver", "advisor": "rådgiver", "coordinator": "koordinator",
         "rettleiar": "veileder", "consultant": "konsulent", "fagleiar": "fagleder"}
_ARTICLES = frozenset({"en", "ein", "ei", "et", "eit", "a", "an", "the"})


def by_position(request: ListRequest, ctx: CoreContext) -> ListRequest:
    """The request kept to the projects whose leader holds the position asked (none when no
    leader does: «Jeg fant ingen prosjekter ledet av en …» says so)."""
    if not request.led_by:
        return request
    held = {p.project_id for p in ctx.store.find_projects(request.query)
            if p.leader and p.leader.position and holds(request.led_by, p.leader.position)}
    return replace(request, query=replace(request.query, projects=frozenset(held)))


def holds(asked: str, position: str) -> bool:
    """Whether `position` («fagkoordinator for fosterhjem») is the one asked («koordinator»):
    every word asked is a word of it, the head of one of its compounds, or nearly one."""
    have = _words(position)
    return all(any(w == a or w.endswith(a) or fuzz.ratio(w, a) >= _CLOSE for w in have)
               for a in _words(asked) if a not in _ARTICLES)


def _words(text: str) -> list[str]:
    words: list[str] = re.findall(r"\w+", text.casefold())
    return [_FOLD.get(w, w) for w in words]


def said(project: ProjectRecord, lang: Language) -> str:
    """« – prosjektleder: Kristoffer Nærland (fagleder)», or that its documents name none."""
    leader = project.leader
    if leader is None:
        return t("lists.leader_unknown", lang)
    who = f"{leader.name} ({leader.position})" if leader.position else leader.name
    return t("lists.leader", lang, who=who)


def evidence(project: ProjectRecord) -> list[Evidence]:
    return [project.leader.evidence] if project.leader else []


def phrase(request: ListRequest, lang: Language) -> str:
    """« ledet av en fagleder», for the list's opening."""
    return t("lists.led_by", lang, position=request.led_by) if request.led_by else ""
