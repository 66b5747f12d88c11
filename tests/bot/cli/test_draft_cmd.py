"""`laeringsbot draft` with --answers and with interactive input."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
import typer
from docx import Document
from typer.testing import CliRunner

from bot.cli import draft_cmd

runner = CliRunner()


@pytest.fixture
def app(sample_context, monkeypatch):  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2023, 3, 20))
    monkeypatch.setenv("LAERINGSBOT_DATA_DIR", str(ctx.settings.data_dir))  # an indexed one
    cli = typer.Typer()

    @cli.callback()
    def main() -> None:
        """Test group, so `draft` stays a sub-command."""

    draft_cmd.register(cli, context_factory=lambda settings: ctx)
    return cli


def headings(path) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in Document(str(path)).paragraphs if p.style.name.startswith("Heading")]


def test_answers_file_by_field(app, tmp_path):
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps({
        "request": "Hjelp meg å skrive en prosjektplan for et fosterhjemsprosjekt i Hå og Time",
        "answers": {"target_group": "Fosterforeldre", "budget": "Vi søker om 300 000 kr"},
    }), encoding="utf-8")
    out = tmp_path / "plan.docx"
    result = runner.invoke(app, ["draft", "--answers", str(answers), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Utkastet er lagret" in result.output
    assert "Bakgrunn og behov" in headings(out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Fosterforeldre" in text and "300 000 kr" in text


def test_answers_file_as_a_list(app, tmp_path):
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps(["/utkast høykonflikt i Hå og Time", "Barn", "hopp over",
                                   "ferdig"]), encoding="utf-8")
    out = tmp_path / "plan.docx"
    result = runner.invoke(app, ["draft", "--answers", str(answers), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [p.text for p in Document(str(out)).paragraphs]
    assert lines[lines.index("Mål og målgruppe") + 1] == "Barn"  # the heading says «målgruppe»


def test_interactive_prompts(app, tmp_path):
    out = tmp_path / "rapport.docx"
    result = runner.invoke(app, ["draft", "--out", str(out)], input=(
        "sluttrapport for «Neste steg» i Trondheim og Malvik\n"
        "1. mars 2021 – 28. februar 2023\n"
        "hopp over\n"
        "ferdig\n"))
    assert result.exit_code == 0, result.output
    assert "Hva vil du ha hjelp til å skrive" in result.output
    assert headings(out)[:6] == ["Sammendrag", "Måloppnåelse", "Gjennomførte tiltak",
                                  "Regnskap", "Erfaringer og læring",
                                  "Plan for videreføring og implementering"]


def test_cancel_exits_without_a_file(app, tmp_path):
    out = tmp_path / "plan.docx"
    result = runner.invoke(app, ["draft", "/utkast fosterhjem i Hå og Time", "--out", str(out)],
                           input="avbryt\n")
    assert result.exit_code == 1 and not out.exists()


def test_bad_answers_file_is_a_clear_error(app, tmp_path):
    bad = tmp_path / "svar.json"
    bad.write_text("{ikke json", encoding="utf-8")
    result = runner.invoke(app, ["draft", "--answers", str(bad)])
    assert result.exit_code == 2
    assert "ikke gyldig JSON" in " ".join(result.output.split())


def test_answers_file_of_the_wrong_shape_names_the_shape(app, tmp_path):
    for content in ('{"answers": {"budget": 300000}}', "[]", '{"request": 1}'):
        bad = tmp_path / "svar.json"
        bad.write_text(content, encoding="utf-8")
        result = runner.invoke(app, ["draft", "--answers", str(bad)])
        assert result.exit_code == 2
        assert "må være" in " ".join(result.output.split())


def test_without_out_the_file_is_named_after_the_project(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["draft", "/utkast fosterhjem i Kvam og Voss"], input="ferdig\n")
    assert result.exit_code == 0, result.output
    saved = tmp_path / "prosjektplan-fosterhjem-kvam-og-voss.docx"
    assert saved.is_file()
    assert Document(str(saved)).core_properties.title == (
        "Utkast til prosjektplan: fosterhjem – Kvam og Voss")


def test_a_missing_data_dir_stops_the_draft_before_any_question(app, tmp_path):
    result = runner.invoke(app, ["draft", "/utkast fosterhjem", "--data-dir",
                                 str(tmp_path / "finnes-ikke")])
    assert result.exit_code == 2
    assert "Fant ikke datamappen" in " ".join(result.output.split())
    assert not (tmp_path / "finnes-ikke").exists()
