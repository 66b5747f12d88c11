"""Places a question names, with their history both ways (SSB): «Øygarden» also means the
former Fjell and Sund; «Fjell» is today's Øygarden; «Vestland» covers Hordaland.
"""

from __future__ import annotations

from bot.core.question import Place
from indexer.text.places import Gazetteer


def municipalities(text: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    found: list[Place] = []
    for mention in gazetteer.find_municipalities(text, lenient=True):
        current = tuple(n.strip() for n in mention.current_name.split(",") if n.strip())
        former = set()
        for name in current:
            former |= gazetteer.former_names(name)
        found.append(Place(
            name=mention.name, kind="municipality", current_names=current,
            former_names=tuple(sorted(former - {mention.name, *current})),
            numbers=tuple(mention.current_numbers),
        ))
    return tuple(found)


def counties(text: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    found: list[Place] = []
    for name in gazetteer.find_counties(text):
        current = tuple(gazetteer.current_counties(name)) or (name,)
        former = set()
        for today in current:
            former |= gazetteer.historic_counties(today)
        found.append(Place(name=name, kind="county", current_names=current,
                           former_names=tuple(sorted(former - {name, *current}))))
    return tuple(found)
