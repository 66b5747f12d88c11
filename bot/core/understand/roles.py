"""Whether a question asks who attended («Hvem deltok …», «Hvilke møter har Valle deltatt på?»)
and which participants: «Hvilke barnevernledere deltok …», «Hvem var referent?», «Kven hadde
forfall?», «Who from the county governor attended?»."""

from __future__ import annotations

import re

from indexer.minutes.models import Role

_ABSENT = re.compile(
    r"\b(?:forfall|fråfall|frafall|absent|apologies|ikke til stede|ikkje til stades|"
    r"(?:did not|didn't|could not|couldn't) attend|var borte)", re.I)
# «Hvem leder styringsgruppene i nettverkene?»: the steering groups (plural) of the networks,
# each meeting's chair («leder av styringsgruppen» in its attendance)
_GROUP_LEADERS = (r"\b(?:(?:leder|leiar)\s+(?:for|av|i)\s+|(?:leder|leier|leiar|ledet|leidde)\s+)"
                  r"(?:de\s+|dei\s+)?styringsgrupp(?:ene|ane|er|ar)\b|"
                  r"\b(?:chairs?|leads?|led)\s+(?:of\s+)?the\s+steering\s+groups\b")
_LEADS_GROUPS = re.compile(r"\b(?:hvem|kven|who)\b.{0,20}?" + _GROUP_LEADERS, re.I)


# «satt i styringsgruppa … på møtet i februar»: the group's members at that meeting
_SAT_IN = (r"\b(?:satt|sat)\s+(?:i|in|on)\s+(?:the\s+)?\w*(?:grupp|group)\w*"
           r".{0,40}?(?:møte|meeting)\w*")


_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.CHILD_WELFARE_LEADER, re.compile(
        r"\b(?:barnevern\w*(?:led|leiar|sjef)\w*|bv\.?-?(?:led|leiar)\w*|child[- ]welfare\s+"
        r"(?:leaders?|managers?|heads?)|(?:leaders?|heads?)\s+of\s+(?:the\s+)?child[- ]welfare)",
        re.I)),
    (Role.MINUTE_TAKER, re.compile(
        r"\b(?:referent\w*|(?:skrev|skreiv|skrevet|skrive|skrive[nt]?|ført|førte)\s+"
        r"(?:\w+\s+)?(?:referat(?:et|ene|a)|møtereferat\w*)|took (?:the )?minutes|"
        r"minute[- ]?takers?|(?:wrote|written|writes|kept)\s+(?:\w+\s+)?minutes)", re.I)),
    (Role.CHAIR, re.compile(
        rf"{_GROUP_LEADERS}|"
        r"\b(?:møteleder\w*|møteleiar\w*|ordstyrer\w*|chair\w*|"
        # «ledet styringsgruppemøtet», «leidde samlinga», «led the meeting»
        r"(?:ledet|leda|leia|leidde|led)\s+(?:(?:the\s+)?\w*(?:møte|samling|meeting)\w*|it\b|det\b)|"
        # «Kven leia styringsgruppa?», «leder av ressursgruppen», «who chaired the steering group»
        r"(?:leder|leiar|leier|ledet|leda|leia|leidde|leads?|led|chair(?:ed|s)?)\s+"
        r"(?:(?:for|av|i|of)\s+)?(?:the\s+)?(?:styringsgrupp|ressursgrupp|steering\s+group)"
        r"(?:a|en|e|et)?\b)",
        re.I)),
    (Role.ABSENT, _ABSENT),
    (Role.STATE, re.compile(
        r"\b(?:statsforvalter\w*|statsforvaltar\w*|fylkesmann\w*|county governor)", re.I)),
)
_PRESENT = re.compile(
    _SAT_IN + r"|\b(?:deltok|deltek|deltog|møtte|møtt|til stede|tilstede|til stades|var med|"
    r"satt med|sat med|"
    r"deltakere|deltakerne|deltakarar|deltakarane|participants|attendees|present|attended|participated|"
    r"was there|were there|(?:was|were|var)\s+(?:at|på)\s+(?:the\s+)?\w*(?:møte|samling|meeting)\w*)\b",
    re.I)


def roles_asked(text: str) -> frozenset[Role]:
    """The roles asked for; «present» when the question asks who attended in so many words
    («Hvem var til stede, og hvem var referent?»), never from «ikke til stede»."""
    found = {role for role, pattern in _ROLES if pattern.search(text)}
    if both_sides(text):
        found.discard(Role.STATE)  # one of two sides asked: everyone present is
    if _PRESENT.search(_ABSENT.sub(" forfall ", text)):  # «var ikke til stede på» is no «var på»
        found.add(Role.PRESENT)
    return frozenset(found)


_BOTH_SIDES = re.compile(r"\b(?:fra|frå|from)\s+\S.{0,60}?\s(?:og|and)\s+(?:fra|frå|from)\s",
                         re.I)


def both_sides(text: str) -> bool:
    """«Hvem var med fra statsforvalterne og fra barnevernstjenestene?»: two sides named, so
    everyone present is asked, each shown with where they came from."""
    return bool(_BOTH_SIDES.search(text))


_PARTICIPANTS = re.compile(
    r"\b(hvem|kven|who|hvilke|kva for|which|hvor mange|kor mange|how many)\b.{0,50}?\b(deltok|"
    r"deltek|deltog|delte(?!\s+(?:sine\s+|si\s+|sitt\s+)?(?:erfaring|kunnskap|informasjon|tank|"
    r"innsikt|historie|resultat))|møtte|deltatt|delteke|møtt|vært med|vore med|attend|take part|"
    r"taken part|took part|representert|representerte|represented|"
    r"attended|participated|var til stede|var tilstede|var til stades|var med|was present|"
    r"satt med|sat med|were present|was there|were there|was at|were at|(?:var|har vært|har vore) referent|"
    # «satt på møtet» (sat at), not «ble satt på møtet» (were set there: dates, deadlines)
    r"(?<!ble )(?<!blei )(?<!vart )(?:satt|sat|var|was|were)\s+(?:i|på|in|on|at)\s+(?:the\s+)?"
    r"\w*(?:møte|samling|meeting)\w*|"
    + _SAT_IN + r"|"
    r"(?:skrev|skreiv|skrevet|ført|førte)\s+(?:\w+\s+)?(?:referat(?:et|ene|a)|møtereferat\w*)|"
    r"(?:wrote|written|kept)\s+(?:\w+\s+)?minutes|"
    r"was (?:the )?(?:minute[- ]?taker|referent|chair)|took (?:the )?minutes|"
    r"(?:ledet|leda|leia|leidde)\s+\w*(?:møte|samling)\w*|led the meeting|chaired|var møteleder|"
    r"var møteleiar|"
    r"hadde forfall|meldte forfall|meldt forfall|sent apologies|(?:was|were) absent|"
    r"(?:did not|didn't|could not|couldn't) attend)\b|"
    r"\b(deltakere|deltakarar|deltakarane|deltakerne|participants|attendees|til stede på|"
    r"til stades på)\b|^\W*(?:var|deltok|møtte|har|was|were|did|has)\s+(?-i:[A-ZÆØÅ])\w*"
    r"(?:\s+\w+){0,2}?\s+(?:med|deltatt|vært med|vore med|attend\w*|present)\b"
    r"|^\W*(?:var|was|were|did)\s+(?:noen|nokon|any(?:one|body)?|someone)\s+(?:fra|frå|from)\s+"
    r"(?-i:[A-ZÆØÅ])", re.I)
_WHO_FROM = re.compile(  # «Hvem møtte fra Tysvær?»: attendance without saying «møte»
    r"(?i:\b(?:hvem|kven|who)\s+(?:\w+\s+){0,2}?(?:fra|frå|from)\s+)[A-ZÆØÅ]")


def asks_participants(text: str) -> bool:
    return bool(_PARTICIPANTS.search(text) or _LEADS_GROUPS.search(text))


def names_attendee(text: str) -> bool:
    """«Hvem møtte fra Tysvær?» asks about attendance without saying «møte»; so does «Hvem
    leder styringsgruppene?» (each network's meetings name their chair)."""
    return bool(_WHO_FROM.search(text) or _LEADS_GROUPS.search(text))
