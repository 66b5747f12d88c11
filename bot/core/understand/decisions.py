"""Questions about what a meeting decided and who is to follow what up: «Hva ble vedtatt om …»,
«Kva har styringsgruppa vedteke om …», «oppfølgingspunkter, ansvarlig + frist?». Part of
`intent`, which decides the route.
"""

from __future__ import annotations

import re

_DECIDED = (r"bestemte?|vedtatt|vedteke|vedtok|vedtekne|beslutt(?:et|a)|avgjort|konkluderte?|"
            r"enige|einige|enighet|einigheit|decided?|agreed|concluded|resolved|vedtak(?:ene|a)|"
            r"beslutning(?:ene|ane)|konklusjon(?:ene|ane)|oppfølgj?ingspunkt\w*|aksjonspunkt\w*|"
            r"oppfølgj?ingsoppg[aå]v\w*|"
            r"action (?:items|points)|decisions|follow[- ]?up (?:tasks|points|items|actions)")
# «Kva periode gjeld kompetanseløftet regjeringa vedtok?»: a question word with its own noun asks
# for that, not for what was decided
_NOUN_ASKED = (r"(?:periode\w*|period|dato\w*|date|frist\w*|deadline|år|year|beløp\w*|amount|"
               r"sum\w*|tall\w*|number|prosent\w*|percent\w*|alder\w*|age|lov\w*|law|paragraf\w*|"
               r"krav\w*|requirements?|tiltak\w*|measures?|mål\w*|goals?|tema\w*|topics?|"
               r"ordning\w*|scheme)\b")
_DECISIONS_ASKED = re.compile(
    rf"^\W*(?:og\s+|and\s+)?(?:hva|kva|what)\b(?!\s+{_NOUN_ASKED}).{{0,60}}?\b(?:{_DECIDED})\b"
    r"|\b(?:hvilke|kva for(?: nokre)?|which|list\w*|oppsummer\w*)\s+(?:\w+\s+){0,2}?"
    # the items to follow up, not «oppfølging av barn i fosterhjem» (what a supervision is about)
    r"(?:vedtak\w*|beslutning\w*|avgjerd\w*|konklusjon\w*|decisions|oppfølgj?ings(?:punkt|oppgåve|"
    r"oppgave|sak|ansvar|frist)\w*|aksjonspunkt\w*|"
    r"action (?:items|points))\b"
    r"|\b(?:vedtakene|vedtaka|decisions made)\b", re.I)
_ACTOR_TOPIC = re.compile(  # «Hva har X bestemt om Y», «Hva ble (det) vedtatt om Y»
    r"^\W*(?:og\s+|and\s+)?(?:hva|kva|what)\s+(?:(?:ble|blei|vart|was|were|er|is|"
    r"(?:har|has|have)\s+(?:det\s+)?(?:blitt|vorte|vore|been))(?:\s+det)?|"
    r"(?:har|has|have|did|vedtok|bestemte)\s+(?P<actor>.+?))\s+"
    r"(?:bestemt|vedtatt|vedteke|besluttet|avgjort|konkludert|decided?|agreed|concluded|decide|"
    r"gjort|gjennomført|sett\s+i\s+gang|satt\s+i\s+gang|done|started)?"
    r"\s*(?:om|angående|angåande|når det gjelder|about|on|regarding|for å|in order to)\s+"
    r"(?P<topic>.+?)\W*$",
    re.I)
# «Finnmark-samlinga april -24: oppfølgingspunkter, ansvarlig + frist?»: the plural of what a
# meeting decides, beside a meeting, asks for them without a question word.
_DECISIONS_NAMED = re.compile(
    r"\b(?:oppfølgj?ings(?:punkt|frist)(?:er|ene|a|ane)|aksjonspunkt(?:er|ene|a|ane)|"
    r"action (?:items|points)|follow[- ]?up (?:tasks|points|items|actions)|vedtakene|vedtaka|"
    r"beslutningene|decisions)\b", re.I)


# «Vedtok kommunestyret …?», «Sa de ja?», «How did the council vote?»: a decision, as made
_MADE = re.compile(r"\b(?:vedtok|vedtatt|vedteke|bestemte|besluttet|beslutta|avgjorde|avgjort|"
                   r"godkjente|godkjent|godkjende|stemte|røystade|sa(?:\s+\S+){0,5}?\s+(?:ja|nei)|"
                   r"decided?|voted?|approved|agreed|said (?:yes|no))\b", re.I)
# «… selv om Nordre Land ikke har vedtatt avtalen ennå»: told as not made, not asked
_NOT_YET = re.compile(r"\b(?:ikke|ikkje|not|aldri|never)\s+(?:\S+\s+){0,2}$", re.I)


def asks_decided(text: str) -> bool:
    """Whether the question asks what was decided or voted: the answer is a decision made, not
    that the matter is still to be taken up."""
    return any(not _NOT_YET.search(text[:m.start()]) for m in _MADE.finditer(text))


# «Når ble det bestemt at …?», «Kva tid vart det vedteke …?», «When was it agreed …?»: the
# meeting where it was decided is part of the answer, not only what was decided
_WHEN_DECIDED = re.compile(
    r"\b(?:når|naar|kva\s+tid|kor\s+tid|når\s+i\s+tid|when|what\s+date)\s+(?:\S+\s+){0,4}?"
    rf"(?:{_DECIDED}|anbefalt|tilrådd|recommended|approved|godkjent|godkjend)\b", re.I)


def asks_when_decided(text: str) -> bool:
    """Whether the question asks when something was decided: a referat's answer then names the
    meeting and its date."""
    return bool(_WHEN_DECIDED.search(text))


# «Sunnmøre-samlingen 8. mars 2022: hvem skulle følge opp hva?»: the action items.
_WHO_DOES_WHAT = re.compile(
    r"\b(?:hvem|kven|who)\s+(?:(?:skal|skulle|må|har|hadde|fikk|fekk|var|er|vart|blei|ble|will|"
    r"should|is|was|were|has|had)\s+)?(?:ansvar(?:et)? for|ansvarl[ei]g(?:e)? for|følge opp|"
    r"følgje opp|gjøre|gjere|do|doing|follow(?:ing)? up(?: on)?|responsible for)\s+(?:hva|kva|"
    r"what)\b"
    # «hva ble folk satt til å følge opp etter samlingen», «what must be followed up»
    r"|\b(?:hva|kva|what)\b.{0,40}\b(?:følges opp|følgjast opp|følge opp|følgje opp|"
    r"followed up|follow up)\b"
    # «Hvilke oppgaver ble fordelt på møtet?», «which tasks were assigned at the meeting?»
    r"|\b(?:oppgaver|oppgåver|oppgavene|oppgåvene|tasks)\b.{0,30}\b(?:fordelt\w*|assigned|"
    r"delegated|handed out)\b"
    # «Hva lovet Statsforvalteren å gjøre etter samlingen?», «what did they promise to do?»
    r"|\b(?:hva|kva|what)\s+(?:\S+\s+){0,4}?(?:lovet|lova|lovde|lovte|promised|påtok|tok på seg|"
    r"undertook|committed)\b"
    # «Hvem i Setesdal-nettverket fikk hvilke oppgaver …?», «who was given tasks at the meeting?»
    r"|\b(?:hvem|kven|who)\s+(?:[\w-]+\s+){0,3}?(?:fikk|fekk|har fått|got|was given|were given)\s+"
    r"(?:\w+\s+)?(?:oppgaver|oppgåver|oppgave|oppgåve|tasks?|ansvar|oppfølgj?ing\w*|"
    r"action items?)\b", re.I)


def who_does_what(text: str) -> bool:
    """«Hvem fikk oppgaver etter samlingen?»: the action items, not who was there."""
    return bool(_WHO_DOES_WHAT.search(text))


def names_items(text: str) -> bool:
    """«Hvilke oppfølgingspunkter ble satt på samlingen?»: the question names a meeting's
    decisions or action items («satt på» is set there, not sat there)."""
    return bool(_DECISIONS_NAMED.search(text))


# «Hva har nettverkene gjort for å rekruttere ansatte?», «What have the steering groups done
# about …?»: what the networks' minutes decided and followed up
_GROUPS_DID = re.compile(
    r"^\W*(?:og\s+|and\s+)?(?:hva|kva|what)\s+(?:har|have|has|did)\s+(?:de\s+|dei\s+|the\s+)?"
    r"\w*(?:nettverk|styringsgrupp|ressursgrupp|networks?|steering\s+groups?)\w*\s+"
    r"(?:gjort|gjennomført|sett\s+i\s+gang|satt\s+i\s+gang|done|started)\s+"
    r"(?:for\s+å|med|om|to|about|on|with)\s+\S", re.I)


# «Hvilke av fristene fra styringsgruppemøtet har ikke gått ut?», «the deadlines set at the
# meeting»: the action items, each with its deadline
_MEETING_DEADLINES = re.compile(
    r"\b(?:frister|fristene|fristar|fristane|deadlines)\s+(?:\S+\s+){0,3}?(?:fra|frå|from|på|"
    r"at|i|in|etter|after)\s+(?:\S+\s+){0,2}?[\w-]*(?:møte|samling|referat|meeting|gathering|"
    r"minutes)\w*", re.I)


# «Hvilke av fristene har ikke gått ut ennå?», «which are still open?»: only the action items
# whose deadline is still ahead; «hva gjenstår?» too when it is all that is asked, while
# «hvilke har gått ut, og hvilke gjenstår?» and «… hvem har ansvaret og hva gjenstår?» ask for
# every item, the passed ones marked
_OPEN_ONLY = re.compile(
    r"\b(?:ikke|ikkje|not|ennå\s+ikke|enno\s+ikkje)\s+(?:\w+\s+){0,2}?(?:gått\s+ut|gått|passert|"
    r"utløpt|utgått|gone|passed|expired)\b|\b(?:still\s+open|fortsatt\s+åpne?|framleis\s+opne?)\b",
    re.I)
_REMAINING = re.compile(r"\b(?:gjenstår|står\s+att|remaining|remain|upcoming|kommende|kommande)\b",
                        re.I)
_PASSED_TOO = re.compile(r"\b(?:har|have|er|is|are)\s+(?!(?:ikke|ikkje|not)\b)(?:\w+\s+)?"
                         r"(?:gått\s+ut|passert|utløpt|"
                         r"passed|expired)\b", re.I)
_MORE_ASKED = re.compile(r",|\b(?:og|and)\s+(?:hva|kva|what|hvem|kven|who|hvilke|which)\b", re.I)


def asks_open_only(text: str) -> bool:
    """Only the action items still open today are asked, not those whose deadline passed."""
    if _PASSED_TOO.search(text):
        return False
    return bool(_OPEN_ONLY.search(text)) or bool(
        _REMAINING.search(text) and not _MORE_ASKED.search(text))


# «Hvilke oppgaver fikk Eivind Skjølås?», «Which action items were assigned to Statsforvalteren?»,
# «Hva skal Olav Tveiten følge opp?»: the action items one person or body is responsible for
_NAME = r"[A-ZÆØÅ][\w.-]*(?:\s+(?:i\s+|og\s+|for\s+)?[A-ZÆØÅ][\w.-]*){0,3}"
_ASSIGNED = re.compile(  # only the name is case-sensitive: it is what is capitalised
    r"(?i:\b(?P<noun>oppgaver|oppgåver|oppgavene|oppgåvene|oppgave|oppgåve|oppfølgj?ingspunkt\w*|"
    r"oppfølgj?ingsoppg[aå]v\w*|aksjonspunkt\w*|action\s+items?|tasks?|"
    r"follow[- ]?up\s+(?:tasks|items|points))\s+(?:(?:ble|blei|vart|was|were|er|is|are)\s+)?"
    r"(?P<verb>fikk|fekk|har|hadde|got|has|had|gitt\s+til|given\s+to|assigned\s+to|tildelt|"
    rf"fordelt\s+til|for)\s+)(?P<who>{_NAME})"
    r"|(?i:\b(?:hva|kva|what)\s+(?:skal|skulle|må|måtte|should|must|will|did)\s+)"
    rf"(?P<doer>{_NAME})(?i:\s+(?P<does>følge|følgje|gjøre|gjere|do|follow)\b)")
# «Hvilke oppgaver har Bufdir?» asks what a body does in general, «Hvilke oppgaver fikk Bufdir?»
# what it was given: plain «oppgaver», «tasks», «gjøre» are action items only when given or
# beside a meeting
_GENERIC = re.compile(r"^(?:oppg[aå]v\w*|tasks?|gjøre|gjere|do)$", re.I)
_GIVEN = re.compile(r"^(?:fikk|fekk|got|gitt\s+til|given\s+to|assigned\s+to|tildelt|"
                    r"fordelt\s+til)$", re.I)


def assignee(text: str) -> str:
    """Who the action items are asked for («Eivind Skjølås», «Statsforvalteren»), or ""."""
    match = _ASSIGNED.search(text)
    return (match["who"] or match["doer"]).strip() if match else ""


def _assignment_asked(text: str, meeting_word: re.Pattern[str]) -> bool:
    match = _ASSIGNED.search(text)
    if match is None:
        return False
    generic = bool(_GENERIC.match(match["noun"] or match["does"] or ""))
    given = bool(match["verb"] and _GIVEN.match(match["verb"]))
    return not generic or given or bool(meeting_word.search(text))


def asked(text: str, meeting_word: re.Pattern[str]) -> bool:
    """Whether the text asks what a meeting decided or who is to do what after it."""
    named = names_items(text) or who_does_what(text)
    return bool(_DECISIONS_ASKED.search(text) or _GROUPS_DID.search(text)
                or _MEETING_DEADLINES.search(text) or _assignment_asked(text, meeting_word)
                ) or bool(
        named) and bool(meeting_word.search(text))


def actor_and_topic(text: str) -> tuple[str, str]:
    """«Hva har ressursgruppa bestemt om kompetansemiljøene?» → (ressursgruppa, kompetansemiljøene);
    «Hva ble bestemt om barnevernsvakt?» → ("", barnevernsvakt)."""
    match = _ACTOR_TOPIC.match(text.strip())
    return ((match["actor"] or "").strip(), match["topic"].strip()) if match else ("", "")


# «… hadde frist i 2024», «due in 2025», «deadline in 2024»: the year the action items fall due
_DUE_YEAR = re.compile(r"\b(?:frist\w*|deadlines?|due)\s+(?:(?:i|in|innen|innan|by|før|"
                       r"before)\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)


def due_year(text: str) -> int | None:
    """The year the asked action items fall due, when the question names one."""
    match = _DUE_YEAR.search(text)
    return int(match["year"]) if match else None
