"""The dialog's commands as people type them and as its buttons send them.

A button sends its own label («Hopp over», «Endre målgruppe», «Change section»), so every label
in the catalogue (drafting.button.*) is read as its command in all three languages; a few more
spellings people type are listed here. «Endre budsjett» names the part to change directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from bot.drafting.texts import ALL_FIELDS
from bot.i18n import LANGUAGES, t

CommandName = Literal["skip", "back", "cancel", "done", "resume", "edit"]
BUTTONS: tuple[CommandName, ...] = ("skip", "back", "edit", "done", "cancel")

_TYPED: dict[CommandName, frozenset[str]] = {
    "skip": frozenset({"hopp over", "hopp", "skip", "neste", "next", "vet ikke", "veit ikkje",
                       "hopp over dette", "pass"}),
    "back": frozenset({"tilbake", "back", "gå tilbake", "ga tilbake", "go back", "attende"}),
    "cancel": frozenset({"avbryt", "cancel", "stopp", "stop", "avslutt", "quit",
                         "avbryt utkastet"}),
    "done": frozenset({"ferdig", "done", "finish", "ferdig nå", "lag utkastet", "lag utkastet nå",
                       "ferdig no", "finished"}),
    "resume": frozenset({"fortsett", "fortsett utkastet", "continue", "resume", "hald fram",
                         "held fram", "takk", "tusen takk", "takk for svaret", "ok", "okei",
                         "flott", "supert", "fint", "thanks", "thank you"}),
    "edit": frozenset({"endre", "endre del", "endre en del", "endre ein del", "rett", "rette",
                       "edit", "change", "change section", "change a section", "korriger"}),
}
_EDIT_VERB = re.compile(r"^(?:endre|rett(?:e)?|korriger|edit|change)\s+(?:på\s+|the\s+)?(.+)$")


@dataclass(frozen=True)
class Command:
    name: CommandName
    field: str | None = None  # «endre budsjett»: the part to change


def read_command(text: str) -> Command | None:
    """'Hopp over.' → skip; 'Endre målgruppe' → edit target_group; free text → None."""
    key = _key(text)
    for name, words in _words().items():
        if key in words:
            return Command(name)
    if (match := _EDIT_VERB.match(key)) and (field := field_named(match.group(1))):
        return Command("edit", field)
    return None


def field_named(text: str) -> str | None:
    """The field a few words name, in any language («målgruppe», «budget», «prosjektperioden»)."""
    key = _key(text).removeprefix("del ").removeprefix("delen ")
    if not key:
        return None
    for field, names in _field_names().items():
        if key in names or any(_stem_of(key, name) for name in names):
            return field
    return None


def _stem_of(key: str, name: str) -> bool:
    """«budsjettet», «målgruppa» name «budsjett», «målgruppe»; a short name must match whole."""
    if len(name) < 4:
        return False
    return key.startswith(name if len(name) < 6 else name[:-1])


def _key(text: str) -> str:
    return " ".join(text.lower().strip().strip(".!«»\"").split())


@cache
def _words() -> dict[CommandName, frozenset[str]]:
    labels = {name: {_key(t(f"drafting.button.{name}", lang)) for lang in LANGUAGES}
              for name in _TYPED}
    return {name: words | labels[name] for name, words in _TYPED.items()}


@cache
def _field_names() -> dict[str, frozenset[str]]:
    """Each field's name in every language, and the long words only its name has
    («forankring» for «organisering og forankring»)."""
    names = {field: {_key(t(f"drafting.field.{field}", lang)) for lang in LANGUAGES}
             for field in ALL_FIELDS}
    owners: dict[str, set[str]] = {}
    for field, found in names.items():
        for word in (w for name in found if " " in name for w in name.split()):
            owners.setdefault(word, set()).add(field)
    for word, fields in owners.items():
        if len(word) >= 6 and len(fields) == 1:
            names[next(iter(fields))].add(word)
    return {field: frozenset(found) for field, found in names.items()}
