"""The production compose file, read without Docker: every part is there, checked for health,
and the bots' environment is settings the program accepts (`docker compose config` is the
manual check; CI has no Docker daemon)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from indexer.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
_VARIABLE = re.compile(r"\$\{(\w+)(?::?[-?]([^}]*))?\}")


def compose(values: dict[str, str]) -> dict[str, Any]:
    """docker-compose.yml with ${VAR}, ${VAR:-default} and ${VAR:?message} filled in."""
    def fill(match: re.Match[str]) -> str:
        return values.get(match[1], match[2] if "-" in match[0] else "")

    return yaml.safe_load(_VARIABLE.sub(fill, (REPO / "docker-compose.yml").read_text()))


def example_env() -> dict[str, str]:
    lines = (REPO / "deploy" / "env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


@pytest.fixture
def services() -> dict[str, Any]:
    return compose(example_env())["services"]


def test_two_bot_replicas_behind_one_proxy_with_the_shared_services(services: dict[str, Any]
                                                                    ) -> None:
    assert set(services) == {"postgres", "chroma", "indexer", "bot-a", "bot-b", "proxy"}
    caddy = (REPO / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy bot-a:3978 bot-b:3978" in caddy
    for name in ("bot-a", "bot-b"):
        needs = services[name]["depends_on"]
        assert needs["indexer"]["condition"] == "service_completed_successfully"
        assert needs["postgres"]["condition"] == needs["chroma"]["condition"] == "service_healthy"
        assert "/readyz" in " ".join(services[name]["healthcheck"]["test"])


def test_every_long_running_service_has_a_health_check(services: dict[str, Any]) -> None:
    for name, service in services.items():
        if name != "indexer":
            assert service["healthcheck"]["test"][0] == "CMD", name


def test_the_bots_environment_is_settings_the_program_accepts(
    services: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of ours
    for key in [k for k in os.environ if k.startswith("LAERINGSBOT_")]:
        monkeypatch.delenv(key)
    for key, value in services["bot-a"]["environment"].items():
        monkeypatch.setenv(key, "" if value is None else str(value))  # as compose sets an empty one
    settings = load_settings()
    assert settings.chroma_host == "chroma" and settings.app_id
    assert settings.database_url and settings.database_url.startswith("postgresql://")
    assert services["bot-a"]["environment"] == services["bot-b"]["environment"]


def test_the_image_runs_as_a_user_with_the_model_inside() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert re.search(r"^USER laeringsbot$", dockerfile, re.MULTILINE)
    assert "build_embeddings(" in dockerfile.split("USER laeringsbot", 1)[1]  # loaded offline
    assert "HF_HUB_OFFLINE=1" in dockerfile
