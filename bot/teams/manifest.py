"""The Teams app package: manifest.json (bot id and domain filled in) and the two icons, zipped."""

from __future__ import annotations

import copy
import json
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from indexer.errors import ConfigError

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "manifest"
ICONS = ("color.png", "outline.png")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_HOST = re.compile(r"^(\*\.)?([A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}(:\d{1,5})?$")


def load_template(template_dir: Path = TEMPLATE_DIR) -> dict[str, Any]:
    path = template_dir / "manifest.json"
    if not path.is_file():
        raise ConfigError(f"Fant ikke manifestmalen {path}.")
    return json.loads(path.read_text(encoding="utf-8"))


def normalise_domain(domain: str) -> str:
    """Accept 'bot.example.no' or 'https://bot.example.no/api/messages'; return the host."""
    host = urlsplit(domain if "//" in domain else f"//{domain}").netloc or domain
    if not _HOST.match(host):
        raise ConfigError(f"Ugyldig domene {domain!r}: bruk et vertsnavn som bot.example.no.")
    return host.lower()


def build_manifest(
    app_id: str, domain: str | None = None, template_dir: Path = TEMPLATE_DIR
) -> dict[str, Any]:
    """The template with the bot's Microsoft App ID (also used as the Teams app id) and domain."""
    if not _GUID.match(app_id or ""):
        raise ConfigError(
            f"Ugyldig app-id {app_id!r}: Microsoft App ID er en GUID "
            "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."
        )
    manifest = copy.deepcopy(load_template(template_dir))
    manifest["id"] = app_id
    for bot in manifest.get("bots", []):
        bot["botId"] = app_id
    if domain:
        host = normalise_domain(domain)
        manifest["validDomains"] = [host]
        manifest["developer"].update(
            websiteUrl=f"https://{host}/",
            privacyUrl=f"https://{host}/personvern",
            termsOfUseUrl=f"https://{host}/vilkar",
        )
    return manifest


def write_package(
    out: Path, app_id: str, domain: str | None = None, template_dir: Path = TEMPLATE_DIR
) -> dict[str, Any]:
    """Write the zip Teams accepts (files at the root, no folders); returns the manifest."""
    manifest = build_manifest(app_id, domain, template_dir)
    missing = [name for name in ICONS if not (template_dir / name).is_file()]
    if missing:
        raise ConfigError(f"Mangler ikon(er) i {template_dir}: {', '.join(missing)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for name in ICONS:
            package.write(template_dir / name, arcname=name)
    return manifest
