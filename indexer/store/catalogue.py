"""The catalogue's tables in the ledger DB, written inside the ledger's own transaction.

Mentions are stored per document (`catalogue_mentions`), projects are derived from them
(`catalogue_projects` plus small index tables for filtering). When a document is written or
removed, only the projects that share a name, or a municipality and a theme, with its old or new
mentions are linked again (see `mention_keys`), so a document's change costs about the same with
10 or 10 000 projects.
"""

from __future__ import annotations

from collections.abc import Iterable

from indexer.catalogue.link import link, title_key
from indexer.catalogue.models import ProjectRecord
from indexer.store.ledger import Writer
from indexer.store.sql import Db, execute_in

_PROJECT_TABLES = ("catalogue_projects", "catalogue_members", "catalogue_places",
                   "catalogue_themes")  # fmt: skip


def replace_writer(doc_id: str, mentions: list[ProjectRecord]) -> Writer:
    """The writer the indexer runs in the same transaction as the document's chunks."""

    def write(conn: Db) -> None:
        _apply(conn, doc_id, mentions)

    return write


def remove_writer(doc_id: str) -> Writer:
    def write(conn: Db) -> None:
        _apply(conn, doc_id, [])

    return write


def rebuild(conn: Db) -> int:
    """Link every stored mention from scratch (repair and tests); returns the project count."""
    mentions = [_load(row["record_json"]) for row in conn.execute(
        "SELECT record_json FROM catalogue_mentions")]  # fmt: skip
    for table in _PROJECT_TABLES:
        conn.execute(f"DELETE FROM {table}")
    projects = link(mentions)
    _insert_projects(conn, projects, {m.project_id: m for m in mentions})
    return len(projects)


def _apply(conn: Db, doc_id: str, mentions: list[ProjectRecord]) -> None:
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
        "INSERT INTO catalogue_mentions(mention_id, doc_id, record_json) VALUES (?,?,?) "
        "ON CONFLICT(mention_id) DO UPDATE SET doc_id = excluded.doc_id, "
        "record_json = excluded.record_json",
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


def _projects_of(conn: Db, mention_ids: set[str]) -> dict[str, list[str]]:
    """The projects these mentions belong to, each with all of its members."""
    projects = _column(conn, "SELECT project_id FROM catalogue_members WHERE mention_id IN ({})",
                       sorted(mention_ids))  # fmt: skip
    members: dict[str, list[str]] = {}
    rows = execute_in(conn, "SELECT project_id, mention_id FROM catalogue_members "
                      "WHERE project_id IN ({})", sorted(set(projects)))  # fmt: skip
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
    conn: Db, projects: list[ProjectRecord], mentions: dict[str, ProjectRecord]
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
        "INSERT INTO catalogue_members(mention_id, project_id, doc_id) VALUES (?,?,?) "
        "ON CONFLICT(mention_id) DO UPDATE SET project_id = excluded.project_id, "
        "doc_id = excluded.doc_id",
        members,
    )


def _places(project: ProjectRecord) -> set[tuple[str, str, str, str, str]]:
    """One row per municipality; a project without any is still found by its county."""
    rows = {(project.project_id, m.kommunenummer, n, m.county, m.current_county)
            for m in project.municipalities for n in m.current_numbers}  # fmt: skip
    if not rows and project.county:
        rows.add((project.project_id, "", "", project.county, project.current_county or ""))
    return rows


def _orphaned_docs(conn: Db, doc_id: str) -> list[str]:
    """Mentions whose document left the ledger without us (a reset); they go now."""
    rows = conn.execute(
        "SELECT DISTINCT doc_id FROM catalogue_mentions WHERE doc_id != ? AND doc_id NOT IN "
        "(SELECT doc_id FROM documents)",
        (doc_id,),
    )
    return [r[0] for r in rows]


def _column(conn: Db, sql: str, values: Iterable[str]) -> list[str]:
    return [r[0] for r in execute_in(conn, sql, values)]


def _delete_in(conn: Db, table: str, column: str, values: list[str]) -> None:
    execute_in(conn, f"DELETE FROM {table} WHERE {column} IN ({{}})", values)


def _load(record_json: str) -> ProjectRecord:
    return ProjectRecord.model_validate_json(record_json)
