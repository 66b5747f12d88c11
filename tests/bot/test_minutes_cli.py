"""`laeringsbot summarize`, `decisions` and `participants` against a real (fake-embedded) store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import minutes_cmd
from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from tests.conftest import KNOWLEDGE
from tests.fakes import fake_index_deps

VESTLAND = "2020-02-11_referat_styringsgruppe_vestland.md"
SETESDAL = "2023-05-10_referat_styringsgruppe_setesdal.md"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, gazetteer) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("minutes-docs")
    for name in (VESTLAND, SETESDAL):
        shutil.copy(KNOWLEDGE / name, folder / name)
    data = tmp_path_factory.mktemp("minutes-data")
    settings = Settings(data_dir=data, _env_file=None)  # type: ignore[call-arg]
    report = index_paths([folder], fake_index_deps(settings, gazetteer))
    assert report.files_indexed == 2
    return data


@pytest.fixture
def run(monkeypatch):  # type: ignore[no-untyped-def]
    for name in ("LAERINGSBOT_LLM_PROVIDER", "LAERINGSBOT_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    app = typer.Typer()
    minutes_cmd.register(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def test_summarize_prints_saks_decisions_and_next_meeting(run, data_dir) -> None:
    result = run("summarize", "11.02.2020", "--data-dir", str(data_dir))
    assert result.exit_code == 0, result.output
    assert "Sak 5/2020 Ny kommunestruktur og sammensetning av styringsgruppen" in result.output
    assert "Vedtak: Styringsgruppen utvides med én representant" in result.output
    assert "Neste møte: 12. mai 2020, Statens hus, Bergen" in result.output
    assert "Kilder:" in result.output and VESTLAND in result.output


def test_summarize_json_carries_the_structured_summary(run, data_dir) -> None:
    result = run("summarize", "Setesdal mai 2023", "--json", "--data-dir", str(data_dir))
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["kind"] == "summary" and payload["refused"] is False
    assert payload["data"]["kind"] == "meeting_summary"
    summary = payload["data"]["meeting_summary"]
    assert [item["number"] for item in summary["items"]] == [
        "8/2023", "9/2023", "10/2023", "11/2023", "12/2023"]
    assert summary["next_meeting"]["date"] == "2023-09-06"
    assert {c["source"] for c in payload["citations"]} == {SETESDAL}


def test_summarize_an_unknown_meeting_exits_1_with_the_nearest(run, data_dir) -> None:
    result = run("summarize", "01.01.2021", "--data-dir", str(data_dir))
    assert result.exit_code == 1
    assert "Jeg fant ikke noe referat fra 1. januar 2021" in result.output
    assert "11. februar 2020" in result.output


def test_summarize_json_of_an_unknown_meeting_names_the_nearest(run, data_dir) -> None:
    result = run("summarize", "01.01.2021", "--json", "--data-dir", str(data_dir))
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["kind"] == "refusal" and payload["data"]["kind"] == "nearest_documents"
    nearest = payload["data"]["nearest"][0]
    assert set(nearest) == {"title", "date", "source", "doc_id"}
    assert (nearest["date"], nearest["source"]) == ("2020-02-11", VESTLAND)


def test_decisions_lists_newest_first(run, data_dir) -> None:
    result = run("decisions", "--data-dir", str(data_dir))
    assert result.exit_code == 0, result.output
    assert result.output.index(SETESDAL) < result.output.index(VESTLAND)
    assert "Vedtak: Kommunane lagar ein felles rekrutteringsplan" in result.output


def test_decisions_filters_by_network_and_date_in_json(run, data_dir) -> None:
    result = run("decisions", "--nettverk", "Setesdal", "--siden", "1. januar 2023", "--json",
                 "--data-dir", str(data_dir))
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found and {d["source"] for d in found} == {SETESDAL}
    assert all(d["citation"]["snippet"] for d in found)


def test_decisions_with_an_unreadable_date_says_how_to_write_it(run, data_dir) -> None:
    result = run("decisions", "--siden", "i fjor", "--data-dir", str(data_dir))
    assert result.exit_code == 2
    assert "Forstår ikke datoen «i fjor»" in result.output


def test_participants_by_municipality_lists_its_meetings(run, data_dir) -> None:
    result = run("participants", "--kommune", "Valle", "--json", "--data-dir", str(data_dir))
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [m["source"] for m in found["data"]["meetings"]] == [SETESDAL]
    assert [p["name"] for m in found["data"]["meetings"] for p in m["people"]] == ["Åse Bjørgum"]
    assert found["citations"][0]["snippet"] == "Åse Bjørgum (Valle kommune)"


def test_participants_from_an_organisation_no_one_came_from(run, data_dir) -> None:
    result = run("participants", "--kommune", "Bufdir", "--dato", "2020", "--data-dir",
                 str(data_dir))
    assert result.exit_code == 1
    assert "Ingen fra Bufdir står som deltaker" in result.output
    assert "Jorunn Steinsland" not in result.output


def test_participants_of_a_network(run, data_dir) -> None:
    result = run("participants", "--nettverk", "Setesdal", "--data-dir", str(data_dir))
    assert result.exit_code == 0, result.output
    assert "Åse Bjørgum – Valle kommune [1]" in result.output
    assert "Jorunn Steinsland" not in result.output
