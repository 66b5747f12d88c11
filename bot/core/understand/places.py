"""Places a question names, with their history both ways (SSB): «Øygarden» also means the
former Fjell and Sund; «Fjell» is today's Øygarden; «Vestland» covers Hordaland, and
«Hordaland» the municipalities that lay there, under whatever name they are filed today.
"""

from __future__ import annotations

from bot.core.question import Place
from indexer.text.places import Gazetteer


def municipalities(text: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """«Os i Hordaland» is Bjørnafjorden's Os, not Innlandet's: a county named beside an
    ambiguous municipality settles it."""
    hint = next(iter(gazetteer.find_counties(text)), None)
    found: list[Place] = []
    for mention in gazetteer.find_municipalities(text, county_hint=hint, lenient=True):
        current = tuple(n.strip() for n in mention.current_name.split(",") if n.strip())
        former = set()
        for name in current:
            former |= gazetteer.former_names(name)
        today, named = set(mention.current_numbers), gazetteer.municipality(mention.kommunenummer)
        own = {m.number for m in gazetteer.municipalities()
               if named and m.name == named.name and today & set(m.current_numbers)}  # fmt: skip
        found.append(Place(
            name=mention.name, kind="municipality", current_names=current,
            former_names=tuple(sorted(former - {mention.name, *current})),
            numbers=tuple(mention.current_numbers), own_numbers=tuple(sorted(own)),
        ))
    return tuple(found)


def counties(text: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    found: list[Place] = []
    for name in gazetteer.find_counties(text):
        current = tuple(gazetteer.current_counties(name)) or (name,)
        former = set()
        for today in current:
            former |= gazetteer.historic_counties(today)
        area = {n for m in gazetteer.municipalities() if m.county == name
                for n in m.current_numbers if _lies_in(gazetteer, n, current)}  # fmt: skip
        found.append(Place(name=name, kind="county", current_names=current,
                           former_names=tuple(sorted(former - {name, *current})),
                           numbers=tuple(sorted(area))))  # fmt: skip
    return tuple(found)



def _lies_in(gazetteer: Gazetteer, number: str, counties: tuple[str, ...]) -> bool:
    """Hornindal lay in Sogn og Fjordane, but today's Volda is in Møre og Romsdal: a county
    covers today's municipalities that lie in its own successor."""
    today = gazetteer.municipality(number)
    return today is not None and today.county in counties
