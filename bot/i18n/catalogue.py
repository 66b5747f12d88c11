"""The message catalogue: every sentence the bot says in its own voice, in nb, nn and en.

One TOML file per area (core.toml, lists.toml, …) beside this module; each message is a table
with its three translations side by side. A key is the file's name and the message's table path:
"core.refusal" is `[refusal]` in core.toml, "drafting.field.goals" is `[field.goals]` in
drafting.toml. The files are read once per process.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from indexer.text.language import Language

LANGUAGES: tuple[Language, ...] = ("nb", "nn", "en")


class CatalogueError(LookupError):
    """A message that is not in the catalogue, or a placeholder left without a value."""


def t(key: str, language: Language, **values: object) -> str:
    """The message `key` in `language`, its {placeholders} filled from `values`."""
    try:
        template = messages()[key][language]
    except KeyError:
        raise CatalogueError(f"no message {key!r} in {language!r}") from None
    try:
        return template.format(**values)
    except (KeyError, IndexError) as missing:
        raise CatalogueError(f"message {key!r} needs a value for {missing}") from None


@cache
def messages() -> dict[str, dict[str, str]]:
    """Every message by key; read from the package's TOML files on first use."""
    found: dict[str, dict[str, str]] = {}
    for resource in sorted(files("bot.i18n").iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".toml"):
            area = resource.name.removesuffix(".toml")
            found.update(_flatten(tomllib.loads(resource.read_text(encoding="utf-8")), area))
    return found


def _flatten(table: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, dict[str, str]]]:
    """A table of strings is a message; a table of tables is a group of messages."""
    for name, value in table.items():
        key = f"{prefix}.{name}"
        if not isinstance(value, dict):
            raise CatalogueError(f"{key} is neither a message nor a group of messages")
        if all(isinstance(v, str) for v in value.values()):
            yield key, value
        else:
            yield from _flatten(value, key)
