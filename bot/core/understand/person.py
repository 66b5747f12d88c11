"""Whether a part asks for a person by name, not an organisation: «Hvem leder prosjektet?»,
«Kven er kontaktperson?» and «Who's running it?» are answered by a name («Prosjektleiar:
Ingeborg Haugen Lien»); «Hvem er vertskommune?» by a municipality, «hvem samarbeider de med?»
by an institution."""

from __future__ import annotations

import re

_PERSON_ASKED = re.compile(
    r"\b(?:hvem|kven|who)\b(?:'s)?\W+(?:\w+\s+){0,2}?"
    r"(?:leder|leier|leiar|leda|ledet|leia|leidde|koordinerer|koordinator\w*|kontaktperson\w*|"
    r"referent\w*|prosjektleder\w*|prosjektleiar\w*|leads?|led|runs?|running|ran|manages?|"
    r"managing|coordinat\w*|in charge|contact person|project (?:leader|manager)|"
    r"(?:was|is) the (?:leader|manager|coordinator|contact))\b", re.I)


def asks_person(text: str) -> bool:
    """The part asks who leads, runs, coordinates or is the contact: a person's name."""
    return bool(_PERSON_ASKED.search(text))
