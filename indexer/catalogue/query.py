"""Reading the catalogue: projects by theme, place, year and document type, complete and cited.

Places are matched on today's municipality numbers and counties, so a question about Øygarden
finds the former Fjell and Sund, and one about Vestland finds Hordaland projects from 2018. Only
evidence from committed documents is shown: a document being rewritten never surfaces.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.catalogue.models import Evidence, ProjectRecord
from indexer.models import DocType
from indexer.store.catalogue import ensure_schema


@dataclass(frozen=True)
class ProjectQuery:
    themes: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()  # today's kommunenummer
    current_counties: frozenset[str] = frozenset()  # Vestland: also Hordaland before 2020
    counties: frozenset[str] = frozenset()  # a historic county as it was (Hordaland)
    title: str | None = None  # part of the project's name
    years: tuple[int, int] | None = None  # the project ran at some time in these years
    doc_types: frozenset[DocType] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Coverage:
    documents: int
    last_indexed: dt.date | None


def find_projects(conn: sqlite3.Connection, query: ProjectQuery) -> list[ProjectRecord]:
    """Every project matching all given filters, oldest first."""
    sql, params = _select(query)
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        ensure_schema(conn)  # nothing indexed yet: the tables come with the first write
        rows = []
    projects = [_parse(r[0]) for r in rows]
    visible = _committed(conn, {s.doc_id for p in projects for s in p.sources})
    kept = [p for p in (_only_committed(p, visible) for p in projects) if p is not None]
    if query.doc_types:
        kept = [p for p in kept if any(s.doc_type in query.doc_types for s in p.sources)]
    if query.title:
        wanted = query.title.casefold()
        kept = [p for p in kept if wanted in p.title.casefold()]
    return kept


def coverage(conn: sqlite3.Connection) -> Coverage:
    """Documents in the ledger (a full count: a status filter would scan every row)."""
    count = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    row = conn.execute("SELECT value FROM meta WHERE key = 'last_indexed_at'").fetchone()
    when = dt.datetime.fromisoformat(row[0]).date() if row else None
    return Coverage(documents=count, last_indexed=when)


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


def _committed(conn: sqlite3.Connection, doc_ids: set[str]) -> set[str]:
    found: set[str] = set()
    ids = sorted(doc_ids)
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        rows = conn.execute(
            f"SELECT doc_id FROM documents WHERE status = 'done' AND doc_id IN "
            f"({','.join('?' * len(part))})",
            part,
        )
        found.update(r[0] for r in rows)
    return found


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
