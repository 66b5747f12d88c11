"""Questions about who leads the projects: «Hvem er prosjektlederne i ettervernsprosjekta?»
asks each project's leader beside its row; «Hvilke prosjekter ledes av en fagleder?» keeps the
projects whose leader holds that position. The project's own document names its leader on a
labelled line, which the catalogue keeps.
"""

from __future__ import annotations

import re

# «prosjektlederne», «prosjektleiarane», «the project leaders», «hvem leder prosjektene»
_LEADERS = re.compile(
    r"\b(?:prosjektleder(?:ne|e)|prosjektleiar(?:ane|ar|ne)|prosjektansvarlige|"
    r"project\s+(?:leaders|managers)|leaders\s+of\s+the\s+projects|"
    r"(?:hvem|kven|who)\s+(?:leder|leier|leiar|ledet|leidde|leia|ledde|leads?|led|runs?|ran|"
    r"heads?|headed|managed?|manages)\s+(?:de\s+|dei\s+|the\s+|alle\s+|all\s+)?(?:ulike\s+|"
    r"forskjellige\s+|different\s+)?[\w-]*(?:prosjekt(?:ene|a|ane)|projects))\b",
    re.I)
# The position asked for, after «ledes av», before «som prosjektleder», after «prosjektleder er»
_STOP = r"(?=\s*(?:[?.,;!]|$|\s(?:og|and|eller|or|i|in|fra|frå|from|med|with)\s))"
_POSITION_PATTERNS = (
    re.compile(r"\b(?:ledes|ledet|ledede|leda|leia|leidd|leiast|blir\s+leia|led|run|headed|"
               r"managed)\s+(?:av|by)\s+(?:en|ein|ei|a|an)\s+(?P<who>[^?.,;!]{3,60}?)" + _STOP,
               re.I),
    re.compile(r"\b(?:har|hadde|has|have|had)\s+(?:en|ein|ei|a|an)\s+(?P<who>[^?.,;!]{3,60}?)"
               r"\s+(?:som|as)\s+(?:prosjektle\w*|project\s+(?:leader|manager)|leder|leiar|"
               r"leader)\b", re.I),
    re.compile(r"\b(?:prosjektleder(?:en)?|prosjektleiar(?:en)?|(?:the\s+)?project\s+"
               r"(?:leader|manager))\s+(?:er|var|is|was)\s+(?:en|ein|ei|a|an)\s+"
               r"(?P<who>[^?.,;!]{3,60}?)" + _STOP, re.I),
)


def asks_leaders(text: str) -> bool:
    """The projects' leaders are asked for, each beside its project."""
    return bool(_LEADERS.search(text)) or led_by(text) is not None


def led_by(text: str) -> str | None:
    """The position the projects' leader must hold («fagleder»), as the question writes it."""
    for pattern in _POSITION_PATTERNS:
        if match := pattern.search(text):
            return " ".join(match.group("who").split())
    return None
