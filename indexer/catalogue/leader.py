"""A project's leader, read from the labelled line its own document opens with
(«**Prosjektleder:** Kristoffer Nærland, fagleder, barneverntjenesten i Klepp»): who, in which
position, where — for «Hvem er prosjektlederne?» and «Hvilke prosjekter ledes av en fagleder?».
"""

from __future__ import annotations

import re
from typing import NamedTuple

from indexer.catalogue import fields
from indexer.catalogue.fields import Span
from indexer.catalogue.models import Leader
from indexer.catalogue.view import DocView

# «**Prosjektleder:** Kristoffer Nærland, fagleder, barneverntjenesten i Klepp»
_LEADER_FIELD = re.compile(r"prosjekt(?:leder|leiar|ansvarlig|ansvarleg)|project (?:leader|manager)")


class LeaderLine(NamedTuple):
    """A project leader's label line read apart: the name, the position («fagleder») and the
    workplace, where the line gives them."""

    name: str
    position: str | None
    workplace: str | None


def leader(line: str) -> LeaderLine | None:
    """The project leader a «Prosjektleder: Navn, stilling, arbeidssted» line names."""
    label = fields.field_name(line)
    if label is None or not _LEADER_FIELD.fullmatch(label):
        return None
    value = line.split(":", 1)[1].strip(" *_\t")
    parts = [p.strip(" *_.") for p in value.split(",")]
    if not parts[0] or not parts[0][0].isupper():
        return None
    return LeaderLine(parts[0], parts[1] if len(parts) > 1 and parts[1] else None,
                      ", ".join(parts[2:]) or None)


def named_leader(view: DocView, head: list[Span]) -> Leader | None:
    """The project leader the document's opening lines name («Prosjektleder: …»)."""
    for span in head:
        for line in span.text.splitlines():
            if found := leader(line):
                return Leader(name=found.name, position=found.position,
                              workplace=found.workplace, evidence=view.span_evidence(span))
    return None
