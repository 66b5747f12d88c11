"""Which participants a question asks about: «Hvilke barnevernledere deltok …», «Hvem var
referent?», «Kven hadde forfall?», «Who from the county governor attended?»."""

from __future__ import annotations

import re

from indexer.minutes.models import Role

_ABSENT = re.compile(
    r"\b(?:forfall|fråfall|frafall|absent|apologies|ikke til stede|ikkje til stades|"
    r"(?:did not|didn't|could not|couldn't) attend|var borte)", re.I)
_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.CHILD_WELFARE_LEADER, re.compile(
        r"\b(?:barnevern\w*(?:led|leiar|sjef)\w*|bv\.?-?(?:led|leiar)\w*|child[- ]welfare\s+"
        r"(?:leaders?|managers?|heads?)|(?:leaders?|heads?)\s+of\s+(?:the\s+)?child[- ]welfare)",
        re.I)),
    (Role.MINUTE_TAKER, re.compile(
        r"\b(?:referent\w*|skrev referatet|skreiv referatet|took (?:the )?minutes|"
        r"minute[- ]?taker|wrote the minutes)", re.I)),
    (Role.CHAIR, re.compile(
        r"\b(?:møteleder\w*|møteleiar\w*|ordstyrer\w*|ledet møtet|leia møtet|leidde møtet|"
        r"chair\w*)", re.I)),
    (Role.ABSENT, _ABSENT),
    (Role.STATE, re.compile(
        r"\b(?:statsforvalter\w*|statsforvaltar\w*|fylkesmann\w*|county governor)", re.I)),
)
_PRESENT = re.compile(
    r"\b(?:deltok|deltek|deltog|møtte|møtt|til stede|tilstede|til stades|var med|deltakere|"
    r"deltakerne|deltakarar|deltakarane|participants|attendees|present|attended|participated|"
    r"was there|were there)\b", re.I)


def roles_asked(text: str) -> frozenset[Role]:
    """The roles asked for; «present» when the question asks who attended in so many words
    («Hvem var til stede, og hvem var referent?»), never from «ikke til stede»."""
    found = {role for role, pattern in _ROLES if pattern.search(text)}
    if _PRESENT.search(_ABSENT.sub(" ", text)):
        found.add(Role.PRESENT)
    return frozenset(found)
