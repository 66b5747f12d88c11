"""The catalogue's SQLite tables in the ledger DB, written inside the ledger's own transaction.

Mentions are stored per document (`catalogue_mentions`), projects are derived from them
(`catalogue_projects` plus small index tables for filtering). When a document is written or
removed, only the projects that share a name, or a municipality and a theme, with its old or new
mentions are linked again (see `mention_keys`), so a document's change costs about the same with
10 or 10 000 projects.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from indexer.catalogue.link import link, title_key
from indexer.catalogue.models import ProjectRecord
from indexer.store.ledger import Writer

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS catalogue_mentions (mention_id TEXT PRIMARY KEY, "
    "doc_id TEXT NOT NULL, record_json TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS catalogue_mentions_doc ON catalogue_mentions(doc_id)",
    "CREATE TABLE IF NOT EXISTS catalogue_mention_keys (mention_id TEXT NOT NULL, "
    "key TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS catalogue_keys_key ON catalogue_mention_keys(key)",
    "CREATE INDEX IF NOT EXISTS catalogue_keys_mention ON catalogue_mention_keys(mention_id)",
    "CREATE TABLE IF NOT EXISTS catalogue_projects (project_id TEXT PRIMARY KEY, "
    "title TEXT NOT NULL, first_year INTEGER, last_year INTEGER, record_json TEXT NOT NULL)",
    # a list is ordered and paged over this, not over the records' JSON
    "CREATE INDEX IF NOT EXISTS catalogue_projects_list ON catalogue_projects(project_id, "
    "first_year, last_year, title)",
    "CREATE TABLE IF NOT EXISTS catalogue_members (mention_id TEXT PRIMARY KEY, "
    "project_id TEXT NOT NULL, doc_id TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS catalogue_members_project ON catalogue_members(project_id)",
    "CREATE TABLE IF NOT EXISTS catalogue_places (project_id TEXT NOT NULL, "
    "kommunenummer TEXT NOT NULL, current_number TEXT NOT NULL, county TEXT NOT NULL, "
    "current_county TEXT NOT NULL)",
    # (filter, project_id) indexes answer the read side's subqueries without touching the table
    "CREATE INDEX IF NOT EXISTS catalogue_places_number ON catalogue_places(current_number, "
    "project_id)",
    "CREATE INDEX IF NOT EXISTS catalogue_places_county ON catalogue_places(current_county, "
    "project_id)",
    "CREATE INDEX IF NOT EXISTS catalogue_places_old_county ON catalogue_places(county, "
    "project_id)",
    "CREATE INDEX IF NOT EXISTS catalogue_places_written ON catalogue_places(kommunenummer, "
    "project_id)",
    "CREATE INDEX IF NOT EXISTS catalogue_places_project ON catalogue_places(project_id)",
    # a project's home county orders every list: (project_id, current_county) answers it
    "CREATE INDEX IF NOT EXISTS catalogue_places_home ON catalogue_places(project_id, "
    "current_county)",
    "CREATE TABLE IF NOT EXISTS catalogue_themes (project_id TEXT NOT NULL, theme TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS catalogue_themes_theme ON catalogue_themes(theme, project_id)",
    "CREATE INDEX IF NOT EXISTS catalogue_themes_project ON catalogue_themes(project_id)",
    # a list hides projects whose documents are being written: found without a scan. Partial,
    # so that no query for `done` rows is ever planned over it.
    "CREATE INDEX IF NOT EXISTS documents_unfinished ON documents(doc_id) WHERE status != 'done'",
)
_PROJECT_TABLES = ("catalogue_projects", "catalogue_members", "catalogue_places",
                   "catalogue_themes")  # fmt: skip


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Plain statements, not executescript: that would commit the caller's open transaction."""
    for statement in SCHEMA:
        conn.execute(statement)


def replace_writer(doc_id: str, mentions: list[ProjectRecord]) -> Writer:
    """The writer the indexer runs in the same transaction as the document's chunks."""

    def write(conn: sqlite3.Connection) -> None:
        _apply(conn, doc_id, mentions)

    return write


def remove_writer(doc_id: str) -> Writer:
    def write(conn: sqlite3.Connection) -> None:
        _apply(conn, doc_id, [])

    return write


def rebuild(conn: sqlite3.Connection) -> int:
    """Link every stored mention from scratch (repair and tests); returns the project count."""
    ensure_schema(conn)
    mentions = [_load(row["record_json"]) for row in conn.execute(
        "SELECT record_json FROM catalogue_mentions")]  # fmt: skip
    for table in _PROJECT_TABLES:
        conn.execute(f"DELETE FROM {table}")
    projects = link(mentions)
    _insert_projects(conn, projects, {m.project_id: m for m in mentions})
    return len(projects)


def _apply(conn: sqlite3.Connection, doc_id: str, mentions: list[ProjectRecord]) -> None:
    ensure_schema(conn)
    gone_docs = [doc_id, *_orphaned_docs(conn, doc_id)]
    old_ids = _column(conn, "SELECT mention_id FROM catalogue_mentions WHERE doc_id IN ({})",
                      gone_docs)  # fmt: skip
    keys = set(_column(conn, "SELECT key FROM catalogue_mention_keys WHERE mention_id IN ({})",
                       old_ids)) | {k for m in mentions for k in mention_keys(m)}  # fmt: skip
    neighbours = _column(conn, "SELECT mention_id FROM catalogue_mention_keys WHERE key IN ({})",
                         sorted(keys))  # fmt: skip
    before = _projects_of(conn, set(neighbours) | set(old_ids))
    kept_ids = {m for members in before.values() for m in members} - set(old_ids)
    _delete_in(conn, "catalogue_mention_keys", "mention_id", old_ids)
    _delete_in(conn, "catalogue_mentions", "mention_id", old_ids)
    conn.executemany(
        "INSERT OR REPLACE INTO catalogue_mentions(mention_id, doc_id, record_json) VALUES (?,?,?)",
        [(m.project_id, doc_id, m.model_dump_json()) for m in mentions],
    )
    conn.executemany(
        "INSERT INTO catalogue_mention_keys(mention_id, key) VALUES (?, ?)",
        [(m.project_id, key) for m in mentions for key in mention_keys(m)],
    )
    kept = [_load(r) for r in _column(
        conn, "SELECT record_json FROM catalogue_mentions WHERE mention_id IN ({})",
        sorted(kept_ids),
    )]  # fmt: skip
    group = kept + mentions
    projects = link(group)
    changed = {f"{d}:" for d in gone_docs}
    same = {p.project_id for p in projects if before.get(p.project_id) == sorted(p.member_ids)
            and not any(m.startswith(tuple(changed)) for m in p.member_ids)}  # fmt: skip
    for table in _PROJECT_TABLES:  # only projects whose mentions changed are written again
        _delete_in(conn, table, "project_id", sorted(set(before) - same))
    fresh = [p for p in projects if p.project_id not in same]
    _insert_projects(conn, fresh, {m.project_id: m for m in group})


def _projects_of(conn: sqlite3.Connection, mention_ids: set[str]) -> dict[str, list[str]]:
    """The projects these mentions belong to, each with all of its members."""
    projects = _column(conn, "SELECT project_id FROM catalogue_members WHERE mention_id IN ({})",
                       sorted(mention_ids))  # fmt: skip
    members: dict[str, list[str]] = {}
    ids = sorted(set(projects))
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        rows = conn.execute(
            f"SELECT project_id, mention_id FROM catalogue_members WHERE project_id IN "
            f"({','.join('?' * len(part))})",
            part,
        )
        for row in rows:
            members.setdefault(row[0], []).append(row[1])
    return {pid: sorted(mids) for pid, mids in members.items()}


def mention_keys(mention: ProjectRecord) -> set[str]:
    """What can link a mention to others: its name, or a shared municipality *and* theme.

    Pairs keep the neighbourhood small: Bergen's many projects on other themes are not relinked
    when a Bergen foster care document changes.
    """
    pairs = {f"n:{n}|{t}" for n in mention.current_numbers for t in mention.theme_keys}
    return pairs | {f"t:{title_key(mention.title)}"}


def _insert_projects(
    conn: sqlite3.Connection, projects: list[ProjectRecord], mentions: dict[str, ProjectRecord]
) -> None:
    for project in projects:
        years = project.years()
        conn.execute(
            "INSERT INTO catalogue_projects(project_id, title, first_year, last_year, record_json)"
            " VALUES (?, ?, ?, ?, ?)",
            (project.project_id, project.title, years[0] if years else None,
             years[1] if years else None, project.model_dump_json()),
        )
        conn.executemany("INSERT INTO catalogue_places VALUES (?, ?, ?, ?, ?)", _places(project))
        conn.executemany(
            "INSERT INTO catalogue_themes VALUES (?, ?)",
            [(project.project_id, key) for key in project.theme_keys],
        )
    members = [(mid, p.project_id, mentions[mid].sources[0].doc_id)
               for p in projects for mid in p.member_ids]  # fmt: skip
    conn.executemany(
        "INSERT OR REPLACE INTO catalogue_members(mention_id, project_id, doc_id) VALUES (?,?,?)",
        members,
    )


def _places(project: ProjectRecord) -> set[tuple[str, str, str, str, str]]:
    """One row per municipality; a project without any is still found by its county."""
    rows = {(project.project_id, m.kommunenummer, n, m.county, m.current_county)
            for m in project.municipalities for n in m.current_numbers}  # fmt: skip
    if not rows and project.county:
        rows.add((project.project_id, "", "", project.county, project.current_county or ""))
    return rows


def _orphaned_docs(conn: sqlite3.Connection, doc_id: str) -> list[str]:
    """Mentions whose document left the ledger without us (a reset); they go now."""
    rows = conn.execute(
        "SELECT DISTINCT doc_id FROM catalogue_mentions WHERE doc_id != ? AND doc_id NOT IN "
        "(SELECT doc_id FROM documents)",
        (doc_id,),
    )
    return [r[0] for r in rows]


def _column(conn: sqlite3.Connection, sql: str, values: Iterable[str]) -> list[str]:
    found: list[str] = []
    items = list(values)
    for i in range(0, len(items), 500):
        part = items[i : i + 500]
        found += [r[0] for r in conn.execute(sql.format(",".join("?" * len(part))), part)]
    return found


def _delete_in(conn: sqlite3.Connection, table: str, column: str, values: list[str]) -> None:
    for i in range(0, len(values), 500):
        part = values[i : i + 500]
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({','.join('?' * len(part))})", part)


def _load(record_json: str) -> ProjectRecord:
    return ProjectRecord.model_validate_json(record_json)
