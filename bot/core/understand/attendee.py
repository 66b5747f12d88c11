"""Whose attendance a participants question asks about: «Hvem møtte fra Bufdir?», «Kven frå
Øygarden var til stades?», «Hvilke møter har Valle deltatt på?», «Which meetings did Voss
attend?». The words are read out of the text, so they are not taken for a meeting's name.
"""

from __future__ import annotations

import re

from bot.core.question_values import Attendee
from bot.core.understand import places
from bot.core.understand.roles import both_sides
from indexer.text.dates import MONTH_NUMBERS
from indexer.text.places import Gazetteer

_NAME = r"[A-ZÆØÅ][\w./-]*"
_STOP = (r"(?=\s+(?:på|paa|at|on|til|med|with|i\s+(?:møte|samling|referat|\d|fjor|år|vår|høst|haust)\w*|"
         r"in\s+(?:the\s+)?(?:meeting|\d)\w*|deltok|deltek|møtte|var|vart|was|were|attended|"
         r"took\s+part|take\s+part|taking\s+part|participated|joined|"
         r"har|have|has|hadde|had|sist\w*|last)\b|\s+(?:og|and)\s+(?-i:[a-zæøå])|\s*[?,.;:!]|\s*$)")
# «fra Bufdir», «frå Statsforvaltaren i Agder», «from the county governor», but not «referatet
# fra Setesdal» (the meeting) nor «fra 2020» (a time).
_FROM = re.compile(
    r"(?<![\w])(?<!referat )(?<!referatet )(?<!møtet )(?<!samlingen )(?<!samlinga )"
    r"(?:fra|frå|from)\s+(?:the\s+)?(?P<who>\S.{0,60}?)" + _STOP, re.I)
# «har Valle deltatt», «did Voss attend», «var Bykle med», «møter der Valle deltok».
_SUBJECT = re.compile(
    rf"(?i:\b(?:har|hadde|has|have|had|did|does|do|var|was|were|deltok|deltek|møtte)\s+)"
    rf"(?P<who>{_NAME}(?:\s+(?:og\s+|i\s+)?{_NAME}){{0,3}}(?:\s+(?i:kommune|herad))?)\s+"
    r"(?i:deltatt|delteke|deltok|vært|vore|møtt|attend\w*|participat\w*|take part|taken part|"
    r"been|med|på|at|til|present|in|representert|represented)\b"
    rf"|(?i:\b(?:møter|møta|møtene|meetings|samlinger|samlingar)\s+(?:der|hvor|kor|where|with|"
    rf"med|som)\s+)(?P<who2>{_NAME}(?:\s+(?:og\s+)?{_NAME}){{0,3}})"
    rf"|(?i:\b(?:attended by|representerte|represented)\s+)(?P<who3>{_NAME}(?:\s+{_NAME}){{0,3}})")
_MEETINGS_ASKED = re.compile(
    r"\b(?:hvilke|hvilket|kva for(?: nokre| eit| ein)?|which|what|how many|hvor mange|kor mange|"
    r"list\w*(?: opp)?|vis)\s+(?:\w+\s+)?(?:møter|møte|møta|møtene|samlinger|samlingar|"
    r"samlingene|meetings|gatherings|referater|referata)\b", re.I)
_GENERIC = frozenset((
    "kommune", "kommunen", "kommunes", "herad", "heradet", "i", "og", "the", "in", "and", "of",
    "for", "eller", "or", "municipality", "barnevernet", "barneverntjenesten", "barneverntenesta",
    "barnevernstenesta", "barnevernstjenesten", "child", "welfare", "service", "services",
    "noen", "nokon", "any", "someone", "anyone", "representanter", "representantar", "folk",
    # «the county governor's office»: the office of the one named
    "county", "office", "offices", "s", "kontor", "kontoret", "embetet", "embete",
))
STATE = "statsforvalter"  # the office under any of its names: a role as much as an attendee
_FOLD = ((re.compile(r"^(?:statsforvalt\w*|fylkesmann\w*|governor)$"), STATE),)
_NOT_WHO = re.compile(
    rf"^(?:\d|(?:{'|'.join(MONTH_NUMBERS)})\b|møte|møta|samling|referat|meeting|minutes|"
    r"dei|de|dem|them|these|those|alle|all)", re.I)


def attendee(text: str, gazetteer: Gazetteer) -> tuple[Attendee | None, str]:
    """The attendee the text names, and the text without it (for the meeting's own words).
    «Hvem var med fra statsforvalterne og fra barnevernstjenestene?» names two sides: everyone
    present is asked, each shown with where they came from."""
    if both_sides(text):
        return None, text
    for pattern in (_FROM, _SUBJECT):
        for match in pattern.finditer(text):
            group = next(g for g in ("who", "who2", "who3") if g in pattern.groupindex
                         and match.group(g) is not None)
            written = match.group(group).strip()
            found = from_words(written, gazetteer)
            if found is not None:
                start, end = match.span(group)
                return found, f"{text[:start]} {text[end:]}"
    return None, text


def from_words(written: str, gazetteer: Gazetteer) -> Attendee | None:
    """«Valle», «Kvam herad», «Statsforvalteren i Rogaland», «RKBU Vest»: by place when the
    words are only places, else by the organisation's words (places among them)."""
    written = written.strip()
    if not written or _NOT_WHO.match(written):
        return None
    words = [_fold(w) for w in re.findall(r"\w+", written.casefold())]
    found = places.municipalities(written, gazetteer) + places.counties(written, gazetteer)
    named = {w for p in found for w in re.findall(r"\w+", p.name.casefold())}
    rest = [w for w in words if w not in _GENERIC and w not in named]
    if rest:
        if not any(c.isupper() for c in written) and not found:
            return None  # «fra kommunene», «from them»: no one in particular
        org = tuple(dict.fromkeys(w for w in words if w not in _GENERIC))
        return Attendee(written=written, org_words=org)
    return Attendee(written=written, places=found) if found else None


def meetings_asked(text: str) -> bool:
    """«Hvilke møter har Valle deltatt på?»: the meetings are the answer, not the people."""
    return bool(_MEETINGS_ASKED.search(text))


def org_words(text: str) -> set[str]:
    """An organisation as written, as the folded words an attendee's words are matched to."""
    return {_fold(w) for w in re.findall(r"\w+", text.casefold())}


def _fold(word: str) -> str:
    for pattern, folded in _FOLD:
        if pattern.match(word):
            return folded
    return word
