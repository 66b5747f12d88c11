"""Access lists at index time: front matter, inherited `.access.yaml`, confidentiality markings,
a scope change that rewrites nothing but the scope, and the group map that names who is who."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.access import (
    NOBODY,
    PUBLIC,
    GroupDirectory,
    Viewer,
    encode,
    parse_access,
    read_group_map,
    viewer_of,
)
from indexer.errors import ConfigError
from indexer.ingest.access import FolderAccess, is_marked, resolve
from indexer.ingest.pipeline import index_paths
from indexer.settings import load_settings
from indexer.wiring import open_store
from tests.fakes import FakeEmbeddings, fake_index_deps

TEAM = "19:lister-general@thread.tacv2"


@pytest.mark.parametrize(("raw", "expected"), [
    (f'["{TEAM}", "nettverk:lister"]', (TEAM, "nettverk:lister")),
    (f"[{TEAM}, nettverk:lister]", (TEAM, "nettverk:lister")),
    ("public", (PUBLIC,)),
    ("a, b", ("a", "b")),
    (["b", "a", "a"], ("a", "b")),
    ("[]", NOBODY),
    ("", None),
    (None, None),
])
def test_access_lists_are_read_as_front_matter_and_scope_files_write_them(raw, expected):  # type: ignore[no-untyped-def]
    assert parse_access(raw) == expected


@pytest.mark.parametrize(("text", "marked"), [
    ("KONFIDENSIELT – unntatt offentlighet, jf. offl. § 13\n\n# Evaluering\n\nTekst.", True),
    ("# Evaluering\n\n**Unntatt offentlighet** jf. offl. § 13\n\nTekst.", True),
    ("# Notat\n\nStrengt fortrolig\n\nTekst.", True),
    ("# Notat\n\nTekst.\n\nu.off. § 13", True),
    ("# Retningslinje\n\nDokumenter som er unntatt offentlighet skal ikke deles.", False),
    ("# Retningslinje\n\n" + "Et avsnitt.\n\n" * 30 + "Unntatt offentlighet er mye.\n\n"
     + "Et avsnitt til.\n\n" * 5, False),
    ("# Referat om konfidensialitet\n\nVi drøftet konfidensielle saker.", False),
])
def test_markings_are_read_where_markings_stand_not_where_text_talks_about_them(text, marked):  # type: ignore[no-untyped-def]
    assert is_marked(text) is marked


def test_a_marking_in_front_matter_counts() -> None:
    assert is_marked("# Notat\n\nTekst.", {"gradering": "Unntatt offentlighet"})


def test_an_explicit_list_wins_and_a_marked_document_without_one_is_for_nobody() -> None:
    assert resolve(None, None, marked=True) == NOBODY
    assert resolve(None, None, marked=False) == (PUBLIC,)
    assert resolve((TEAM,), NOBODY, marked=True) == (TEAM,)
    assert resolve(None, (TEAM,), marked=True) == (TEAM,)


def test_a_folder_scope_is_inherited_and_a_broken_one_restricts(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "c").mkdir()
    (tmp_path / "a" / ".access.yaml").write_text("access:\n  - team-a\n", encoding="utf-8")
    (tmp_path / "c" / ".access.yaml").write_text("access: [unclosed\n", encoding="utf-8")
    folders = FolderAccess(tmp_path)
    assert folders.of(tmp_path / "a" / "b" / "x.md") == ("team-a",)
    assert folders.of(tmp_path / "top.md") is None
    assert folders.of(tmp_path / "c" / "y.md") == NOBODY
    assert [p for p, _ in folders.problems] == [str(tmp_path / "c" / ".access.yaml")]


def _doc(title: str, extra: str = "") -> str:
    return f"# {title}\n\n---\ntype: referat\ndato: 2024-03-14\n{extra}---\n\nVedtak: {title}.\n"


def test_a_scope_change_rewrites_the_scope_and_embeds_nothing(settings, gazetteer, tmp_path):  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    (corpus / "lister").mkdir(parents=True)
    (corpus / "lister" / "referat.md").write_text(_doc("Lister møte"), encoding="utf-8")
    (corpus / "lister" / "eget.md").write_text(
        _doc("Eget møte", 'access: ["team-eget"]\n'), encoding="utf-8")
    (corpus / "merket.md").write_text("KONFIDENSIELT\n\n" + _doc("Merket møte"), encoding="utf-8")
    scope = corpus / "lister" / ".access.yaml"
    scope.write_text("access: [team-a]\n", encoding="utf-8")
    index_paths([corpus], fake_index_deps(settings, gazetteer))
    store = open_store(settings, with_vectors=True)
    by_title = {m.title: m for m in store.documents()}
    assert by_title["Lister møte"].access == ["team-a"]
    assert by_title["Eget møte"].access == ["team-eget"]  # its own list wins over the folder's
    assert by_title["Merket møte"].access == [] and by_title["Merket møte"].marked
    before = store.generation()

    scope.write_text("access: [team-a, nettverk:lister]\n", encoding="utf-8")
    embeddings = FakeEmbeddings()
    report = index_paths([corpus], fake_index_deps(settings, gazetteer, embeddings))
    assert (report.files_indexed, report.skipped_unchanged, embeddings.calls) == (0, 3, 0)
    store = open_store(settings, with_vectors=True)
    meta = next(m for m in store.documents() if m.title == "Lister møte")
    assert meta.access == ["nettverk:lister", "team-a"] and store.generation() != before
    stored = store.vectors._collection.get(where={"doc_id": meta.doc_id})  # noqa: SLF001
    assert {m["access"] for m in stored["metadatas"]} == {encode(meta.access)}
    assert {m["title"] for m in stored["metadatas"]} == {"Lister møte"}  # the rest is kept
    assert next(m for m in store.documents() if m.title == "Eget møte").access == ["team-eget"]


def test_a_viewer_sees_public_documents_and_those_of_its_groups() -> None:
    viewer = viewer_of([TEAM], {"nettverk:lister": [TEAM, "guid"], "nettverk:x": ["y"]})
    assert viewer.groups == frozenset({TEAM, "nettverk:lister"})
    assert viewer.may_see([PUBLIC]) and viewer.may_see(["nettverk:lister"])
    assert not viewer.may_see(["nettverk:x"]) and not viewer.may_see(NOBODY)
    assert not Viewer().may_see([TEAM]) and Viewer(everything=True).may_see(NOBODY)


def test_the_group_map_is_read_from_json_or_a_yaml_file_and_refreshed(tmp_path: Path) -> None:
    path = tmp_path / "grupper.yaml"
    path.write_text("users:\n  kari: [guid]\nnetworks:\n  nettverk:lister: [guid]\n",
                    encoding="utf-8")
    assert read_group_map(str(path)).users == {"kari": ["guid"]}
    assert read_group_map(json.dumps({"users": {"ola": ["g"]}})).users == {"ola": ["g"]}
    now = [0.0]
    directory = GroupDirectory(str(path), ttl_s=60, clock=lambda: now[0])
    assert directory.user("kari").groups == frozenset({"guid", "nettverk:lister"})
    path.write_text("users:\n  kari: []\n", encoding="utf-8")
    assert directory.user("kari").groups == frozenset({"guid", "nettverk:lister"})  # cached
    now[0] = 61
    assert directory.user("kari").groups == frozenset()
    path.write_text("users: [broken", encoding="utf-8")
    now[0] = 200
    assert directory.user("kari").groups == frozenset()  # the last good map is kept
    with pytest.raises(ConfigError, match="LAERINGSBOT_GROUP_MAP"):
        load_settings(group_map=str(tmp_path / "finnes-ikke.yaml"))
