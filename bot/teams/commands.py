"""The commands Teams offers in its command menu; the core gives them meaning.

One list feeds the welcome message and is checked against the manifest's `commandLists`.
"""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    title: str
    description: str


COMMANDS: tuple[Command, ...] = (
    Command("/hjelp", "Vis hva jeg kan hjelpe med"),
    Command("/prosjekter", "List prosjekter, f.eks. /prosjekter fosterhjem"),
    Command("/oppsummer", "Oppsummer et referat, f.eks. /oppsummer 31.01.2024"),
    Command("/utkast", "Få hjelp til et utkast til prosjektplan"),
    Command("/kilder", "Vis kildene bak forrige svar"),
)

HELP_COMMAND = "/hjelp"

# Shown as buttons under the welcome message; each is sent as a message when clicked.
SUGGESTED_PROMPTS: tuple[str, ...] = (
    "/hjelp",
    "/prosjekter fosterhjem",
    "Hva kan stimuleringsmidler brukes til?",
    "/utkast",
)
