"""The commands Teams offers in its command menu; the core gives them meaning.

One list feeds the welcome message and is checked against the manifest's `commandLists` (the
manifest is in Bokmål). The commands keep their Norwegian names in every language; their
descriptions and the example prompts follow the user's language.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.core.models import Language
from bot.i18n import t


class Command(NamedTuple):
    title: str
    description: str


COMMAND_NAMES: tuple[str, ...] = ("/hjelp", "/prosjekter", "/oppsummer", "/utkast", "/kilder")
HELP_COMMAND = "/hjelp"


def commands(language: Language) -> tuple[Command, ...]:
    return tuple(Command(name, t(f"teams.command.{name[1:]}", language)) for name in COMMAND_NAMES)


def suggested_prompts(language: Language) -> tuple[tuple[str, str], ...]:
    """Buttons under the welcome message as (title, message sent when clicked).

    Teams shows at most three suggested actions and cuts titles of more than about 20
    characters, so the titles are short and the message carries the whole prompt.
    """
    return tuple(
        (t(f"teams.prompt.{name}.title", language), t(f"teams.prompt.{name}.value", language))
        for name in ("projects", "funds", "draft")
    )
