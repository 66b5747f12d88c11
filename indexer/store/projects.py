"""Reading the catalogue: projects by theme, place, year and document type, complete and cited.

Places are matched both ways: today's municipality numbers and counties find the former Fjell
and Sund under Øygarden and Hordaland's 2018 projects under Vestland; a former name finds what
is filed under its successor. Only projects with a committed document are seen, and only the
evidence of committed documents is shown: a document being rewritten never surfaces.

Every list is in one order — today's county, then start year, then title — so a page of a long
list («vis flere») is a slice the database cuts without reading the rest.
"""

from __future__ import annotations

from functools import lru_cache

from indexer.catalogue.models import Evidence, ProjectPage, ProjectQuery, ProjectRecord, YearEdge
from indexer.store import documents
from indexer.store.sql import Db, contains_folded, execute_in, json_text, no_limit

# Today's county first (no county last), then start year (none last), then title.
_ORDER = ("ORDER BY (SELECT MIN(current_county) FROM catalogue_places c WHERE "
          "c.project_id = p.project_id) NULLS LAST, p.first_year NULLS LAST, p.title")


def find_projects(conn: Db, query: ProjectQuery) -> list[ProjectRecord]:
    """Every project matching all given filters, in list order."""
    return page(conn, query, 0, None)


def page(
    conn: Db, query: ProjectQuery, offset: int, limit: int | None
) -> list[ProjectRecord]:
    """`limit` projects from `offset` in list order (all from `offset` when limit is None)."""
    where, params = _where(conn, query)
    sql = f"SELECT p.project_id FROM catalogue_projects p WHERE {where} {_ORDER} LIMIT ? OFFSET ?"
    ids = [r[0] for r in conn.execute(sql, [*params, no_limit(conn) if limit is None else limit,
                                             offset])]
    records = _records(conn, ids)
    visible = documents.committed_ids(conn, {s.doc_id for p in records for s in p.sources})
    visible -= query.hidden  # what the asker may not see is as absent as an uncommitted one
    return [p for p in (_only_committed(p, visible) for p in records) if p is not None]


def page_of(conn: Db, query: ProjectQuery, offset: int, limit: int
            ) -> ProjectPage:  # fmt: skip
    """One page of a long list, with how many projects the whole list has (a short list
    costs one query)."""
    records = page(conn, query, offset, limit)
    if offset == 0 and len(records) < limit:  # the whole list is on this page
        return ProjectPage(total=len(records), records=records)
    return ProjectPage(total=count(conn, query), records=records)


def count(conn: Db, query: ProjectQuery) -> int:
    where, params = _where(conn, query)
    return int(conn.execute(f"SELECT COUNT(*) FROM catalogue_projects p WHERE {where}",
                            params).fetchone()[0])  # fmt: skip


def places(conn: Db, query: ProjectQuery) -> list[tuple[str, str]]:
    """(kommunenummer as written, today's number) of every matching project's municipalities."""
    where, params = _where(conn, query)
    rows = conn.execute(
        "SELECT DISTINCT kommunenummer, current_number FROM catalogue_places WHERE "
        f"kommunenummer != '' AND project_id IN (SELECT p.project_id FROM catalogue_projects p "
        f"WHERE {where})", params)  # fmt: skip
    return sorted((r[0], r[1]) for r in rows)


def _records(conn: Db, ids: list[str]) -> list[ProjectRecord]:
    rows = execute_in(conn, "SELECT project_id, record_json FROM catalogue_projects WHERE "
                      "project_id IN ({})", ids)  # fmt: skip
    found = {r[0]: _parse(r[1]) for r in rows}
    return [found[i] for i in ids if i in found]


@lru_cache(maxsize=4096)
def _parse(record_json: str) -> ProjectRecord:
    """Records are read far more often than written; the same JSON always gives the same record
    (callers copy, never change, what they get)."""
    return ProjectRecord.model_validate_json(record_json)


def _where(conn: Db, query: ProjectQuery) -> tuple[str, list[object]]:
    where, params = _visible(conn, sorted(query.doc_types), query.hidden, query.every_doc_type)
    if query.themes:
        where.append(f"p.project_id IN (SELECT project_id FROM catalogue_themes WHERE theme IN "
                     f"({_marks(query.themes)}))")  # fmt: skip
        params += sorted(query.themes)
    for columns in ((("current_number", query.municipalities), ("kommunenummer", query.written)),
                    (("current_county", query.current_counties), ("county", query.counties),
                     ("current_number", query.area))):  # fmt: skip
        given = [(column, sorted(values)) for column, values in columns if values]
        if given:
            either = " OR ".join(f"{column} IN ({_marks(values)})" for column, values in given)
            where.append(f"p.project_id IN (SELECT project_id FROM catalogue_places WHERE {either})")
            params += [v for _column, values in given for v in values]
    if query.years:
        first, last = query.years
        if query.years_edge == YearEdge.RAN:  # ran at some time in the years
            where.append("p.first_year <= ? AND p.last_year >= ?")
            params += [last, first]
        else:  # started or ended in them: only a stated period says when (not the years a
            # document merely mentions a project in)
            edge, stated = (("p.first_year", "start_year") if query.years_edge == YearEdge.STARTED
                            else ("p.last_year", "end_year"))
            where.append(f"{edge} BETWEEN ? AND ? AND "
                         f"{json_text(conn, 'p.record_json', stated)} IS NOT NULL")
            params += [first, last]
    if query.title:
        where.append(contains_folded(conn, "p.title"))
        params.append(query.title.casefold())
    if query.region:  # «prosjektet i Numedal»: a document of the project is titled with it
        where.append("p.project_id IN (SELECT m.project_id FROM catalogue_members m JOIN documents d"
                     f" ON d.doc_id = m.doc_id WHERE "
                     f"{contains_folded(conn, json_text(conn, 'd.meta_json', 'title'))})")
        params.append(query.region.casefold())
    if query.documents is not None:  # «… hatt USN som kompetansemiljø»: a document names it
        where.append("p.project_id IN (SELECT project_id FROM catalogue_members WHERE doc_id IN "
                     f"({_marks(query.documents)}))")
        params += sorted(query.documents)
    if query.projects is not None:
        where.append(f"p.project_id IN ({_marks(query.projects)})")
        params += sorted(query.projects)
    if query.within is not None:
        inner, more = _where(conn, query.within)
        where.append(inner)
        params += more
    for left_out in query.without:  # «utenom Karmøy»: those it finds are left out
        inner, more = _where(conn, left_out)
        where.append(f"NOT ({inner})")
        params += more
    return " AND ".join(where), params


def _visible(conn: Db, types: list[str], unseen: frozenset[str],
             every: bool = False) -> tuple[list[str], list[object]]:  # fmt: skip
    """A project with a committed document (of these types; `every`: of each of them) the
    asker may see. Documents are rarely in the middle of a write, so the common case asks
    nothing per project; the page's records are checked against the ledger again
    (`_only_committed`) before anything of them is shown."""
    hidden = [*documents.unfinished(conn), *sorted(unseen)]
    if not types and not hidden:
        return ["1 = 1"], []
    wanted = [[kind] for kind in types] if every else [types]
    where: list[str] = []
    params: list[object] = []
    for kinds in wanted or [[]]:
        member = "SELECT m.project_id FROM catalogue_members m"
        clauses: list[str] = []
        params += hidden
        if hidden:
            clauses.append(f"m.doc_id NOT IN ({_marks(hidden)})")
        if kinds:
            member += " JOIN documents d ON d.doc_id = m.doc_id"
            clauses.append(f"{json_text(conn, 'd.meta_json', 'doc_type')} IN ({_marks(kinds)})")
            params += kinds
        where.append(f"p.project_id IN ({member} WHERE {' AND '.join(clauses)})")
    return where, params


def _marks(values: frozenset[str] | list[str]) -> str:
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
