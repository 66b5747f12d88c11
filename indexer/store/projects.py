"""Reading the catalogue: projects by theme, place, year and document type, complete and cited.

Places are matched on today's municipality numbers and counties, so a question about Øygarden
finds the former Fjell and Sund, and one about Vestland finds Hordaland projects from 2018. Only
evidence from committed documents is shown: a document being rewritten never surfaces.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

from indexer.catalogue.models import Evidence, ProjectQuery, ProjectRecord
from indexer.store import documents


def find_projects(conn: sqlite3.Connection, query: ProjectQuery) -> list[ProjectRecord]:
    """Every project matching all given filters, oldest first."""
    sql, params = _select(query)
    projects = [_parse(r[0]) for r in conn.execute(sql, params).fetchall()]
    visible = documents.committed_ids(conn, {s.doc_id for p in projects for s in p.sources})
    kept = [p for p in (_only_committed(p, visible) for p in projects) if p is not None]
    if query.doc_types:
        kept = [p for p in kept if any(s.doc_type in query.doc_types for s in p.sources)]
    if query.title:
        wanted = query.title.casefold()
        kept = [p for p in kept if wanted in p.title.casefold()]
    return kept


@lru_cache(maxsize=2048)
def _parse(record_json: str) -> ProjectRecord:
    """Records are read far more often than written; the same JSON always gives the same record
    (callers copy, never change, what they get)."""
    return ProjectRecord.model_validate_json(record_json)


def _select(query: ProjectQuery) -> tuple[str, list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.themes:
        where.append(f"p.project_id IN (SELECT project_id FROM catalogue_themes WHERE theme IN "
                     f"({_marks(query.themes)}))")  # fmt: skip
        params += sorted(query.themes)
    if query.municipalities:
        where.append(f"p.project_id IN (SELECT project_id FROM catalogue_places WHERE "
                     f"current_number IN ({_marks(query.municipalities)}))")  # fmt: skip
        params += sorted(query.municipalities)
    counties = [(column, values) for column, values in
                (("current_county", query.current_counties), ("county", query.counties)) if values]
    if counties:
        either = " OR ".join(f"{column} IN ({_marks(values)})" for column, values in counties)
        where.append(f"p.project_id IN (SELECT project_id FROM catalogue_places WHERE {either})")
        params += [v for _column, values in counties for v in sorted(values)]
    if query.years:
        where.append("p.first_year <= ? AND p.last_year >= ?")
        params += [query.years[1], query.years[0]]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = (f"SELECT p.record_json FROM catalogue_projects p {clause} "
           "ORDER BY p.first_year IS NULL, p.first_year, p.title")  # fmt: skip
    return sql, params


def _marks(values: frozenset[str]) -> str:
    return ",".join("?" * len(values)) or "NULL"


def _only_committed(project: ProjectRecord, visible: set[str]) -> ProjectRecord | None:
    """The project as its committed documents tell it; None when none of them is left."""
    if all(s.doc_id in visible for s in project.sources):
        return project
    sources = [s for s in project.sources if s.doc_id in visible]
    if not sources:
        return None

    def ok(evidence: Evidence | None) -> bool:
        return evidence is not None and evidence.doc_id in visible

    return project.model_copy(update={
        "sources": sources,
        "title_evidence": project.title_evidence if ok(project.title_evidence) else sources[0],
        "municipalities": [m for m in project.municipalities if ok(m.evidence)],
        "themes": [t for t in project.themes if ok(t.evidence)],
        "partners": [t for t in project.partners if ok(t.evidence)],
        "amounts": [a for a in project.amounts if ok(a.evidence)],
        "period_evidence": project.period_evidence if ok(project.period_evidence) else None,
        "start_year": project.start_year if ok(project.period_evidence) else None,
        "end_year": project.end_year if ok(project.period_evidence) else None,
    })  # fmt: skip
