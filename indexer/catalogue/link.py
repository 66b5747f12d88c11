"""Linking mentions across documents into projects, by rules that can be explained.

Two mentions are the same project when they carry the same name («Neste steg» in a description
and in minutes), or when they share a theme, name the same municipalities (today's numbers, so
"Fjell og Radøy" in 2018 meets "Øygarden og Alver" in 2020) and their years fit. A mention that
fits more than one project stays a project of its own rather than be linked by a guess.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

from indexer.catalogue.models import Amount, ProjectRecord, Tag
from indexer.catalogue.view import merge_places, merge_tags
from indexer.models import DocType

_SPACES = re.compile(r"[\s«»\"']+")
_PLANNING_YEARS = 2  # a mention may come this many years before the project starts


def title_key(title: str) -> str:
    return _SPACES.sub(" ", title.casefold()).strip()


def link(mentions: Iterable[ProjectRecord]) -> list[ProjectRecord]:
    """Projects from mentions; the same mentions in any order give the same projects."""
    clusters: list[list[ProjectRecord]] = []
    by_name: dict[str, set[int]] = defaultdict(set)
    by_number: dict[str, set[int]] = defaultdict(set)  # only these can fit: see _fits
    for mention in sorted(mentions, key=_order):
        name = title_key(mention.title)
        near = sorted({i for n in mention.current_numbers for i in by_number[n]})
        candidates = sorted(by_name[name]) or [i for i in near if _fits(clusters[i], mention)]
        if len(candidates) == 1:
            index = candidates[0]
            clusters[index].append(mention)
        else:
            index = len(clusters)
            clusters.append([mention])
        by_name[name].add(index)
        for number in mention.current_numbers:
            by_number[number].add(index)
    return [merge(cluster) for cluster in clusters]


def _final_report(mention: ProjectRecord) -> bool:
    return any(s.doc_type == DocType.SLUTTRAPPORT for s in mention.sources)


def _order(mention: ProjectRecord) -> tuple[bool, str, str]:
    first = mention.sources[0].date if mention.sources else None
    return (not mention.primary, first.isoformat() if first else "9999", mention.project_id)


def _fits(cluster: list[ProjectRecord], mention: ProjectRecord) -> bool:
    named = {title_key(m.title) for m in cluster if m.quoted}
    if mention.quoted and named:
        return False  # two different names: two projects
    primaries = mention.primary and any(m.primary for m in cluster)
    if primaries and not _description_and_report(cluster, mention):
        return False
    themes = {k for m in cluster for k in m.theme_keys}
    if not themes & set(mention.theme_keys):
        return False
    ours = set().union(*(m.current_numbers for m in cluster))
    theirs = mention.current_numbers
    if not ours or not theirs or not ours & theirs:
        return False
    nested = ours <= theirs or theirs <= ours
    if not nested and len(ours & theirs) * 2 < len(ours | theirs):
        return False
    return _years_fit(cluster, mention)


def _description_and_report(cluster: list[ProjectRecord], mention: ProjectRecord) -> bool:
    """A description and a final report of one project may name it differently."""
    kinds = {m.sources[0].doc_type for m in cluster if m.primary}
    return mention.sources[0].doc_type not in kinds and all(
        m.current_numbers == mention.current_numbers for m in cluster if m.primary
    )


def _years_fit(cluster: list[ProjectRecord], mention: ProjectRecord) -> bool:
    periods = [m for m in cluster if m.start_year is not None]
    if mention.start_year is not None:
        if any(not _overlap(mention, m) for m in periods):
            return False
        return all(
            y >= mention.start_year - _PLANNING_YEARS for m in cluster for y in m.active_years
        )
    if not periods:
        return True
    start = min(m.start_year for m in periods if m.start_year is not None)
    return all(y >= start - _PLANNING_YEARS for y in mention.active_years)


def _overlap(a: ProjectRecord, b: ProjectRecord) -> bool:
    a_start, a_end = a.start_year or 0, a.end_year or a.start_year or 0
    b_start, b_end = b.start_year or 0, b.end_year or b.start_year or 0
    return a_start <= b_end and b_start <= a_end


def merge(cluster: list[ProjectRecord]) -> ProjectRecord:
    """One project from its mentions: the project's own documents speak first."""
    base = cluster[0]
    named = next((m for m in cluster if m.quoted), base)
    # the period a final report says the project ran («forlenget til 31. mars 2021») wins over
    # the plan's, as its amounts do
    dated = next((m for m in sorted(cluster, key=lambda m: not _final_report(m))
                  if m.start_year is not None), None)
    places = base.municipalities
    themes: list[Tag] = []
    partners: list[Tag] = []
    amounts: dict[str, Amount] = {}
    for mention in cluster:
        places = merge_places(places, mention.municipalities)
        themes = merge_tags(themes, mention.themes)
        partners = merge_tags(partners, mention.partners)
    for mention in sorted(cluster, key=lambda m: not _final_report(m)):
        for amount in mention.amounts:  # what a final report says the budget became wins
            amounts.setdefault(amount.kind, amount)
    sources = {}
    for mention in cluster:
        for source in mention.sources:
            sources.setdefault(source.doc_id, source)
    return base.model_copy(update={
        "project_id": project_id(base.project_id),
        "title": named.title,
        "quoted": named.quoted,
        "title_evidence": named.title_evidence,
        "municipalities": places,
        "themes": themes,
        "partners": partners,
        # who led it by the end: a final report names the leader who saw it through
        "leader": next((m.leader for m in sorted(cluster, key=lambda m: not _final_report(m))
                        if m.leader), None),
        "amounts": list(amounts.values()),
        "start_year": dated.start_year if dated else None,
        "end_year": dated.end_year if dated else None,
        "period_evidence": dated.period_evidence if dated else None,
        "network": next((m.network for m in cluster if m.network), None),
        "sources": list(sources.values()),
        "primary": any(m.primary for m in cluster),
        "active_years": sorted({y for m in cluster for y in m.active_years}),
        "member_ids": [m.project_id for m in cluster],
    })  # fmt: skip


def project_id(mention_id: str) -> str:
    """Stable while the project's first mention stays: a short hash of that mention's id."""
    return hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:12]
