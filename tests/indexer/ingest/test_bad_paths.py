"""One bad path never stops an index run: odd names, links out of the roots, huge files, a
second run on the same data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from indexer.store import IndexLocked
from indexer.store.lock import exclusive
from indexer.wiring import open_store
from tests.fakes import FakeEmbeddings, fake_index_deps

GOOD = "# Referat\n\nStyringsgruppen vedtok å starte et prosjekt om fosterhjem i Bergen.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "k"
    folder.mkdir()
    (folder / "a.md").write_text(GOOD, encoding="utf-8")
    (folder / "z.md").write_text(GOOD.replace("Bergen", "Voss"), encoding="utf-8")
    return folder


def test_a_name_that_is_not_utf8_is_reported_and_the_files_after_it_indexed(
    settings: Settings, tmp_path: Path, gazetteer
) -> None:
    folder = _folder(tmp_path)
    with open(os.fsencode(folder) + b"/b\xff\xfe.txt", "w", encoding="utf-8") as handle:
        handle.write("Hemmelig")
    report = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert report.files_indexed == 2
    assert [(Path(e.path).name, e.reason) for e in report.errors] == [
        ("b\ufffd\ufffd.txt", "navnet er ikke gyldig UTF-8")]
    assert sorted(m.source for m in open_store(settings).documents()) == ["a.md", "z.md"]


def test_a_link_to_a_file_outside_the_roots_is_never_read(
    settings: Settings, tmp_path: Path, gazetteer
) -> None:
    folder = _folder(tmp_path)
    secret = tmp_path / "passord.txt"
    secret.write_text("Passordet til fagsystemet er hemmelig123.", encoding="utf-8")
    (folder / "lenke.txt").symlink_to(secret)
    (folder / "inne.md").symlink_to(folder / "a.md")  # inside: the file itself is indexed once
    report = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert report.files_indexed == 2 and report.files_seen == 2
    assert [Path(e.path).name for e in report.errors] == ["lenke.txt"]
    assert "utenfor" in report.errors[0].reason
    store = open_store(settings)
    assert store.lexical().search("hemmelig123 passordet", 5) == []


def test_a_file_over_the_size_cap_is_reported_as_too_big(
    tmp_path: Path, gazetteer, monkeypatch
) -> None:
    monkeypatch.setenv("LAERINGSBOT_MAX_FILE_MB", "1")
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    folder = _folder(tmp_path)
    (folder / "stor.txt").write_text("Ord. " * 300_000, encoding="utf-8")  # 1.4 MB
    report = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert report.files_indexed == 2
    assert [(Path(e.path).name, e.reason) for e in report.errors] == [
        ("stor.txt", "for stor (1,4 MB; grensen er 1 MB, LAERINGSBOT_MAX_FILE_MB)")]


def test_a_large_file_reports_progress_while_it_is_embedded(
    settings: Settings, tmp_path: Path, gazetteer
) -> None:
    folder = tmp_path / "k"
    folder.mkdir()
    sak = "### Sak {i}/2024 Tema {i}\n\nNotat {i} om opplæring.\n\n" + "Tekst. " * 150 + "\n\n"
    (folder / "stort.md").write_text("# Referat\n\n" + "".join(sak.format(i=i) for i in range(40)),
                                     encoding="utf-8")
    deps = fake_index_deps(settings, gazetteer)
    deps.embed_batch = 8
    seen: list[tuple[str, int, int]] = []
    report = index_paths([folder], deps, on_chunks=lambda p, d, t: seen.append((p, d, t)))
    total = report.chunks_written
    assert total >= 40
    assert [d for _, d, _ in seen] == [*range(8, total, 8), total]
    assert {t for _, _, t in seen} == {total} and all(p.endswith("stort.md") for p, _, _ in seen)


def test_a_second_index_run_on_the_same_data_dir_is_refused(
    settings: Settings, tmp_path: Path, gazetteer
) -> None:
    folder = _folder(tmp_path)
    embeddings = FakeEmbeddings()
    with exclusive(settings.data_dir / "index.lock"), pytest.raises(
        IndexLocked, match="En annen indeksering pågår"
    ):
        index_paths([folder], fake_index_deps(settings, gazetteer, embeddings))
    assert embeddings.calls == 0
    assert index_paths([folder], fake_index_deps(settings, gazetteer)).files_indexed == 2


def test_the_index_command_says_so_in_one_line_and_exits_non_zero(
    settings: Settings, tmp_path: Path, monkeypatch
) -> None:
    from bot.cli import app

    monkeypatch.chdir(tmp_path)
    folder = _folder(tmp_path)
    with exclusive(settings.data_dir / "index.lock"):
        result = CliRunner().invoke(app, ["index", str(folder), "--data-dir",
                                          str(settings.data_dir)])
    assert result.exit_code != 0
    assert "en annen indeksering pågår" in " ".join(result.output.lower().split())
    assert "Traceback" not in result.output


@pytest.mark.slow  # real processes and a full disk: seconds, not milliseconds
def test_a_full_disk_is_one_store_error_and_the_next_run_finishes(
    settings: Settings, tmp_path: Path, gazetteer
) -> None:
    from indexer.errors import StoreError

    folder = _folder(tmp_path)
    deps = fake_index_deps(settings, gazetteer)
    conn = deps.store._conn  # noqa: SLF001  (SQLite's own «disk is full», without filling one)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    (folder / "stor.md").write_text("# Stor\n\n" + "Mye tekst om barnevern. " * 4000,
                                    encoding="utf-8")
    with pytest.raises(StoreError, match="disken har plass"):
        index_paths([folder], deps)
    report = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert report.files_indexed + report.skipped_unchanged == 3 and not report.errors
    assert not open_store(settings).unfinished()
