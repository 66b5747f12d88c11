"""«Hvor store rammer har fylkene hatt til læringsnettverkene?»: the money each county (its
Fylkesmann or Statsforvalter) had for its learning networks, asked across counties and years.

A question of one county and year («Hvor mye fikk Agder i 2020?») is a fact question like any;
this asks for the table.
"""

from __future__ import annotations

import re

# the county's frame, by name, or money asked for
_FRAME = re.compile(r"\b(?:ramme|rammer|ramma|rammen|rammene|rammar|pott|potten|"
                    r"frames?|pots?)\b", re.I)
_MONEY = re.compile(r"\b(?:hvor mye|hvor store?|kor mykje|kor store?|how much|how large)\b"
                    r"[^?]{0,80}?\b(?:penger|pengar|midler|midlar|stimuleringsmidl\w*|tilskudd\w*|"
                    r"money|funding|funds|grants?|(?:å|to) (?:fordele|distribute)|"
                    r"(?:til|for) (?:læringsnettverk\w*|(?:the|its|their) learning networks?))\b",
                    re.I)
_NETWORKS = re.compile(r"\b(?:læringsnettverk\w*|learning networks?|fylke|fylker|fylkene|fylka|"
                       r"fylkesm[ae]nn\w*|statsforvalter\w*|statsforvaltar\w*|counties|county|"
                       r"county governors?)\b", re.I)
# across counties or years: each, all, an overview, year by year
_EACH = re.compile(r"\b(?:hvert|kvart|each|every|år for år|year by year|oversikt\w*|"
                   r"overview|list\w*|fylkene|fylka|fylker|counties|fylkesmennene|"
                   r"statsforvalterne|statsforvaltarane|ifølge (?:dokumentene|referatene|"
                   r"møtereferatene)|according to the documents|(?:the )?documents mention|"
                   r"årlege|årlige|annual)\b", re.I)
# a project's money, a share paid back or paid by the municipalities: not the county's frame
_NOT_FRAME = re.compile(r"\b(?:prosjekt\w*|projects?|ubrukt\w*|unused|egenandel\w*|eigendel\w*|"
                        r"eigeninnsats|inntil|maks\w*|max\w*|per søknad)\b", re.I)


def asks_frames(text: str, counties_named: int) -> bool:
    """The county frames across counties or years (several counties named count as across)."""
    if not (_FRAME.search(text) or _MONEY.search(text)) or _NOT_FRAME.search(text):
        return False
    return bool(_NETWORKS.search(text)) and (bool(_EACH.search(text)) or counties_named > 1)
