"""`--as-group`: the CLI answers as a member of the groups named, and by default as the public."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import minutes_cmd, projects_cmd
from tests.scopes import LISTER_TEAM, group_map_json


@pytest.fixture
def run(monkeypatch, scoped_context):  # type: ignore[no-untyped-def]
    for name in ("LAERINGSBOT_LLM_PROVIDER", "LAERINGSBOT_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LAERINGSBOT_GROUP_MAP", group_map_json())
    app = typer.Typer()
    minutes_cmd.register(app)
    projects_cmd.register(app)
    data = str(scoped_context.settings.data_dir)
    return lambda *args: CliRunner().invoke(app, [*args, "--data-dir", data])


def test_decisions_are_public_only_unless_a_group_is_named(run) -> None:  # type: ignore[no-untyped-def]
    public = run("decisions", "--json")
    assert public.exit_code == 0 and "Kvinesdal-modellen" not in public.output
    for group in ("nettverk:lister", LISTER_TEAM):  # a team id counts through the group map
        member = run("decisions", "--json", "--as-group", group)
        assert any("Kvinesdal-modellen" in d["text"] for d in json.loads(member.output))


def test_summarize_and_projects_follow_the_group(run) -> None:  # type: ignore[no-untyped-def]
    assert run("summarize", "14.03.2024").exit_code == 1  # as absent as an unknown meeting
    summary = run("summarize", "14.03.2024", "--as-group", "other", "--as-group", LISTER_TEAM)
    assert summary.exit_code == 0 and "Fjordlys-veiledningen" in summary.output
    assert "Fjordlys" not in run("projects", "--tema", "fosterhjem", "--json").output
    member = run("projects", "--tema", "fosterhjem", "--json", "--as-group", LISTER_TEAM)
    assert "Fjordlys" in member.output
