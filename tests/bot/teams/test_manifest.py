"""The Teams app package, validated offline against the official schema from npm."""

from __future__ import annotations

import copy
import json
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer
from typer.testing import CliRunner

from bot.cli.serve_cmd import register
from bot.teams.commands import commands
from bot.teams.manifest import TEMPLATE_DIR, build_manifest, write_package
from indexer.errors import ConfigError

REPO = Path(__file__).resolve().parents[3]
SCHEMAS = REPO / "node_modules" / "@microsoft" / "app-manifest" / "build" / "json-schemas" / "teams"
APP_ID = "6d2f1b7e-4a35-4c1e-9f0a-2b8c3d4e5f60"

needs_schemas = pytest.mark.skipif(
    not SCHEMAS.is_dir(),
    reason="node_modules/@microsoft/app-manifest is missing: run `npm ci` in the repository root",
)


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in name[1:].split("."))


def newest_schema_version() -> str:
    versions = [d.name for d in SCHEMAS.iterdir() if re.fullmatch(r"v\d+\.\d+", d.name)]
    return max(versions, key=_version_key)[1:]


def validator_for(manifest: dict[str, Any]) -> jsonschema.Draft4Validator:
    path = SCHEMAS / f"v{manifest['manifestVersion']}" / "MicrosoftTeams.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def errors_of(manifest: dict[str, Any]) -> list[str]:
    return [
        f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator_for(manifest).iter_errors(manifest)
    ]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@needs_schemas
def test_template_is_valid_on_the_newest_bundled_schema() -> None:
    manifest = json.loads((TEMPLATE_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["manifestVersion"] == newest_schema_version()
    assert manifest["$schema"].endswith(
        f"/v{manifest['manifestVersion']}/MicrosoftTeams.schema.json"
    )
    assert errors_of(manifest) == []


@needs_schemas
def test_built_package_is_valid_and_carries_bot_id_and_domain(tmp_path: Path) -> None:
    out = tmp_path / "app.zip"
    write_package(out, APP_ID, "https://bot.example.no/api/messages")
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        assert png_size(package.read("color.png")) == (192, 192)
        assert png_size(package.read("outline.png")) == (32, 32)
    assert errors_of(manifest) == []
    assert manifest["id"] == APP_ID and manifest["bots"][0]["botId"] == APP_ID
    assert manifest["validDomains"] == ["bot.example.no"]
    assert manifest["developer"]["websiteUrl"] == "https://bot.example.no/"


@needs_schemas
@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (lambda m: m["description"].pop("full"), "'full' is a required property"),
        (lambda m: m["name"].update(short="L" * 31), "is too long"),
        (lambda m: m.update(accentColor="blue"), "does not match"),
        (lambda m: m["bots"][0].update(botId="not-a-guid"), "does not match"),
        (lambda m: m["bots"][0].update(scopes=["everywhere"]), "is not one of"),
    ],
)
def test_an_invalid_manifest_is_rejected(break_it: Any, expected: str) -> None:
    manifest = copy.deepcopy(build_manifest(APP_ID))
    break_it(manifest)
    problems = errors_of(manifest)
    assert any(expected in p for p in problems), problems


def test_icons_have_the_sizes_teams_requires() -> None:
    assert png_size((TEMPLATE_DIR / "color.png").read_bytes()) == (192, 192)
    assert png_size((TEMPLATE_DIR / "outline.png").read_bytes()) == (32, 32)


def test_outline_icon_is_white_on_transparent() -> None:
    from PIL import Image

    with Image.open(TEMPLATE_DIR / "outline.png") as image:
        pixels = list(image.convert("RGBA").getdata())
    visible = {p[:3] for p in pixels if p[3] > 0}
    assert visible == {(255, 255, 255)}
    assert any(p[3] == 0 for p in pixels), "the background must be transparent"


def test_manifest_commands_match_the_bots_commands() -> None:
    manifest = build_manifest(APP_ID)
    [command_list] = manifest["bots"][0]["commandLists"]
    listed = [(c["title"], c["description"]) for c in command_list["commands"]]
    assert listed == [tuple(c) for c in commands("nb")]
    assert {"/hjelp", "/prosjekter", "/oppsummer", "/utkast", "/kilder"} == {t for t, _ in listed}


@pytest.mark.parametrize("bad", ["", "1234", "6d2f1b7e-4a35-4c1e-9f0a-2b8c3d4e5f6"])
def test_app_id_must_be_a_guid(bad: str) -> None:
    with pytest.raises(ConfigError, match="app-id"):
        build_manifest(bad)


def test_manifest_command_writes_the_zip(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    out = tmp_path / "pakke" / "app.zip"
    result = CliRunner().invoke(
        app, ["manifest", "--app-id", APP_ID, "--out", str(out), "--domain", "bot.example.no"]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as package:
        assert json.loads(package.read("manifest.json"))["validDomains"] == ["bot.example.no"]


def test_manifest_command_explains_a_bad_app_id(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(
        app, ["manifest", "--app-id", "abc", "--out", str(tmp_path / "a.zip")]
    )
    assert result.exit_code == 2
    assert "Ugyldig app-id" in result.output
